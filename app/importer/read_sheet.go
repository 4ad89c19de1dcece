package importer

import (
	"errors"
	"fmt"
	"strings"
)

// Excel's grid: 1,048,576 rows of 16,384 columns (A to XFD).
const (
	excelRows    = 1 << 20
	excelColumns = 1 << 14
)

// readSheet streams a worksheet's rows into b: of each row, only the cells b keeps (up to its
// limit), so that neither a cell at XFD1048576 nor a million empty rows cost memory.
func (w *workbook) readSheet(sh sheetRef, b *builder) error {
	s, closeFn, err := w.open(sh.path)
	if err != nil {
		return err
	}
	if s == nil {
		return w.damaged(fmt.Sprintf("the sheet '%s' is missing", sh.name))
	}
	defer closeFn()
	var (
		dataDepth   = 0 // of <sheetData>, once in it
		rowNum, col int // the row being read, and its last cell's column (0-based)
		lim         int // cells of this row worth keeping
		cells       []string
		more        bool   // a cell past lim had a value
		typ         string // of the cell being read: its t attribute
		style       int    // and its s attribute
		inInline    bool   // in the cell's <is>
		value       []byte // the cell's text (<v>, or the <t>s of <is>)
	)
	fail := func(err error) error {
		if errors.Is(err, errXMLTextTooLong) {
			return b.cellTooLong(rowNum, col)
		}
		return w.partErr(sh.path, err)
	}
	for {
		tok, err := s.next()
		if err != nil {
			return fail(err)
		}
		switch tok {
		case xmlEOF:
			return nil
		case xmlStart:
			if dataDepth == 0 {
				if s.is("sheetData") {
					dataDepth = s.depth
				}
				continue
			}
			switch d := s.depth - dataDepth; {
			case d == 1 && s.is("row"):
				n := rowNum + 1
				if r := s.attr("r"); r != nil {
					var ok bool
					if n, ok = atoi(r); !ok || n <= rowNum {
						return w.damaged(fmt.Sprintf("the sheet '%s': row %q comes after row %d", sh.name, clip(r), rowNum))
					}
				}
				if n > excelRows {
					return w.damaged(fmt.Sprintf("the sheet '%s': row %d is past the last row of a sheet", sh.name, n))
				}
				rowNum, col, lim, cells, more = n, -1, b.limit(), cells[:0], false
			case d == 2 && s.is("c"):
				c := col + 1
				if r := s.attr("r"); r != nil {
					var ok bool
					if c, ok = columnIndex(r); !ok {
						return w.damaged(fmt.Sprintf("the sheet '%s': a cell of row %d has the reference %q", sh.name, rowNum, clip(r)))
					}
				}
				if c >= excelColumns {
					return w.damaged(fmt.Sprintf("the sheet '%s': a cell of row %d is past the last column of a sheet", sh.name, rowNum))
				}
				col, typ, style, inInline, value = c, cellType(s.attr("t")), 0, false, value[:0]
				if n, ok := atoi(s.attr("s")); ok {
					style = n
				}
			case d == 3 && s.is("v"):
				s.keepText = true
			case d == 3 && s.is("is"):
				inInline = true
			case inInline && (d == 4 && s.is("t") || d == 5 && s.is("t")):
				s.keepText = true
			case inInline && d == 4 && s.is("r"):
			default:
				if err := s.skip(); err != nil {
					return fail(err)
				}
			}
		case xmlText:
			if len(value)+len(s.text) > maxCellBytes {
				return b.cellTooLong(rowNum, col)
			}
			value = append(value, s.text...)
		case xmlEnd:
			s.keepText = false
			if dataDepth == 0 {
				continue
			}
			switch s.depth + 1 - dataDepth { // the depth of the element that ended
			case 0: // </sheetData>: the rest of the sheet holds no cells
				return nil
			case 1: // </row>
				if err := b.add(rowNum, cells, more); err != nil {
					return err
				}
			case 2: // </c>
				v, err := w.cellValue(typ, style, value)
				if err != nil {
					return w.damaged(fmt.Sprintf("the sheet '%s', cell %s%d: %v", sh.name, columnLetters(col), rowNum, err))
				}
				if col >= lim {
					more = more || trimCell(v) != ""
					continue
				}
				if strings.IndexByte(v, '\r') >= 0 { // a line break written as _x000D_
					v = strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
				}
				for len(cells) <= col {
					cells = append(cells, "")
				}
				cells[col] = v
			case 3:
				inInline = inInline && !s.is("is")
			}
		}
	}
}

// cellType returns a cell's t attribute as a constant string (no allocation per cell).
func cellType(t []byte) string {
	switch string(t) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str"
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return "n"
}

// cellValue is a cell's value as Excel displays it: shared or inline text, TRUE or FALSE, an
// error as it is, a number (or an ISO date) in its number format.
func (w *workbook) cellValue(typ string, style int, raw []byte) (string, error) {
	switch typ {
	case "s":
		if len(raw) == 0 {
			return "", nil
		}
		i, ok := atoi(raw)
		if !ok {
			return "", fmt.Errorf("%q is not a shared string's number", clip(raw))
		}
		v, ok := w.shared.get(i)
		if !ok {
			return "", fmt.Errorf("it refers to shared string %d of %d", i, len(w.shared.ends))
		}
		return w.numbers.formatText(v, style), nil
	case "inlineStr":
		return w.numbers.formatText(string(decodeEscapes(raw)), style), nil
	case "str", "e":
		return string(raw), nil
	case "b":
		switch string(raw) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return string(raw), nil
	case "d":
		return w.numbers.format(normalizeNumber(isoDateSerial(string(raw))), style), nil
	}
	if len(raw) == 0 {
		return "", nil
	}
	return w.numbers.format(normalizeNumber(strings.TrimSpace(string(raw))), style), nil
}

// clip is the start of a value a message repeats: at most 20 bytes.
func clip(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "…"
	}
	return string(b)
}

// columnIndex reads the column of a cell reference such as "AB12" (0-based).
func columnIndex(ref []byte) (int, bool) {
	n, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		n = n*26 + int(c-'a'+1)
	}
	if i == 0 || i == len(ref) || ref[i] < '0' || ref[i] > '9' {
		return 0, false
	}
	return n - 1, true
}
