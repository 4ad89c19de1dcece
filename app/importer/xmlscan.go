package importer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// xmlScanner reads an XML part token by token in bounded memory, which encoding/xml does not
// promise: it holds a whole token however long, and a stack entry per open element. Here no
// tag may exceed maxTagBytes, no element nest deeper than maxXMLDepth, and text is kept only
// when the reader asks for it (keepText), up to maxText bytes; comments, processing
// instructions and unwanted text are skipped as they stream by. Names are local (the prefix
// is dropped), so strict and transitional OOXML read alike. A document type declaration is
// refused: OOXML has none, and its entities are the oldest XML bomb.
type xmlScanner struct {
	r     *bufio.Reader
	depth int
	// selfEnd is set after an empty-element tag (<a/>): its end comes next.
	selfEnd bool
	// name is the local name of the last start or end element.
	name []byte
	// attrs are the attributes of the last start element, local names and values pointing
	// into tag.
	attrs []xmlAttr
	tag   []byte
	spans []attrSpan
	// text is the last text token (when keepText); it is valid until the next call.
	text []byte
	// keepText says whether next returns text; otherwise text is skipped.
	keepText bool
	// maxText is the most text next returns in one token; past it, errXMLTextTooLong.
	maxText int
}

type xmlAttr struct{ name, value []byte }

type xmlToken int

const (
	xmlEOF xmlToken = iota
	xmlStart
	xmlEnd
	xmlText
)

// errXMLTextTooLong is a text token longer than maxText.
var errXMLTextTooLong = errors.New("a text too long")

// xmlSyntaxError is a part that is not XML as OOXML writes it.
type xmlSyntaxError struct{ msg string }

func (e *xmlSyntaxError) Error() string { return e.msg }

func xmlErrorf(format string, a ...any) error { return &xmlSyntaxError{fmt.Sprintf(format, a...)} }

func newXMLScanner(r io.Reader, maxText int) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10), maxText: maxText}
}

// attr returns the value of the attribute with the local name key, or nil.
func (s *xmlScanner) attr(key string) []byte {
	for _, a := range s.attrs {
		if string(a.name) == key {
			return a.value
		}
	}
	return nil
}

// is reports whether the current element's local name is n.
func (s *xmlScanner) is(n string) bool { return string(s.name) == n }

// next reads the next token: a start element (name, attrs), an end element (name), text
// (text, only when keepText), or the end of the part.
func (s *xmlScanner) next() (xmlToken, error) {
	if s.selfEnd {
		s.selfEnd = false
		s.depth--
		return xmlEnd, nil
	}
	for {
		c, err := s.r.ReadByte()
		if err == io.EOF {
			return xmlEOF, nil
		}
		if err != nil {
			return xmlEOF, err
		}
		if c != '<' {
			_ = s.r.UnreadByte()
			if !s.keepText {
				if err := s.skipTo('<'); err != nil {
					return xmlEOF, err
				}
				continue
			}
			if err := s.readText(); err != nil {
				return xmlEOF, err
			}
			return xmlText, nil
		}
		c, err = s.r.ReadByte()
		if err != nil {
			return xmlEOF, s.eof(err)
		}
		switch c {
		case '?':
			if err := s.skipPast('?', 1); err != nil {
				return xmlEOF, err
			}
		case '!':
			kept, err := s.readBang()
			if err != nil {
				return xmlEOF, err
			}
			if kept {
				return xmlText, nil
			}
		case '/':
			if err := s.readEnd(); err != nil {
				return xmlEOF, err
			}
			if s.depth--; s.depth < 0 {
				return xmlEOF, xmlErrorf("an end tag </%s> closes nothing", s.name)
			}
			return xmlEnd, nil
		default:
			_ = s.r.UnreadByte()
			if err := s.readStart(); err != nil {
				return xmlEOF, err
			}
			if s.depth++; s.depth > maxXMLDepth {
				return xmlEOF, xmlErrorf("elements nested more than %d deep", maxXMLDepth)
			}
			return xmlStart, nil
		}
	}
}

// skip reads past the end of the element just started, keeping nothing.
func (s *xmlScanner) skip() error {
	keep := s.keepText
	s.keepText = false
	defer func() { s.keepText = keep }()
	for d := s.depth; s.depth >= d; {
		tok, err := s.next()
		if err != nil || tok == xmlEOF {
			return err
		}
	}
	return nil
}

