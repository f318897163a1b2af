package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/alecthomas/kong"
	"github.com/papertui/papers/store"
	"github.com/papertui/papers/tui/clean"
)

// CompletionCmd is `papers completion SHELL`: a script that asks the
// binary itself (`papers __complete WORDS…`) what may come next, so the
// completions follow the command definitions and the library without a
// list kept by hand.
type CompletionCmd struct {
	Shell string `arg:"" enum:"bash,zsh,fish" help:"bash, zsh or fish."`
}

// Run prints the script for the shell.
func (c *CompletionCmd) Run() error {
	script := map[string]string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}[c.Shell]
	_, err := io.WriteString(stdout, script)
	return err
}

// completeCmd is the hidden `papers __complete WORD… CURRENT` the scripts
// call: it prints one candidate a line, "value<TAB>description", or the
// single line ":files" when a file name is wanted.
type completeCmd struct {
	Words []string `arg:"" optional:"" passthrough:"all" help:"The words typed after papers; the last is the one being completed."`
}

// idCompletions is how many paper ids one completion offers.
const idCompletions = 200

// filesDirective asks the shell to complete file names.
const filesDirective = ":files"

// Run prints the candidates; it never fails loudly, as a shell's
// completion must not print errors into the command line.
func (c *completeCmd) Run(g *Globals, kctx *kong.Context) error {
	words := c.Words
	if len(words) > 0 && words[0] == "--" {
		words = words[1:]
	}
	comp := completer{app: kctx.Model.Node, library: g.libraryPath}
	for _, cand := range comp.complete(words) {
		fmt.Fprintln(stdout, cand)
	}
	return nil
}

// completer walks the kong model along the typed words.
type completer struct {
	app *kong.Node
	// library is the library path when the line names none (--db).
	library func() string
}

// lineState is where the typed words (all but the current one) lead.
type lineState struct {
	node       *kong.Node
	positional int        // positional arguments given to node
	pending    *kong.Flag // a flag waiting for its value
	db         string     // --db FILE, if typed
	dashdash   bool       // after "--" only arguments follow
}

func (c completer) complete(words []string) []string {
	cur := ""
	if len(words) > 0 {
		cur, words = words[len(words)-1], words[:len(words)-1]
	}
	st := c.walk(words)
	switch {
	case st.pending != nil:
		return c.flagValues(st.pending, cur, "", st)
	case !st.dashdash && strings.HasPrefix(cur, "--") && strings.Contains(cur, "="):
		name, value, _ := strings.Cut(cur, "=")
		if f := findFlag(st.node, strings.TrimPrefix(name, "--"), 0); f != nil {
			return c.flagValues(f, value, name+"=", st)
		}
		return nil
	case !st.dashdash && strings.HasPrefix(cur, "-") && (st.node.Name != "tag" || strings.HasPrefix(cur, "--")):
		return flagCandidates(st.node, cur) // tag's -NAME removes a tag
	}
	var out []string
	if st.positional == 0 && !st.dashdash {
		for _, child := range st.node.Children {
			if !child.Hidden && strings.HasPrefix(child.Name, cur) {
				out = append(out, child.Name+"\t"+child.Help)
			}
		}
	}
	return append(out, c.positionalValues(st, cur)...)
}

// walk follows the words through commands and flags.
func (c completer) walk(words []string) lineState {
	st := lineState{node: c.app}
	for _, w := range words {
		switch {
		case st.pending != nil:
			if st.pending.Name == "db" {
				st.db = w
			}
			st.pending = nil
		case st.dashdash:
			st.positional++
		case w == "--":
			st.dashdash = true
		case strings.HasPrefix(w, "--"):
			name, value, hasValue := strings.Cut(strings.TrimPrefix(w, "--"), "=")
			f := findFlag(st.node, name, 0)
			if f != nil && name == "db" && hasValue {
				st.db = value
			}
			if f != nil && !f.IsBool() && !f.IsCounter() && !hasValue {
				st.pending = f
			}
		case strings.HasPrefix(w, "-") && len(w) == 2:
			if f := findFlag(st.node, "", rune(w[1])); f != nil && !f.IsBool() && !f.IsCounter() {
				st.pending = f
			}
		default:
			if child := findChild(st.node, w); child != nil && st.positional == 0 {
				st.node = child
				continue
			}
			st.positional++
		}
	}
	return st
}

