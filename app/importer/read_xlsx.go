package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"
)

// readPanics counts the panics readXLSX recovered from; FuzzRead fails on any.
var readPanics atomic.Int64

// workbook is an .xlsx being read. It reads the parts it needs itself, streaming them
// through xmlScanner — the package's relationships, the workbook, its styles and shared
// strings, then the sheets in order until one has data — and holds only what the Table needs
// and the shared strings, compactly, within the limits of limits.go.
type workbook struct {
	name     string // the file's name, for messages
	parts    map[string]*zip.File
	unpacked uint64 // bytes of the parts opened so far
	sheets   []sheetRef
	shared   sharedStrings
	numbers  numberFormats
}

type sheetRef struct {
	name, path string
	hidden     bool
}

// readXLSX reads the first sheet with data of an Excel workbook, cells as Excel displays them
// (numbers in their number formats). Visible sheets come first: a hidden first sheet is
// usually a lookup list.
func readXLSX(name string, data []byte) (t Table, err error) {
	defer func() {
		if r := recover(); r != nil {
			readPanics.Add(1)
			t, err = Table{}, fmt.Errorf("could not read '%s' as an Excel file; it may be damaged", name)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return Table{}, fmt.Errorf("could not read '%s' as an Excel file; it may be damaged (%v)", name, err)
	}
	w := &workbook{name: name, parts: make(map[string]*zip.File, len(zr.File))}
	if len(zr.File) > maxZipEntries {
		return Table{}, w.damaged(fmt.Sprintf("it has more than %s parts", thousands(maxZipEntries)))
	}
	for _, f := range zr.File {
		if k := partKey(f.Name); w.parts[k] == nil {
			w.parts[k] = f
		}
	}
	if err := w.readStructure(); err != nil {
		return Table{}, err
	}
	var ordered, hidden []sheetRef
	for _, sh := range w.sheets {
		if sh.hidden {
			hidden = append(hidden, sh)
		} else {
			ordered = append(ordered, sh)
		}
	}
	for _, sh := range append(ordered, hidden...) {
		b := newBuilder(name)
		if err := w.readSheet(sh, b); err != nil {
			return Table{}, err
		}
		if b.seen {
			return b.table()
		}
	}
	return Table{}, errors.New("the file is empty")
}

// partKey is a part's name as looked up: no leading slash, forward slashes, lower case (part
// names are case-insensitive).
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

func (w *workbook) damaged(why string) error {
	return fmt.Errorf("could not read '%s' as an Excel file; it may be damaged (%s)", w.name, why)
}

// partErr words an error met while reading a part; nil stays nil.
func (w *workbook) partErr(part string, err error) error {
	var syn *xmlSyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syn):
		return w.damaged(part + ": " + syn.msg)
	case errors.Is(err, errXMLTextTooLong):
		return fmt.Errorf("'%s' holds a text of more than %s characters, more than an Excel cell can hold; open it in Excel, shorten that cell and save it again",
			w.name, thousands(MaxCellChars))
	}
	var te *tooLargeError
	if errors.As(err, &te) {
		return err
	}
	return w.damaged(fmt.Sprintf("%s: %v", part, err))
}

type tooLargeError struct{ msg string }

func (e *tooLargeError) Error() string { return e.msg }

// open starts reading a part; it returns a nil scanner if there is no such part. The parts
// opened may unpack to MaxUnpackedBytes together; the zip reader holds each part to the size
// it declares.
func (w *workbook) open(part string) (*xmlScanner, func(), error) {
	f := w.parts[partKey(part)]
	if f == nil {
		return nil, nil, nil
	}
	if f.UncompressedSize64 > MaxUnpackedBytes || w.unpacked+f.UncompressedSize64 > MaxUnpackedBytes {
		return nil, nil, &tooLargeError{fmt.Sprintf("'%s' is too large once unpacked; Tandem imports workbooks of at most %d MB unpacked, so split it into smaller files or save the sheet as CSV",
			w.name, MaxUnpackedBytes>>20)}
	}
	w.unpacked += f.UncompressedSize64
	rc, err := f.Open()
	if err != nil {
		return nil, nil, w.damaged(fmt.Sprintf("%s: %v", part, err))
	}
	return newXMLScanner(rc, maxCellBytes), func() { _ = rc.Close() }, nil
}

// scan opens a part and calls fn for each token until fn returns done or the part ends. A
// missing part is not an error: fn is never called.
func (w *workbook) scan(part string, fn func(s *xmlScanner, tok xmlToken) (done bool, err error)) error {
	s, closeFn, err := w.open(part)
	if err != nil || s == nil {
		return err
	}
	defer closeFn()
	for {
		tok, err := s.next()
		if err != nil {
			return w.partErr(part, err)
		}
		done, err := fn(s, tok)
		if err != nil {
			return err
		}
		if done || tok == xmlEOF {
			return nil
		}
	}
}

