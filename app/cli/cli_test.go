package cli

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Setenv("TANDEM_DB", "")
	tests := []struct {
		args []string
		env  string
		want Command
		err  error
	}{
		{nil, "", Command{Name: "run"}, nil},
		{[]string{"--db", "/tmp/a.db"}, "", Command{Name: "run", DB: "/tmp/a.db"}, nil},
		{[]string{"-db=/tmp/b.db"}, "", Command{Name: "run", DB: "/tmp/b.db"}, nil},
		{nil, "/tmp/env.db", Command{Name: "run", DB: "/tmp/env.db"}, nil},
		{[]string{"--db", "/tmp/flag.db"}, "/tmp/env.db", Command{Name: "run", DB: "/tmp/flag.db"}, nil},
		{[]string{"sample"}, "", Command{Name: "sample"}, nil},
		{[]string{"sample", "--db", "/tmp/s.db"}, "", Command{Name: "sample", DB: "/tmp/s.db"}, nil},
		{[]string{"version"}, "", Command{Name: "version"}, nil},
		{[]string{"--frobnicate"}, "", Command{}, ErrUsage},
		{[]string{"sample", "extra"}, "", Command{}, ErrUsage},
		{[]string{"export"}, "", Command{}, ErrUsage},
		{[]string{"--db"}, "", Command{}, ErrUsage},
		{[]string{"-h"}, "", Command{}, ErrHelp},
		{[]string{"export-ics", "--program", "3", "--out", "x.ics"}, "", Command{Name: "export-ics", Program: 3, Out: "x.ics"}, nil},
		{[]string{"export-ics", "--program", "three"}, "", Command{}, ErrUsage},
		{[]string{"outbox", "export", "--dir", "/tmp/d"}, "", Command{Name: "outbox-export", Dir: "/tmp/d"}, nil},
		{[]string{"outbox", "export"}, "", Command{}, ErrUsage},
		{[]string{"outbox"}, "", Command{}, ErrUsage},
		{[]string{"sample", "--dir", "x"}, "", Command{}, ErrUsage},
		{[]string{"outbox", "send"}, "", Command{Name: "outbox-send"}, nil},
		{[]string{"outbox", "send", "--smtp", "smtp://tandem@127.0.0.1:2525?tls=none"}, "",
			Command{Name: "outbox-send", SMTP: &SMTP{Host: "127.0.0.1", Port: 2525, Username: "tandem", Security: "none"}}, nil},
		{[]string{"outbox", "send", "--smtp", "smtp://mail.example"}, "",
			Command{Name: "outbox-send", SMTP: &SMTP{Host: "mail.example", Port: 587, Security: "starttls"}}, nil},
		{[]string{"outbox", "send", "--smtp", "smtps://mail.example"}, "", Command{}, ErrUsage},
		{[]string{"outbox", "send", "--smtp", "smtp://u:pw@mail.example"}, "", Command{}, ErrUsage},
		{[]string{"outbox", "send", "--smtp", "smtp://mail.example:99999"}, "", Command{}, ErrUsage},
		{[]string{"outbox", "send", "--smtp", "smtp://mail.example?tls=maybe"}, "", Command{}, ErrUsage},
		{[]string{"sample", "--smtp", "smtp://mail.example"}, "", Command{}, ErrUsage},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Setenv("TANDEM_DB", tt.env)
			var stderr bytes.Buffer
			got, err := Parse(tt.args, &stderr)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if tt.err != nil {
				if !strings.Contains(stderr.String(), "Usage:") {
					t.Errorf("no usage printed: %q", stderr.String())
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
