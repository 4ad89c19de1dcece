package mail

import (
	"errors"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// hostileData is shaped like Tandem's template variables: people, a list of them, numbers,
// long texts, a map and a value of no static type.
type hostileData struct {
	Recipient person
	Program   program
	Others    []person
	Count     int
	Score     float64
	Long      string
	Tags      map[string]string
	Any       any
}

func hostileSample() hostileData {
	others := make([]person, 20)
	for i := range others {
		others[i] = person{FirstName: strings.Repeat("Ö", 200), Email: "p@example.org"}
	}
	return hostileData{Recipient: person{FirstName: "Zoë"}, Program: program{Name: "Peer Circles"}, Others: others,
		Count: 3, Score: 2.5, Long: strings.Repeat("a\\<", 20000/3), Tags: map[string]string{"a": "b"}, Any: 1000000}
}

// hostileTemplates are templates that would run for seconds or take gigabytes without the
// limits, and what Render says of each.
var hostileTemplates = []struct {
	name, src string
	want      string // in the reason
	limit     error  // the limit passed, for the limits
}{
	{"range over a huge number", `{{range 1000000000}}{{end}}`, "range over a number", nil},
	{"range over a number field", `{{range .Count}}x{{end}}`, "range over a number", nil},
	{"range over a number in a variable", `{{$n := 1000000000}}{{range $n}}{{end}}`, "range over a number", nil},
	{"range over a number from len", `{{range len .Others}}{{end}}`, "range over a number", nil},
	{"range over a float", `{{range .Score}}{{end}}`, "range over a number", nil},
	{"range over a value of no static type", `{{range .Any}}{{end}}`, "range only over a list", nil},
	{"range over a variable reassigned a number", `{{$x := .Others}}{{if true}}{{$x = 1000000000}}{{end}}{{range $x}}{{end}}`, "range only over a list", nil},
	{"range over a string", `{{range .Long}}{{end}}`, "range only over a list", nil},
	{"nested ranges", `{{range .Others}}{{range $.Others}}{{$.Long}}{{end}}{{end}}`, "inside another {{range}}", nil},
	{"nested ranges in a with", `{{range .Others}}{{with $.Others}}{{range .}}x{{end}}{{end}}{{end}}`, "inside another {{range}}", nil},
	{"recursion through define", `{{define "a"}}{{template "a" .}}{{end}}{{template "a" .}}`, "{{define}} and {{block}} are not allowed", nil},
	{"template of an undefined name", `{{template "x" .}}`, "{{template}} and {{block}} are not allowed", nil},
	{"block", `{{block "b" .}}{{.Long}}{{end}}`, "{{define}} and {{block}} are not allowed", nil},
	{"call", `{{call .Any}}`, "the function call is not allowed", nil},
	{"huge printf width", `{{printf "%999999999d" 1}}`, "pads to 999999999 characters", nil},
	{"printf width of a megabyte, repeated", strings.Repeat(`{{printf "%999999d" 1}}`, 300), "pads to 999999 characters", nil},
	{"printf precision", `{{printf "%.5000f" 1.0}}`, "pads to 5000 characters", nil},
	{"printf width from an argument", `{{printf "%*d" 1000000 1}}`, "width from an argument", nil},
	{"printf width after an index", `{{printf "%[1]999999d" 1}}`, "pads to 999999 characters", nil},
	{"long repeated output", strings.Repeat(`{{.Long}}`, 400), "longer than 1 MB", ErrTooLong},
	{"long output in a range", `{{range .Others}}` + strings.Repeat(`{{$.Long}}`, 20) + `{{end}}`, "longer than 1 MB", ErrTooLong},
	{"long repeated text", strings.Repeat("x", 30000) + strings.Repeat(`{{.Others}}`, 3000), "longer than 1 MB", ErrTooLong},
	{"doubling through variables", `{{$a := print .Long .Long}}` + strings.Repeat(`{{$a = print $a $a}}`, 40), "more than 1 MB of text", ErrTooMuchText},
	{"growing escapes", `{{.Long` + strings.Repeat(" | js", 40) + `}}`, "more than 1 MB of text", ErrTooMuchText},
	{"too long a template", strings.Repeat("x", MaxTemplateSize+1), "at most 65536", nil},
}

func TestTemplateLimits(t *testing.T) {
	data := hostileSample()
	for _, tt := range hostileTemplates {
		for _, part := range []string{partText, partHTML, partSubject} {
			t.Run(tt.name+"/"+part, func(t *testing.T) {
				tmpl := Template{Subject: "s", Text: "t"}
				switch part {
				case partText:
					tmpl.Text = tt.src
				case partHTML:
					tmpl.HTML = "<p>" + tt.src + "</p>"
					if tt.name == "too long a template" {
						tmpl.HTML = tt.src
					}
				case partSubject:
					tmpl.Subject = tt.src
				}
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				start := time.Now()
				_, _, _, err := tmpl.Render(data)
				took := time.Since(start)
				runtime.ReadMemStats(&after)
				var te *TemplateError
				if !errors.As(err, &te) {
					t.Fatalf("Render = %v, want a *TemplateError", err)
				}
				if te.Part != part || !strings.Contains(te.Reason, tt.want) {
					t.Errorf("error = %q, want the %s part and %q", err, part, tt.want)
				}
				if tt.limit != nil && !errors.Is(err, tt.limit) {
					t.Errorf("error = %v, want %v", err, tt.limit)
				}
				// A bound, not a speed goal: before the limits these took 10–36 s and 0.7–1 GB.
				if took > 2*MaxRenderTime {
					t.Errorf("took %v", took)
				}
				if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
					t.Errorf("allocated %d MB", n>>20)
				}
				if err := tmpl.Check(data); err == nil {
					t.Error("Check accepted what Render refused")
				}
			})
		}
	}
}

