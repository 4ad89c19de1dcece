package app

import (
	"testing"
	"time"

	"tandem/db/store"
)

func TestPairDates(t *testing.T) {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name, starts, ends, wantStart, wantEnd string
	}{
		{"evergreen", "", "", "", ""},
		{"cohort ahead", "2027-04-01", "2027-09-30", "2027-04-01", "2027-09-30"},
		{"cohort under way", "2027-01-10", "2027-06-30", "2027-03-10", "2027-06-30"},
		{"cohort over", "2026-01-10", "2026-06-30", "2026-06-30", "2026-06-30"},
		{"group with an end only", "", "2027-06-30", "2027-03-10", "2027-06-30"},
	}
	for _, tt := range tests {
		s, e := pairDates(store.Program{StartsOn: tt.starts, EndsOn: tt.ends}, now)
		if s != tt.wantStart || e != tt.wantEnd {
			t.Errorf("%s: %s to %s, want %s to %s", tt.name, s, e, tt.wantStart, tt.wantEnd)
		}
	}
}
