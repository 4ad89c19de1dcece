package mail

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"
)

// allowedFuncs are the functions a template may call.
var allowedFuncs = map[string]bool{
	"and": true, "or": true, "not": true, "len": true, "index": true, "slice": true,
	"eq": true, "ne": true, "lt": true, "le": true, "gt": true, "ge": true,
	"print": true, "printf": true, "println": true, "html": true, "js": true, "urlquery": true,
}

// ruleError is a template construct Tandem does not allow, with the line it is on.
type ruleError struct {
	line   int
	reason string
}

func (e *ruleError) Error() string {
	if e.line > 0 {
		return "line " + strconv.Itoa(e.line) + ": " + e.reason
	}
	return e.reason
}

// checker walks one parse tree with the static type of the data and refuses what Tandem's
// templates do not allow.
type checker struct {
	tree    *parse.Tree
	vars    []variable // in scope, innermost last
	inRange bool
	lists   []*parse.RangeNode // the ranges over a list, for paceRanges
}

// variable is a template variable in scope and the type of its value (nil: not known).
type variable struct {
	name string
	typ  reflect.Type
}

// checkRules checks tree against the rules of the package documentation ("Template limits"):
// range only over a list or a map of the data, never a range inside another, no {{template}},
// only allowedFuncs. data is the type the template runs with (nil when it is not known). It
// returns the ranges over a list (a slice or an array), for paceRanges.
func checkRules(tree *parse.Tree, data reflect.Type) ([]*parse.RangeNode, error) {
	if tree == nil || tree.Root == nil {
		return nil, nil
	}
	c := &checker{tree: tree, vars: []variable{{name: "$", typ: data}}}
	err := c.list(tree.Root, data)
	return c.lists, err
}

// paceRanges makes each range over a list check the deadline before each element: its
// pipeline ends with the function each (or each2 for {{range $i, $x := …}}), which turns the
// list into an iterator (range-over-func) of the same elements. A range's body may write
// nothing, so without it a long enough list could run past MaxRenderTime between two checks.
func paceRanges(ranges []*parse.RangeNode) {
	for _, r := range ranges {
		name := funcEach
		if len(r.Pipe.Decl) == 2 {
			name = funcEach2
		}
		id := parse.NewIdentifier(name).SetPos(r.Pos)
		r.Pipe.Cmds = append(r.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: r.Pos, Args: []parse.Node{id}})
	}
}

func (c *checker) errorf(n parse.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		loc, _ := c.tree.ErrorContext(n)
		// loc is "name:line:col".
		if parts := strings.Split(loc, ":"); len(parts) >= 3 {
			line, _ = strconv.Atoi(parts[len(parts)-2])
		}
	}
	return &ruleError{line: line, reason: fmt.Sprintf(format, args...)}
}

// list checks the nodes of a list; the variables declared in it end with it.
func (c *checker) list(l *parse.ListNode, dot reflect.Type) error {
	if l == nil {
		return nil
	}
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	for _, n := range l.Nodes {
		if err := c.node(n, dot); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) node(n parse.Node, dot reflect.Type) error {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
		return nil
	case *parse.ActionNode:
		_, err := c.pipe(n.Pipe, dot)
		return err
	case *parse.IfNode:
		return c.branch(&n.BranchNode, dot, false)
	case *parse.WithNode:
		return c.branch(&n.BranchNode, dot, true)
	case *parse.RangeNode:
		return c.rangeNode(n, dot)
	case *parse.TemplateNode:
		return c.errorf(n, "{{template}} and {{block}} are not allowed: write the message in one piece")
	default:
		return c.errorf(n, "%s is not allowed in a template", n)
	}
}

// branch checks an if or a with: the pipeline's variables last to its {{end}}; with sets dot.
func (c *checker) branch(b *parse.BranchNode, dot reflect.Type, with bool) error {
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	t, err := c.pipe(b.Pipe, dot)
	if err != nil {
		return err
	}
	inner := dot
	if with {
		inner = t
	}
	if err := c.list(b.List, inner); err != nil {
		return err
	}
	return c.list(b.ElseList, dot)
}

