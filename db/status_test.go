package db_test

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tandem/app/status"
)

// strings of a status list, for comparing with the schema.
func names[S ~string](list []S) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	slices.Sort(out)
	return out
}

// The typed statuses of app/status are exactly the values each table's CHECK constraint
// allows, so a status added to one and not the other fails here.
func TestStatusTypesMatchTheSchema(t *testing.T) {
	d := openTest(t)
	check := regexp.MustCompile(`(?s)\bstatus\s+TEXT[^,]*?CHECK \(status IN \(([^)]*)\)\)`)
	tables := map[string][]string{
		"programs":       names(status.Programs),
		"participants":   names(status.Participants),
		"relationships":  names(status.Relationships),
		"sessions":       names(status.Sessions),
		"requests":       names(status.Requests),
		"pairing_drafts": names(status.Drafts),
		"outbox":         names(status.Messages),
	}
	for table, want := range tables {
		var schema string
		if err := d.SQL.QueryRowContext(context.Background(),
			`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&schema); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		m := check.FindStringSubmatch(schema)
		if m == nil {
			t.Fatalf("%s: no CHECK on status in %s", table, schema)
		}
		var got []string
		for _, v := range strings.Split(m[1], ",") {
			got = append(got, strings.Trim(strings.TrimSpace(v), "'"))
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the schema allows %v, app/status has %v", table, got, want)
		}
	}
}
