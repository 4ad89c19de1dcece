// Package questionnaire holds what a registration question is — its kinds, audiences and
// matching rules — the default questionnaire of a new program, and the checks of an answer.
// It is pure: values in, values out.
package questionnaire

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"tandem/app/validate"
)

// Kinds of question.
const (
	Single   = "single"
	Multi    = "multi"
	Text     = "text"
	Number   = "number"
	Scale    = "scale"
	TimeZone = "timezone"
)

// Kinds lists every kind of question.
var Kinds = []string{Single, Multi, Text, Number, Scale, TimeZone}

// Audiences lists who a question is asked of.
var Audiences = []string{"everyone", "mentors", "mentees", "peers"}

// Rules lists how the matching engine compares two answers.
var Rules = []string{"none", "same", "different", "overlap", "complement", "closest", "within"}

// Weights lists a rule's weight; "must" is a filter, not points.
var Weights = []string{"must", "high", "medium", "low", "custom"}

// Points is what a weight is worth; custom weights carry their own number.
var Points = map[string]int{"must": 0, "high": 5, "medium": 3, "low": 1}

// Spec is a question as the checks need it.
type Spec struct {
	Prompt       string
	Kind         string
	Options      []string
	Audience     string
	Required     bool
	PersonField  string
	ScaleMin     int
	ScaleMax     int
	Rule         string
	Weight       string
	CustomWeight int
	RuleHours    int
}

// Value is one answer: Text for single choice, text, number, scale and time zone (numbers as
// decimal text); Choices for multiple choice.
type Value struct {
	Text    string
	Choices []string
}

// Empty reports whether the answer says nothing.
func (v Value) Empty() bool { return strings.TrimSpace(v.Text) == "" && len(v.Choices) == 0 }

// Check validates a question's definition and returns a message naming the field at fault.
func Check(s Spec) (field string, err error) {
	if strings.TrimSpace(s.Prompt) == "" {
		return "prompt", fmt.Errorf("a question needs a prompt")
	}
	if err := validate.Text(s.Prompt, 200); err != nil {
		return "prompt", fmt.Errorf("the prompt %v", err)
	}
	if !contains(Kinds, s.Kind) {
		return "kind", fmt.Errorf("%q is not a kind of question", s.Kind)
	}
	if !contains(Audiences, s.Audience) {
		return "audience", fmt.Errorf("%q is not an audience (everyone, mentors, mentees or peers)", s.Audience)
	}
	if !contains(Rules, s.Rule) {
		return "rule", fmt.Errorf("%q is not a matching rule", s.Rule)
	}
	if !contains(Weights, s.Weight) {
		return "weight", fmt.Errorf("%q is not a weight", s.Weight)
	}
	if s.Weight == "custom" && (s.CustomWeight < 1 || s.CustomWeight > 100) {
		return "customWeight", fmt.Errorf("a custom weight is a number from 1 to 100")
	}
	if s.Kind == Single || s.Kind == Multi {
		if len(s.Options) < 2 {
			return "options", fmt.Errorf("a choice question needs at least two options")
		}
		seen := map[string]bool{}
		for i, o := range s.Options {
			o = strings.TrimSpace(o)
			if o == "" {
				return "options", fmt.Errorf("option %d is empty", i+1)
			}
			if err := validate.Text(o, 100); err != nil {
				return "options", fmt.Errorf("option %d %v", i+1, err)
			}
			if seen[strings.ToLower(o)] {
				return "options", fmt.Errorf("option %q is listed twice", o)
			}
			seen[strings.ToLower(o)] = true
		}
	}
	if s.Kind == Scale && (s.ScaleMin >= s.ScaleMax || s.ScaleMax-s.ScaleMin > 10) {
		return "scale", fmt.Errorf("a scale runs from a lower to a higher number, at most 10 steps")
	}
	switch s.Rule {
	case "overlap", "complement":
		if s.Kind != Multi && s.Kind != Single {
			return "rule", fmt.Errorf("the %q rule compares choices: use it on a choice question", s.Rule)
		}
	case "closest":
		if s.Kind != Number && s.Kind != Scale {
			return "rule", fmt.Errorf("the \"closest\" rule compares numbers: use it on a number or scale question")
		}
	case "within":
		if s.Kind != TimeZone {
			return "rule", fmt.Errorf("the \"within N hours\" rule compares time zones: use it on a time zone question")
		}
		if s.RuleHours < 0 || s.RuleHours > 24 {
			return "ruleHours", fmt.Errorf("hours apart is a number from 0 to 24")
		}
	}
	return "", nil
}

