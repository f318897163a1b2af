package main

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"

	"github.com/papertui/papers/tui"
)

// The configuration file holds what a flag or a default sets today. Each
// setting is resolved flag > environment > file > default, and a file that
// is broken in any way never applies in part to a command that needs what
// is broken: the command refuses with the file, line and column.

// setting is one key of the file.
type setting struct {
	key  string // "reader.style"
	help string // one line, for `config init`
	flag string // the kong flag that also sets it, if any
	// invert: the flag is the setting's negation (--no-sync, sync.on_start).
	invert bool
	env    string // the environment variable that also sets it, if any
	def    any    // string, bool, int64 or time.Duration
	// check validates a value from the file and returns it in the form
	// def has; its error says what is accepted.
	check func(v any) (any, error)
	// users are the commands that need the setting; "*" is every command
	// that touches the library.
	users []string
	// unless: the file's value is not given to the flag when one of these
	// flags is on the command line (sync.days gives way to --date).
	unless []string
}

// alsoSetBy are the flag and the environment variable that also set the
// setting, for `config init` and the man page.
func (s setting) alsoSetBy() []string {
	var also []string
	if s.flag != "" {
		also = append(also, "--"+s.flag)
	}
	if s.env != "" {
		also = append(also, s.env)
	}
	return also
}

// readerViews are the reader's views ('v' cycles them).
var readerViews = []string{"all", "day", "week", "month"}

// readerSorts are the reader's orders outside a search ('s' cycles them).
var readerSorts = []string{"newest", "upvotes", "trending"}

// readerStyles are --style's values.
var readerStyles = []string{"auto", "dark", "light"}

// settings are all the keys, in the order `config init` and `config show`
// list them.
var settings = []setting{
	{key: "library", help: "The library file (a relative path is from this file's folder).", flag: "db", env: "PAPERS_DB",
		def: "", check: checkPath, users: []string{"*"}},
	{key: "api", help: "The feed's base URL.", flag: "api", env: "PAPERS_API_URL",
		def: "https://huggingface.co", check: checkURL, users: []string{"read", "sync", "add", "search"}},
	{key: "open", help: `The command that opens URLs and PDFs, %s for the URL ("firefox %s"; quoted as in a shell; commands separated by colons are tried in turn, then $BROWSER, then the desktop's opener; lynx or w3m takes the screen until it quits); unset: $BROWSER, else the desktop's opener.`,
		env: "PAPERS_OPEN", def: "", check: checkOpener, users: []string{"read"}},
	{key: "reader.style", help: "Colours: " + strings.Join(readerStyles, ", ") + " (auto asks the terminal).", flag: "style",
		def: "auto", check: checkEnum(readerStyles), users: []string{"read", "show"}},
	{key: "reader.mouse", help: "Wheel scrolling and click to select.", flag: "mouse",
		def: false, check: checkBool, users: []string{"read"}},
	{key: "reader.view", help: "The view the reader opens on: " + strings.Join(readerViews, ", ") + " (the latest day, week or month).",
		def: "all", check: checkEnum(readerViews), users: []string{"read"}},
	{key: "reader.sort", help: "The order the reader opens with: " + strings.Join(readerSorts, ", ") + ".",
		def: "newest", check: checkEnum(readerSorts), users: []string{"read"}},
	{key: "reader.fps", help: "How many times a second the reader may redraw, 1 to 120: 120 puts a key's effect and the first frame on screen sooner; fewer wake the CPU less while it sits open.",
		def: int64(defaultFPS), check: checkFPS, users: []string{"read"}},
	{key: "reader.restore", help: "The reader opens on the view, sort, search and paper it was last closed on (kept in $XDG_STATE_HOME/papers/reader.json); a view or sort changed here since wins.",
		def: true, check: checkBool, users: []string{"read"}},
	{key: "sync.on_start", help: "The reader syncs in the background when it opens on a stale library.", flag: "no-sync", invert: true,
		def: true, check: checkBool, users: []string{"read"}},
	{key: "sync.stale_after", help: `How old the last sync may be before the reader syncs on start ("30m", "1h", "24h").`,
		def: time.Hour, check: checkDuration, users: []string{"read"}},
	{key: "sync.days", help: "A sync with no --date, --since or --days fetches the last N days; 0 syncs from the last complete day.", flag: "days",
		def: int64(0), check: checkDays, users: []string{"read", "sync"}, unless: []string{"date", "since"}},
	{key: "layout.columns", help: "The list's columns in order, of " + strings.Join(tui.ListColumns, ", ") +
		" (who: the organization, else the first author; day: when the list has no day rules; the title goes before who and tags when not named).",
		def: []string{"upvotes", "comments", "day", "title", "who"}, check: checkColumns, users: []string{"read"}},
	{key: "layout.side_by_side", help: "The width (columns) from which the list and the detail sit side by side; narrower shows one pane at a time.",
		def: int64(120), check: checkWidth, users: []string{"read"}},
	{key: "layout.three_columns", help: "The width from which the queue joins them as a third column (below side_by_side: never).",
		def: int64(180), check: checkWidth, users: []string{"read"}},
	{key: "layout.list_share", help: "The list's share of the width in percent with two columns (with three, 38/45 of it).",
		def: int64(45), check: checkShare, users: []string{"read"}},
}

func findSetting(key string) *setting {
	for i := range settings {
		if settings[i].key == key {
			return &settings[i]
		}
	}
	return nil
}

// defaultConfigPath is $XDG_CONFIG_HOME/papers/config.toml.
func defaultConfigPath() string {
	return filepath.Join(xdg.ConfigHome, "papers", "config.toml")
}
