package app_test

import (
	"testing"

	"tandem/app"
)

func TestDirectorySearchFilterSortPage(t *testing.T) {
	s, _ := mustOpen(t)
	if _, err := s.System.LoadSample(); err != nil {
		t.Fatal(err)
	}
	progs, _ := s.Programs.List()
	var peer app.Program
	for _, p := range progs {
		if p.Kind == "evergreen" {
			peer = p
		}
	}
	all, err := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != peer.Counts.Participants || len(all.Rows) != all.Total || len(all.Departments) != 8 {
		t.Fatalf("all: total %d rows %d departments %v; program counts %+v", all.Total, len(all.Rows), all.Departments, peer.Counts)
	}
	for i := 1; i < len(all.Rows); i++ {
		if all.Rows[i-1].Name > all.Rows[i].Name {
			t.Errorf("not sorted by name: %q before %q", all.Rows[i-1].Name, all.Rows[i].Name)
		}
	}

	tests := []struct {
		name string
		q    app.DirectoryQuery
		keep func(app.Participant) bool
	}{
		{"peers", app.DirectoryQuery{Role: "peer"}, func(p app.Participant) bool { return p.Peer }},
		{"mentors in Engineering", app.DirectoryQuery{Role: "mentor", Department: "Engineering"},
			func(p app.Participant) bool { return p.Mentor && p.Department == "Engineering" }},
		{"paused", app.DirectoryQuery{Status: "paused"}, func(p app.Participant) bool { return p.Status == "paused" }},
		{"in Tokyo", app.DirectoryQuery{Location: "Tokyo"}, func(p app.Participant) bool { return p.Location == "Tokyo" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.ProgramID, tt.q.Limit = peer.ID, 500
			page, err := s.Directory.Query(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, p := range all.Rows {
				if tt.keep(p) {
					want++
				}
			}
			if want == 0 || page.Total != want || len(page.Rows) != want {
				t.Fatalf("total %d rows %d, want %d (>0)", page.Total, len(page.Rows), want)
			}
			for _, p := range page.Rows {
				if !tt.keep(p) {
					t.Errorf("row does not match the filter: %+v", p)
				}
			}
		})
	}

	// Search reaches answers: find participants whose answers mention Japanese, case-insensitively.
	page, err := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Search: "JAPANESE", Limit: 500})
	if err != nil || page.Total == 0 {
		t.Fatalf("search by answer: %+v %v", page.Total, err)
	}
	for _, p := range page.Rows {
		prof, _ := s.Participants.Profile(p.ID)
		found := false
		for _, a := range prof.Answers {
			for _, c := range a.Value.Choices {
				if c == "Japanese" {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s matched 'japanese' but no answer says it", p.Name)
		}
	}
	// Search by name and e-mail, with words in any order; a % is a character, not a wildcard.
	first := all.Rows[0]
	if page, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Search: first.Email}); page.Total != 1 {
		t.Errorf("search by email %q found %d", first.Email, page.Total)
	}
	if page, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Search: "%"}); page.Total != 0 {
		t.Errorf("search for %% found %d", page.Total)
	}

	// Paging and reverse order.
	p1, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Limit: 10, Sort: "name", Desc: true})
	p2, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Limit: 10, Offset: 10, Sort: "name", Desc: true})
	if len(p1.Rows) != 10 || len(p2.Rows) != 10 || p1.Total != all.Total || p1.Rows[0].ID != all.Rows[len(all.Rows)-1].ID || p1.Rows[9].Name < p2.Rows[0].Name {
		t.Errorf("paging: %d %d total %d", len(p1.Rows), len(p2.Rows), p1.Total)
	}
	past, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Offset: 10000})
	if len(past.Rows) != 0 || past.Total != all.Total {
		t.Errorf("past the end: rows %d total %d", len(past.Rows), past.Total)
	}

	// A change to a person reaches the search at once.
	if _, err := s.People.Update(first.PersonID, app.PersonInput{Name: "Zebedee Quux", Email: first.Email}); err != nil {
		t.Fatal(err)
	}
	if page, _ := s.Directory.Query(app.DirectoryQuery{ProgramID: peer.ID, Search: "zebedee"}); page.Total != 1 {
		t.Errorf("renamed person not found: %d", page.Total)
	}
}