// TestTemplateRulesAllow checks that what Tandem's templates may need still works.
func TestTemplateRulesAllow(t *testing.T) {
	data := hostileSample()
	data.Others = []person{{FirstName: "Jai"}, {FirstName: "Mei"}, {FirstName: "Ana"}}
	tests := []struct{ src, want string }{
		{`{{range .Others}}{{.FirstName}},{{end}}`, "Jai,Mei,Ana,"},
		{`{{range $i, $p := .Others}}{{if $i}} and {{end}}{{$p.FirstName}}{{end}}`, "Jai and Mei and Ana"},
		{`{{range .Others}}{{if eq .FirstName "Mei"}}{{break}}{{end}}{{.FirstName}}{{end}}`, "Jai"},
		{`{{range .Others}}{{if eq .FirstName "Mei"}}{{continue}}{{end}}{{.FirstName}}{{end}}`, "JaiAna"},
		{`{{range slice .Others 1}}{{.FirstName}}{{end}}`, "MeiAna"},
		{`{{range .Tags}}{{.}}{{end}}{{range .Others}}!{{end}}`, "b!!!"},
		{`{{with .Others}}{{range .}}{{.FirstName}}{{end}}{{else}}none{{end}}`, "JaiMeiAna"},
		{`{{$o := .Others}}{{range $o}}{{.FirstName}}{{end}}`, "JaiMeiAna"},
		{`{{range .Recipient.Email}}{{else}}x{{end}}`, ""}, // refused below: a string
		{`{{len .Others}} {{index .Others 1 | printf "%v"}} {{(index .Others 2).FirstName}}`, "3 {Mei } Ana"},
		{`{{printf "%-6s|%5.2f|%%" .Recipient.FirstName .Score}}`, "Zoë   | 2.50|%"},
		{`{{if and .Count (gt .Count 2)}}many{{else if .Count}}some{{end}}`, "many"},
		{`{{with $x := .Program}}{{$x.Name}}{{end}} {{.Program.Name | print}} {{html "<b>"}} {{urlquery "a b"}} {{js "'"}}`, "Peer Circles Peer Circles &lt;b&gt; a+b \\'"},
		{`{{/* a comment */}}{{- " trimmed " -}}`, " trimmed "},
	}
	for _, tt := range tests {
		_, text, _, err := Template{Subject: "s", Text: tt.src}.Render(data)
		if tt.src == `{{range .Recipient.Email}}{{else}}x{{end}}` {
			if err == nil {
				t.Errorf("%s: range over a string was accepted", tt.src)
			}
			continue
		}
		if err != nil || text != tt.want {
			t.Errorf("%s = %q, %v; want %q", tt.src, text, err, tt.want)
		}
	}
}

