package importer

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func TestReadCorpus(t *testing.T) {
	tests := []struct {
		file    string
		headers []string
		rows    [][]string
		nums    []int
		err     string
	}{
		{
			file:    "bom.csv",
			headers: []string{"Name", "Email", "Department"},
			rows:    [][]string{{"Ana Lima", "ana@example.org", "Sales"}, {"Björk Guðmundsdóttir", "bjork@example.is", "R&D"}},
			nums:    []int{2, 3},
		},
		{file: "bom_only.csv", err: "the file is empty"},
		{
			file:    "utf16le.txt",
			headers: []string{"Name", "Email", "City", "Skills I can offer"},
			rows: [][]string{
				{"Jürgen Groß", "juergen@example.de", "München", "Go, Python"},
				{"李雷", "li.lei@example.cn", "北京", "Data analysis"},
			},
			nums: []int{2, 3},
		},
		{
			file:    "utf16be.txt",
			headers: []string{"Name", "Email"},
			rows:    [][]string{{"Zoë Ægir", "zoe@example.no"}},
			nums:    []int{2},
		},
		{
			file:    "cp1252.csv",
			headers: []string{"Name", "Email", "Location", "Notes"},
			rows: [][]string{
				{"Müller", "mueller@example.de", "Köln", "Café ‘Zürich’ – 5 €"},
				{"José", "jose@example.es", "Málaga", ""},
			},
			nums: []int{2, 3},
		},
		{
			file:    "semicolon.csv",
			headers: []string{"Name", "Email", "Which skills, if any, can you offer?", "Years of experience"},
			rows: [][]string{
				{"Ana", "ana@example.org", "Go, Python", "7,5"},
				{"Ben", "ben@example.org", "Public speaking", "2"},
			},
			nums: []int{2, 3},
		},
		{
			file:    "multiline.csv",
			headers: []string{"Name", "Email", "Bio"},
			rows: [][]string{
				{`Ana "Nana" Lima`, "ana@example.org", "Line one\nLine two"},
				{"Ben", "ben@example.org", `He said "hi"`},
				{"Cara", "cara@example.org", `5" screen`},
			},
			nums: []int{2, 4, 5},
		},
		{
			file: "google_forms.csv",
			headers: []string{"Timestamp", "Email address", "Full name", "I want to join as",
				"What skills can you offer? (Skills I can offer)", "Skills I want to learn", "Seniority", "Years of experience"},
			rows: [][]string{
				{"2024/03/01 9:14:02 AM GMT+1", "ana@example.org", "Ana Lima", "Mentor", "Go, Writing, editing", "", "Senior", "12"},
				{"2024/03/01 9:20:11 AM GMT+1", "ben@example.org", "Ben Okafor", "Mentee", "", "Python, Public speaking", "Junior", "1"},
				{"2024/03/01 9:31:45 AM GMT+1", "chloe@example.org", "Chloé Dubois", "Mentor, Mentee", "Data analysis", "Go", "Mid", "5,5"},
			},
			nums: []int{2, 3, 4},
		},
		{
			file:    "ms_forms.csv",
			headers: []string{"ID", "Start time", "Completion time", "Email", "Name", "Register as", "Skills I can offer", "Skills I want to learn", "Seniority"},
			rows: [][]string{
				{"1", "3/1/24 9:14:02", "3/1/24 9:16:40", "dev@contoso.com", "Dev Patel", "Mentor;", "Go;Writing, editing;Data analysis;", "", "Senior"},
				{"2", "3/1/24 9:20:00", "3/1/24 9:22:13", "eve@contoso.com", "Eve Martin", "Mentor;Mentee;", "Python;", "Public speaking;Writing, editing;", "Mid"},
			},
			nums: []int{2, 3},
		},
		{file: "empty.csv", err: "the file is empty"},
		{file: "header_only.csv", headers: []string{"Name", "Email", "Role"}, rows: [][]string{}, nums: []int{}},
		{file: "no_header.csv", err: "row 1 has no column names; the first row must hold the column headers"},
		{file: "unclosed_quote.csv", err: `line 3: a quoted cell starts here but is never closed (is there a stray " character?)`},
		{
			file:    "ragged.csv",
			headers: []string{"Name", "Column 2", "Email", "Name"},
			rows:    [][]string{{"Ana", "x", "ana@example.org", ""}, {"Ben", "y", "ben@example.org", "B"}},
			nums:    []int{2, 3},
		},
		{file: "notes.pdf", err: "'notes.pdf' is not a CSV or Excel (.xlsx) file"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := Read(tt.file, readCorpus(t, tt.file))
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkTable(t, got, tt.headers, tt.rows, tt.nums)
		})
	}
}

