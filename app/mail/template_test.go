package mail

import (
	"errors"
	"strings"
	"testing"
)

type person struct {
	FirstName string
	Email     string
}

type program struct {
	Name string
}

type templateData struct {
	Recipient person
	Program   program
}

var welcome = Template{
	Subject: "Welcome to {{.Program.Name}},\n {{.Recipient.FirstName}}",
	Text:    "Hello {{.Recipient.FirstName}},\nyou joined {{.Program.Name}}.\n",
	HTML:    "<p>Hello {{.Recipient.FirstName}}, you joined <b>{{.Program.Name}}</b>.</p>",
}

func TestTemplateRenderStruct(t *testing.T) {
	data := templateData{Recipient: person{FirstName: "Zoë"}, Program: program{Name: "Spring 2026"}}
	subject, text, html, err := welcome.Render(data)
	if err != nil {
		t.Fatal(err)
	}
	if subject != "Welcome to Spring 2026, Zoë" {
		t.Errorf("subject = %q", subject)
	}
	if text != "Hello Zoë,\nyou joined Spring 2026.\n" {
		t.Errorf("text = %q", text)
	}
	if html != "<p>Hello Zoë, you joined <b>Spring 2026</b>.</p>" {
		t.Errorf("html = %q", html)
	}
	if err := welcome.Check(data); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestTemplateRenderMaps(t *testing.T) {
	data := map[string]any{
		"Recipient": map[string]string{"FirstName": "Sam"},
		"Program":   map[string]any{"Name": "Autumn"},
	}
	subject, text, html, err := welcome.Render(data)
	if err != nil {
		t.Fatal(err)
	}
	if subject != "Welcome to Autumn, Sam" || !strings.Contains(text, "Hello Sam,") || !strings.Contains(html, "<b>Autumn</b>") {
		t.Errorf("got %q %q %q", subject, text, html)
	}
	noHTML := welcome
	noHTML.HTML = " "
	if _, _, html, err := noHTML.Render(data); err != nil || html != "" {
		t.Errorf("without HTML: %q, %v", html, err)
	}
}

func TestTemplateEscaping(t *testing.T) {
	data := templateData{Recipient: person{FirstName: `<script>alert("x")</script> & Co`}, Program: program{Name: "P"}}
	subject, text, html, err := welcome.Render(data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;") || !strings.Contains(html, "&amp; Co") {
		t.Errorf("html not escaped: %q", html)
	}
	if !strings.Contains(text, `<script>alert("x")</script> & Co`) {
		t.Errorf("text was escaped: %q", text)
	}
	if !strings.Contains(subject, "<script>") {
		t.Errorf("subject was escaped: %q", subject)
	}
}

func TestTemplateCheckErrors(t *testing.T) {
	structData := templateData{Recipient: person{FirstName: "Zoë"}, Program: program{Name: "P"}}
	mapData := map[string]any{"Recipient": map[string]any{"FirstName": "Zoë"}, "Program": map[string]any{"Name": "P"}}
	cases := []struct {
		name       string
		edit       func(*Template)
		data       any
		part, want string
	}{
		{"subject syntax", func(t *Template) { t.Subject = "Hi {{.Recipient.FirstName" }, structData, "subject", "syntax error on line 1"},
		{"text unknown field", func(t *Template) { t.Text = "a\n{{.Recipient.Nmae}}" }, structData, "text", "unknown variable {{.Recipient.Nmae}} on line 2"},
		{"html unknown field", func(t *Template) { t.HTML = "<p>{{.Program.Title}}</p>" }, structData, "html", "unknown variable {{.Program.Title}}"},
		{"text unknown key", func(t *Template) { t.Text = "{{.Recipient.LastName}}" }, mapData, "text", "unknown variable {{.Recipient.LastName}}"},
		{"html unknown key", func(t *Template) { t.HTML = "{{.Mentor.Name}}" }, mapData, "html", "unknown variable {{.Mentor"},
		{"subject unknown function", func(t *Template) { t.Subject = "{{upper .Program.Name}}" }, structData, "subject", `function "upper" not defined`},
		{"html syntax", func(t *Template) { t.HTML = "{{if .Program.Name}}open" }, structData, "html", "syntax error"},
		{"html bad context", func(t *Template) { t.HTML = "<a href='{{.Program.Name}}" }, structData, "html", "ends inside a tag"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tmpl := welcome
			c.edit(&tmpl)
			err := tmpl.Check(c.data)
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("Check = %v, want a *TemplateError", err)
			}
			if te.Part != c.part {
				t.Errorf("part = %q, want %q (%v)", te.Part, c.part, err)
			}
			if !strings.HasPrefix(err.Error(), c.part+": ") || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %q, want it to contain %q", err, c.want)
			}
			if _, _, _, err := tmpl.Render(c.data); err == nil {
				t.Error("Render accepted what Check refused")
			}
		})
	}
}
