package importer

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelizeTable reads a workbook as Tandem did before it read workbooks itself: excelize's
// rows of the first sheet with data, through the same builder.
func excelizeTable(t *testing.T, data []byte) Table {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range f.GetSheetList() {
		rows, err := f.Rows(sh)
		if err != nil {
			t.Fatal(err)
		}
		b := newBuilder("x.xlsx")
		for n := 1; rows.Next(); n++ {
			cols, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range cols {
				cols[i] = strings.ReplaceAll(strings.ReplaceAll(c, "\r\n", "\n"), "\r", "\n")
			}
			if err := b.add(n, cols, false); err != nil {
				t.Fatal(err)
			}
		}
		_ = rows.Close()
		if b.seen {
			tab, err := b.table()
			if err != nil {
				t.Fatal(err)
			}
			return tab
		}
	}
	t.Fatal("no sheet with data")
	return Table{}
}

// TestReadXLSXLikeExcelize writes cells of every kind in many number formats with excelize,
// and checks that Read shows each as excelize itself reads it.
func TestReadXLSXLikeExcelize(t *testing.T) {
	numbers := []any{0, 1, -1, 3, 2.5, 0.1 + 0.2, 1e-10, 123456789012345678, 1.0 / 3, -1234.5678, 45000, 45000.75, 1e15, 99999999999.99}
	formats := []int{0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 37, 38, 39, 40, 45, 46, 47, 48, 49}
	custom := []string{"0.00%", "yyyy-mm-dd", `#,##0.00 "€"`, "[h]:mm:ss", "0.00E+00", "@", ";;;", `dd/mm/yyyy hh:mm`, `[Red]-0.0;[Blue]0.0`, `0 "people"`}
	texts := []string{"Ana & Ben <x>", "Zoë 李雷 🙂", "_x0041_ literal", "Line one\r\nLine two", "tab\there", " spaced ", "\u200bzero width", `quote " and '`, "12345", "TRUE"}

	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if date1904 {
			yes := true
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				t.Fatal(err)
			}
		}
		const sh = "Sheet1"
		set := func(col, row int, v any, style int) {
			t.Helper()
			cell, err := excelize.CoordinatesToCellName(col, row)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellValue(sh, cell, v); err != nil {
				t.Fatal(err)
			}
			if style != 0 {
				if err := f.SetCellStyle(sh, cell, cell, style); err != nil {
					t.Fatal(err)
				}
			}
		}
		styles := []int{0}
		for _, id := range formats[1:] {
			s, err := f.NewStyle(&excelize.Style{NumFmt: id})
			if err != nil {
				t.Fatal(err)
			}
			styles = append(styles, s)
		}
		for _, code := range custom {
			s, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
			if err != nil {
				t.Fatal(err)
			}
			styles = append(styles, s)
		}
		// Row 1: a header per style; then one row per number, one per text, bools and dates.
		for c := range styles {
			set(c+1, 1, "Format "+string(rune('A'+c%26))+strings.Repeat("'", c/26), 0)
		}
		row := 2
		for _, n := range numbers {
			for c, s := range styles {
				set(c+1, row, n, s)
			}
			row++
		}
		for _, s := range texts {
			for c, st := range styles {
				set(c+1, row, s, st)
			}
			row++
		}
		for c, st := range styles {
			set(c+1, row, c%2 == 0, st)
			set(c+1, row+1, time.Date(2024, 3, 1, 13, 45, 30, 0, time.UTC), st)
			set(c+1, row+2, time.Date(1900, 1, 15, 0, 0, 0, 0, time.UTC), st)
		}
		if err := f.SetCellRichText(sh, "A40", []excelize.RichTextRun{{Text: "bold "}, {Text: "and plain"}}); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		f.Close()

		want := excelizeTable(t, buf.Bytes())
		got, err := Read("x.xlsx", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Headers, want.Headers) || !reflect.DeepEqual(got.RowNumbers, want.RowNumbers) {
			t.Fatalf("date1904=%v: headers %q rows %v, want %q %v", date1904, got.Headers, got.RowNumbers, want.Headers, want.RowNumbers)
		}
		for i := range want.Rows {
			for c := range want.Rows[i] {
				if g, w := got.Rows[i][c], want.Rows[i][c]; g != w {
					t.Errorf("date1904=%v, row %d, %s: %q, excelize reads %q", date1904, want.RowNumbers[i], want.Headers[c], g, w)
				}
			}
		}
	}
}

