package importer

import (
	"fmt"
	"io"
	"strconv"
	"strings"
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
		// 1,000 sheets of names of 200 KB each: 200 MB of names to keep.
		{name: "sheet-names.xlsx", err: "a sheet's name is longer than 1024 bytes", write: func(w io.Writer) error {
			long := strings.Repeat("n", 200<<10)
			return writeXLSX(w, xlsxParts{sheet: sheetPart(inlineHeader(1)), sheetNames: func(i int) string { return long + strconv.Itoa(i) }, sheets: 1_000})
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