// readStructure reads the package's relationships, the workbook (its sheets and date
// system), its relationships, styles and shared strings.
func (w *workbook) readStructure() error {
	wbPath := "xl/workbook.xml"
	rels, err := w.readRels("_rels/.rels", "")
	if err != nil {
		return err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			wbPath = r.target
			break
		}
	}
	if w.parts[partKey(wbPath)] == nil {
		return fmt.Errorf("could not read '%s' as an Excel file; it holds no workbook (is it another kind of file renamed?)", w.name)
	}
	type sheet struct {
		name, rid string
		hidden    bool
	}
	var sheets []sheet
	err = w.scan(wbPath, func(s *xmlScanner, tok xmlToken) (bool, error) {
		if tok != xmlStart {
			return false, nil
		}
		switch {
		case s.is("workbookPr"):
			v := string(s.attr("date1904"))
			w.numbers.date1904 = v == "1" || v == "true"
		case s.is("sheet"):
			if len(sheets) >= MaxSheets {
				return true, fmt.Errorf("'%s' has more than %s sheets; Tandem reads at most %s, so copy the sheet to import into a new workbook (or save it as CSV)",
					w.name, thousands(MaxSheets), thousands(MaxSheets))
			}
			name, rid := s.attr("name"), s.attr("id")
			if len(name) > maxNameBytes || len(rid) > maxNameBytes {
				return true, w.damaged(fmt.Sprintf("%s: a sheet's name is longer than %d bytes", wbPath, maxNameBytes))
			}
			st := string(s.attr("state"))
			sheets = append(sheets, sheet{name: string(name), rid: string(rid), hidden: st == "hidden" || st == "veryHidden"})
		case s.is("definedNames"), s.is("extLst"):
			return false, w.partErr(wbPath, s.skip())
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	dir := path.Dir(wbPath)
	wbRels, err := w.readRels(path.Join(dir, "_rels", path.Base(wbPath)+".rels"), dir)
	if err != nil {
		return err
	}
	byID := map[string]string{}
	sharedPath, stylesPath := path.Join(dir, "sharedStrings.xml"), path.Join(dir, "styles.xml")
	for _, r := range wbRels {
		byID[r.id] = r.target
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sharedPath = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			stylesPath = r.target
		}
	}
	for _, sh := range sheets {
		p, ok := byID[sh.rid]
		if !ok {
			return w.damaged(fmt.Sprintf("the sheet '%s' has no part", sh.name))
		}
		w.sheets = append(w.sheets, sheetRef{name: sh.name, path: p, hidden: sh.hidden})
	}
	if err := w.readStyles(stylesPath); err != nil {
		return err
	}
	return w.readSharedStrings(sharedPath)
}

type relationship struct{ id, typ, target string }

// readRels reads a relationships part; targets are resolved against dir.
func (w *workbook) readRels(part, dir string) ([]relationship, error) {
	var out []relationship
	err := w.scan(part, func(s *xmlScanner, tok xmlToken) (bool, error) {
		if tok != xmlStart || !s.is("Relationship") || string(s.attr("TargetMode")) == "External" {
			return false, nil
		}
		if len(out) >= maxZipEntries {
			return true, w.damaged(part + ": more relationships than parts")
		}
		id, typ, target := s.attr("Id"), s.attr("Type"), s.attr("Target")
		if len(id) > maxNameBytes || len(typ) > maxNameBytes || len(target) > maxNameBytes {
			return true, w.damaged(fmt.Sprintf("%s: a relationship is longer than %d bytes", part, maxNameBytes))
		}
		t := strings.ReplaceAll(string(target), `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t[1:])
		} else {
			t = path.Join(dir, t)
		}
		out = append(out, relationship{id: string(id), typ: string(typ), target: t})
		return false, nil
	})
	return out, err
}

// readStyles reads, of the styles, the custom number formats and each cell format's number
// format; everything else (fonts, fills, borders …) streams by unread.
func (w *workbook) readStyles(part string) error {
	n := &w.numbers
	n.custom = map[int]string{}
	depth := 0 // of <cellXfs>, while inside it
	return w.scan(part, func(s *xmlScanner, tok xmlToken) (bool, error) {
		switch tok {
		case xmlEnd:
			if depth > 0 && s.depth < depth {
				depth = 0
			}
		case xmlStart:
			switch {
			case s.is("cellXfs"):
				depth = s.depth
			case depth > 0 && s.depth == depth+1 && s.is("xf"):
				if len(n.xf) >= MaxCellFormats {
					return true, fmt.Errorf("'%s' has more than %s cell formats, more than Excel allows (64,000); it may be damaged: open it in Excel and save it again, or save the sheet as CSV",
						w.name, thousands(MaxCellFormats))
				}
				id, _ := atoi(s.attr("numFmtId"))
				n.xf = append(n.xf, int32(min(id, 1<<30)))
			case s.is("numFmt"):
				if len(n.custom) >= maxNumFmts {
					return true, w.damaged(fmt.Sprintf("%s: more than %s number formats", part, thousands(maxNumFmts)))
				}
				code := s.attr("formatCode")
				if len(code) > maxFormatCode {
					return true, w.damaged(fmt.Sprintf("%s: a number format longer than %d bytes", part, maxFormatCode))
				}
				if id, ok := atoi(s.attr("numFmtId")); ok {
					n.custom[id] = string(code)
				}
			case s.is("fonts"), s.is("fills"), s.is("borders"), s.is("cellStyleXfs"), s.is("cellStyles"), s.is("dxfs"), s.is("colors"), s.is("extLst"), s.is("tableStyles"):
				return false, w.partErr(part, s.skip())
			}
		}
		return false, nil
	})
}

// sharedStrings are the workbook's shared strings, end to end in one buffer: no pointers for
// the garbage collector, 4 bytes of overhead each. Once read, text never changes, and the
// cells that show a shared string point into it rather than each holding a copy.
type sharedStrings struct {
	text []byte
	ends []uint32 // ends[i] is where string i ends in text
}

func (ss *sharedStrings) get(i int) (string, bool) {
	if i < 0 || i >= len(ss.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = ss.ends[i-1]
	}
	if start == ss.ends[i] {
		return "", true
	}
	return unsafe.String(&ss.text[start], ss.ends[i]-start), true
}

// readSharedStrings reads the shared strings: of each <si>, the text of its <t> and of its
// runs' <t> (not its phonetic runs), as excelize reads it.
func (w *workbook) readSharedStrings(part string) error {
	ss := &w.shared
	if f := w.parts[partKey(part)]; f != nil {
		// Text is never longer than its part: room for it all (untouched pages cost nothing).
		ss.text = make([]byte, 0, min(f.UncompressedSize64, MaxTextBytes+maxCellBytes))
	}
	tooMany := fmt.Errorf("'%s' holds more than %s different texts (shared strings); Tandem reads at most %s, so split it into smaller files or save the sheet as CSV",
		w.name, thousands(MaxSharedStrings), thousands(MaxSharedStrings))
	siDepth := 0 // of the <si> being read, 0 outside
	start := 0   // of its text in ss.text
	return w.scan(part, func(s *xmlScanner, tok xmlToken) (bool, error) {
		switch tok {
		case xmlStart:
			switch {
			case s.is("sst"):
				if n, ok := atoi(s.attr("uniqueCount")); ok && n > MaxSharedStrings {
					return true, tooMany
				}
			case s.is("si") && siDepth == 0:
				if len(ss.ends) >= MaxSharedStrings {
					return true, tooMany
				}
				siDepth, start = s.depth, len(ss.text)
			case siDepth > 0 && s.is("t") && (s.depth == siDepth+1 || s.depth == siDepth+2):
				s.keepText = true
			case siDepth > 0 && s.is("r") && s.depth == siDepth+1:
			case siDepth > 0:
				return false, w.partErr(part, s.skip()) // phonetic runs, run properties
			}
		case xmlText:
			if len(ss.text)-start+len(s.text) > maxCellBytes {
				return true, w.partErr(part, errXMLTextTooLong)
			}
			if len(ss.text)+len(s.text) > MaxTextBytes {
				return true, fmt.Errorf("'%s' holds more than %d MB of text; Tandem imports at most %d MB at a time, so split it into smaller files",
					w.name, MaxTextBytes>>20, MaxTextBytes>>20)
			}
			ss.text = append(ss.text, s.text...)
		case xmlEnd:
			s.keepText = false
			if siDepth > 0 && s.depth < siDepth {
				siDepth = 0
				ss.text = append(ss.text[:start], decodeEscapes(ss.text[start:])...)
				if len(ss.text)-start > MaxCellChars && utf8.RuneCount(ss.text[start:]) > MaxCellChars {
					return true, w.partErr(part, errXMLTextTooLong)
				}
				ss.ends = append(ss.ends, uint32(len(ss.text)))
			}
		}
		return false, nil
	})
}

// decodeEscapes decodes, in place, OOXML's escapes of characters XML cannot hold: _xHHHH_
// is the character U+HHHH, and _x005F_ a literal underscore.
func decodeEscapes(b []byte) []byte {
	i := bytes.Index(b, []byte("_x"))
	if i < 0 {
		return b
	}
	w := i
	for i < len(b) {
		if b[i] == '_' && i+7 <= len(b) && b[i+1] == 'x' && b[i+6] == '_' {
			if r, ok := hex4(b[i+2 : i+6]); ok {
				if r >= 0xD800 && r <= 0xDFFF {
					r = utf8.RuneError
				}
				w += utf8.EncodeRune(b[w:], r) // at most 3 bytes for 7
				i += 7
				continue
			}
		}
		b[w] = b[i]
		w++
		i++
	}
	return b[:w]
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// atoi parses a non-negative decimal number of at most 9 digits, spaces around allowed.
func atoi(b []byte) (int, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
