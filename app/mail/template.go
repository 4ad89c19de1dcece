package mail

import (
	"errors"
	"fmt"
	htemplate "html/template"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	ttemplate "text/template"
	"text/template/parse"
	"unicode/utf8"
)

// Template is an editable message template. Subject and Text use
// text/template, HTML uses html/template (so variables are escaped there).
// Variables come from any struct or map, e.g. {{.Recipient.FirstName}}
// {{.Program.Name}}; a variable that does not exist is an error, for maps too.
type Template struct {
	Subject, Text, HTML string
}

// TemplateError is a template part that does not parse or execute.
type TemplateError struct {
	// Part is "subject", "text" or "html".
	Part string
	// Reason says what is wrong, for the admin.
	Reason string
	// Err is the error from the template package.
	Err error
}

// Error returns "<part>: <reason>".
func (e *TemplateError) Error() string {
	return e.Part + ": " + e.Reason
}

// Unwrap returns the template package's error.
func (e *TemplateError) Unwrap() error {
	return e.Err
}

// Template part names, as reported in a TemplateError.
const (
	partSubject = "subject"
	partText    = "text"
	partHTML    = "html"
)

// Sample is data a template is checked with, and how an error names it ("a group of 20 with
// the longest names and texts Tandem accepts").
type Sample struct {
	Name string
	Data any
}

// Check parses the three parts and executes them against sample data. It
// returns a *TemplateError naming the first part that fails ("subject",
// "text" or "html") and why: bad syntax, an unknown variable or function, a
// construct Tandem does not allow, or a limit passed.
func (t Template) Check(sample any) error {
	return t.CheckAll(Sample{Data: sample})
}

// CheckAll checks the template as Check does against each sample in turn: one template
// must render within the limits (MaxMessageSize, MaxRenderTime) for every one. The first
// sample is the usual recipient: its subject must also fit in MaxSubject characters uncut
// (for the others a longer subject is cut, as it is when sent). A failure's reason names the
// sample.
func (t Template) CheckAll(samples ...Sample) error {
	for i, s := range samples {
		subject, _, _, err := t.render(s.Data)
		var te *TemplateError
		if errors.As(err, &te) && s.Name != "" {
			te.Reason += " for " + s.Name
		}
		if err != nil {
			return err
		}
		if n := utf8.RuneCountInString(subject); i == 0 && n > MaxSubject {
			return &TemplateError{Part: partSubject, Reason: fmt.Sprintf("the subject would be %d characters long; at most %d", n, MaxSubject)}
		}
	}
	return nil
}

// Render executes the template against data and returns the subject (one
// line: line breaks and runs of spaces collapse to one space, and past
// MaxSubject characters it is cut with "…"), the text and the HTML (""
// when the template has no HTML). The three together are at most
// MaxMessageSize bytes and take at most MaxRenderTime; past either, or on
// a construct Tandem does not allow (see the package documentation), rendering stops
// with an error. Errors are *TemplateError.
func (t Template) Render(data any) (subject, text, html string, err error) {
	subject, text, html, err = t.render(data)
	return SubjectLine(subject), text, html, err
}

// render is Render with the subject on one line but not cut.
func (t Template) render(data any) (subject, text, html string, err error) {
	b, typ := newBudget(), reflect.TypeOf(data)
	if subject, err = execText(b, partSubject, t.Subject, data, typ); err != nil {
		return "", "", "", err
	}
	subject = cleanLine(subject)
	if text, err = execText(b, partText, t.Text, data, typ); err != nil {
		return "", "", "", err
	}
	if strings.TrimSpace(t.HTML) != "" {
		if html, err = execHTML(b, t.HTML, data, typ); err != nil {
			return "", "", "", err
		}
	}
	return subject, text, html, nil
}

// execText parses, checks and executes one text/template part within budget b.
func execText(b *budget, part, src string, data any, typ reflect.Type) (string, error) {
	if err := checkSize(part, src); err != nil {
		return "", err
	}
	tmpl, err := ttemplate.New(part).Option("missingkey=error").Funcs(b.funcs()).Parse(src)
	if err != nil {
		return "", templateError(part, err)
	}
	var names []string
	for _, d := range tmpl.Templates() {
		names = append(names, d.Name())
	}
	if err := checkTrees(part, names, tmpl.Tree, typ); err != nil {
		return "", err
	}
	w := &limitWriter{b: b}
	if err := tmpl.Execute(w, data); err != nil {
		return "", templateError(part, err)
	}
	if b.slow {
		return "", templateError(part, ErrTooSlow)
	}
	return w.out.String(), nil
}