// TestRangesArePacedWithoutChangingTheOutput: the iterator each range over a list goes through
// (to check the deadline per element) gives the same elements, in every part and context.
func TestRangesArePacedWithoutChangingTheOutput(t *testing.T) {
	data := hostileSample()
	data.Others = []person{{FirstName: "Jai"}, {FirstName: ""}, {FirstName: "Ana"}}
	tmpl := Template{Subject: "{{range .Others}}{{if .FirstName}}{{.FirstName}} {{end}}{{end}}",
		Text: "{{range $i, $o := .Others}}{{$i}}={{$o.FirstName}};{{else}}none{{end}}",
		HTML: `<script>var a = [{{range .Others}}{{.FirstName}},{{end}}];</script><a href="/p?{{range .Others}}n={{.FirstName}}&amp;{{end}}">x</a>`}
	subject, text, html, err := tmpl.Render(data)
	if err != nil {
		t.Fatal(err)
	}
	if subject != "Jai Ana" || text != "0=Jai;1=;2=Ana;" ||
		html != `<script>var a = ["Jai","","Ana",];</script><a href="/p?n=Jai&amp;n=&amp;n=Ana&amp;">x</a>` {
		t.Errorf("got %q %q %q", subject, text, html)
	}
	data.Others = nil
	if _, text, _, err := tmpl.Render(data); err != nil || text != "none" {
		t.Errorf("empty list: %q, %v", text, err)
	}
	if err := (Template{Subject: "{{tandemEach .Others}}", Text: "t"}).Check(data); err == nil {
		t.Error("a template called Tandem's own range function")
	}
}

// TestTemplateLimitsAddUp checks that the 1 MB is for the whole message: a subject, a text and
// an HTML body each under it can still pass it together.
func TestTemplateLimitsAddUp(t *testing.T) {
	data := hostileSample() // .Long is 20,000 bytes
	half := strings.Repeat(`{{.Long}}`, 30)
	_, _, _, err := Template{Subject: "s", Text: half, HTML: "<p>" + half + "</p>"}.Render(data)
	var te *TemplateError
	if !errors.As(err, &te) || te.Part != partHTML || !errors.Is(err, ErrTooLong) {
		t.Errorf("Render = %v, want the HTML part past 1 MB", err)
	}
	if _, text, _, err := (Template{Subject: "s", Text: half}).Render(data); err != nil || len(text) != 30*len(data.Long) {
		t.Errorf("600 KB of text: %d bytes, %v", len(text), err)
	}
}

