package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/papertui/papers/tui/clean"
)

// unknownCommand is the first word of args when it is neither a command
// nor anything like a paper id (every id has digits): a mistyped
// command; "" otherwise, and "" when a flag before it is unknown (that
// flag is the mistake kong names: `papers --sort x`).
func unknownCommand(app *kong.Application, args []string) string {
	global := flagKinds(app.Flags)
	i := commandIndex(args, global)
	if i < 0 || strings.ContainsAny(args[i], "0123456789") || slices.Contains(commandNames(app, true), args[i]) {
		return ""
	}
	for _, a := range args[:i] {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if _, ok := global[name]; strings.HasPrefix(a, "-") && !ok && a != "-h" {
			return ""
		}
	}
	return args[i]
}

// unknownCommandText says word is no command, with the nearest one when
// it looks like a slip ("serach": did you mean search?). app nil is the
// command line of this run.
func unknownCommandText(app *kong.Application, word string) string {
	if app == nil {
		var cli CLI
		parser, err := newParser(&cli)
		if err != nil {
			return fmt.Sprintf("unknown command %q, nor a paper id: run papers --help for the commands", clean.Line(word))
		}
		app = parser.Model
	}
	hint := ""
	if near := closest(word, commandNames(app, false)); near != "" {
		hint = " (did you mean " + near + "?)"
	}
	return fmt.Sprintf("unknown command %q%s, nor a paper id: run papers --help for the commands", clean.Line(word), hint)
}

// commandNames are the commands that may come first, with the hidden
// ones (__complete) when hidden is set.
func commandNames(app *kong.Application, hidden bool) []string {
	var names []string
	for _, n := range app.Children {
		if n.Type == kong.CommandNode && (hidden || !n.Hidden) {
			names = append(names, n.Name)
			names = append(names, n.Aliases...)
		}
	}
	return names
}
