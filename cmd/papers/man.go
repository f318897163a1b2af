package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/papertui/papers/tui"
)

// ManCmd is `papers man`: the manual page, in roff, written from the same
// command definitions as --help, so the two never disagree.
type ManCmd struct{}

// Run prints the page; `papers man | man -l -` reads it.
func (c *ManCmd) Run(kctx *kong.Context) error {
	return writeMan(stdout, kctx.Model)
}

// manEnvironment are the variables of the page that no flag defines.
var manEnvironment = [][2]string{
	{"HF_TOKEN", "Sent to Hugging Face as a bearer token; never stored or printed."},
	{"NO_COLOR", "When set, the reader shows no colour."},
	{"XDG_DATA_HOME", "The library is $XDG_DATA_HOME/papers/papers.db (usually ~/.local/share/papers/papers.db)."},
	{"XDG_CONFIG_HOME", "The configuration file is $XDG_CONFIG_HOME/papers/config.toml (usually ~/.config/papers/config.toml)."},
	{"XDG_STATE_HOME", "The reader's session (view, sort, search and paper, per library) is kept in $XDG_STATE_HOME/papers/reader.json."},
	{"XDG_CACHE_HOME", "Saved PDFs go to $XDG_CACHE_HOME/papers/pdf/."},
	{"PAPERS_OPEN", "The command that opens URLs and PDFs (\"firefox %s\"; quoted as in a shell; commands separated by colons are tried in turn); the configuration's open setting."},
	{"BROWSER", "Opens URLs and PDFs when PAPERS_OPEN and open are unset; else the desktop's opener."},
	{"VISUAL, EDITOR", "The editor of notes (papers note --edit, e in the reader)."},
	{"TMPDIR", "Note drafts are kept in $TMPDIR/papers-notes/ID.md until stored."},
}

func writeMan(w io.Writer, app *kong.Application) error {
	m := &manWriter{}
	v := readBuildVersion()
	date, _, _ := strings.Cut(v.Time, "T") // the commit's day, when the build knows it
	m.line(`.TH PAPERS 1 "%s" "papers %s" "User Commands"`, roffText(date), roffText(v.Version))
	m.section("NAME")
	m.line(`papers \- %s`, roffText(firstLine(app.Help)))
	m.section("SYNOPSIS")
	m.line(`.B papers`)
	m.line(`[\fIOPTIONS\fR] [\fICOMMAND\fR] [\fIARGS\fR...]`)
	m.section("DESCRIPTION")
	if _, rest, ok := strings.Cut(app.Help, "\n\n"); ok {
		m.paragraphs(rest)
	} else {
		m.paragraphs(app.Help)
	}
	m.section("OPTIONS")
	m.text("Every command accepts these.")
	m.flags(app.Node)
	if def := app.DefaultCmd; def != nil && len(def.Flags) > 0 {
		m.section("READER OPTIONS")
		m.text("With no command, papers opens the reader, which also takes these.")
		m.flags(readerOnly(def))
	}
	m.section("COMMANDS")
	for _, cmd := range app.Leaves(true) {
		m.command(cmd)
	}
	m.configuration()
	m.keys()
	m.section("ENVIRONMENT")
	for _, f := range allFlags(app.Node) {
		for _, env := range f.Envs {
			m.item(`\fB`+env+`\fR`, fmt.Sprintf("Sets --%s. %s", f.Name, f.Help))
		}
	}
	for _, e := range manEnvironment {
		m.item(`\fB`+e[0]+`\fR`, e[1])
	}
	m.section("FILES")
	m.item(`\fI$XDG_CONFIG_HOME/papers/config.toml\fR`, "The configuration file (papers config init writes one; papers config show prints the effective settings and where each came from).")
	m.item(`\fI$XDG_DATA_HOME/papers/papers.db\fR`, "The library.")
	m.item(`\fI$XDG_STATE_HOME/papers/reader.json\fR`, "The reader's session, per library.")
	m.item(`\fI$XDG_CACHE_HOME/papers/pdf/\fR`, "Saved PDFs (papers fetch --pdf, p in the reader).")
	m.section("EXIT STATUS")
	m.item("0", "Success.")
	m.item("1", "Failure (a day that failed to sync, a rejected item, a damaged library).")
	m.item("2", "Usage error (a bad flag, date, id, query or configuration).")
	m.item("130", "Interrupted (Ctrl-C); what was finished is kept.")
	m.item("143", "Terminated (SIGTERM); what was finished is kept.")
	m.section("SEE ALSO")
	m.text("The README at https://github.com/papertui/papers")
	_, err := io.WriteString(w, m.b.String())
	return err
}