func (s *xmlScanner) eof(err error) error {
	if err == io.EOF {
		return xmlErrorf("the part ends in the middle of a tag")
	}
	return err
}

// skipTo reads up to (not past) the next byte c, or to the end.
func (s *xmlScanner) skipTo(c byte) error {
	for {
		_, err := s.r.ReadSlice(c)
		switch err {
		case nil:
			return s.r.UnreadByte()
		case bufio.ErrBufferFull:
		case io.EOF:
			return nil
		default:
			return err
		}
	}
}

// skipPast reads past the next '>' that follows at least n bytes ch ("?>", "-->", "]]>"),
// holding nothing.
func (s *xmlScanner) skipPast(ch byte, n int) error {
	run := 0 // how many ch ended what was read so far
	for {
		b, err := s.r.ReadSlice('>')
		switch err {
		case nil:
			k := trailing(b[:len(b)-1], ch)
			if k == len(b)-1 {
				k += run
			}
			if k >= n {
				return nil
			}
			run = 0
		case bufio.ErrBufferFull:
			if k := trailing(b, ch); k == len(b) {
				run += k
			} else {
				run = k
			}
		default:
			return s.eof(err)
		}
	}
}

// trailing counts the bytes ch that end b.
func trailing(b []byte, ch byte) int {
	n := 0
	for n < len(b) && b[len(b)-1-n] == ch {
		n++
	}
	return n
}

// readBang reads what follows "<!": a comment (skipped), a CDATA section (returned as text
// when kept, else skipped) or a declaration (refused).
func (s *xmlScanner) readBang() (kept bool, err error) {
	head, err := s.r.Peek(2)
	if err != nil {
		return false, s.eof(err)
	}
	if string(head) == "--" {
		_, _ = s.r.Discard(2)
		return false, s.skipPast('-', 2)
	}
	head, err = s.r.Peek(7)
	if err != nil {
		return false, s.eof(err)
	}
	if string(head) != "[CDATA[" {
		if bytes.HasPrefix(head, []byte("DOCTYPE")) {
			return false, xmlErrorf("it declares a document type, which a workbook never does")
		}
		return false, xmlErrorf("it has a declaration <!%s… where none belongs", head)
	}
	_, _ = s.r.Discard(7)
	if !s.keepText {
		return false, s.skipPast(']', 2)
	}
	s.text = s.text[:0]
	for {
		c, err := s.r.ReadByte()
		if err != nil {
			return false, s.eof(err)
		}
		s.text = append(s.text, c)
		if c == '>' && bytes.HasSuffix(s.text, []byte("]]>")) {
			s.text = normalizeNewlines(s.text[:len(s.text)-3])
			return true, nil
		}
		if len(s.text) > s.maxText+3 {
			return false, errXMLTextTooLong
		}
	}
}

// readText reads text up to the next '<' into s.text, entities decoded and line ends
// normalised to "\n". Entities make text longer than what it stands for, at most by a factor
// of 10 ("&#x10FFFF;" for 4 bytes): the raw text is bounded accordingly.
func (s *xmlScanner) readText() error {
	s.text = s.text[:0]
	for {
		b, err := s.r.ReadSlice('<')
		switch err {
		case nil:
			s.text = append(s.text, b[:len(b)-1]...)
			_ = s.r.UnreadByte()
		case bufio.ErrBufferFull:
			s.text = append(s.text, b...)
			if len(s.text) <= 10*s.maxText {
				continue
			}
		case io.EOF:
			s.text = append(s.text, b...)
		default:
			return err
		}
		if len(s.text) > 10*s.maxText {
			return errXMLTextTooLong
		}
		t, err := decodeEntities(s.text)
		if err != nil {
			return err
		}
		if s.text = t; len(t) > s.maxText {
			return errXMLTextTooLong
		}
		return nil
	}
}

// appendName appends a name to dst, keeping only its local part (what follows the last ':'
// is kept from start on), and leaves the byte after it unread.
func (s *xmlScanner) appendName(dst []byte, start int) ([]byte, error) {
	for {
		b, err := s.window()
		if err != nil {
			return dst, s.eof(err)
		}
		i := 0
		for i < len(b) && !nameEnd[b[i]] {
			i++
		}
		chunk := b[:i]
		if j := bytes.LastIndexByte(chunk, ':'); j >= 0 {
			dst, chunk = dst[:start], chunk[j+1:]
		}
		dst = append(dst, chunk...)
		_, _ = s.r.Discard(i)
		if len(dst)-start > 256 {
			return dst, xmlErrorf("it has a name longer than 256 bytes")
		}
		if i < len(b) {
			break
		}
	}
	if len(dst) == start {
		return dst, xmlErrorf("it has a tag without a name")
	}
	return dst, nil
}

