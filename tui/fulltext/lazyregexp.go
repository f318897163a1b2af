package fulltext

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles pattern on its first use. Package init runs before
// main in every papers process, and compiling this package's expressions
// there was 2–3 ms of each start, the reader's first frame included,
// though most starts never clean a full text.
func lazyRegexp(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
