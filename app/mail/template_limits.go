package mail

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	ttemplate "text/template"
	"time"
)

// The limits of one rendered message; the package documentation ("Template limits") says how
// they are enforced.
const (
	// MaxMessageSize is what one message may write (subject, text and HTML together), and
	// what the functions it calls may make between them: 1 MB each.
	MaxMessageSize = 1 << 20
	// MaxRenderTime is how long rendering one message may take.
	MaxRenderTime = time.Second
	// MaxTemplateSize is the longest source of one part of a template, in bytes.
	MaxTemplateSize = 64 << 10
	// MaxPrintfWidth is the widest width or precision printf accepts ({{printf "%8s" …}}).
	MaxPrintfWidth = 100
)

// ErrTooLong is a message that would be longer than MaxMessageSize.
var ErrTooLong = errors.New("the message would be longer than 1 MB")

// ErrTooMuchText is a message whose functions (print, printf, println, html, js, urlquery)
// would make more than MaxMessageSize of text between them.
var ErrTooMuchText = errors.New("the functions (print, printf, html, js…) would make more than 1 MB of text")

// ErrTooSlow is a message that took longer than MaxRenderTime to write.
var ErrTooSlow = errors.New("the message took longer than 1 s to write")

// budget is what one message may still write, what its functions may still make, and until
// when.
type budget struct {
	write, make int
	deadline    time.Time
	slow        bool // a paced range stopped at the deadline
}

func newBudget() *budget {
	return &budget{write: MaxMessageSize, make: MaxMessageSize, deadline: time.Now().Add(MaxRenderTime)}
}

// spend takes n bytes from left; it fails once the message passes its size (with tooLong) or
// its time.
func (b *budget) spend(left *int, n int, tooLong error) error {
	if time.Now().After(b.deadline) {
		return ErrTooSlow
	}
	if n > *left {
		*left = -1
		return tooLong
	}
	*left -= n
	return nil
}

// limitWriter is where a template writes: it fails at the first write past the budget, which
// stops Execute there.
type limitWriter struct {
	b   *budget
	out strings.Builder
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if err := w.b.spend(&w.b.write, len(p), ErrTooLong); err != nil {
		return 0, err
	}
	return w.out.Write(p)
}

// funcs are Tandem's versions of the functions of text/template that make text: the same
// results, counted against the message's budget (they run before anything is written).
func (b *budget) funcs() ttemplate.FuncMap {
	made := func(s string) (string, error) {
		if err := b.spend(&b.make, len(s), ErrTooMuchText); err != nil {
			return "", err
		}
		return s, nil
	}
	return ttemplate.FuncMap{
		"print":    func(args ...any) (string, error) { return made(fmt.Sprint(args...)) },
		"println":  func(args ...any) (string, error) { return made(fmt.Sprintln(args...)) },
		"html":     func(args ...any) (string, error) { return made(ttemplate.HTMLEscaper(args...)) },
		"js":       func(args ...any) (string, error) { return made(ttemplate.JSEscaper(args...)) },
		"urlquery": func(args ...any) (string, error) { return made(ttemplate.URLQueryEscaper(args...)) },
		"printf": func(format string, args ...any) (string, error) {
			if err := checkFormat(format); err != nil {
				return "", err
			}
			return made(fmt.Sprintf(format, args...))
		},
		funcEach:  b.each(false),
		funcEach2: b.each(true),
	}
}

// The functions paceRanges adds to ranges; a template cannot call them (allowedFuncs).
const (
	funcEach  = "tandemEach"
	funcEach2 = "tandemEach2"
)

// each returns the function that turns a list (a slice or an array) into an iterator of the
// same elements — an iter.Seq of the element type, or with index an iter.Seq2 of the index and
// the element — which checks the deadline before each element and stops the range there (the
// template then fails with ErrTooSlow). text/template passes and unwraps the reflect.Values.
func (b *budget) each(index bool) func(reflect.Value) reflect.Value {
	return func(list reflect.Value) reflect.Value {
		for list.Kind() == reflect.Interface && !list.IsNil() {
			list = list.Elem()
		}
		if k := list.Kind(); k != reflect.Slice && k != reflect.Array {
			return list
		}
		in := []reflect.Type{list.Type().Elem()}
		if index {
			in = []reflect.Type{reflect.TypeFor[int](), list.Type().Elem()}
		}
		yield := reflect.FuncOf(in, []reflect.Type{reflect.TypeFor[bool]()}, false)
		seq := reflect.FuncOf([]reflect.Type{yield}, nil, false)
		return reflect.MakeFunc(seq, func(args []reflect.Value) []reflect.Value {
			for i := range list.Len() {
				if time.Now().After(b.deadline) {
					b.slow = true
					return nil
				}
				v := []reflect.Value{list.Index(i)}
				if index {
					v = []reflect.Value{reflect.ValueOf(i), list.Index(i)}
				}
				if !args[0].Call(v)[0].Bool() {
					return nil
				}
			}
			return nil
		})
	}
}

// checkFormat refuses a printf format with a width or precision over MaxPrintfWidth, or one
// taken from an argument (%*d), before fmt allocates it.
func checkFormat(format string) error {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			n, err := checkDirective(format[i+1:])
			if err != nil {
				return err
			}
			i += n
		}
	}
	return nil
}

// checkDirective checks the flags, argument indexes, width and precision after a '%', up to
// the verb, and returns how many bytes they and the verb take.
func checkDirective(d string) (int, error) {
	for i := 0; i < len(d); i++ {
		switch ch := d[i]; {
		case ch == '*':
			return 0, &ruleError{reason: "{{printf}} takes a width from an argument (%*), which is not allowed"}
		case ch == '[':
			if j := strings.IndexByte(d[i:], ']'); j > 0 {
				i += j
			}
		case ch >= '0' && ch <= '9':
			j := i
			for j < len(d) && d[j] >= '0' && d[j] <= '9' {
				j++
			}
			if n, err := strconv.Atoi(d[i:j]); err != nil || n > MaxPrintfWidth {
				return 0, &ruleError{reason: fmt.Sprintf("{{printf}} pads to %s characters; at most %d", d[i:j], MaxPrintfWidth)}
			}
			i = j - 1
		case strings.IndexByte("+-# .", ch) < 0:
			return i + 1, nil // up to the verb, or the second % of %%
		}
	}
	return len(d), nil
}
