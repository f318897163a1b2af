// Command papers is a terminal reader for the Hugging Face Daily Papers
// feed. This file only parses the command line and hands off.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/alecthomas/kong"
	"github.com/papertui/papers/internal/startup"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// Exit codes, as scripts rely on them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// usageError marks an error the user can fix by changing the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// failed marks a command that did its work but must exit 1 (a day failed,
// an item was rejected); what it printed already says why.
var errFailed = errors.New("finished with failures")

func main() {
	startup.Done() // TMUX back, as package init found it
	store.UpgradeNotice = func(path string, from, to int) {
		fmt.Fprintf(os.Stderr, "papers: upgrading the library %s from schema %d to %d (once; a large library takes a few seconds)\n",
			clean.Line(path), from, to)
	}
	stopProfile := startProfile()
	code := run(os.Args[1:])
	stopProfile()
	os.Exit(code)
}

func run(args []string) int {
	var cli CLI
	parser, err := newParser(&cli)
	if err != nil {
		fmt.Fprintln(os.Stderr, "papers:", err)
		return exitFail
	}
	if len(args) > 0 && args[0] == "help" {
		// `papers help list`, as git and go have it: `papers list --help`.
		// A word that is no command is a mistake to name, not the help of
		// read (which would take it for a paper id) with exit 0.
		if len(args) > 1 && !strings.HasPrefix(args[1], "-") && commandNode(parser.Model.Node, args[1]) == nil {
			fmt.Fprintf(os.Stderr, "papers: help: %s\n", unknownHelpText(parser.Model, args[1]))
			return exitUsage
		}
		args = append(slices.Clone(args[1:]), "--help")
	}
	return execute(parser, &cli, args)
}

// newParser is the whole command line as kong models it: the CLI struct
// and the commands added beside it (extra.go).
func newParser(cli *CLI) (*kong.Kong, error) {
	return kong.New(cli,
		kong.Name("papers"),
		kong.Description("A terminal reader for the Hugging Face Daily Papers feed.\n\nRun with no command to open the reader: papers [--style auto|dark|light] [--mouse] [--no-sync]."),
		kong.UsageOnError(),
		kong.Writers(stdout, os.Stderr), // --help and --version too: a lost write is exit 1 (execute)
		kong.Exit(func(code int) { panic(exitCode(code)) }),
		kong.Vars{"version": versionString()},
		extraCommands(),
	)
}

// helpPath is the command whose --help a parse error should point to:
// "papers note" for a mistake in note's flags, else "papers".
func helpPath(err error) string {
	var perr *kong.ParseError
	if errors.As(err, &perr) && perr.Context != nil {
		// The reader's flags belong to read, the default command: a
		// mistake in `papers --style x` points to papers --help, where
		// they are, not to a read command never typed.
		if n := perr.Context.Selected(); n != nil && (n.Name != "read" || namedRead(perr.Context)) {
			return n.FullPath()
		}
	}
	return "papers"
}

// exitCode carries kong's own exits (after --help) out of Parse.
type exitCode int

func execute(parser *kong.Kong, cli *CLI, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			c, ok := r.(exitCode)
			if !ok {
				panic(r)
			}
			code = int(c)
			if code == exitOK && stdout.err != nil { // --help or --version written nowhere
				fmt.Fprintf(os.Stderr, "papers: write to standard output: %v\n", stdout.err)
				code = exitFail
			}
		}
	}()
	kctx, err := parser.Parse(searchArgs(parser.Model, negativeValues(parser.Model, args)))
	if err != nil && stdout.err != nil {
		// The help a mistake asked for could not be written: not a usage
		// error to correct, a failure.
		fmt.Fprintf(os.Stderr, "papers: write to standard output: %v\n", stdout.err)
		return exitFail
	}
	if err != nil {
		if word := unknownCommand(parser.Model, args); word != "" {
			// `papers serach x`: kong took the slip for a paper id and
			// then complained about x, not about the slip.
			fmt.Fprintf(os.Stderr, "papers: %s\n", unknownCommandText(parser.Model, word))
			return exitUsage
		}
		if parent, word := unknownSubcommand(err); parent != nil {
			// `papers queue ad ID`: kong ran queue's default (list) and
			// complained of "ad", pointing at list's help.
			fmt.Fprintf(os.Stderr, "papers: %s\n", unknownSubcommandText(parent, word))
			fmt.Fprintf(os.Stderr, "Run '%s --help' for usage.\n", parent.FullPath())
			return exitUsage
		}
		fmt.Fprintf(os.Stderr, "papers: %s\n", parseErrorText(err))
		fmt.Fprintf(os.Stderr, "Run '%s --help' for usage.\n", helpPath(err))
		return exitUsage
	}
	if err := applyConfig(kctx); err != nil { // configapply.go: settings from the file
		fmt.Fprintf(os.Stderr, "papers: %v\n", err)
		return exitUsage
	}
	if err := emptyFlags(kctx); err != nil {
		fmt.Fprintf(os.Stderr, "papers: %s\n", clean.Line(err.Error()))
		return exitUsage
	}
	if err := checkArgs(kctx.Command(), cli); err != nil {
		fmt.Fprintf(os.Stderr, "papers: %s\n", clean.Line(err.Error()))
		return exitUsage
	}
	if n := kctx.Selected(); n == nil || n.Name != "read" {
		// The reader holds the collector until its first frame (read.go);
		// nothing else needs it held past package init.
		startup.ReleaseCollector(0)
	}
	err = kctx.Run(&cli.Globals)
	if stdout.err != nil && (err == nil || errors.Is(err, stdout.err)) {
		// What the command printed was lost (a full disk, a closed
		// stdout): not a success a script may rely on. A command that
		// stops at the failed write (printView) says the same.
		err = fmt.Errorf("write to standard output: %w", stdout.err)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFail
	case errors.As(err, new(usageError)):
		fmt.Fprintf(os.Stderr, "papers: %s\n", messageText(err.Error()))
		return exitUsage
	case errors.Is(err, context.Canceled):
		// Only Ctrl-C or SIGTERM cancels a command (interruptible); what
		// finished before it is kept.
		fmt.Fprintln(os.Stderr, "papers: interrupted")
		return interruptedCode() // cli.go: 130 for Ctrl-C, 143 for SIGTERM
	}
	// Errors carry server-sent text (headers, URLs, bodies): the same
	// sanitiser as feed text keeps it from acting on the terminal.
	err = store.Explain(cli.Globals.libraryPath(), err)
	fmt.Fprintf(os.Stderr, "papers: %s\n", messageText(err.Error()))
	return exitFail
}
