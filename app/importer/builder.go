package importer

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// builder turns numbered rows into a Table: row 1 is the header, blank rows are dropped,
// cells are trimmed. It keeps only what the Table needs — a row up to its last cell with data,
// no cell past the header — and refuses a file past MaxRows, MaxColumns, MaxCells,
// MaxCellChars or MaxTextBytes as soon as it gets there, so that what it holds stays bounded.
type builder struct {
	name        string // the file's name, for messages
	header      []string
	headerBlank bool
	seen        bool // any non-blank row, the header included
	rows        [][]string
	nums        []int
	// width is the columns in use so far: up to the last named header or the last cell
	// with data, whichever is further right.
	width int
	text  int // bytes of text kept
}

func newBuilder(name string) *builder { return &builder{name: name} }

// limit is how many cells of the next row are worth passing to add: a data row's cells past
// the header are dropped, so a reader need not keep them.
func (b *builder) limit() int {
	if b.header == nil || b.headerBlank {
		return MaxColumns
	}
	return len(b.header)
}

// add takes the cells of row num (rows come in increasing order; the caller may reuse the
// slice). more says that the row had cells with data past the limit.
func (b *builder) add(num int, cells []string, more bool) error {
	for i, c := range cells {
		cells[i] = trimCell(c)
	}
	isBlank := blank(cells) && !more
	if num == 1 {
		if more || len(cells) > MaxColumns {
			return fmt.Errorf("'%s' has more than %s columns; Tandem imports at most %s, so delete the columns you do not need (or copy the ones you need into a new file) and import again",
				b.name, thousands(MaxColumns), thousands(MaxColumns))
		}
		n := lastFilled(cells)
		if err := b.checkCells(num, cells[:n]); err != nil {
			return err
		}
		b.header = append([]string(nil), cells...)
		b.headerBlank = isBlank
		b.seen = !isBlank
		b.width = n
		return nil
	}
	if isBlank {
		return nil
	}
	b.seen = true
	if b.header == nil || b.headerBlank {
		return errors.New("row 1 has no column names; the first row must hold the column headers")
	}
	n := lastFilled(cells[:min(len(cells), len(b.header))])
	if n == 0 { // its cells are all past the last column
		return nil
	}
	if len(b.rows) >= MaxRows {
		return errors.New("the file has more than 100,000 rows; Tandem imports at most 100,000 at a time, so split it into smaller files")
	}
	b.width = max(b.width, n)
	if (len(b.rows)+1)*b.width > MaxCells {
		return fmt.Errorf("'%s' has more than %s cells (rows × columns); Tandem imports at most %s at a time, so split it into smaller files or delete the columns you do not need",
			b.name, thousands(MaxCells), thousands(MaxCells))
	}
	if err := b.checkCells(num, cells[:n]); err != nil {
		return err
	}
	// Kept as wide as the table is so far, so that table() seldom has to pad it.
	row := make([]string, b.width)
	copy(row, cells[:n])
	b.rows = append(b.rows, row)
	b.nums = append(b.nums, num)
	return nil
}

// checkCells checks the length of each cell and of all the text kept.
func (b *builder) checkCells(num int, cells []string) error {
	for i, c := range cells {
		if len(c) > MaxCellChars {
			if utf8.RuneCountInString(c) > MaxCellChars {
				return b.cellTooLong(num, i)
			}
		}
		b.text += len(c)
	}
	if b.text > MaxTextBytes {
		return fmt.Errorf("'%s' holds more than %d MB of text; Tandem imports at most %d MB at a time, so split it into smaller files",
			b.name, MaxTextBytes>>20, MaxTextBytes>>20)
	}
	return nil
}

// cellTooLong is the message for cell col of row num, which is too long.
func (b *builder) cellTooLong(num, col int) error {
	where := fmt.Sprintf("row %d, column %s", num, columnLetters(col))
	if num > 1 && col < len(b.header) && b.header[col] != "" {
		where += fmt.Sprintf(" (%q)", strings.Join(strings.Fields(b.header[col]), " "))
	}
	return fmt.Errorf("%s of '%s' holds more than %s characters, the most a cell may hold (as in Excel); shorten it and import again",
		where, b.name, thousands(MaxCellChars))
}

func (b *builder) table() (Table, error) {
	if !b.seen {
		return Table{}, errors.New("the file is empty")
	}
	// Columns past the last one with a name or data are dropped (Excel's "used range").
	w := b.width
	headers := make([]string, w)
	for i := range headers {
		h := ""
		if i < len(b.header) {
			h = strings.Join(strings.Fields(b.header[i]), " ")
		}
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		headers[i] = h
	}
	for i, r := range b.rows {
		if len(r) < w {
			b.rows[i] = append(r, make([]string, w-len(r))...)
		}
	}
	rows, nums := b.rows, b.nums
	if rows == nil {
		rows, nums = [][]string{}, []int{}
	}
	return Table{Headers: headers, Rows: rows, RowNumbers: nums}, nil
}

// lastFilled is the length of cells up to its last non-empty cell.
func lastFilled(cells []string) int {
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return n
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

// columnLetters is the spreadsheet name of column i (0 is A, 26 is AA).
func columnLetters(i int) string {
	var b [4]byte
	n := len(b)
	for i++; i > 0 && n > 0; i = (i - 1) / 26 {
		n--
		b[n] = byte('A' + (i-1)%26)
	}
	return string(b[n:])
}

// thousands writes n with comma separators: 100000 is "100,000".
func thousands(n int) string {
	if n < 0 {
		return "-" + thousands(-n)
	}
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