func checkTable(t *testing.T, got Table, headers []string, rows [][]string, nums []int) {
	t.Helper()
	if !reflect.DeepEqual(got.Headers, headers) {
		t.Errorf("headers = %q, want %q", got.Headers, headers)
	}
	if len(got.Rows) != len(rows) {
		t.Fatalf("%d rows %q, want %d", len(got.Rows), got.Rows, len(rows))
	}
	for i := range rows {
		if !reflect.DeepEqual(got.Rows[i], rows[i]) {
			t.Errorf("row %d = %q, want %q", i, got.Rows[i], rows[i])
		}
		if n := got.RowNumber(i); n != nums[i] {
			t.Errorf("row %d is spreadsheet row %d, want %d", i, n, nums[i])
		}
	}
}

func TestReadInline(t *testing.T) {
	big := bytes.Repeat([]byte("a"), MaxFileBytes+1)
	var many strings.Builder
	many.WriteString("Name,Email\n")
	for i := 0; i <= MaxRows; i++ {
		fmt.Fprintf(&many, "P%d,p%d@example.org\n", i, i)
	}
	tests := []struct {
		name, file, data string
		headers          []string
		rows             [][]string
		err              string
	}{
		{name: "comma", file: "a.csv", data: "a,b\n1,2", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "tab by extension", file: "a.tsv", data: "a,b\tc\n1,2\t3\n", headers: []string{"a,b", "c"}, rows: [][]string{{"1,2", "3"}}},
		{name: "tab detected", file: "a.txt", data: "a\tb\n1\t2\n", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "quoted semicolons stay", file: "a.csv", data: "a,b\n\"x;y\",2\n", headers: []string{"a", "b"}, rows: [][]string{{"x;y", "2"}}},
		{name: "semicolons beat more commas in the header", file: "a.csv", data: "Name;Skills, tools, languages, etc;Email\nAna;Go;ana@x.org\nBen;Rust, C;ben@x.org\n",
			headers: []string{"Name", "Skills, tools, languages, etc", "Email"}, rows: [][]string{{"Ana", "Go", "ana@x.org"}, {"Ben", "Rust, C", "ben@x.org"}}},
		{name: "excel sep line", file: "a.csv", data: "sep=|\r\na|b,c\r\n1|2,3\r\n", headers: []string{"a", "b,c"}, rows: [][]string{{"1", "2,3"}}},
		{name: "csv named .xls", file: "export.xls", data: "a,b\n1,2\n", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "html named .xls", file: "export.xls", data: "<html><table><tr><td>a</td></tr></table></html>", err: "'export.xls' is not a CSV or Excel (.xlsx) file"},
		{name: "utf-16 without bom", file: "a.txt", data: "a\x00\t\x00b\x00\n\x001\x00\t\x00\xe9\x00\n\x00", headers: []string{"a", "b"}, rows: [][]string{{"1", "é"}}},
		{name: "one column", file: "a.csv", data: "Email\nana@example.org\n", headers: []string{"Email"}, rows: [][]string{{"ana@example.org"}}},
		{name: "old mac line ends", file: "a.csv", data: "a,b\r1,2\r3,4\r", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}, {"3", "4"}}},
		{name: "cells trimmed", file: "a.csv", data: " a , b\u00a0\n\t1 ,\" 2 \"\n", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "header spaces collapsed", file: "a.csv", data: "\"First\nname\",b\n1,2\n", headers: []string{"First name", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "no extension", file: "export", data: "a;b\n1;2\n", headers: []string{"a", "b"}, rows: [][]string{{"1", "2"}}},
		{name: "windows path", file: `C:\Users\ana\Desktop\x.docx`, data: "a,b\n", err: "'x.docx' is not a CSV or Excel (.xlsx) file"},
		{name: "header starting with PK is text", file: "a.csv", data: "PK,Name\n1,Ana\n", headers: []string{"PK", "Name"}, rows: [][]string{{"1", "Ana"}}},
		{name: "blank rows only", file: "a.csv", data: ",,\n , \n", err: "the file is empty"},
		{name: "binary", file: "a.csv", data: "a,b\x00\x01\x02\n", err: "'a.csv' contains binary data; it is not a CSV or Excel (.xlsx) file"},
		{name: "old xls", file: "a.xls", data: "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", err: "'a.xls' is an old Excel (.xls) file or a password-protected workbook; open it in Excel and save it as .xlsx without a password, or as CSV"},
		{name: "xlsx that is not", file: "a.xlsx", data: "a,b\n1,2\n", err: "'a.xlsx' is not a valid Excel (.xlsx) file; it may be damaged, or a file of another kind renamed"},
		{name: "damaged xlsx", file: "a.xlsx", data: "PK\x03\x04garbage", err: "could not read 'a.xlsx' as an Excel file; it may be damaged (zip: not a valid zip file)"},
		{name: "too big", file: "a.csv", data: string(big), err: "the file is 20.0 MB; Tandem imports files of at most 20 MB, so split it into smaller files"},
		{name: "too many rows", file: "a.csv", data: many.String(), err: "the file has more than 100,000 rows; Tandem imports at most 100,000 at a time, so split it into smaller files"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, []byte(tt.data))
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Headers, tt.headers) || !reflect.DeepEqual(got.Rows, tt.rows) {
				t.Fatalf("got %q %q, want %q %q", got.Headers, got.Rows, tt.headers, tt.rows)
			}
		})
	}
}

