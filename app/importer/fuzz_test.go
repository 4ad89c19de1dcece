package importer

import (
	"bytes"
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
	for _, p := range []xlsxParts{
		{shared: whole(`<sst><si><t>Name</t></si><si><r><t>A&amp;</t></r><r><rPr/><t>B</t></r><rPh><t>x</t></rPh></si></sst>`),
			styles: whole(`<styleSheet><numFmts><numFmt numFmtId="164" formatCode="0.0;;;&quot;ID &quot;@"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
			sheet: sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row>` +
				`<row r="3"><c r="A3" t="s" s="1"><v>1</v></c><c r="B3" s="2"><v>45000.5</v></c><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c></row>`)},
		{sheets: 2, hiddenFirst: true, workbookPr: `<workbookPr date1904="true"/>`, first: sheetPart(`<row><c><v>1</v></c></row>`),
			sheet: whole(`<x:worksheet xmlns:x="` + nsMain + `"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c></x:row><!-- c --><x:row r="9"><x:c r="XFD9"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`)},
	} {
		var buf bytes.Buffer
		if err := writeXLSX(&buf, p); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes(), uint8(1))
	}
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
