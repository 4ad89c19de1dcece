package importer

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
)

// bomb is a hostile (or merely huge) import file: small on disk, costly to read. bombs()
// writes each into testdata/bombs/ (not committed) and TestBombs reads it in a child process
// whose peak memory it measures.
type bomb struct {
	name string // file name, also the kind (.xlsx, .csv, .txt)
	// write writes the file; it streams, so that even a bomb of gigabytes costs little to make.
	write func(w io.Writer) error
	// err is a part of the message Read must refuse the file with; "" means Read must accept it.
	err string
	// rows is how many data rows Read must return when it accepts the file.
	rows int
}

// bombs is the corpus of hostile files: every shape that once cost (or could cost) far more
// memory than its size, and the largest files Tandem accepts, which must fit the same bound.
func bombs() []bomb {
	const mb = 1 << 20
	return []bomb{
		// The workbook of the issue: 240 MB of tiny shared strings in a file of well under 1 MB.
		{name: "shared-strings-tiny.xlsx", err: "holds more than 5,000,000 different texts", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				shared: repeatPart(`<sst xmlns="`+nsMain+`">`, 15_000_000, func(b []byte, i int) []byte { return append(b, "<si><t>a</t></si>"...) }, `</sst>`),
				sheet:  sheetPart(headerRowShared(2) + `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>`),
			})
		}},
		// One shared string of 200 MB.
		{name: "shared-string-huge.xlsx", err: "more than 32,767 characters", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				shared: repeatPart(`<sst xmlns="`+nsMain+`"><si><t>Name</t></si><si><t>`, 200*mb/64, func(b []byte, i int) []byte { return append(b, strings.Repeat("a", 64)...) }, `</t></si></sst>`),
				sheet:  sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>`),
			})
		}},
		// 7,000 shared strings of 32,000 characters each: every one allowed, 224 MB together.
		{name: "shared-strings-text.xlsx", err: "more than 50 MB of text", write: func(w io.Writer) error {
			long := strings.Repeat("b", 32_000)
			return writeXLSX(w, xlsxParts{
				shared: repeatPart(`<sst xmlns="`+nsMain+`">`, 7_000, func(b []byte, i int) []byte { return append(append(append(b, "<si><t>"...), long...), "</t></si>"...) }, `</sst>`),
				sheet:  sheetPart(headerRowShared(1)),
			})
		}},
		// One shared string of 32,000 characters, referenced by every cell of 100,000 rows of
		// 10 columns: 32 GB once every cell is a string of its own.
		{name: "shared-string-referenced.xlsx", err: "more than 50 MB of text", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				shared: whole(`<sst xmlns="` + nsMain + `"><si><t>` + strings.Repeat("c", 32_000) + `</t></si></sst>`),
				sheet: repeatSheet(inlineHeader(10), 100_000, func(b []byte, r int) []byte {
					b = append(b, `<row r="`...)
					b = strconv.AppendInt(b, int64(r+2), 10)
					b = append(b, `">`...)
					for c := range 10 {
						b = append(b, `<c r="`...)
						b = appendCellRef(b, c, r+2)
						b = append(b, `" t="s"><v>0</v></c>`...)
					}
					return append(b, `</row>`...)
				}),
			})
		}},
		// An inline string of 200 MB.
		{name: "inline-string-huge.xlsx", err: "more than 32,767 characters", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(1)+`<row r="2"><c r="A2" t="inlineStr"><is><t>`,
				200*mb/64, func(b []byte, i int) []byte { return append(b, strings.Repeat("d", 64)...) }, `</t></is></c></row></sheetData></worksheet>`)})
		}},
		// A header of 16,384 columns, every one named.
		{name: "columns-wide.xlsx", err: "more than 1,000 columns", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: sheetPart(inlineHeader(16_384) + `<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>`)})
		}},
		// 1,000 named columns and 100,000 rows with a cell in the last one: 100 million cells.
		{name: "cells-many.xlsx", err: "more than 5,000,000 cells", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatSheet(inlineHeader(1_000), 100_000, func(b []byte, r int) []byte {
				b = append(b, `<row r="`...)
				b = strconv.AppendInt(b, int64(r+2), 10)
				b = append(b, `"><c r="`...)
				b = appendCellRef(b, 999, r+2)
				return append(b, `"><v>1</v></c></row>`...)
			})})
		}},
		// A header of two columns, then a cell at XFD1048576, the last cell a sheet can have;
		// the dimension claims the whole sheet is used.
		{name: "cell-far.xlsx", rows: 1, write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: whole(`<worksheet xmlns="` + nsMain + `"><dimension ref="A1:XFD1048576"/><sheetData>` + inlineHeader(2) +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>Ana</t></is></c><c r="B2" t="inlineStr"><is><t>ana@example.org</t></is></c></row>` +
				`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far away</t></is></c></row></sheetData></worksheet>`)})
		}},
		// A million formatted but empty rows, then one row of data at the very end.
		{name: "rows-empty.xlsx", rows: 1, write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(2), 1_048_574, func(b []byte, r int) []byte {
				b = append(b, `<row r="`...)
				b = strconv.AppendInt(b, int64(r+2), 10)
				b = append(b, `"><c r="`...)
				b = appendCellRef(b, 0, r+2)
				return append(b, `" s="1"/></row>`...)
			}, `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>last</t></is></c></row></sheetData></worksheet>`)})
		}},
		// 15 million nested elements in a worksheet.
		{name: "nesting-deep.xlsx", err: "nested more than", write: func(w io.Writer) error {
			const n = 15_000_000
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(1)+`<row r="2"><c r="A2"><v>`, 2*n, func(b []byte, i int) []byte {
				if i < n {
					return append(b, "<x>"...)
				}
				return append(b, "</x>"...)
			}, `</v></c></row></sheetData></worksheet>`)})
		}},
		// The same in the shared strings.
		{name: "nesting-deep-shared.xlsx", err: "nested more than", write: func(w io.Writer) error {
			const n = 15_000_000
			return writeXLSX(w, xlsxParts{
				shared: repeatPart(`<sst xmlns="`+nsMain+`"><si>`, 2*n, func(b []byte, i int) []byte {
					if i < n {
						return append(b, "<r>"...)
					}
					return append(b, "</r>"...)
				}, `</si></sst>`),
				sheet: sheetPart(headerRowShared(1)),
			})
		}},
		// 2,000 sheets, every one empty but the last.
		{name: "sheets-many.xlsx", err: "more than 1,000 sheets", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheets: 2_000, sheet: sheetPart(inlineHeader(2))})
		}},
		// A styles part of 5 million cell formats.
		{name: "styles-many.xlsx", err: "more than 65,536 cell formats", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				styles: repeatPart(`<styleSheet xmlns="`+nsMain+`"><cellXfs count="5000000">`, 5_000_000, func(b []byte, i int) []byte { return append(b, `<xf numFmtId="14"/>`...) }, `</cellXfs></styleSheet>`),
				sheet:  sheetPart(inlineHeader(1) + `<row r="2"><c r="A2" s="4999999"><v>45000</v></c></row>`),
			})
		}},
		// A styles part of 10 million fonts: they cost memory to whoever parses them, and
		// Tandem does not (only number formats matter to it).
		{name: "styles-fonts.xlsx", rows: 1, write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				styles: repeatPart(`<styleSheet xmlns="`+nsMain+`"><fonts>`, 10_000_000, func(b []byte, i int) []byte { return append(b, `<font/>`...) }, `</fonts></styleSheet>`),
				sheet:  sheetPart(inlineHeader(1) + `<row r="2"><c r="A2" s="1"><v>45000</v></c></row>`),
			})
		}},
		// An attribute value of 200 MB.
		{name: "attribute-huge.xlsx", err: "it may be damaged", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(1)+`<row r="2" x="`, 200*mb/64,
				func(b []byte, i int) []byte { return append(b, strings.Repeat("e", 64)...) }, `"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`)})
		}},
		// 200 MB of white space and a comment of 200 MB between the rows: nothing to keep.
		{name: "whitespace-comment.xlsx", rows: 1, write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(1), 2*100*mb/64, func(b []byte, i int) []byte {
				switch {
				case i < 100*mb/64:
					return append(b, strings.Repeat(" ", 64)...)
				case i == 100*mb/64:
					return append(b, "<!--"+strings.Repeat("<", 60)...)
				case i == 2*100*mb/64-1:
					return append(b, strings.Repeat("-", 61)+"->"...)
				}
				return append(b, strings.Repeat("<", 64)...)
			}, `<row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`)})
		}},
		// An entity declared in a document type that expands a billion times.
		{name: "entities.xlsx", err: "it may be damaged", write: func(w io.Writer) error {
			var dtd strings.Builder
			dtd.WriteString(`<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a0 "lol">`)
			for i := 1; i < 10; i++ {
				fmt.Fprintf(&dtd, `<!ENTITY a%d "%s">`, i, strings.Repeat(fmt.Sprintf("&a%d;", i-1), 10))
			}
			dtd.WriteString(`]>`)
			return writeXLSX(w, xlsxParts{
				shared: whole(dtd.String() + `<sst xmlns="` + nsMain + `"><si><t>&a9;</t></si></sst>`),
				sheet:  sheetPart(headerRowShared(1)),
			})
		}},
		// A sheet that unpacks to 300 MB.
		{name: "unpacked-huge.xlsx", err: "too large once unpacked", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+inlineHeader(1), 300*mb/64,
				func(b []byte, i int) []byte { return append(b, strings.Repeat(" ", 64)...) }, `</sheetData></worksheet>`)})
		}},
		// 100,000 entries in the zip.
		{name: "zip-entries.xlsx", err: "it may be damaged", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: sheetPart(inlineHeader(1)), entries: 100_000})
		}},
		// One row of data too many.
		{name: "rows-too-many.xlsx", err: "more than 100,000 rows", write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{sheet: repeatSheet(inlineHeader(1), MaxRows+1, func(b []byte, r int) []byte {
				b = append(b, `<row r="`...)
				b = strconv.AppendInt(b, int64(r+2), 10)
				b = append(b, `"><c r="`...)
				b = appendCellRef(b, 0, r+2)
				b = append(b, `"><v>`...)
				b = strconv.AppendInt(b, int64(r), 10)
				return append(b, `</v></c></row>`...)
			})})
		}},

		// The largest workbooks Tandem accepts must be read in the same bound: 100,000 rows
		// of 50 columns, half the cells a different shared string each, dates and numbers
		// formatted…
		{name: "largest-cells.xlsx", rows: MaxRows, write: writeLargestCells},
		// … 5,000,000 different shared strings, the most Tandem takes…
		{name: "shared-strings-most.xlsx", rows: 1, write: func(w io.Writer) error {
			return writeXLSX(w, xlsxParts{
				shared: repeatPart(`<sst xmlns="`+nsMain+`">`, MaxSharedStrings, func(b []byte, i int) []byte {
					return append(base36(append(b, "<si><t>"...), i), "</t></si>"...)
				}, `</sst>`),
				sheet: sheetPart(headerRowShared(2) + `<row r="2"><c r="A2" t="s"><v>4999998</v></c><c r="B2" t="s"><v>4999999</v></c></row>`),
			})
		}},
		// … and 100,000 rows of two long texts: 48 MB of text, the most Tandem takes.
		{name: "largest-text.xlsx", rows: MaxRows, write: writeLargestText},

		// A CSV line of 19 MB with no delimiter in it: one cell.
		{name: "line-huge.csv", err: "more than 32,767 characters", write: func(w io.Writer) error {
			return writeRepeat(w, "Name\n", 19*mb/64, func(b []byte, i int) []byte { return append(b, strings.Repeat("f", 64)...) }, "\n")
		}},
		// A header of 19 million commas between names.
		{name: "columns-wide.csv", err: "more than 1,000 columns", write: func(w io.Writer) error {
			return writeRepeat(w, "", 9_500_000, func(b []byte, i int) []byte { return append(b, "a,"...) }, "a\nb\n")
		}},
		// A data row of 19 million empty cells (past the header, nothing to keep).
		{name: "row-wide.csv", rows: 1, write: func(w io.Writer) error {
			return writeRepeat(w, "Name,Email\nAna,ana@example.org", 19*mb/64, func(b []byte, i int) []byte { return append(b, strings.Repeat(",", 64)...) }, "\n")
		}},
		// One wide row (its cells past the header are dropped), then many short ones: each
		// short row once kept the wide row's room.
		{name: "rows-after-wide.csv", rows: 90_000, write: func(w io.Writer) error {
			return writeRepeat(w, "Name,Email\nwide,w@example.org"+strings.Repeat(",x", 998)+"\n", 90_000-1,
				func(b []byte, i int) []byte {
					return append(append(strconv.AppendInt(append(b, 'P'), int64(i), 10), ",p@x.org"...), '\n')
				}, "")
		}},
		// 1,000 columns and 20,000 rows: 20 million cells, most of them empty.
		{name: "cells-many.csv", err: "more than 5,000,000 cells", write: func(w io.Writer) error {
			var h strings.Builder
			for c := range 1000 {
				if c > 0 {
					h.WriteByte(',')
				}
				fmt.Fprintf(&h, "c%d", c)
			}
			h.WriteByte('\n')
			return writeRepeat(w, h.String(), 20_000, func(b []byte, i int) []byte { return append(append(b, strings.Repeat(",", 999)...), "x\n"...) }, "")
		}},
		// A quoted cell of 19 MB of doubled quotes.
		{name: "quotes-huge.csv", err: "more than 32,767 characters", write: func(w io.Writer) error {
			return writeRepeat(w, "Name\n\"", 19*mb/64, func(b []byte, i int) []byte { return append(b, strings.Repeat(`""`, 32)...) }, "\"\n")
		}},
		// The largest CSV Tandem accepts: 20 MB, 100,000 rows of 50 columns.
		{name: "largest.csv", rows: MaxRows, write: writeLargestCSV},
		// The largest UTF-16 text file: 20 MB, 100,000 rows.
		{name: "largest-utf16.txt", rows: MaxRows, write: writeLargestUTF16},
	}
}

