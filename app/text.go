package app

import (
	"database/sql"
	"strings"
)

// The small text helpers the services share: capitalising, names, plurals, lists.

// upperFirst capitalises the first letter (of a lower-case error text, say).
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// plural picks the singular or plural word for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// words writes a stored value for reading: "on_hold" → "on hold".
func words[S ~string](s S) string { return strings.ReplaceAll(string(s), "_", " ") }

// orDefault is s, or d when s is empty.
func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nullID is an optional id for the store: 0 is none.
func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
