package mail

import (
	"errors"
	htemplate "html/template"
	"regexp"
	"strconv"
	"strings"
	ttemplate "text/template"
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

// Check parses the three parts and executes them against sample data. It
// returns a *TemplateError naming the first part that fails ("subject",
// "text" or "html") and why: bad syntax, an unknown variable or function.
func (t Template) Check(sample any) error {
	_, _, _, err := t.Render(sample)
	return err
}

// Render executes the template against data and returns the subject (one
// line: line breaks and runs of spaces collapse to one space), the text and
// the HTML ("" when the template has no HTML). Errors are *TemplateError.
func (t Template) Render(data any) (subject, text, html string, err error) {
	if subject, err = execText(partSubject, t.Subject, data); err != nil {
		return "", "", "", err
	}
	subject = cleanLine(subject)
	if text, err = execText(partText, t.Text, data); err != nil {
		return "", "", "", err
	}
	if strings.TrimSpace(t.HTML) != "" {
		if html, err = execHTML(t.HTML, data); err != nil {
			return "", "", "", err
		}
	}
	return subject, text, html, nil
}

// execText parses and executes one text/template part.
func execText(part, src string, data any) (string, error) {
	tmpl, err := ttemplate.New(part).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", templateError(part, err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data); err != nil {
		return "", templateError(part, err)
	}
	return b.String(), nil
}

// execHTML parses and executes the html/template part.
func execHTML(src string, data any) (string, error) {
	tmpl, err := htemplate.New(partHTML).Option("missingkey=error").Parse(src)
	if err != nil {
		return "", templateError(partHTML, err)
	}
	var b strings.Builder
	if err := tmpl.Execute(&b, data); err != nil {
		return "", templateError(partHTML, err)
	}
	return b.String(), nil
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
		reason  string
	)
	if errors.As(err, &htmlErr) && htmlErr.ErrorCode != htemplate.OK {
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