func TestTemplateCheckAllNamesTheSample(t *testing.T) {
	small := hostileSample()
	small.Long = "short"
	big := hostileSample()
	tmpl := Template{Subject: "Hi {{.Recipient.FirstName}}", Text: strings.Repeat(`{{.Long}}`, 100)}
	if err := tmpl.CheckAll(Sample{Name: "the sample recipient", Data: small}); err != nil {
		t.Fatalf("small: %v", err)
	}
	err := tmpl.CheckAll(Sample{Name: "the sample recipient", Data: small}, Sample{Name: "a group of 20 with long names", Data: big})
	if err == nil || err.Error() != "text: the message would be longer than 1 MB for a group of 20 with long names" {
		t.Errorf("CheckAll = %v", err)
	}
	long := Template{Subject: strings.Repeat("{{.Recipient.FirstName}} ", 70), Text: "t"}
	if err := long.CheckAll(Sample{Data: small}); err == nil || !strings.Contains(err.Error(), "subject: the subject would be 279 characters long; at most 250") {
		t.Errorf("CheckAll of a long subject = %v", err)
	}
	if subject, _, _, err := long.Render(small); err != nil || !strings.HasSuffix(subject, "…") || len([]rune(subject)) != MaxSubject {
		t.Errorf("Render of a long subject = %q, %v", subject, err)
	}
}

// FuzzTemplateCheck runs any template source against the hostile data: Check never panics,
// returns in bounded time, and a template it accepts renders within the limits.
func FuzzTemplateCheck(f *testing.F) {
	for _, tt := range hostileTemplates {
		if len(tt.src) < 1000 {
			f.Add(tt.src)
		}
	}
	for _, s := range []string{`{{range .Others}}{{.FirstName}}{{end}}`, `{{with .Program}}{{.Name}}{{end}}`,
		`{{printf "%5d" .Count}}`, `{{range $i, $p := .Others}}{{$i}}{{end}}`, `{{if .Count}}{{.Long}}{{end}}`} {
		f.Add(s)
	}
	data := hostileSample()
	f.Fuzz(func(t *testing.T, src string) {
		start := time.Now()
		tmpl := Template{Subject: src, Text: src, HTML: src}
		err := tmpl.Check(data)
		if took := time.Since(start); took > 3*MaxRenderTime {
			t.Fatalf("Check took %v", took)
		}
		if err != nil {
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Fatalf("Check = %v, want a *TemplateError", err)
			}
			return
		}
		subject, text, html, err := tmpl.Render(data)
		if err != nil {
			t.Fatalf("Render failed after Check passed: %v", err)
		}
		if n := len(subject) + len(text) + len(html); n > MaxMessageSize {
			t.Fatalf("rendered %d bytes", n)
		}
	})
}

// BenchmarkHostileTemplate is the worst template of the corpus before the limits (36 s, 17 MB
// for {{range 1000000000}}; 13 s and 690 MB for nested ranges; 10.5 s and 1.1 GB for wide
// printf) and the worst one that runs now, to its 1 MB limit.
func BenchmarkHostileTemplate(b *testing.B) {
	data := hostileSample()
	for _, src := range []string{`{{range 1000000000}}{{end}}`, `{{range .Others}}` + strings.Repeat(`{{$.Long}}`, 20) + `{{end}}`,
		`{{$a := print .Long .Long}}` + strings.Repeat(`{{$a = print $a $a}}`, 40)} {
		b.Run(src[:min(len(src), 30)], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, _, err := (Template{Subject: "s", Text: src}).Render(data); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}

// TestRenderTimeLimit: past MaxRenderTime the next write, function call or element of a range
// stops the message (a budget whose deadline has passed stands in for a slow machine, or a
// list long enough that a body writing nothing would run for seconds).
func TestRenderTimeLimit(t *testing.T) {
	for _, src := range []string{"Hello {{.Recipient.FirstName}}", `{{print .Recipient.FirstName | len}}`,
		`{{range .Others}}{{if .FirstName}}{{end}}{{end}}`, `{{range $i, $o := .Others}}{{if $i}}{{end}}{{end}}`} {
		b := newBudget()
		b.deadline = time.Now().Add(-time.Millisecond)
		_, err := execText(b, partText, src, hostileSample(), reflect.TypeFor[hostileData]())
		var te *TemplateError
		if !errors.As(err, &te) || !errors.Is(err, ErrTooSlow) || te.Reason != "the message took longer than 1 s to write" {
			t.Errorf("%s: %v, want the time limit", src, err)
		}
	}
}