// TestReadXLSXParts reads workbooks written by hand: the XML that other tools write, and the
// damage Read must refuse.
func TestReadXLSXParts(t *testing.T) {
	sheet := func(rows string) content { return sheetPart(rows) }
	sst := func(items string) content { return whole(`<sst xmlns="` + nsMain + `">` + items + `</sst>`) }
	head := `<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Note</t></is></c></row>`
	tests := []struct {
		name  string
		parts xlsxParts
		rows  [][]string
		nums  []int
		err   string
	}{
		{name: "prefixed names", parts: xlsxParts{sheet: whole(`<x:worksheet xmlns:x="` + nsMain + `"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c></x:row>` +
			`<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Ana</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`)},
			rows: [][]string{{"Ana"}}, nums: []int{2}},
		{name: "rich text and phonetic runs", parts: xlsxParts{
			shared: sst(`<si><t>Name</t></si><si><r><rPr><b/></rPr><t>Ana </t></r><r><t xml:space="preserve">Lima</t></r><rPh sb="0" eb="1"><t>アナ</t></rPh><phoneticPr fontId="1"/></si>`),
			sheet:  sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`)},
			rows: [][]string{{"Ana Lima"}}, nums: []int{2}},
		{name: "inline rich text", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="A2" t="inlineStr"><is><r><t>Ben</t></r><r><rPr><i/></rPr><t>ito</t></r></is></c></row>`)},
			rows: [][]string{{"Benito", ""}}, nums: []int{2}},
		{name: "entities, CDATA, comments and instructions", parts: xlsxParts{sheet: sheet(head + `<?mso-application progid="Excel.Sheet"?><row r="2"><!-- a comment with <tags> --><c r="A2" t="inlineStr"><is><t>A&amp;B &#x41;&#66; &lt;&gt;</t></is></c>` +
			`<c r="B2" t="inlineStr"><is><t><![CDATA[<raw> & ]]>text</t></is></c></row>`)},
			rows: [][]string{{"A&B AB <>", "<raw> & text"}}, nums: []int{2}},
		{name: "cells and rows without references", parts: xlsxParts{sheet: sheet(`<row><c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>Note</t></is></c></row>` +
			`<row><c t="inlineStr"><is><t>Ana</t></is></c><c><v>7</v></c></row><row r="5"><c r="B5"><v>8</v></c></row>`)},
			rows: [][]string{{"Ana", "7"}, {"", "8"}}, nums: []int{2, 5}},
		{name: "booleans, errors, formula strings and ISO dates", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
			`<row r="3"><c r="A3" t="str"><f>A1&amp;"x"</f><v>Namex</v></c><c r="B3" t="d"><v>2024-03-01T00:00:00Z</v></c></row>`)},
			rows: [][]string{{"TRUE", "#DIV/0!"}, {"Namex", "45352"}}, nums: []int{2, 3}},
		{name: "a date in the 1904 date system", parts: xlsxParts{workbookPr: `<workbookPr date1904="1"/>`,
			styles: whole(`<styleSheet xmlns="` + nsMain + `"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
			sheet:  sheet(head + `<row r="2"><c r="A2" s="1"><v>45352</v></c></row>`)},
			rows: [][]string{{"03-02-28", ""}}, nums: []int{2}}, // 2024-03-01 in the 1900 system
		{name: "a hidden first sheet comes after the visible ones", parts: xlsxParts{sheets: 2, hiddenFirst: true,
			first: sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>Lookup</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>`),
			sheet: sheet(head + `<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c></row>`)},
			rows: [][]string{{"Ana", ""}}, nums: []int{2}},
		{name: "a styled empty cell past the header", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c><c r="Z2" s="1"/></row>`)},
			rows: [][]string{{"Ana", ""}}, nums: []int{2}},
		{name: "rows out of order", parts: xlsxParts{sheet: sheet(head + `<row r="3"/><row r="2"/>`)}, err: `row "2" comes after row 3`},
		{name: "a row past the last", parts: xlsxParts{sheet: sheet(head + `<row r="1048577"/>`)}, err: "past the last row of a sheet"},
		{name: "a cell past XFD", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="XFE2"><v>1</v></c></row>`)}, err: "past the last column of a sheet"},
		{name: "a bad cell reference", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="2A"><v>1</v></c></row>`)}, err: `has the reference "2A"`},
		{name: "a shared string that is not there", parts: xlsxParts{shared: sst(`<si><t>Name</t></si>`),
			sheet: sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>3</v></c></row>`)},
			err: "cell A2: it refers to shared string 3 of 1"},
		{name: "an undefined entity", parts: xlsxParts{sheet: sheet(head + `<row r="2"><c r="A2" t="inlineStr"><is><t>&nbsp;</t></is></c></row>`)}, err: "it uses an entity &nbsp; that XML does not define"},
		{name: "an end tag that closes nothing", parts: xlsxParts{sheet: whole(`<worksheet></worksheet></worksheet>`)}, err: "closes nothing"},
		{name: "a tag that never ends", parts: xlsxParts{sheet: whole(`<worksheet><sheetData><row`)}, err: "ends in the middle of a tag"},
		{name: "an unquoted attribute", parts: xlsxParts{sheet: whole(`<worksheet><sheetData><row r=1>`)}, err: "is not quoted"},
		{name: "too many shared strings announced", parts: xlsxParts{shared: whole(`<sst uniqueCount="5000001"><si><t>Name</t></si></sst>`), sheet: sheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)},
			err: "holds more than 5,000,000 different texts"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeXLSX(&buf, tt.parts); err != nil {
				t.Fatal(err)
			}
			got, err := Read("x.xlsx", buf.Bytes())
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Rows, tt.rows) || !reflect.DeepEqual(got.RowNumbers, tt.nums) {
				t.Fatalf("rows %q %v, want %q %v", got.Rows, got.RowNumbers, tt.rows, tt.nums)
			}
		})
	}
}

func TestNormalizeNumber(t *testing.T) {
	tests := map[string]string{"": "", "7": "7", "2.50": "2.5", "4.5E-2": "0.045", "0.30000000000000004": "0.3", "123456789012345678": "1.23456789012346E+17",
		"1e400": "1e400", "NaN": "NaN", "abc": "abc", "1_000": "1_000"}
	for in, want := range tests {
		if got := normalizeNumber(in); got != want {
			t.Errorf("normalizeNumber(%q) = %q, want %q", in, got, want)
		}
	}
	if got := isoDateSerial("2024-03-01T12:00:00Z"); got != "45352.5" {
		t.Errorf("isoDateSerial = %q, want 45352.5", got)
	}
}
