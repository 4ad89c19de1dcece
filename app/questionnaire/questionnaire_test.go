package questionnaire

import (
	"reflect"
	"testing"
)

func TestCheckAnswer(t *testing.T) {
	multi := Spec{Prompt: "Skills", Kind: Multi, Options: []string{"Go", "Python"}}
	tests := []struct {
		name string
		spec Spec
		in   Value
		want Value
		ok   bool
	}{
		{"option spelling", Spec{Kind: Single, Options: []string{"Small", "Large"}}, Value{Text: " large "}, Value{Text: "Large"}, true},
		{"unknown option", Spec{Kind: Single, Options: []string{"Small", "Large"}}, Value{Text: "Huge"}, Value{}, false},
		{"choices deduplicated", multi, Value{Choices: []string{"go", "Go", "python"}}, Value{Choices: []string{"Go", "Python"}}, true},
		{"unknown choice", multi, Value{Choices: []string{"Rust"}}, Value{}, false},
		{"empty optional", multi, Value{}, Value{}, true},
		{"empty required", Spec{Kind: Text, Required: true}, Value{Text: "  "}, Value{}, false},
		{"decimal comma", Spec{Kind: Number}, Value{Text: "2,5"}, Value{Text: "2.5"}, true},
		{"not a number", Spec{Kind: Number}, Value{Text: "NaN"}, Value{}, false},
		{"on the scale", Spec{Kind: Scale, ScaleMin: 1, ScaleMax: 5}, Value{Text: "5"}, Value{Text: "5"}, true},
		{"off the scale", Spec{Kind: Scale, ScaleMin: 1, ScaleMax: 5}, Value{Text: "6"}, Value{}, false},
		{"half a step", Spec{Kind: Scale, ScaleMin: 1, ScaleMax: 5}, Value{Text: "2.5"}, Value{}, false},
		{"zone", Spec{Kind: TimeZone}, Value{Text: "Asia/Tokyo"}, Value{Text: "Asia/Tokyo"}, true},
		{"not a zone", Spec{Kind: TimeZone}, Value{Text: "Tokyo"}, Value{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := CheckAnswer(tt.spec, tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("err = %v, want ok=%v", err, tt.ok)
			}
			if tt.ok && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestEncodeDecodeRoundTrip(t *testing.T) {
	tests := []struct {
		kind string
		v    Value
		raw  string
	}{
		{Multi, Value{Choices: []string{"Go", "Public \"speaking\""}}, `["Go","Public \"speaking\""]`},
		{Multi, Value{}, `[]`},
		{Number, Value{Text: "7.5"}, `7.5`},
		{Text, Value{Text: "Ünïcode, line\nbreak"}, `"Ünïcode, line\nbreak"`},
	}
	for _, tt := range tests {
		raw := Encode(tt.kind, tt.v)
		if raw != tt.raw {
			t.Errorf("Encode(%s, %+v) = %s, want %s", tt.kind, tt.v, raw, tt.raw)
		}
		back := Decode(raw)
		if tt.kind == Multi && len(tt.v.Choices) == 0 {
			if len(back.Choices) != 0 || back.Text != "" {
				t.Errorf("empty round trip = %+v", back)
			}
			continue
		}
		if !reflect.DeepEqual(back, tt.v) {
			t.Errorf("Decode(%s) = %+v, want %+v", raw, back, tt.v)
		}
	}
}

func TestDefaultsAreValid(t *testing.T) {
	seen := map[string]bool{}
	for _, d := range Defaults() {
		if field, err := Check(d.Spec); err != nil {
			t.Errorf("default %q: %s: %v", d.Prompt, field, err)
		}
		seen[d.Prompt] = true
	}
	for _, d := range Defaults() {
		if d.Complement != "" && !seen[d.Complement] {
			t.Errorf("%q complements a missing question %q", d.Prompt, d.Complement)
		}
	}
}

func TestApplies(t *testing.T) {
	if !Applies("everyone", false, true, false) || Applies("mentors", false, true, true) || !Applies("peers", false, true, true) || Applies("mentees", true, false, false) {
		t.Error("Applies gives the wrong audience")
	}
}