// nsMain is SpreadsheetML's namespace.
const nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// xlsxParts are the parts of a generated workbook; an empty one is left out, or given a
// minimal content.
type xlsxParts struct {
	shared, styles content // nil to leave out
	sheet          content // the first sheet (or, with sheets > 1, the last)
	sheets         int     // how many sheets; all but the last are empty
	entries        int     // extra, empty zip entries
}

// content writes a part of a workbook.
type content func(w io.Writer) error

// repeatPart is a part too large to build in memory: prefix, n units and suffix, written on
// the fly.
func repeatPart(prefix string, n int, unit func(b []byte, i int) []byte, suffix string) content {
	return func(w io.Writer) error { return writeRepeat(w, prefix, n, unit, suffix) }
}

// whole is a part given whole.
func whole(s string) content {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// repeatSheet is a worksheet of a header row and n generated rows.
func repeatSheet(header string, n int, row func(b []byte, r int) []byte) content {
	return repeatPart(`<worksheet xmlns="`+nsMain+`"><sheetData>`+header, n, row, `</sheetData></worksheet>`)
}

func sheetPart(rows string) content {
	return whole(`<worksheet xmlns="` + nsMain + `"><sheetData>` + rows + `</sheetData></worksheet>`)
}

// headerRowShared is row 1 of n cells naming shared strings 0..n-1.
func headerRowShared(n int) string {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for c := range n {
		fmt.Fprintf(&b, `<c r="%s" t="s"><v>%d</v></c>`, string(appendCellRef(nil, c, 1)), c)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// inlineHeader is row 1 of n inline strings "Column name 1" … .
func inlineHeader(n int) string {
	var b strings.Builder
	b.WriteString(`<row r="1">`)
	for c := range n {
		fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>Column name %d</t></is></c>`, string(appendCellRef(nil, c, 1)), c+1)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// appendCellRef appends the A1 reference of column c (0-based) and row r.
func appendCellRef(b []byte, c, r int) []byte {
	var letters [4]byte
	i := len(letters)
	for c++; c > 0; c = (c - 1) / 26 {
		i--
		letters[i] = byte('A' + (c-1)%26)
	}
	return strconv.AppendInt(append(b, letters[i:]...), int64(r), 10)
}

// writeRepeat writes prefix, n generated units and suffix through a 64 KB buffer.
func writeRepeat(w io.Writer, prefix string, n int, unit func(b []byte, i int) []byte, suffix string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString(prefix); err != nil {
		return err
	}
	buf := make([]byte, 0, 128<<10)
	for i := range n {
		buf = unit(buf, i)
		if len(buf) >= 64<<10 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	if _, err := bw.WriteString(suffix); err != nil {
		return err
	}
	return bw.Flush()
}

// writeXLSX writes a workbook of the given parts, with what Excel needs around them.
func writeXLSX(w io.Writer, p xlsxParts) error {
	zw := zip.NewWriter(w)
	sheets := max(p.sheets, 1)
	put := func(name string, c content) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			return err
		}
		return c(f)
	}
	var types, rels, list strings.Builder
	types.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
		fmt.Fprintf(&list, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
	}
	if p.shared != nil {
		types.WriteString(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`)
		rels.WriteString(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
	}
	if p.styles != nil {
		types.WriteString(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`)
		rels.WriteString(`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`)
	}
	types.WriteString(`</Types>`)
	rels.WriteString(`</Relationships>`)
	parts := []struct {
		name    string
		content content
	}{
		{"[Content_Types].xml", whole(types.String())},
		{"_rels/.rels", whole(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", whole(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + nsMain + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + list.String() + `</sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", whole(rels.String())},
	}
	for _, pt := range parts {
		if err := put(pt.name, pt.content); err != nil {
			return err
		}
	}
	for i := 1; i < sheets; i++ {
		if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i), sheetPart("")); err != nil {
			return err
		}
	}
	if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", sheets), p.sheet); err != nil {
		return err
	}
	if p.shared != nil {
		if err := put("xl/sharedStrings.xml", p.shared); err != nil {
			return err
		}
	}
	if p.styles != nil {
		if err := put("xl/styles.xml", p.styles); err != nil {
			return err
		}
	}
	for i := range p.entries {
		if err := put(fmt.Sprintf("xl/media/empty%d.bin", i), whole("")); err != nil {
			return err
		}
	}
	return zw.Close()
}

// base36 is i in base 36, padded to 7 letters: a short text that differs in every cell.
func base36(b []byte, i int) []byte {
	s := strconv.FormatInt(int64(i), 36)
	for range 7 - len(s) {
		b = append(b, '0')
	}
	return append(b, s...)
}

// writeLargestCells writes 100,000 rows of 50 columns: a name, an email, a date and a number
// (formatted), 23 columns of a different shared string each and 23 of a few repeated ones.
// (Different texts in every cell would not fit in 20 MB compressed.)
func writeLargestCells(w io.Writer) error {
	const cols, unique, pool = 50, 25, 64 // unique includes the name and the email
	styles := whole(`<styleSheet xmlns="` + nsMain + `"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
		`<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`)
	shared := repeatPart(`<sst xmlns="`+nsMain+`">`, pool+MaxRows*unique, func(b []byte, i int) []byte {
		b = append(b, "<si><t>"...)
		if i < pool {
			b = strconv.AppendInt(append(b, "Option "...), int64(i), 10)
		} else if r, c := (i-pool)/unique, (i-pool)%unique; c == 0 {
			b = strconv.AppendInt(append(b, "Person "...), int64(r), 10)
		} else if c == 1 {
			b = append(strconv.AppendInt(append(b, "person"...), int64(r), 10), "@example.org"...)
		} else {
			b = base36(b, i)
		}
		return append(b, "</t></si>"...)
	}, `</sst>`)
	sheet := repeatSheet(inlineHeader(cols), MaxRows, func(b []byte, r int) []byte {
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(r+2), 10)
		b = append(b, `">`...)
		for c := range cols {
			// Cells without a reference are in the next column, as the standard allows: the
			// smallest XML, so that the most cells fit in what Tandem unpacks.
			switch {
			case c == 2:
				b = append(b, `<c s="1"><v>`...)
				b = strconv.AppendFloat(b, 45000+float64(r%5000)/8, 'f', -1, 64)
			case c == 3:
				b = append(b, `<c s="2"><v>`...)
				b = strconv.AppendFloat(b, float64(r%1000)/4, 'f', -1, 64)
			case c < 2 || c < 4+unique-2:
				u := c
				if c >= 4 {
					u = c - 2
				}
				b = append(b, `<c t="s"><v>`...)
				b = strconv.AppendInt(b, int64(pool+r*unique+u), 10)
			default:
				b = append(b, `<c t="s"><v>`...)
				b = strconv.AppendInt(b, int64((r+c)%pool), 10)
			}
			b = append(b, `</v></c>`...)
		}
		return append(b, `</row>`...)
	})
	return writeXLSX(w, xlsxParts{shared: shared, styles: styles, sheet: sheet})
}