// scope is the node and, for a command run by default (the reader at the
// top, `queue list` under queue), its default command too: their flags
// are accepted there.
func scope(n *kong.Node) []*kong.Node {
	var out []*kong.Node
	for p := n; p != nil; p = p.Parent {
		out = append(out, p)
	}
	if n.DefaultCmd != nil {
		out = append(out, n.DefaultCmd)
	}
	return out
}

func findChild(n *kong.Node, name string) *kong.Node {
	for _, child := range n.Children {
		if child.Name == name || slices.Contains(child.Aliases, name) {
			return child
		}
	}
	return nil
}

func findFlag(n *kong.Node, name string, short rune) *kong.Flag {
	for _, s := range scope(n) {
		for _, f := range s.Flags {
			if (name != "" && (f.Name == name || slices.Contains(f.Aliases, name) ||
				(f.Tag.Negatable != "" && name == "no-"+f.Name))) || (short != 0 && f.Short == short) {
				return f
			}
		}
	}
	return nil
}

func flagCandidates(n *kong.Node, cur string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(name, help string) {
		if !seen[name] && strings.HasPrefix(name, cur) {
			seen[name] = true
			out = append(out, name+"\t"+firstLine(help))
		}
	}
	for _, s := range scope(n) {
		for _, f := range s.Flags {
			if f.Hidden {
				continue
			}
			add("--"+f.Name, f.Help)
			if f.Tag.Negatable != "" {
				add("--no-"+f.Name, f.Help)
			}
		}
	}
	add("--help", "Show context-sensitive help.")
	return out
}

// flagValues completes a flag's value: its enum, a file, or nothing.
func (c completer) flagValues(f *kong.Flag, cur, prefix string, st lineState) []string {
	if f.Enum != "" {
		var out []string
		for _, v := range f.EnumSlice() {
			if strings.HasPrefix(v, cur) {
				out = append(out, prefix+v)
			}
		}
		return out
	}
	if wantsFile(f.Value) {
		return []string{filesDirective}
	}
	switch f.Name {
	case "tag":
		return c.names(st, store.TagNames, cur, prefix)
	case "follow":
		return c.names(st, store.FollowNames, cur, prefix)
	}
	return nil
}

// completionWait bounds a lookup in the library: a shell waits for it.
const completionWait = 2 * time.Second

// path is the library the line names (--db), else this run's.
func (c completer) path(st lineState) string {
	if st.db != "" {
		return expandHome(st.db) // the shell leaves ~ alone in a word it completes for
	}
	return c.library()
}

// names lists the library's tags or followed searches starting with cur.
func (c completer) names(st lineState, kind store.NameKind, cur, prefix string) []string {
	ctx, cancel := context.WithTimeout(context.Background(), completionWait)
	defer cancel()
	names, err := store.CompleteNames(ctx, c.path(st), kind, cur, idCompletions)
	if err != nil {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + clean.Line(n)
	}
	return out
}

// positionalValues completes the argument at this position: paper ids
// from the library, file names, or a positional's enum.
func (c completer) positionalValues(st lineState, cur string) []string {
	args := st.node.Positional
	if len(args) == 0 {
		return nil
	}
	arg := args[min(st.positional, len(args)-1)]
	if st.positional >= len(args) && !arg.IsSlice() {
		return nil
	}
	switch {
	case arg.Enum != "":
		var out []string
		for _, v := range arg.EnumSlice() {
			if strings.HasPrefix(v, cur) {
				out = append(out, v)
			}
		}
		return out
	case wantsFile(arg):
		return []string{filesDirective}
	case arg.Name == "id" && inQueue(st.node):
		return c.matches(st, cur, store.CompleteQueuedIDs) // rm, done and move take queued papers
	case arg.Name == "id":
		return c.ids(st, cur)
	case arg.Name == "id|+tag|-tag" && (strings.HasPrefix(cur, "+") || strings.HasPrefix(cur, "-")):
		return c.names(st, store.TagNames, cur[1:], cur[:1]) // the tags to add or remove
	case arg.Name == "id|+tag|-tag":
		return c.ids(st, cur)
	case arg.Name == "name" && st.node.Name == "rm" && st.node.Parent != nil && st.node.Parent.Name == "follow":
		return c.names(st, store.FollowNames, cur, "")
	}
	return nil
}

func wantsFile(v *kong.Value) bool {
	return v.Name == "file" || v.Name == "db" || v.Name == "config" ||
		(v.Flag != nil && v.Flag.PlaceHolder == "FILE")
}