func (c *checker) rangeNode(n *parse.RangeNode, dot reflect.Type) error {
	if c.inRange {
		return c.errorf(n, "a {{range}} inside another {{range}} is not allowed")
	}
	mark := len(c.vars)
	defer func() { c.vars = c.vars[:mark] }()
	t, err := c.cmds(n.Pipe, dot)
	if err != nil {
		return err
	}
	key, elem, err := c.rangeable(n, t)
	if err != nil {
		return err
	}
	if k := t.Kind(); k == reflect.Slice || k == reflect.Array {
		c.lists = append(c.lists, n)
	}
	switch len(n.Pipe.Decl) {
	case 1:
		c.declare(n.Pipe.Decl[0].Ident[0], elem, n.Pipe.IsAssign)
	case 2:
		c.declare(n.Pipe.Decl[0].Ident[0], key, n.Pipe.IsAssign)
		c.declare(n.Pipe.Decl[1].Ident[0], elem, n.Pipe.IsAssign)
	}
	c.inRange = true
	err = c.list(n.List, elem)
	c.inRange = false
	if err != nil {
		return err
	}
	return c.list(n.ElseList, dot)
}

// rangeable returns the key and element types of ranging over a value of type t: a list (a
// slice or an array) or a map of the data; anything else is refused.
func (c *checker) rangeable(n *parse.RangeNode, t reflect.Type) (key, elem reflect.Type, err error) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil, nil, c.errorf(n, "{{range %s}} is not allowed: range only over a list such as {{range .Others}}", n.Pipe)
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return reflect.TypeFor[int](), t.Elem(), nil
	case reflect.Map:
		return t.Key(), t.Elem(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr, reflect.Float32, reflect.Float64:
		return nil, nil, c.errorf(n, "the template uses range over a number ({{range %s}}), which Tandem does not allow: range only over a list such as {{range .Others}}", n.Pipe)
	default:
		return nil, nil, c.errorf(n, "{{range %s}} is not allowed: range only over a list such as {{range .Others}}", n.Pipe)
	}
}

// pipe checks a pipeline and declares or assigns its variables; it returns the type of its value.
func (c *checker) pipe(p *parse.PipeNode, dot reflect.Type) (reflect.Type, error) {
	if p == nil {
		return dot, nil
	}
	t, err := c.cmds(p, dot)
	if err != nil {
		return nil, err
	}
	for _, v := range p.Decl {
		c.declare(v.Ident[0], t, p.IsAssign)
	}
	return t, nil
}

// declare adds a variable ($x := …) or changes the type of one in scope ($x = …). An
// assignment may happen in one branch only, so a variable assigned a value of another type is
// no longer of a known type.
func (c *checker) declare(name string, t reflect.Type, assign bool) {
	if assign {
		for i := len(c.vars) - 1; i >= 0; i-- {
			if c.vars[i].name == name {
				if c.vars[i].typ != t {
					c.vars[i].typ = nil
				}
				return
			}
		}
	}
	c.vars = append(c.vars, variable{name: name, typ: t})
}

