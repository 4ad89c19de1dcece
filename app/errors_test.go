package app_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"testing"

	"tandem/app"
)

func TestFormatErrorGivesTheUIFieldAndRow(t *testing.T) {
	tests := []struct {
		err  error
		want app.Error
	}{
		{&app.Error{Field: "email", Message: "Not an email"}, app.Error{Field: "email", Message: "Not an email"}},
		{fmt.Errorf("import: %w", &app.Error{Row: 7, Message: "Bad"}), app.Error{Row: 7, Message: "Bad"}},
		{errors.New("disk full"), app.Error{Message: "Disk full"}},
	}
	for _, tt := range tests {
		s, ok := app.FormatError(tt.err).(string)
		if !ok {
			t.Fatalf("FormatError(%v) is not a string", tt.err)
		}
		var got app.Error
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("FormatError(%v) = %q: %v", tt.err, s, err)
		}
		if got != tt.want {
			t.Errorf("FormatError(%v) = %+v, want %+v", tt.err, got, tt.want)
		}
	}
}
