package importer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// update rewrites testdata/ from corpus(): go test ./app/importer/ -run TestCorpusFiles -update
var update = flag.Bool("update", false, "rewrite the files in testdata/")

// corpus is the source of the files in testdata/: awkward exports as form tools and Excel
// write them. The files are checked in so that they can be opened and looked at; TestCorpusFiles
// keeps them in step with this function.
func corpus() map[string][]byte {
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	return map[string][]byte{
		// Excel "CSV UTF-8": a BOM before the first header.
		"bom.csv": append([]byte{0xEF, 0xBB, 0xBF}, crlf("Name,Email,Department\nAna Lima,ana@example.org,Sales\nBjörk Guðmundsdóttir,bjork@example.is,R&D\n")...),

		// A BOM and nothing else.
		"bom_only.csv": {0xEF, 0xBB, 0xBF},

		// Excel "Unicode text": UTF-16 LE with BOM, tab-delimited, CRLF; a comma inside a cell.
		"utf16le.txt": utf16Bytes(crlf("Name\tEmail\tCity\tSkills I can offer\nJürgen Groß\tjuergen@example.de\tMünchen\tGo, Python\n李雷\tli.lei@example.cn\t北京\tData analysis\n"), false),

		// The same as UTF-16 BE.
		"utf16be.txt": utf16Bytes(crlf("Name\tEmail\nZoë Ægir\tzoe@example.no\n"), true),

		// Windows-1252, as Excel "CSV (comma delimited)" writes on a German Windows: semicolons.
		"cp1252.csv": cp1252(crlf("Name;Email;Location;Notes\nMüller;mueller@example.de;Köln;Café ‘Zürich’ – 5 €\nJosé;jose@example.es;Málaga;\n")),

		// European Excel: semicolons, commas in unquoted headers and cells, decimal commas,
		// trailing empty columns of the "used range".
		"semicolon.csv": []byte(crlf("Name;Email;Which skills, if any, can you offer?;Years of experience;;\nAna;ana@example.org;Go, Python;7,5;;\nBen;ben@example.org;Public speaking;2;;\n")),

		// Quoted cells with line breaks and doubled quotes, a blank row in the middle, blank
		// rows at the end, a stray quote in an unquoted cell.
		"multiline.csv": []byte(crlf("Name,Email,Bio\n\"Ana \"\"Nana\"\" Lima\",ana@example.org,\"Line one\nLine two\"\n\nBen,ben@example.org,\"He said \"\"hi\"\"\"\nCara,cara@example.org,5\" screen\n\n\n")),

		// Google Forms: every cell quoted, multi-select joined with ", ", an option with a comma
		// in it, a question header that contains the question's prompt.
		"google_forms.csv": []byte(crlf(`"Timestamp","Email address","Full name","I want to join as","What skills can you offer? (Skills I can offer)","Skills I want to learn","Seniority","Years of experience"
"2024/03/01 9:14:02 AM GMT+1","ana@example.org","Ana Lima","Mentor","Go, Writing, editing","","Senior","12"
"2024/03/01 9:20:11 AM GMT+1","ben@example.org","Ben Okafor","Mentee","","Python, Public speaking","Junior","1"
"2024/03/01 9:31:45 AM GMT+1","chloe@example.org","Chloé Dubois","Mentor, Mentee","Data analysis","Go","Mid","5,5"
`)),

		// Microsoft Forms (its Excel export saved as CSV): multi-select joined with ";" and a
		// trailing ";", roles likewise.
		"ms_forms.csv": []byte(crlf(`ID,Start time,Completion time,Email,Name,Register as,Skills I can offer,Skills I want to learn,Seniority
1,3/1/24 9:14:02,3/1/24 9:16:40,dev@contoso.com,Dev Patel,Mentor;,"Go;Writing, editing;Data analysis;",,Senior
2,3/1/24 9:20:00,3/1/24 9:22:13,eve@contoso.com,Eve Martin,Mentor;Mentee;,Python;,"Public speaking;Writing, editing;",Mid
`)),

		"empty.csv":       {},
		"header_only.csv": []byte("Name,Email,Role\n"),

		// Row 1 is blank.
		"no_header.csv": []byte("\nName,Email\nAna,ana@example.org\n"),

		// A quote that opens on line 3 and never closes.
		"unclosed_quote.csv": []byte("Name,Email\nAna,ana@example.org\n\"Ben,ben@example.org\nCara,cara@example.org\n"),

		// Short and long rows, an empty and a duplicate header.
		"ragged.csv": []byte("Name,,Email,Name\nAna,x,ana@example.org\nBen,y,ben@example.org,B,extra,more\n"),

		// Not a spreadsheet.
		"notes.pdf": []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),

		// The problems Validate reports, one file each.
		"bad_email.csv": []byte("Name,Email,Role,Seniority\nAna,ana@,Mentor,Senior\nBen,ben@example.org,Mentee,Junior\nCara,cara example.org,Mentee,Mid\n"),
		"unknown_option.csv": []byte("Name,Email,Role,Skills I can offer,Seniority\n" +
			"Ana,ana@example.org,Mentor,\"Go, Jugling\",Senior\n" +
			"Ben,ben@example.org,Mentor,Python,Expert\n"),
		"missing_required.csv": []byte("Name,Email,Role,Skills I can offer,Skills I want to learn,Seniority\n" +
			"Ana,ana@example.org,Mentor,,,Senior\n" + // mentors must say what they offer
			"Ben,ben@example.org,Mentee,,Go,\n" + // everyone must give a seniority
			"Cara,cara@example.org,Mentee,,Python,Mid\n" + // a mentee need not offer skills
			",dan@example.org,Mentor,Go,,Mid\n"), // no name
		"duplicate_email.csv": []byte("Name,Email,Seniority\nAna,ana@example.org,Senior\nBen,ben@example.org,Junior\nAna again,ANA@Example.org,Senior\nAna thrice,ana@example.org,Senior\n"),
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2+2*len(u))
	if bigEndian {
		out = append(out, 0xFE, 0xFF)
	} else {
		out = append(out, 0xFF, 0xFE)
	}
	for _, c := range u {
		if bigEndian {
			out = append(out, byte(c>>8), byte(c))
		} else {
			out = append(out, byte(c), byte(c>>8))
		}
	}
	return out
}

func cp1252(s string) []byte {
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// TestCorpusFiles checks that testdata/ holds exactly what corpus() describes, or rewrites it
// with -update.
func TestCorpusFiles(t *testing.T) {
	files := corpus()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if err := os.WriteFile(filepath.Join("testdata", n), files[n], 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, n := range names {
		got, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			t.Fatalf("%v (run with -update to write the corpus)", err)
		}
		if !bytes.Equal(got, files[n]) {
			t.Errorf("testdata/%s differs from corpus() (run with -update)", n)
		}
	}
}

// readCorpus reads a file of testdata/.
func readCorpus(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
