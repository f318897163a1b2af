package main

import (
	"fmt"
	"github.com/alecthomas/kong"
	"os"
	"slices"
	"strings"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store/query"
)

// checkArgs refuses, before any work, what no amount of retrying mends:
// an --api that is not http or https, an HF_TOKEN that cannot be sent.
// Only commands that use the network check them, so a stray
// PAPERS_API_URL does not break `papers list`.
func checkArgs(command string, cli *CLI) error {
	name, _, _ := strings.Cut(command, " ")
	cli.Globals.readOnly = readOnlyCommand(command) || (name == "read" && cli.Read.ID != "")
	network := (name == "read" && cli.Read.ID == "") || name == "sync" || name == "add" || name == "fetch" ||
		(name == "search" && cli.Search.Remote) || (command == "queue add <id>" && !cli.Queue.Add.NoFetch)
	if !network {
		return nil
	}
	if name == "fetch" || name == "read" {
		if err := feed.CheckBaseURL(cli.Globals.ArxivURL); err != nil {
			return usageError{fmt.Errorf("--arxiv-url (or PAPERS_ARXIV_URL): %w", err)}
		}
	}
	return cli.Globals.checkNetwork()
}

// checkNetwork checks --api (or PAPERS_API_URL) and HF_TOKEN. The token is
// never echoed.
func (g *Globals) checkNetwork() error {
	if err := feed.CheckBaseURL(g.API); err != nil {
		return usageError{fmt.Errorf("--api (or PAPERS_API_URL): %w", err)}
	}
	if err := feed.CheckToken(os.Getenv("HF_TOKEN")); err != nil {
		return usageError{err}
	}
	return nil
}

// readOnlyCommand: commands that only read the library, or change what
// only means something for papers already in one (the queue, tags, notes,
// read marks, follows, full texts), which must never create one: a
// mistyped --db says there is no library there instead of leaving an
// empty file and printing an empty digest. Only sync, import, add and the
// reader make a library.
func readOnlyCommand(command string) bool {
	name, _, _ := strings.Cut(command, " ")
	switch name {
	case "stats", "list", "search", "show", "queue", "export", "doctor", "tags",
		"tag", "note", "follow", "digest", "mark-read", "undo", "fetch", "clean":
		return true
	}
	return false
}

// queryFlag parses a --query flag's search (the reader's syntax); unset is
// the empty query. A bad one is a usage error led by where, the command
// and flag as the message names them.
func queryFlag(where, text string) (query.Query, error) {
	if text == "" {
		return query.Query{}, nil
	}
	q, err := query.Parse(text)
	if err != nil {
		return q, usageError{fmt.Errorf("%s: %w", where, err)}
	}
	return q, nil
}

// emptyAllowed are the flags whose empty value means something: --set ""
// removes a note.
var emptyAllowed = []string{"set"}

// emptyFlags refuses a flag typed with an empty value (--db "", --tag ”):
// it read as not given, so --db "" used the default library and
// --tag ” exported the whole library. So does an empty argument. Blank
// is empty: mark-read --query "  " marked the whole library read.
func emptyFlags(kctx *kong.Context) error {
	for _, p := range kctx.Path {
		switch {
		case p.Flag != nil && !p.Resolved && !slices.Contains(emptyAllowed, p.Flag.Name):
			if v, ok := p.Flag.Target.Interface().(string); ok && strings.TrimSpace(v) == "" {
				return usagef("--%s is empty; give it a value, or leave it out", p.Flag.Name)
			}
		case p.Positional != nil:
			if v, ok := p.Positional.Target.Interface().(string); ok && strings.TrimSpace(v) == "" && p.Positional.Required {
				return usagef("<%s> is empty", p.Positional.Name)
			}
		}
	}
	return nil
}