// CheckAnswer validates one answer against its question and returns it cleaned (options in the
// question's spelling, numbers canonical). A required question must be answered.
func CheckAnswer(s Spec, v Value) (Value, error) {
	if v.Empty() {
		if s.Required {
			return Value{}, fmt.Errorf("an answer is required")
		}
		return Value{}, nil
	}
	switch s.Kind {
	case Single:
		o, ok := option(s.Options, v.Text)
		if !ok {
			return Value{}, fmt.Errorf("%q is not one of the options (%s)", v.Text, strings.Join(s.Options, ", "))
		}
		return Value{Text: o}, nil
	case Multi:
		out := make([]string, 0, len(v.Choices))
		seen := map[string]bool{}
		for _, c := range v.Choices {
			o, ok := option(s.Options, c)
			if !ok {
				return Value{}, fmt.Errorf("%q is not one of the options (%s)", c, strings.Join(s.Options, ", "))
			}
			if !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
		return Value{Choices: out}, nil
	case Number, Scale:
		f, err := strconv.ParseFloat(strings.TrimSpace(strings.Replace(v.Text, ",", ".", 1)), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return Value{}, fmt.Errorf("%q is not a number", v.Text)
		}
		if s.Kind == Scale && (f != math.Trunc(f) || int(f) < s.ScaleMin || int(f) > s.ScaleMax) {
			return Value{}, fmt.Errorf("%q is not on the scale %d to %d", v.Text, s.ScaleMin, s.ScaleMax)
		}
		return Value{Text: strconv.FormatFloat(f, 'f', -1, 64)}, nil
	case TimeZone:
		tz := strings.TrimSpace(v.Text)
		if err := validate.TimeZone(tz); err != nil {
			return Value{}, err
		}
		return Value{Text: tz}, nil
	default:
		t := strings.TrimSpace(v.Text)
		if n := len([]rune(t)); n > 2000 {
			return Value{}, fmt.Errorf("is %d characters long; at most 2000", n)
		}
		return Value{Text: t}, nil
	}
}

// Encode turns an answer into the JSON stored in the database: an array for multiple choice,
// a number for number and scale, a string otherwise.
func Encode(kind string, v Value) string {
	var b []byte
	switch kind {
	case Multi:
		c := v.Choices
		if c == nil {
			c = []string{}
		}
		b, _ = json.Marshal(c)
	case Number, Scale:
		if f, err := strconv.ParseFloat(v.Text, 64); err == nil {
			b, _ = json.Marshal(f)
		} else {
			b, _ = json.Marshal(v.Text)
		}
	default:
		b, _ = json.Marshal(v.Text)
	}
	return string(b)
}

// Decode reads a stored answer back.
func Decode(raw string) Value {
	var any interface{}
	if err := json.Unmarshal([]byte(raw), &any); err != nil {
		return Value{Text: raw}
	}
	switch x := any.(type) {
	case []interface{}:
		out := make([]string, 0, len(x))
		for _, e := range x {
			out = append(out, fmt.Sprint(e))
		}
		return Value{Choices: out}
	case float64:
		return Value{Text: strconv.FormatFloat(x, 'f', -1, 64)}
	case string:
		return Value{Text: x}
	default:
		return Value{Text: fmt.Sprint(x)}
	}
}

// Applies reports whether a question with this audience is asked of a participant with these roles.
func Applies(audience string, mentor, mentee, peer bool) bool {
	switch audience {
	case "mentors":
		return mentor
	case "mentees":
		return mentee
	case "peers":
		return peer
	default:
		return true
	}
}

func option(options []string, s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, o := range options {
		if strings.EqualFold(o, s) {
			return o, true
		}
	}
	return "", false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