// xlsxFile builds a workbook: an empty first sheet, then the responses with a date, a number,
// a cell with a line break, a blank row, and a named column past the data.
func xlsxFile(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Read me"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet("Responses"); err != nil {
		t.Fatal(err)
	}
	set := func(cell string, v any) {
		if err := f.SetCellValue("Responses", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Full name")
	set("B1", " Email address ")
	set("C1", "Start date")
	set("D1", "Capacity")
	set("E1", "Bio")
	set("G1", "Notes")
	set("A2", "Ana Lima")
	set("B2", "ana@example.org")
	set("C2", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	set("D2", 3)
	set("E2", "Line one\r\nLine two")
	// row 3 blank
	set("A4", "Ben Okafor")
	set("B4", "ben@example.org")
	set("D4", 2.5)
	style, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // m/d/yyyy as Excel shows it
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle("Responses", "C2", "C2", style); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadXLSX(t *testing.T) {
	data := xlsxFile(t)
	tests := []struct {
		name, file string
	}{
		{"by extension", "responses.xlsx"},
		{"sniffed without extension", "responses"},
		{"sniffed despite .csv", "responses.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			checkTable(t, got,
				[]string{"Full name", "Email address", "Start date", "Capacity", "Bio", "Column 6", "Notes"},
				[][]string{
					{"Ana Lima", "ana@example.org", "03-01-24", "3", "Line one\nLine two", "", ""},
					{"Ben Okafor", "ben@example.org", "", "2.5", "", "", ""},
				},
				[]int{2, 4})
		})
	}

	t.Run("workbook with no data", func(t *testing.T) {
		f := excelize.NewFile()
		defer f.Close()
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		_, err := Read("blank.xlsx", buf.Bytes())
		if err == nil || err.Error() != "the file is empty" {
			t.Fatalf("error = %v, want the file is empty", err)
		}
	})
}
