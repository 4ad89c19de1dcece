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

// Generators of workbooks and text files for the tests, streaming so that a file of
// gigabytes unpacked costs little to make.

// nsMain is SpreadsheetML's namespace.
const nsMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

// xlsxParts are the parts of a generated workbook; an empty one is left out, or given a
// minimal content.
type xlsxParts struct {
	shared, styles content            // nil to leave out
	sheet          content            // the first sheet (or, with sheets > 1, the last)
	sheets         int                // how many sheets; all but the last are empty unless first is set
	first          content            // the first of several sheets
	hiddenFirst    bool               // the first sheet is hidden
	workbookPr     string             // a <workbookPr> element, e.g. date1904="1"
	sheetNames     func(i int) string // the name of sheet i (from 1), if not "Sheet<i>"
	entries        int                // extra, empty zip entries
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
	var types, rels strings.Builder
	types.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`)
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i := 1; i <= sheets; i++ {
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i, i)
	}
	// The list of sheets is written as it goes: their names may be long.
	workbook := func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="` + nsMain + `" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + p.workbookPr + `<sheets>`)
		for i := 1; i <= sheets; i++ {
			state := ""
			if i == 1 && p.hiddenFirst {
				state = ` state="hidden"`
			}
			name := fmt.Sprintf("Sheet%d", i)
			if p.sheetNames != nil {
				name = p.sheetNames(i)
			}
			fmt.Fprintf(bw, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, name, i, state, i)
		}
		bw.WriteString(`</sheets></workbook>`)
		return bw.Flush()
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
		{"xl/workbook.xml", workbook},
		{"xl/_rels/workbook.xml.rels", whole(rels.String())},
	}
	for _, pt := range parts {
		if err := put(pt.name, pt.content); err != nil {
			return err
		}
	}
	for i := 1; i < sheets; i++ {
		c := sheetPart("")
		if i == 1 && p.first != nil {
			c = p.first
		}
		if err := put(fmt.Sprintf("xl/worksheets/sheet%d.xml", i), c); err != nil {
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
