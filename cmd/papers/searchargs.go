package main

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/alecthomas/kong"
)

// searchArgs lets `papers search diffusion -video` (and `papers follow
// add NAME diffusion -video`) mean what it means in the search box: kong
// would read -video as an unknown short flag. After the command, the
// flags kong knows stay flags (with their values) and every other word
// (a followed search's name first) is an argument, moved after "--" in
// its order; words the user put after a "--" of their own join them.
// `papers queue move ID -1` goes the same way, for its position to reach
// the command's own check ("want a whole number from 1") instead of kong's
// "unknown flag -1". Any other command line is returned as it is.
func searchArgs(app *kong.Application, args []string) []string {
	global := flagKinds(app.Flags)
	i := commandIndex(args, global)
	if i < 0 {
		return args
	}
	path := queryCommand(app, args, i)
	if path == nil {
		return args
	}
	start := i + len(path)
	flags := append([]*kong.Flag{}, app.Flags...)
	for _, n := range path {
		flags = append(flags, n.Flags...)
	}
	known := flagKinds(flags)
	var given, words []string
	dashed := false
	for j := start; j < len(args); j++ {
		a := args[j]
		switch {
		case a == "--":
			words = append(words, args[j+1:]...)
			dashed = true
			j = len(args)
		case strings.HasPrefix(a, "--") || a == "-h":
			given = append(given, a)
			if takesValue(known, a) && j+1 < len(args) {
				j++
				given = append(given, args[j])
			}
		default:
			dashed = dashed || len(a) > 1 && a[0] == '-'
			words = append(words, a)
		}
	}
	if !dashed {
		return args
	}
	out := append(append([]string{}, args[:start]...), given...)
	return append(append(out, "--"), words...)
}

// queryCommand is the path of command nodes from args[i] whose arguments
// may begin with a dash: a search's words (search; follow add) or a
// position (queue move); else nil.
func queryCommand(app *kong.Application, args []string, i int) []*kong.Node {
	switch args[i] {
	case "search":
		if n := commandNode(app.Node, "search"); n != nil { // unknowncmd.go
			return []*kong.Node{n}
		}
	case "follow":
		return subcommandPath(app, args, i, "add")
	case "queue":
		return subcommandPath(app, args, i, "move")
	}
	return nil
}

// subcommandPath is the path of args[i]'s command and its subcommand sub
// when args[i+1] names it, else nil.
func subcommandPath(app *kong.Application, args []string, i int, sub string) []*kong.Node {
	parent := commandNode(app.Node, args[i])
	if parent == nil || i+1 >= len(args) || args[i+1] != sub {
		return nil
	}
	if n := commandNode(parent, sub); n != nil {
		return []*kong.Node{parent, n}
	}
	return nil
}

// flagKinds maps each flag's long name to whether it takes a value.
func flagKinds(flags []*kong.Flag) map[string]bool {
	m := map[string]bool{}
	for _, f := range flags {
		m[f.Name] = !f.IsBool()
	}
	return m
}

// takesValue says whether the flag a ("--limit", not "--limit=5") reads
// the next argument as its value.
func takesValue(known map[string]bool, a string) bool {
	return !strings.Contains(a, "=") && known[strings.TrimPrefix(a, "--")]
}

// commandIndex is the index of the first argument that is neither a flag
// nor a global flag's value: the command, or -1.
func commandIndex(args []string, global map[string]bool) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return -1
		case strings.HasPrefix(a, "-"):
			if takesValue(global, a) {
				i++
			}
		default:
			return i
		}
	}
	return -1
}

// negativeNumber is a value kong would read as short flags ("-1").
var negativeNumber = regexp.MustCompile(`^-[0-9]+$`)

// negativeValues joins a flag whose value is a number with a negative one
// after it (`--limit -1` becomes `--limit=-1`), so the number reaches the
// command's own check ("--limit must be 0 (all) or more, got -1") instead
// of kong's `expected int value but got "-1" (short flag)`. Kong refuses
// such a command line in any case, so no accepted one changes.
func negativeValues(app *kong.Application, args []string) []string {
	numeric := map[string]bool{} // flags whose value is a number: a file named "-1" is another matter
	var walk func(n *kong.Node)
	walk = func(n *kong.Node) {
		for _, f := range n.Flags {
			t := f.Target.Type()
			if t.Kind() == reflect.Pointer {
				t = t.Elem() // an optional number (sync --days)
			}
			switch t.Kind() {
			case reflect.Int, reflect.Int64, reflect.Float64:
				numeric[f.Name] = true
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(app.Node)
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if strings.HasPrefix(a, "--") && takesValue(numeric, a) && i+1 < len(args) && negativeNumber.MatchString(args[i+1]) {
			out = append(out, a+"="+args[i+1])
			i++
			continue
		}
		out = append(out, a)
	}
	return out
}
