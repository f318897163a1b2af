package main

import (
	"runtime/debug"

	"github.com/papertui/papers/feed"
)

// versionString is the module version when built from a tagged module,
// else "dev".
func versionString() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		feed.Version = info.Main.Version
	}
	return "papers " + feed.Version
}
