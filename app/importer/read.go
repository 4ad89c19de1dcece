package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
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
	b := newBuilder(name)
	row := 0
	var addErr error
	err = parseDelimited(s, delim, b.limit, func(rec []string, more bool) bool {
		row++
		addErr = b.add(row, rec, more)
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

// decodeUTF16 decodes UTF-16 straight into UTF-8, in one buffer; unpaired surrogates become
// U+FFFD, and an odd last byte is dropped.
func decodeUTF16(b []byte, bigEndian bool) string {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i]) | rune(b[i+1])<<8
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		r := unit(i)
		if utf16.IsSurrogate(r) {
			if i+3 < len(b) {
				if r2 := utf16.DecodeRune(r, unit(i+2)); r2 != utf8.RuneError {
					out = utf8.AppendRune(out, r2)
					i += 2
					continue
				}
			}
			r = utf8.RuneError
		}
		out = utf8.AppendRune(out, r)
	}
	return string(out)
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
		var widths []int // of the non-blank records
		_ = parseDelimited(sample, d, func() int { return MaxColumns }, func(rec []string, more bool) bool {
			if more || !blank(rec) {
				widths = append(widths, len(rec))
			}
			return len(widths) <= sniffRecords
		})
		if truncated && len(widths) > 1 {
			widths = widths[:len(widths)-1] // the last one may be cut short
		}
		if len(widths) == 0 || widths[0] < 2 {
			continue
		}
		w, matches := widths[0], 0
		for _, n := range widths[1:] {
			if n == w {
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
//
// A record keeps at most limit() cells (asked before each record); more tells fn that cells
// past them had something in them. The record's slice is reused: fn must copy what it keeps.
// A quoted cell stops growing past maxCellBytes (the builder refuses it by its length).
func parseDelimited(s string, delim byte, limit func() int, fn func(rec []string, more bool) bool) error {
	n := len(s)
	if n == 0 {
		return nil
	}
	line := 1
	i := 0
	rec := make([]string, 0, 16)
	more := false
	max := limit()
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
				keep := sb.Len() <= maxCellBytes
				if keep {
					sb.WriteString(chunk)
				}
				i += j + 1
				if i < n && s[i] == '"' {
					if keep {
						sb.WriteByte('"')
					}
					i++
					continue
				}
				if i >= n || s[i] == delim || s[i] == '\n' {
					break
				}
				if keep {
					sb.WriteByte('"') // "abc"def: the quote is text
				}
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
		if len(rec) < max {
			rec = append(rec, field)
		} else if !more && trimCell(field) != "" {
			more = true
		}
		if i < n && s[i] == delim {
			i++
			continue
		}
		// end of record: a line end or the end of the data
		if !fn(rec, more) {
			return nil
		}
		rec, more, max = rec[:0], false, limit()
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