// window returns the bytes buffered, reading more if there are none; they stay unread.
func (s *xmlScanner) window() ([]byte, error) {
	if s.r.Buffered() == 0 {
		if _, err := s.r.Peek(1); err != nil {
			return nil, err
		}
	}
	return s.r.Peek(s.r.Buffered())
}

// nameEnd tells the bytes that end a name.
var nameEnd = func() (t [256]bool) {
	for _, c := range []byte(" \t\r\n/>=<\"'") {
		t[c] = true
	}
	return t
}()

func (s *xmlScanner) skipSpace() error {
	for {
		b, err := s.window()
		if err != nil {
			return s.eof(err)
		}
		i := 0
		for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
			i++
		}
		_, _ = s.r.Discard(i)
		if i < len(b) {
			return nil
		}
	}
}

func (s *xmlScanner) readEnd() error {
	var err error
	if s.name, err = s.appendName(s.name[:0], 0); err != nil {
		return err
	}
	if err := s.skipSpace(); err != nil {
		return err
	}
	if c, err := s.r.ReadByte(); err != nil || c != '>' {
		return xmlErrorf("the end tag </%s is not closed", s.name)
	}
	return nil
}

// readStart reads a start tag after its "<": the name, then attributes up to ">" or "/>".
func (s *xmlScanner) readStart() error {
	var err error
	if s.name, err = s.appendName(s.name[:0], 0); err != nil {
		return err
	}
	s.attrs, s.tag, s.spans = s.attrs[:0], s.tag[:0], s.spans[:0]
	for {
		if err := s.skipSpace(); err != nil {
			return err
		}
		c, _ := s.r.ReadByte()
		switch c {
		case '>':
			s.setAttrs()
			return nil
		case '/':
			if c, err := s.r.ReadByte(); err != nil || c != '>' {
				return xmlErrorf("the tag <%s is not closed", s.name)
			}
			s.setAttrs()
			s.selfEnd = true
			return nil
		}
		_ = s.r.UnreadByte()
		a := attrSpan{n0: len(s.tag)}
		if s.tag, err = s.appendName(s.tag, a.n0); err != nil {
			return err
		}
		a.n1 = len(s.tag)
		if err := s.skipSpace(); err != nil {
			return err
		}
		if c, err := s.r.ReadByte(); err != nil || c != '=' {
			return xmlErrorf("an attribute of <%s> has no value", s.name)
		}
		if err := s.skipSpace(); err != nil {
			return err
		}
		q, _ := s.r.ReadByte()
		if q != '"' && q != '\'' {
			return xmlErrorf("an attribute of <%s> is not quoted", s.name)
		}
		a.v0 = len(s.tag)
		for {
			b, err := s.r.ReadSlice(q)
			if err != nil && err != bufio.ErrBufferFull {
				return s.eof(err)
			}
			if bytes.IndexByte(b, '<') >= 0 {
				return xmlErrorf("an attribute of <%s> holds a '<'", s.name)
			}
			if s.tag = append(s.tag, b...); len(s.tag) > maxTagBytes {
				return xmlErrorf("it has a tag <%s> longer than %d KB", s.name, maxTagBytes>>10)
			}
			if err == nil {
				s.tag = s.tag[:len(s.tag)-1]
				break
			}
		}
		v, err := decodeEntities(s.tag[a.v0:])
		if err != nil {
			return err
		}
		s.tag = s.tag[:a.v0+len(v)]
		a.v1 = len(s.tag)
		s.spans = append(s.spans, a)
	}
}

// attrSpan is an attribute as offsets into tag, which may move while the tag is read.
type attrSpan struct{ n0, n1, v0, v1 int }

func (s *xmlScanner) setAttrs() {
	for _, a := range s.spans {
		s.attrs = append(s.attrs, xmlAttr{name: s.tag[a.n0:a.n1], value: s.tag[a.v0:a.v1]})
	}
}
