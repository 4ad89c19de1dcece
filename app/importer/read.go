package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Limits of what Read accepts.
const (
	// MaxFileBytes is the largest file Read accepts: 20 MB.
	MaxFileBytes = 20 << 20
	// MaxRows is the largest number of data rows Read accepts.
	MaxRows = 100_000

	// maxUnzipped bounds what an .xlsx may unpack to, against zip bombs. Worksheets up to
	// this size stay in memory (excelize would otherwise spill them to temporary files).
	maxUnzipped = 256 << 20
	// sniffBytes is how much of a text file the delimiter detection looks at.
	sniffBytes = 64 << 10
	// sniffRecords is how many records the delimiter detection looks at.
	sniffRecords = 50
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
	zipMagic   = []byte("PK\x03\x04")                                   // a zip's first local file header
	oleMagic   = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1} // .xls, or an encrypted .xlsx
)

// Read parses a .csv, .tsv, .txt or .xlsx file (by name extension, falling back to
// sniffing: XLSX is a zip starting with "PK"). Text files may be UTF-8 (with or without
// BOM), UTF-16 with BOM or Windows-1252, delimited by commas, semicolons or tabs (detected,
// or named by Excel's "sep=;" first line); .tsv is always tab-delimited. Of a workbook, Read
// takes the first sheet with data, cells as Excel displays them. Row 1 is the header; blank
// rows are dropped, every cell is trimmed, and Table.RowNumbers keeps the rows' numbers. A
// file with a header and no data rows is not an error: the Table has no Rows.
func Read(fileName string, data []byte) (Table, error) {
	name := baseName(fileName)
	if len(data) == 0 {
		return Table{}, errors.New("the file is empty")
	}
	if len(data) > MaxFileBytes {
		return Table{}, fmt.Errorf("the file is %.1f MB; Tandem imports files of at most 20 MB, so split it into smaller files", float64(len(data))/(1<<20))
	}
	ext := extension(name)
	notSpreadsheet := fmt.Errorf("'%s' is not a CSV or Excel (.xlsx) file", name)
	switch {
	case bytes.HasPrefix(data, oleMagic):
		switch ext {
		case ".xls", ".xlsx", ".xlsm", ".csv", ".tsv", ".txt", "":
			return Table{}, fmt.Errorf("'%s' is an old Excel (.xls) file or a password-protected workbook; open it in Excel and save it as .xlsx without a password, or as CSV", name)
		}
		return Table{}, notSpreadsheet
	case bytes.HasPrefix(data, zipMagic):
		switch ext {
		case ".xlsx", ".xlsm", ".xltx", ".xltm", ".csv", ".tsv", ".txt", "":
			return readXLSX(name, data)
		}
		return Table{}, notSpreadsheet
	}
	switch ext {
	case ".csv", ".txt", "":
		return readText(name, data, 0)
	case ".tsv", ".tab":
		return readText(name, data, '\t')
	case ".xlsx", ".xlsm":
		return Table{}, fmt.Errorf("'%s' is not a valid Excel (.xlsx) file; it may be damaged, or a file of another kind renamed", name)
	case ".xls":
		// Some systems write CSV or HTML and call it .xls; only plain text is accepted.
		if t, err := readText(name, data, 0); err == nil && !looksLikeMarkup(data) {
			return t, nil
		}
	}
	return Table{}, notSpreadsheet
}

