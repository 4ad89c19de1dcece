package importer

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// decodeEntities decodes, in place, XML's five named entities and character references, and
// turns "\r\n" and "\r" into "\n" as XML does.
func decodeEntities(b []byte) ([]byte, error) {
	i := bytes.IndexAny(b, "&\r")
	if i < 0 {
		return b, nil
	}
	w := i
	for i < len(b) {
		switch c := b[i]; c {
		case '\r':
			b[w] = '\n'
			w++
			if i++; i < len(b) && b[i] == '\n' {
				i++
			}
		case '&':
			j := bytes.IndexByte(b[i:min(len(b), i+12)], ';')
			if j < 0 {
				return nil, xmlErrorf("it has a '&' that starts no entity")
			}
			ent := b[i+1 : i+j]
			var r rune
			switch string(ent) {
			case "lt":
				r = '<'
			case "gt":
				r = '>'
			case "amp":
				r = '&'
			case "quot":
				r = '"'
			case "apos":
				r = '\''
			default:
				n, err := charRef(ent)
				if err != nil {
					return nil, err
				}
				r = n
			}
			w += utf8.EncodeRune(b[w:], r) // never longer than the entity it replaces
			i += j + 1
		default:
			b[w] = c
			w++
			i++
		}
	}
	return b[:w], nil
}

// charRef decodes "#123" or "#x1F".
func charRef(ent []byte) (rune, error) {
	var n uint64
	var err error
	switch {
	case len(ent) > 2 && ent[0] == '#' && (ent[1] == 'x' || ent[1] == 'X'):
		n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
	case len(ent) > 1 && ent[0] == '#':
		n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
	default:
		return 0, xmlErrorf("it uses an entity &%s; that XML does not define", ent)
	}
	if r := rune(n); err != nil || n == 0 || !utf8.ValidRune(r) {
		return 0, xmlErrorf("it has an invalid character reference &%s;", ent)
	}
	return rune(n), nil
}

// normalizeNewlines turns "\r\n" and "\r" into "\n", in place.
func normalizeNewlines(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	w := 0
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			b[w] = '\n'
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
		} else {
			b[w] = b[i]
		}
		w++
	}
	return b[:w]
}