// execHTML parses, checks and executes the html/template part within budget b.
func execHTML(b *budget, src string, data any, typ reflect.Type) (string, error) {
	if err := checkSize(partHTML, src); err != nil {
		return "", err
	}
	tmpl, err := htemplate.New(partHTML).Option("missingkey=error").Funcs(htemplate.FuncMap(b.funcs())).Parse(src)
	if err != nil {
		return "", templateError(partHTML, err)
	}
	var names []string
	for _, d := range tmpl.Templates() {
		names = append(names, d.Name())
	}
	if err := checkTrees(partHTML, names, tmpl.Tree, typ); err != nil {
		return "", err
	}
	w := &limitWriter{b: b}
	if err := tmpl.Execute(w, data); err != nil {
		return "", templateError(partHTML, err)
	}
	if b.slow {
		return "", templateError(partHTML, ErrTooSlow)
	}
	return w.out.String(), nil
}

// checkSize refuses a part whose source is longer than MaxTemplateSize.
func checkSize(part, src string) error {
	if len(src) > MaxTemplateSize {
		return &TemplateError{Part: part, Reason: fmt.Sprintf("the template is %d bytes long; at most %d (64 KB)", len(src), MaxTemplateSize)}
	}
	return nil
}

// checkTrees checks the tree of a part against the rules of template_rules.go, and paces its
// ranges (paceRanges); names are the templates the part's source made: any but the part
// itself came from {{define}} or {{block}}, which are not allowed either.
func checkTrees(part string, names []string, tree *parse.Tree, typ reflect.Type) error {
	for _, n := range names {
		if n != part {
			return &TemplateError{Part: part, Reason: "{{define}} and {{block}} are not allowed: write the message in one piece"}
		}
	}
	ranges, err := checkRules(tree, typ)
	if err != nil {
		return &TemplateError{Part: part, Reason: err.Error(), Err: err}
	}
	paceRanges(ranges)
	return nil
}

var (
	// "template: subject:1:12: executing "subject" at <.A.B>: can't evaluate field B in type x"
	reExec = regexp.MustCompile(`^(?:html/)?template: \w+:(\d+)(?::\d+)?: executing "\w+" at <(.*?)>: (.*)$`)
	// "template: subject:1: unexpected "}" in operand", "html/template:html:1:5: ..."
	rePos = regexp.MustCompile(`^(?:html/)?template: ?\w+:(\d+)(?::\d+)?: (.*)$`)
	// "can't evaluate field B in type x", "map has no entry for key "B""
	reMissing = regexp.MustCompile(`can't evaluate field \w+|map has no entry for key`)
)

// templateError rewrites an error of text/template or html/template as a
// TemplateError with a readable reason.
func templateError(part string, err error) *TemplateError {
	msg := err.Error()
	var (
		execErr ttemplate.ExecError
		htmlErr *htemplate.Error
		rule    *ruleError
		reason  string
	)
	for _, limit := range []error{ErrTooLong, ErrTooMuchText, ErrTooSlow} {
		// The limit's own error, whichever way it came (a write or a function of ours).
		if errors.Is(err, limit) {
			return &TemplateError{Part: part, Reason: limit.Error(), Err: limit}
		}
	}
	if errors.As(err, &rule) {
		// A function of ours refused its arguments (printf's width): say where.
		if m := rePos.FindStringSubmatch(msg); m != nil && rule.line == 0 {
			rule.line, _ = strconv.Atoi(m[1])
		}
		reason = rule.Error()
	} else if errors.As(err, &htmlErr) && htmlErr.ErrorCode != htemplate.OK {
		switch htmlErr.ErrorCode {
		case htemplate.ErrEndContext:
			reason = "the HTML ends inside a tag, an attribute, a comment or a script: close it"
		default:
			reason = htmlErr.Description
			if htmlErr.Line > 0 {
				reason = "line " + strconv.Itoa(htmlErr.Line) + ": " + reason
			}
		}
	} else if m := reExec.FindStringSubmatch(msg); m != nil {
		switch {
		case reMissing.MatchString(m[3]):
			reason = "unknown variable {{" + m[2] + "}} on line " + m[1]
		default:
			reason = "cannot use {{" + m[2] + "}} on line " + m[1] + ": " + m[3]
		}
	} else if m := rePos.FindStringSubmatch(msg); m != nil {
		if errors.As(err, &execErr) {
			reason = "line " + m[1] + ": " + m[2]
		} else {
			reason = "syntax error on line " + m[1] + ": " + m[2]
		}
	} else {
		reason = msg
	}
	return &TemplateError{Part: part, Reason: reason, Err: err}
}