// allFlags are the visible flags of n and every command below it, each once.
func allFlags(n *kong.Node) []*kong.Flag {
	var out []*kong.Flag
	seen := map[*kong.Flag]bool{}
	var walk func(*kong.Node)
	walk = func(n *kong.Node) {
		for _, f := range n.Flags {
			if !f.Hidden && !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
		for _, c := range n.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// configuration is the file's settings, from the same table as `config
// init` and `config show` (config.go), and the theme's elements.
func (m *manWriter) configuration() {
	m.section("CONFIGURATION")
	m.text("The file is TOML: $XDG_CONFIG_HOME/papers/config.toml, or --config FILE (PAPERS_CONFIG); --no-config ignores it. " +
		"papers config init writes it with every setting commented out at its default, and papers config show prints the effective settings and where each came from. " +
		"A flag wins over the environment, which wins over the file. A setting section.name is written name = value under [section].")
	for _, s := range settings {
		def := formatValue(s.def)
		if s.key == "library" {
			def = "$XDG_DATA_HOME/papers/papers.db"
		}
		help := s.help
		if def != `""` { // an unset one's help says what then
			help += " Default: " + def + "."
		}
		also := s.alsoSetBy()
		if len(also) > 0 {
			help += " Also set by " + strings.Join(also, ", ") + "."
		}
		m.item(`\fB`+roffText(s.key)+`\fR`, help)
	}
	m.item(`\fBtheme\fR`, "A preset at the top of the file: "+strings.Join(themePresets, ", ")+
		"; or a [theme] section (not both) with preset, glamour (the rendered text's style: "+strings.Join(tui.GlamourStyles, ", ")+
		") and a colour (\"#RRGGBB\", \"#RGB\" or an ANSI number 0 to 255) for any of: "+strings.Join(themeNames(), ", ")+". NO_COLOR turns every colour off.")
	m.item(`\fBkeys\fR`, "The [keys] section binds a reader action, by its name (KEYS below), to a key or a list of keys: \"list.bottom\" = [\"z\", \"end\"]; [] unbinds it.")
}

// keys is the reader's keys, pane by pane, as the help screen (?) lists
// them, with each action's name for the configuration's [keys] table.
func (m *manWriter) keys() {
	m.section("KEYS")
	m.text("The reader's default keys; ? shows them in the reader, and [keys] in the configuration file binds others (action = [\"key\", ...]).")
	for _, pane := range actionsByPane() {
		m.line(".SS %s", roffText(paneTitle(pane[0].Pane)))
		for _, a := range pane {
			m.item(`\fB`+roffText(a.Help)+`\fR`, a.Desc+" ("+a.Name+")")
		}
	}
}

// actionsByPane is the reader's actions grouped by the pane they work
// in, panes in the order they first appear: the man page and `config
// init` list them alike.
func actionsByPane() [][]tui.Action {
	var panes [][]tui.Action
	at := map[string]int{}
	for _, a := range tui.Actions() {
		i, seen := at[a.Pane]
		if !seen {
			i = len(panes)
			at[a.Pane] = i
			panes = append(panes, nil)
		}
		panes[i] = append(panes[i], a)
	}
	return panes
}

// paneTitle names a pane of the key table for the man page.
func paneTitle(pane string) string {
	switch pane {
	case "any":
		return "Anywhere"
	case "search":
		return "The search box"
	case "reader":
		return "The reading pane"
	}
	return "The " + pane + " pane"
}

type manWriter struct{ b strings.Builder }

func (m *manWriter) line(format string, args ...any) {
	fmt.Fprintf(&m.b, format+"\n", args...)
}

func (m *manWriter) section(name string) { m.line(".SH %s", name) }

func (m *manWriter) text(s string) { m.line("%s", roffText(s)) }

func (m *manWriter) paragraphs(s string) {
	for i, p := range strings.Split(s, "\n\n") {
		if i > 0 {
			m.line(".PP")
		}
		m.text(p)
	}
}

// item is a tagged paragraph; tag is roff already.
func (m *manWriter) item(tag, body string) {
	m.line(".TP")
	m.line("%s", tag)
	m.text(body)
}

func (m *manWriter) flags(n *kong.Node) {
	for _, f := range n.Flags {
		if f.Hidden {
			continue
		}
		m.item(flagSynopsis(f), flagHelp(f))
	}
}

func (m *manWriter) command(cmd *kong.Node) {
	usage := `\fBpapers ` + roffText(cmd.Path()) + `\fR`
	for _, arg := range cmd.Positional {
		name := `\fI` + roffText(strings.ToUpper(arg.Name)) + `\fR`
		if arg.IsSlice() {
			name += "..."
		}
		if !arg.Required {
			name = "[" + name + "]"
		}
		usage += " " + name
	}
	if cmd.Hidden {
		return
	}
	m.line(".SS %s", roffText(cmd.Path()))
	m.line(".nf")
	m.line("%s", usage)
	m.line(".fi")
	m.paragraphs(cmd.Help)
	if cmd.Detail != "" {
		m.line(".PP")
		m.paragraphs(cmd.Detail)
	}
	for _, arg := range cmd.Positional {
		m.item(`\fI`+roffText(strings.ToUpper(arg.Name))+`\fR`, arg.Help)
	}
	m.flags(cmd)
	for p := cmd.Parent; p != nil && p.Type == kong.CommandNode; p = p.Parent {
		m.flags(p)
	}
}

func flagSynopsis(f *kong.Flag) string {
	s := `\fB\-\-` + roffText(f.Name) + `\fR`
	if f.Short != 0 {
		s = `\fB\-` + string(f.Short) + `\fR, ` + s
	}
	if f.Tag.Negatable != "" {
		s += `, \fB\-\-no\-` + roffText(f.Name) + `\fR`
	}
	if !f.IsBool() && !f.IsCounter() {
		s += ` \fI` + roffText(placeholder(f)) + `\fR`
	}
	return s
}

// placeholder names a flag's value: its placeholder tag, its choices, or
// its name in capitals.
func placeholder(f *kong.Flag) string {
	switch {
	case f.PlaceHolder != "":
		return f.PlaceHolder
	case f.Enum != "":
		return strings.ReplaceAll(f.Enum, ",", "|")
	}
	return strings.ToUpper(f.Name)
}

// readerOnly is the default command (read) without the flags that mean
// something only with an id (papers read ID --raw), which the man page
// gives under read.
func readerOnly(def *kong.Node) *kong.Node {
	n := *def
	n.Flags = nil
	for _, f := range def.Flags {
		if !strings.HasPrefix(f.Help, "With an id:") {
			n.Flags = append(n.Flags, f)
		}
	}
	return &n
}

func flagHelp(f *kong.Flag) string {
	h := f.Help
	if f.Enum != "" && slices.ContainsFunc(f.EnumSlice(), func(v string) bool { return !strings.Contains(h, v) }) {
		h += " One of: " + strings.ReplaceAll(f.Enum, ",", ", ") + "." // unless the help names every choice
	}
	if f.HasDefault && f.Default != "" && f.Default != "0" && !strings.Contains(strings.ToLower(h), "default "+f.Default) {
		h += " Default: " + f.Default + "."
	}
	if len(f.Envs) > 0 {
		h += " Environment: " + strings.Join(f.Envs, ", ") + "."
	}
	return h
}

// roffText escapes text for roff: backslashes, hyphens (so they copy as
// ASCII), and a leading dot or quote that roff would take as a request.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	// Outside ASCII (the keys' arrows), by code point: groff reads its
	// input as Latin-1 unless told otherwise.
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, `\[u%04X]`, r)
		}
	}
	s = b.String()
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}