// inQueue says whether n is a queue command that takes queued papers.
func inQueue(n *kong.Node) bool {
	return n != nil && n.Parent != nil && n.Parent.Name == "queue" && (n.Name == "rm" || n.Name == "done" || n.Name == "move")
}

// ids lists library ids starting with cur, each with its title.
func (c completer) ids(st lineState, cur string) []string {
	return c.matches(st, cur, store.CompleteIDs)
}

// matches lists the ids find gives for cur, each with its title.
func (c completer) matches(st lineState, cur string, find func(context.Context, string, string, int) ([]store.IDMatch, error)) []string {
	ctx, cancel := context.WithTimeout(context.Background(), completionWait)
	defer cancel()
	matches, err := find(ctx, c.path(st), cur, idCompletions)
	if err != nil {
		return nil
	}
	out := make([]string, len(matches))
	for i, m := range matches {
		out[i] = m.ID + "\t" + strings.ReplaceAll(clean.Line(m.Title), "\t", " ")
	}
	return out
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// The scripts hand the words after "papers" to `papers __complete`, the
// word under the cursor last (empty after a space).

const bashCompletion = `# bash completion for papers; load with: source <(papers completion bash)
_papers() {
    local line="${COMP_LINE:0:COMP_POINT}" cur="" IFS=$' \t\n'
    local -a words
    read -ra words <<< "$line"
    if [[ "$line" != *[[:space:]] ]]; then
        cur="${words[${#words[@]}-1]}"
        unset 'words[${#words[@]}-1]'
    fi
    local out
    out=$(papers __complete -- "${words[@]:1}" "$cur" 2>/dev/null) || return 0
    if [[ "$out" == ":files" ]]; then
        # bash's own file names: it reads the word as typed (\ , quotes,
        # ~) and after --flag= as well.
        compopt -o default 2>/dev/null
        COMPREPLY=()
        return 0
    fi
    local prefix=""
    if [[ "$cur" == --*=* && "$COMP_WORDBREAKS" == *=* ]]; then
        prefix="${cur%%=*}="
    fi
    COMPREPLY=()
    local cand
    while IFS= read -r cand; do
        cand="${cand%%$'\t'*}"
        COMPREPLY+=("${cand#"$prefix"}")
    done <<< "$out"
    [[ -z "$out" ]] && COMPREPLY=()
    return 0
}
complete -F _papers papers
`

const zshCompletion = `#compdef papers
# zsh completion for papers; put it in a folder on $fpath as _papers, or
# load it with: source <(papers completion zsh)
_papers() {
    local -a words_before cands
    words_before=("${(@)words[2,CURRENT-1]}")
    local out
    out=$(papers __complete -- "${words_before[@]}" "${words[CURRENT]}" 2>/dev/null) || return 1
    if [[ "$out" == ":files" ]]; then
        compset -P '--*='
        _files
        return
    fi
    local line value desc
    for line in "${(@f)out}"; do
        [[ -z "$line" ]] && continue
        value="${line%%$'\t'*}"
        desc="${line#*$'\t'}"
        [[ "$desc" == "$line" ]] && desc=""
        value="${value//:/\\:}"
        if [[ -n "$desc" ]]; then cands+=("$value:$desc"); else cands+=("$value"); fi
    done
    _describe -V papers cands
}
if [[ "$funcstack[1]" == "_papers" ]]; then
    _papers "$@"
else
    compdef _papers papers
fi
`

const fishCompletion = `# fish completion for papers; load with: papers completion fish | source
# (or save it as ~/.config/fish/completions/papers.fish)
function __papers_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l out (papers __complete -- $words (commandline -ct) 2>/dev/null)
    if test "$out" = ":files"
        set -l token (commandline -ct | string unescape)
        set -l flag (string match -r -- '^--[^=]*=' $token)
        __fish_complete_path (string replace -r -- '^--[^=]*=' '' $token) | string replace -r -- '^' "$flag"
        return
    end
    printf '%s\n' $out
end
complete -c papers -f -a '(__papers_complete)'
`

// Help is the command's longer help: how each shell loads the script
// (kong prints it under the usage line), as README's Install says.
func (c *CompletionCmd) Help() string {
	return "Install it once:\n\n" +
		"bash, in ~/.bashrc:\n  source <(papers completion bash)\n" +
		"zsh, with fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc:\n" +
		"  mkdir -p ~/.zfunc && papers completion zsh > ~/.zfunc/_papers\n" +
		"fish:\n  papers completion fish > ~/.config/fish/completions/papers.fish"
}