// writeLargestText writes 100,000 rows of a name and a different text of 480 characters.
func writeLargestText(w io.Writer) error {
	filler := strings.Repeat("lorem ipsum ", 40)[:480-7]
	shared := repeatPart(`<sst xmlns="`+nsMain+`">`, MaxRows, func(b []byte, i int) []byte {
		return append(append(base36(append(b, "<si><t>"...), i), filler...), "</t></si>"...)
	}, `</sst>`)
	sheet := repeatSheet(inlineHeader(2), MaxRows, func(b []byte, r int) []byte {
		b = append(b, `<row r="`...)
		b = strconv.AppendInt(b, int64(r+2), 10)
		b = append(b, `"><c r="`...)
		b = appendCellRef(b, 0, r+2)
		b = strconv.AppendInt(append(b, `" t="inlineStr"><is><t>P`...), int64(r), 10)
		b = append(b, `</t></is></c><c r="`...)
		b = appendCellRef(b, 1, r+2)
		b = strconv.AppendInt(append(b, `" t="s"><v>`...), int64(r), 10)
		return append(b, `</v></c></row>`...)
	})
	return writeXLSX(w, xlsxParts{shared: shared, sheet: sheet})
}

// writeLargestCSV writes 100,000 rows of 50 columns in just under 20 MB.
func writeLargestCSV(w io.Writer) error {
	var h strings.Builder
	for c := range 50 {
		if c > 0 {
			h.WriteByte(',')
		}
		fmt.Fprintf(&h, "Column %d", c+1)
	}
	h.WriteByte('\n')
	return writeRepeat(w, h.String(), MaxRows, func(b []byte, r int) []byte {
		b = strconv.AppendInt(append(b, 'P'), int64(r), 10)
		for c := 1; c < 50; c++ {
			b = append(b, ',')
			b = strconv.AppendInt(b, int64((r*50+c)%1000), 10)
		}
		return append(b, '\n')
	}, "")
}

// writeLargestUTF16 writes 100,000 rows of 20 tab-separated columns as UTF-16 LE.
func writeLargestUTF16(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	put := func(s string) {
		for _, u := range utf16.Encode([]rune(s)) {
			bw.WriteByte(byte(u))
			bw.WriteByte(byte(u >> 8))
		}
	}
	bw.Write([]byte{0xFF, 0xFE})
	var h strings.Builder
	for c := range 20 {
		if c > 0 {
			h.WriteByte('\t')
		}
		fmt.Fprintf(&h, "Spalte %d", c+1)
	}
	put(h.String() + "\r\n")
	var line strings.Builder
	for r := range MaxRows {
		line.Reset()
		fmt.Fprintf(&line, "Jürgen %d", r)
		for c := 1; c < 20; c++ {
			fmt.Fprintf(&line, "\t%d", (r+c)%100)
		}
		line.WriteString("\r\n")
		put(line.String())
	}
	return bw.Flush()
}