// baseName is the file's name without its folder, for messages; it knows both slashes.
func baseName(fileName string) string {
	if i := strings.LastIndexAny(fileName, `/\`); i >= 0 {
		fileName = fileName[i+1:]
	}
	return fileName
}

// extension is the lower-case extension with its dot, or "".
func extension(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(name[i:])
}

func looksLikeMarkup(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	return bytes.HasPrefix(head, []byte("<")) || bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<table"))
}

// readText reads a delimited text file; delim 0 means detect it.
func readText(name string, data []byte, delim byte) (Table, error) {
	s, err := decodeText(name, data)
	if err != nil {
		return Table{}, err
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	// Excel writes and honours a first line "sep=;" naming the delimiter; it is not a row.
	if len(s) >= 5 && strings.EqualFold(s[:4], "sep=") && (len(s) == 5 || s[5] == '\n') {
		if d := s[4]; d == ',' || d == ';' || d == '\t' || d == '|' {
			delim, s = d, s[min(len(s), 6):]
		}
	}
	if delim == 0 {
		delim = detectDelimiter(s)
	}
	b := newBuilder()
	row := 0
	var addErr error
	err = parseDelimited(s, delim, func(rec []string) bool {
		row++
		addErr = b.add(row, rec)
		return addErr == nil
	})
	if addErr != nil {
		return Table{}, addErr
	}
	if err != nil {
		return Table{}, err
	}
	return b.table()
}

// decodeText turns the bytes of a text file into UTF-8: a UTF-8 BOM is dropped, UTF-16 is
// recognised by its BOM (or, without one, by the zero bytes of ASCII text), and anything else
// that is not valid UTF-8 is taken as Windows-1252, what Excel writes on Western Windows.
func decodeText(name string, data []byte) (string, error) {
	var s string
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		s = strings.ToValidUTF8(string(data[len(bomUTF8):]), "\uFFFD")
	case bytes.HasPrefix(data, bomUTF16LE):
		s = decodeUTF16(data[2:], false)
	case bytes.HasPrefix(data, bomUTF16BE):
		s = decodeUTF16(data[2:], true)
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		s = decodeUTF16(data, false)
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		s = decodeUTF16(data, true)
	case utf8.Valid(data):
		s = string(data)
	default:
		b, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("'%s' is not a text file in a known encoding (UTF-8, UTF-16 or Windows-1252)", name)
		}
		s = string(b)
	}
	s = strings.TrimPrefix(s, "\uFEFF") // a second BOM, as concatenated exports have
	if strings.IndexByte(s, 0) >= 0 {
		return "", fmt.Errorf("'%s' contains binary data; it is not a CSV or Excel (.xlsx) file", name)
	}
	if strings.TrimSpace(s) == "" {
		return "", errors.New("the file is empty")
	}
	return s, nil
}

func decodeUTF16(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
		}
	}
	return string(utf16.Decode(u))
}

// detectDelimiter picks among tab, semicolon and comma the one that splits the first row into
// the most columns... as long as the following rows agree: the winner is the delimiter that
// gives the most rows with as many cells as the header, then the widest header. Ties go to
// tab, then semicolon, then comma, since prose headers have commas in them.
func detectDelimiter(s string) byte {
	sample := s
	truncated := false
	if len(sample) > sniffBytes {
		sample, truncated = sample[:sniffBytes], true
	}
	best, bestMatches, bestWidth := byte(','), -1, 1
	for _, d := range []byte{'\t', ';', ','} {
		var recs [][]string
		_ = parseDelimited(sample, d, func(rec []string) bool {
			if !blank(rec) {
				recs = append(recs, rec)
			}
			return len(recs) <= sniffRecords
		})
		if truncated && len(recs) > 1 {
			recs = recs[:len(recs)-1] // the last one may be cut short
		}
		if len(recs) == 0 || len(recs[0]) < 2 {
			continue
		}
		w, matches := len(recs[0]), 0
		for _, r := range recs[1:] {
			if len(r) == w {
				matches++
			}
		}
		if matches > bestMatches || matches == bestMatches && w > bestWidth {
			best, bestMatches, bestWidth = d, matches, w
		}
	}
	return best
}

// parseDelimited splits s (with "\n" line ends) into records and calls fn for each, blank
// lines included, until fn returns false. Cells may be quoted with doubled quotes inside; a
// stray quote is kept as text (lazy quotes). A quoted cell that never closes is an error
// naming its line, as it would otherwise swallow the rest of the file.
func parseDelimited(s string, delim byte, fn func(rec []string) bool) error {
	n := len(s)
	if n == 0 {
		return nil
	}
	line := 1
	i := 0
	var rec []string
	width := 8
	var sb strings.Builder
	for {
		var field string
		if i < n && s[i] == '"' {
			start := line
			i++
			sb.Reset()
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return fmt.Errorf("line %d: a quoted cell starts here but is never closed (is there a stray \" character?)", start)
				}
				chunk := s[i : i+j]
				line += strings.Count(chunk, "\n")
				sb.WriteString(chunk)
				i += j + 1
				if i < n && s[i] == '"' {
					sb.WriteByte('"')
					i++
					continue
				}
				if i >= n || s[i] == delim || s[i] == '\n' {
					break
				}
				sb.WriteByte('"') // "abc"def: the quote is text
			}
			field = sb.String()
		} else {
			j := i
			for j < n && s[j] != delim && s[j] != '\n' {
				j++
			}
			field = s[i:j]
			i = j
		}
		if rec == nil {
			rec = make([]string, 0, width)
		}
		rec = append(rec, field)
		if i < n && s[i] == delim {
			i++
			continue
		}
		// end of record: a line end or the end of the data
		if len(rec) > width {
			width = len(rec)
		}
		if !fn(rec) {
			return nil
		}
		rec = nil
		if i >= n {
			return nil
		}
		i++ // the '\n'
		line++
		if i >= n {
			return nil
		}
	}
}

// readXLSX reads the first sheet with data of an Excel workbook, cells as Excel displays them.
func readXLSX(name string, data []byte) (t Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			t, err = Table{}, fmt.Errorf("could not read '%s' as an Excel file; it may be damaged", name)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    maxUnzipped,
		UnzipXMLSizeLimit: maxUnzipped,
	})
	if err != nil {
		if strings.Contains(err.Error(), "size") && strings.Contains(err.Error(), "limit") {
			return Table{}, fmt.Errorf("'%s' is too large once unpacked; Tandem imports workbooks of at most 256 MB unpacked", name)
		}
		return Table{}, fmt.Errorf("could not read '%s' as an Excel file; it may be damaged (%v)", name, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return Table{}, fmt.Errorf("could not read '%s' as an Excel file; it has no worksheets", name)
	}
	// Visible sheets first: a hidden first sheet is usually a lookup list.
	var ordered, hidden []string
	for _, sh := range sheets {
		if v, err := f.GetSheetVisible(sh); err == nil && !v {
			hidden = append(hidden, sh)
		} else {
			ordered = append(ordered, sh)
		}
	}
	ordered = append(ordered, hidden...)
	for _, sh := range ordered {
		b := newBuilder()
		if err := readSheet(f, sh, b); err != nil {
			return Table{}, err
		}
		if b.seen {
			return b.table()
		}
	}
	return Table{}, errors.New("the file is empty")
}

func readSheet(f *excelize.File, sheet string, b *builder) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return fmt.Errorf("could not read the sheet '%s' (%v)", sheet, err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		cols, err := rows.Columns()
		if err != nil {
			return fmt.Errorf("could not read row %d of the sheet '%s' (%v)", n, sheet, err)
		}
		for i, c := range cols {
			if strings.IndexByte(c, '\r') >= 0 {
				cols[i] = strings.ReplaceAll(strings.ReplaceAll(c, "\r\n", "\n"), "\r", "\n")
			}
		}
		if err := b.add(n, cols); err != nil {
			return err
		}
	}
	return rows.Error()
}

// builder turns numbered rows into a Table: row 1 is the header, blank rows are dropped,
// cells are trimmed.
type builder struct {
	header      []string
	headerBlank bool
	seen        bool // any non-blank row, the header included
	rows        [][]string
	nums        []int
}

func newBuilder() *builder { return &builder{} }

func (b *builder) add(num int, cells []string) error {
	for i, c := range cells {
		cells[i] = trimCell(c)
	}
	isBlank := blank(cells)
	if num == 1 {
		b.header = cells
		b.headerBlank = isBlank
		b.seen = !isBlank
		return nil
	}
	if isBlank {
		return nil
	}
	b.seen = true
	if b.header == nil || b.headerBlank {
		return errors.New("row 1 has no column names; the first row must hold the column headers")
	}
	if len(b.rows) >= MaxRows {
		return errors.New("the file has more than 100,000 rows; Tandem imports at most 100,000 at a time, so split it into smaller files")
	}
	b.rows = append(b.rows, cells)
	b.nums = append(b.nums, num)
	return nil
}

func (b *builder) table() (Table, error) {
	if !b.seen {
		return Table{}, errors.New("the file is empty")
	}
	// Drop trailing columns that have neither a name nor data (Excel's "used range").
	w := len(b.header)
	for w > 0 && b.header[w-1] == "" && !columnHasData(b.rows, w-1) {
		w--
	}
	headers := make([]string, w)
	for i := range headers {
		h := strings.Join(strings.Fields(b.header[i]), " ")
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		headers[i] = h
	}
	rows := make([][]string, 0, len(b.rows))
	nums := make([]int, 0, len(b.rows))
	for i, r := range b.rows {
		switch {
		case len(r) > w:
			r = r[:w:w]
			if blank(r) { // its cells were all past the last column
				continue
			}
		case len(r) < w:
			r = append(r, make([]string, w-len(r))...)
		}
		rows = append(rows, r)
		nums = append(nums, b.nums[i])
	}
	return Table{Headers: headers, Rows: rows, RowNumbers: nums}, nil
}

func columnHasData(rows [][]string, col int) bool {
	for _, r := range rows {
		if col < len(r) && r[col] != "" {
			return true
		}
	}
	return false
}

func blank(cells []string) bool {
	for _, c := range cells {
		if trimCell(c) != "" {
			return false
		}
	}
	return true
}

// trimCell trims white space, byte order marks and zero-width spaces around a cell.
func trimCell(s string) string {
	if s == "" {
		return s
	}
	if first, last := s[0], s[len(s)-1]; first < utf8.RuneSelf && first > ' ' && last < utf8.RuneSelf && last > ' ' {
		return s
	}
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF' || r == '\u200B'
	})
}
