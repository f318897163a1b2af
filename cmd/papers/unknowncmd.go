package main

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/papertui/papers/tui/clean"
)

// unknownCommand is the first word of args when it is neither a command
// nor anything like a paper id (every id has digits): a mistyped
// command; "" otherwise, and "" when a flag before it is unknown (that
// flag is the mistake kong names: `papers --sort x`). The reader's own
// flags are known there: it is the command that runs without a name.
func unknownCommand(app *kong.Application, args []string) string {
	flags := app.Flags
	if read := commandNode(app.Node, "read"); read != nil {
		flags = append(slices.Clone(flags), read.Flags...)
	}
	known := flagKinds(flags)
	i := commandIndex(args, known)
	if i < 0 || strings.ContainsAny(args[i], "0123456789") || commandNode(app.Node, args[i]) != nil {
		return ""
	}
	for _, a := range args[:i] {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if _, ok := known[name]; strings.HasPrefix(a, "-") && !ok && a != "-h" {
			return ""
		}
	}
	return args[i]
}

// unknownCommandText says word is no command, with the one meant when it
// looks like a slip ("serach": did you mean search?).
func unknownCommandText(app *kong.Application, word string) string {
	return notCommandText(app, word, ", nor a paper id")
}

// unknownHelpText says word, asked for by `papers help`, is no command,
// with the one meant when it looks like a slip.
func unknownHelpText(app *kong.Application, word string) string {
	return notCommandText(app, word, "")
}

// notCommandText is what unknownCommandText and unknownHelpText say:
// word is no command (and, after it, what else it is not).
func notCommandText(app *kong.Application, word, norElse string) string {
	hint := ""
	if near := meantCommand(app, word); near != "" {
		hint = " (did you mean " + near + "?)"
	}
	return fmt.Sprintf("unknown command %q%s%s: run papers --help for the commands", clean.Line(word), hint, norElse)
}

// meantCommand is the command word most likely stands for: one it
// begins ("mark" for mark-read), else the nearest by edit distance;
// read counts, though the help hides it (it runs without its name). A
// word of one or two letters is too short to guess from: "".
func meantCommand(app *kong.Application, word string) string {
	if len(word) < 3 {
		return ""
	}
	return meantName(word, commandNames(app.Node))
}

// commandNames are parent's commands, by name and alias, but the hidden
// ones (__complete).
func commandNames(parent *kong.Node) []string {
	var names []string
	for _, n := range parent.Children {
		if n.Type == kong.CommandNode && !strings.HasPrefix(n.Name, "__") {
			names = append(names, n.Name)
			names = append(names, n.Aliases...)
		}
	}
	return names
}

// meantName is the one of names word stands for: one it begins (of two
// letters or more), else the nearest by edit distance, else "".
func meantName(word string, names []string) string {
	for _, n := range names {
		if len(word) >= 2 && strings.HasPrefix(n, word) {
			return n
		}
	}
	return closest(word, names) // configfile.go
}

// commandNode is parent's command called name (or aliased so), nil if
// none: a command of the application (app.Node), or a subcommand.
func commandNode(parent *kong.Node, name string) *kong.Node {
	for _, n := range parent.Children {
		if n.Type == kong.CommandNode && (n.Name == name || slices.Contains(n.Aliases, name)) {
			return n
		}
	}
	return nil
}

// unknownSubcommand is the command whose subcommand a parse error's
// unexpected word stands for, and the word: one kong took as an argument
// of the parent's default subcommand (queue's list, which takes none). A
// word with a digit may be a paper id: nil.
func unknownSubcommand(err error) (*kong.Node, string) {
	var perr *kong.ParseError
	if !errors.As(err, &perr) || perr.Context == nil {
		return nil, ""
	}
	word, ok := strings.CutPrefix(perr.Error(), "unexpected argument ")
	n := perr.Context.Selected()
	if !ok || n == nil || n.Parent == nil || n.Parent.DefaultCmd != n || strings.ContainsAny(word, "0123456789") {
		return nil, ""
	}
	return n.Parent, word
}

// subcommandSynonyms are what other tools call a subcommand.
var subcommandSynonyms = map[string]string{"remove": "rm", "delete": "rm", "del": "rm", "ls": "list", "show": "list", "new": "add", "put": "add"}

// unknownSubcommandText says word is none of parent's subcommands, with
// the one meant when it looks like a slip.
func unknownSubcommandText(parent *kong.Node, word string) string {
	names := commandNames(parent)
	// The caller's "papers: " names the program once.
	where := strings.TrimPrefix(parent.FullPath(), "papers ")
	msg := fmt.Sprintf("%s: unknown command %q (its commands: %s)", where, clean.Line(word), strings.Join(names, ", "))
	near := subcommandSynonyms[strings.ToLower(word)]
	if !slices.Contains(names, near) {
		near = meantName(word, names)
	}
	if near != "" {
		msg = fmt.Sprintf("%s: unknown command %q (did you mean %s?)", where, clean.Line(word), near)
	}
	return msg
}

var (
	noValueRE   = regexp.MustCompile(`^(--?[A-Za-z0-9-]+): expected [a-z]+ value but got "EOL" \(<EOL>\)$`)
	shortFlagRE = regexp.MustCompile(`^unknown flag -([A-Za-z]), did you mean "-h"\?$`)
	longFlagRE  = regexp.MustCompile(`^unknown flag --([A-Za-z0-9-]+)$`)
)

// readerFlagText says a reader's flag given to another command belongs
// to bare papers ("papers list --no-sync"), as kong says of one given
// before the command; "" for any other flag.
func readerFlagText(perr *kong.ParseError, msg string) string {
	m := longFlagRE.FindStringSubmatch(msg)
	if m == nil || perr.Context.Model == nil {
		return ""
	}
	read := commandNode(perr.Context.Model.Node, "read")
	if read == nil {
		return ""
	}
	for _, f := range read.Flags {
		if f.Name == m[1] {
			return fmt.Sprintf("--%s belongs to the reader (papers --%s), not to %s", f.Name, f.Name, perr.Context.Command())
		}
	}
	return ""
}

// parseErrorText is kong's parse error in the user's terms: "--sort needs
// a value", not `expected string value but got "EOL"`; an unknown short
// flag with the long ones it may stand for (-j: --json), not always -h.
func parseErrorText(err error) string {
	msg := err.Error()
	if m := noValueRE.FindStringSubmatch(msg); m != nil {
		return m[1] + " needs a value"
	}
	var perr *kong.ParseError
	if !errors.As(err, &perr) || perr.Context == nil {
		return msg
	}
	if text := readerFlagText(perr, msg); text != "" {
		return text
	}
	m := shortFlagRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	var meant []string
	for _, f := range perr.Context.Flags() {
		if !f.Hidden && strings.HasPrefix(f.Name, m[1]) {
			meant = append(meant, "--"+f.Name)
		}
	}
	if len(meant) == 0 || len(meant) > 3 {
		return "unknown flag -" + m[1]
	}
	return fmt.Sprintf("unknown flag -%s (did you mean %s?)", m[1], strings.Join(meant, " or "))
}
