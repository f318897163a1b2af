package lexers

import (
	"embed"
	"io/fs"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed embedded
var embedded embed.FS

// GlobalLexerRegistry is the global LexerRegistry of Lexers.
//
// papers: the embedded XML lexers are read at the first lookup rather
// than at package init (about 11 ms of a program's start-up); the lexers
// written in Go register here at init, as before, and are registered
// again after the XML ones when those load, so the order is upstream's.
var GlobalLexerRegistry = chroma.NewLexerRegistry()

var (
	loadOnce  sync.Once
	afterLoad []func()
)

// registry is GlobalLexerRegistry with the embedded lexers loaded.
func registry() *chroma.LexerRegistry {
	loadOnce.Do(loadEmbedded)
	return GlobalLexerRegistry
}

func loadEmbedded() {
	registered := GlobalLexerRegistry.Lexers
	*GlobalLexerRegistry = *chroma.NewLexerRegistry()
	paths, err := fs.Glob(embedded, "embedded/*.xml")
	if err != nil {
		panic(err)
	}
	for _, path := range paths {
		GlobalLexerRegistry.Register(chroma.MustNewXMLLexer(embedded, path))
	}
	for _, lexer := range registered {
		GlobalLexerRegistry.Register(lexer)
	}
	for _, f := range afterLoad {
		f()
	}
}

// onLoad runs f once the embedded lexers are loaded: what upstream did in
// init with them.
func onLoad(f func()) { afterLoad = append(afterLoad, f) }

// Names of all lexers, optionally including aliases.
func Names(withAliases bool) []string {
	return registry().Names(withAliases)
}

// Get a Lexer by name, alias or file extension.
//
// Note that this if there isn't an exact match on name or alias, this will
// call Match(), so it is not efficient.
func Get(name string) chroma.Lexer {
	return registry().Get(name)
}

// MatchMimeType attempts to find a lexer for the given MIME type.
func MatchMimeType(mimeType string) chroma.Lexer {
	return registry().MatchMimeType(mimeType)
}

// Match returns the first lexer matching filename.
//
// Note that this iterates over all file patterns in all lexers, so it's not
// particularly efficient.
func Match(filename string) chroma.Lexer {
	return registry().Match(filename)
}

// Register a Lexer with the global registry.
func Register(lexer chroma.Lexer) chroma.Lexer {
	return GlobalLexerRegistry.Register(lexer)
}

// Analyse text content and return the "best" lexer..
func Analyse(text string) chroma.Lexer {
	return registry().Analyse(text)
}

// PlaintextRules is used for the fallback lexer as well as the explicit
// plaintext lexer.
func PlaintextRules() chroma.Rules {
	return chroma.Rules{
		"root": []chroma.Rule{
			{`.+`, chroma.Text, nil},
			{`\n`, chroma.Text, nil},
		},
	}
}

// Fallback lexer if no other is found.
var Fallback chroma.Lexer = chroma.MustNewLexer(&chroma.Config{
	Name:      "fallback",
	Filenames: []string{"*"},
	Priority:  -1,
}, PlaintextRules)
