package app

import "time"

// Clock tells the time; tests inject a fixed one.
type Clock func() time.Time

// stamp formats t as the ISO-8601 UTC text stored in the database.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
