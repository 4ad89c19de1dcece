package importer

import (
	"fmt"
	"strings"
	"testing"
)

// FuzzRead feeds Read arbitrary bytes under each kind of name; it must not panic, and a table
// it returns must keep its promises. Validate then runs on the table mapped by AutoMap.
func FuzzRead(f *testing.F) {
	for name, data := range corpus() {
		f.Add(data, extIndex(name))
	}
	f.Add(xlsxFile(f), uint8(1))
	f.Add([]byte("a,b\n\"x\ny\",\"z\"\"\"\n"), uint8(0))
	f.Add([]byte("\xff\xfea\x00;\x00b\x00"), uint8(2))

	names := []string{"f.csv", "f.xlsx", "f.txt", "f.tsv", "f", "f.xls", "f.pdf"}
	targets := testTargets()
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		name := names[int(kind)%len(names)]
		panics := readPanics.Load()
		tab, err := Read(name, data)
		if readPanics.Load() != panics {
			t.Fatal("Read panicked (and recovered)")
		}
		if err != nil {
			if msg := err.Error(); msg == "" || strings.ToLower(msg[:1]) != msg[:1] {
				t.Fatalf("error %q is not a lower-case sentence", msg)
			}
			return
		}
		if len(tab.Headers) == 0 {
			t.Fatal("a table without headers")
		}
		for i, h := range tab.Headers {
			if h == "" {
				t.Fatalf("header %d is empty", i)
			}
		}
		if len(tab.RowNumbers) != len(tab.Rows) {
			t.Fatalf("%d row numbers for %d rows", len(tab.RowNumbers), len(tab.Rows))
		}
		prev := 1
		for i, r := range tab.Rows {
			if len(r) != len(tab.Headers) {
				t.Fatalf("row %d has %d cells for %d headers", i, len(r), len(tab.Headers))
			}
			if blank(r) {
				t.Fatalf("row %d is blank", i)
			}
			if n := tab.RowNumber(i); n <= prev {
				t.Fatalf("row %d is numbered %d after %d", i, n, prev)
			} else {
				prev = n
			}
		}
		recs, errs := Validate(tab, AutoMap(tab.Headers, targets), targets)
		rows := map[int]bool{}
		for _, e := range errs {
			rows[e.Row] = true
		}
		for _, r := range recs {
			if rows[r.Row] {
				t.Fatalf("row %d is both a record and an error", r.Row)
			}
		}
	})
}

func extIndex(name string) uint8 {
	for i, e := range []string{".csv", ".xlsx", ".txt", ".tsv", "", ".xls", ".pdf"} {
		if e != "" && strings.HasSuffix(name, e) {
			return uint8(i)
		}
	}
	return 4
}

// benchCSV is a Google Forms export of n registrations with 14 columns, two of them
// multiple choice.
func benchCSV(n int) []byte {
	var b strings.Builder
	b.WriteString(`"Timestamp","Email address","Full name","Department","Job title","Office","Time zone","Manager email","Employee ID","I want to join as","What skills can you offer? (Skills I can offer)","Skills I want to learn","Seniority","Years of experience"` + "\r\n")
	depts := []string{"Sales", "Engineering", "People", "Finance, Legal & Risk"}
	zones := []string{"Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"}
	roles := []string{"Mentor", "Mentee", "Mentor, Mentee", "Mentee, Peer"}
	skills := []string{"Go, Python", "Writing, editing, Data analysis", "Public speaking", "Python, Writing, editing, Go, Data analysis"}
	levels := []string{"Junior", "Mid", "Senior"}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `"2024/03/01 9:%02d:%02d AM GMT+1","person%d@example.org","Person Number %d","%s","Engineer %d","Berlin","%s","boss%d@example.org","E%06d","%s","%s","%s","%s","%d"`+"\r\n",
			i/60%60, i%60, i, i, depts[i%4], i%7, zones[i%4], i%50, i, roles[i%4], skills[i%4], skills[(i+1)%4], levels[i%3], i%30)
	}
	return []byte(b.String())
}

func BenchmarkReadValidate10k(b *testing.B) {
	data := benchCSV(10000)
	targets := testTargets()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		tab, err := Read("responses.csv", data)
		if err != nil {
			b.Fatal(err)
		}
		m := AutoMap(tab.Headers, targets)
		recs, errs := Validate(tab, m, targets)
		if len(recs) != 10000 || len(errs) != 0 {
			b.Fatalf("%d records, %d errors (%v)", len(recs), len(errs), errs[:min(len(errs), 3)])
		}
	}
}