// cmds checks the commands of a pipeline (without its declarations) and returns the type of
// its value.
func (c *checker) cmds(p *parse.PipeNode, dot reflect.Type) (reflect.Type, error) {
	var t reflect.Type
	for i, cmd := range p.Cmds {
		var err error
		if t, err = c.command(cmd, dot, i > 0, t); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// command checks one command of a pipeline; piped says a value comes in from the previous
// command, of type in.
func (c *checker) command(cmd *parse.CommandNode, dot reflect.Type, piped bool, in reflect.Type) (reflect.Type, error) {
	if len(cmd.Args) == 0 {
		return nil, nil
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		if !allowedFuncs[id.Ident] {
			return nil, c.errorf(cmd, "the function %s is not allowed in a template", id.Ident)
		}
		types := make([]reflect.Type, 0, len(cmd.Args))
		for _, a := range cmd.Args[1:] {
			t, err := c.arg(a, dot)
			if err != nil {
				return nil, err
			}
			types = append(types, t)
		}
		if piped {
			types = append(types, in)
		}
		return funcResult(id.Ident, types), nil
	}
	for _, a := range cmd.Args[1:] {
		if _, err := c.arg(a, dot); err != nil {
			return nil, err
		}
	}
	return c.arg(cmd.Args[0], dot)
}

// arg checks one argument (an operand) and returns its type (nil when it is not known).
func (c *checker) arg(n parse.Node, dot reflect.Type) (reflect.Type, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot, nil
	case *parse.FieldNode:
		return fieldType(dot, n.Ident), nil
	case *parse.VariableNode:
		return fieldType(c.lookup(n.Ident[0]), n.Ident[1:]), nil
	case *parse.ChainNode:
		t, err := c.arg(n.Node, dot)
		if err != nil {
			return nil, err
		}
		return fieldType(t, n.Field), nil
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.IdentifierNode:
		if !allowedFuncs[n.Ident] {
			return nil, c.errorf(n, "the function %s is not allowed in a template", n.Ident)
		}
		return funcResult(n.Ident, nil), nil
	case *parse.StringNode:
		return reflect.TypeFor[string](), nil
	case *parse.BoolNode:
		return reflect.TypeFor[bool](), nil
	case *parse.NumberNode:
		switch {
		case n.IsInt:
			return reflect.TypeFor[int](), nil
		case n.IsFloat:
			return reflect.TypeFor[float64](), nil
		}
		return reflect.TypeFor[complex128](), nil
	case *parse.NilNode:
		return nil, nil
	default:
		return nil, c.errorf(n, "%s is not allowed in a template", n)
	}
}

// lookup returns the type of the variable in scope named name (nil when unknown).
func (c *checker) lookup(name string) reflect.Type {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return c.vars[i].typ
		}
	}
	return nil
}

// fieldType follows .A.B from type t: struct fields and map values. A method, a missing
// field or an interface gives nil (not known); Execute reports a missing one.
func fieldType(t reflect.Type, fields []string) reflect.Type {
	for _, f := range fields {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil {
			return nil
		}
		switch t.Kind() {
		case reflect.Struct:
			sf, ok := t.FieldByName(f)
			if !ok || !sf.IsExported() {
				return nil
			}
			t = sf.Type
		case reflect.Map:
			t = t.Elem()
		default:
			return nil
		}
		if t.Kind() == reflect.Interface {
			return nil
		}
	}
	return t
}

// funcResult is the type a function's value has, given its arguments' types (nil: not known).
func funcResult(name string, args []reflect.Type) reflect.Type {
	switch name {
	case "not", "eq", "ne", "lt", "le", "gt", "ge":
		return reflect.TypeFor[bool]()
	case "len":
		return reflect.TypeFor[int]()
	case "print", "printf", "println", "html", "js", "urlquery":
		return reflect.TypeFor[string]()
	case "slice":
		if len(args) > 0 {
			return args[0]
		}
	case "index":
		if len(args) > 0 && args[0] != nil {
			t := args[0]
			for range args[1:] {
				switch t.Kind() {
				case reflect.Slice, reflect.Array, reflect.Map:
					t = t.Elem()
				default:
					return nil
				}
				if t.Kind() == reflect.Interface {
					return nil
				}
			}
			return t
		}
	case "and", "or":
		// The value is one of the arguments: known only when they are all of one type.
		if len(args) > 0 && args[0] != nil {
			for _, t := range args[1:] {
				if t != args[0] {
					return nil
				}
			}
			return args[0]
		}
	}
	return nil
}
