package importer

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// numberFormats renders numbers as Excel displays them under their cells' number formats.
// readStyles gives it, within bounds, the one thing of a workbook's styles it needs: each
// cell format's number format. The rendering is excelize's, on a one-cell workbook of its
// own that holds only the number formats cells use — never the file's own styles, which
// excelize would parse whole into memory.
type numberFormats struct {
	// xf is the number format id of each cell format (a cell's s attribute).
	xf []int32
	// custom are the workbook's own number format codes, by id.
	custom   map[int]string
	date1904 bool

	f      *excelize.File // made on first use
	styles map[int]int    // number format id → style in f; 0 when f cannot render it
	texts  int            // texts f holds as shared strings, which only grow
	cache  map[numberKey]string
}

type numberKey struct {
	id    int
	value string
	text  bool
}

// maxHelperTexts is how many texts the helper workbook renders before it is made anew.
const maxHelperTexts = 1_000

// maxNumberCache bounds the cache of rendered numbers.
const maxNumberCache = 10_000

// format renders the number v (normalised as by normalizeNumber) of a cell of format style.
func (n *numberFormats) format(v string, style int) string { return n.render(v, style, false) }

// formatText renders the text v of a cell of format style: only a format's text section
// applies to text (";;;" hides it, `"ID-"@` prefixes it).
func (n *numberFormats) formatText(v string, style int) string { return n.render(v, style, true) }

func (n *numberFormats) render(v string, style int, text bool) string {
	if v == "" || style <= 0 || style >= len(n.xf) {
		return v
	}
	id := int(n.xf[style])
	code, custom := n.custom[id]
	if !custom && (id == 0 || id == 49 || id >= 164) { // General, Text, or a format the file does not define
		return v
	}
	if text && (!custom || !hasTextSection(code)) {
		return v
	}
	key := numberKey{id, v, text}
	if s, ok := n.cache[key]; ok {
		return s
	}
	out := n.excelize(v, id, code, custom, text)
	if n.cache == nil || len(n.cache) >= maxNumberCache {
		n.cache = make(map[numberKey]string)
	}
	n.cache[key] = out
	return out
}

// excelize renders v through the helper workbook.
func (n *numberFormats) excelize(v string, id int, code string, custom, text bool) (out string) {
	defer func() {
		if recover() != nil { // a format code excelize cannot take: the value as it is
			out = v
		}
	}()
	const sheet, cell = "Sheet1", "A1"
	if n.f != nil && n.texts >= maxHelperTexts {
		_ = n.f.Close()
		n.f = nil
	}
	if n.f == nil {
		n.f = excelize.NewFile()
		n.styles = make(map[int]int)
		n.texts = 0
		if n.date1904 {
			yes := true
			if err := n.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
				return v
			}
		}
	}
	st, ok := n.styles[id]
	if !ok {
		style := &excelize.Style{NumFmt: id}
		if custom {
			style = &excelize.Style{CustomNumFmt: &code}
		}
		var err error
		if st, err = n.f.NewStyle(style); err != nil {
			st = 0
		}
		n.styles[id] = st
	}
	if st == 0 {
		return v
	}
	set := n.f.SetCellDefault // a number
	if text {
		set = n.f.SetCellStr
		n.texts++
	}
	if set(sheet, cell, v) != nil || n.f.SetCellStyle(sheet, cell, cell, st) != nil {
		return v
	}
	s, err := n.f.GetCellValue(sheet, cell)
	if err != nil {
		return v
	}
	return s
}

// hasTextSection reports whether a number format code has a section for text: an @, or a
// fourth section, outside quotes, brackets and escapes.
func hasTextSection(code string) bool {
	sections := 1
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '\\', '_', '*': // the next character is literal
			i++
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return false
			}
			i += j + 1
		case ';':
			sections++
		case '@':
			return true
		}
	}
	return sections >= 4
}

// normalizeNumber writes a cell's number as excelize does before formatting it: as short as
// it is exact, or with 15 significant digits if it has more (Excel shows no more).
func normalizeNumber(v string) string {
	if v == "" || strings.Contains(v, "_") {
		return v
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return v
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if len(s)-strings.Count(s, ".") > 15 {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return s
}

// isoDateSerial turns the ISO 8601 date of a t="d" cell into Excel's serial number, as
// excelize does; a value it cannot parse is returned as it is.
func isoDateSerial(v string) string {
	layout := "20060102T150405.999"
	if strings.HasSuffix(v, "Z") {
		layout = "20060102T150405Z"
		if strings.Contains(v, "-") {
			layout = "2006-01-02T15:04:05Z"
		}
	} else if strings.Contains(v, "-") {
		layout = "2006-01-02 15:04:05Z"
	}
	t, err := time.Parse(layout, strings.ReplaceAll(v, ",", "."))
	if err != nil {
		return v
	}
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	days := float64(t.Unix()-epoch.Unix())/86400 + float64(t.Nanosecond())/86400e9
	if t.Before(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC)) {
		days-- // Excel counts 29 February 1900, which did not exist
	}
	return strconv.FormatFloat(days, 'G', 15, 64)
}
