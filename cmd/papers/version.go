package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
)

// buildVersion describes this binary, from what the linker and the Go
// toolchain recorded in it:
//   - a release build stamps feed.Version, main.commit and main.commitDate
//     with -ldflags -X (see .goreleaser.yaml);
//   - `go install …@v1.2.0` records the module version v1.2.0;
//   - a build from a source checkout records the commit, its time and
//     whether the tree had changes (vcs.* settings), and a pseudo-version
//     that says less than the commit does.
type buildVersion struct {
	Version  string // v1.2.0, or "dev" for a source build
	Commit   string // the VCS revision, when known
	Time     string // the commit's time, RFC 3339 UTC
	Modified bool   // built from a tree with uncommitted changes
	Go       string // the toolchain
}

// commit and commitDate are stamped by release builds (-ldflags -X
// main.commit=… -X main.date=…), for toolchains or checkouts that do not
// record the VCS settings (-buildvcs=false, a git worktree).
var (
	commit     string
	commitDate string
)

func readBuildVersion() buildVersion {
	v := buildVersion{Version: feed.Version, Go: runtime.Version()}
	// goreleaser stamps "none" and a zero date when git told it nothing.
	if commit != "none" {
		v.Commit, v.Time = commit, commitDate
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if v.Version == "dev" && isRelease(info.Main.Version) {
		v.Version = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Commit = s.Value
		case "vcs.time":
			v.Time = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// isRelease is a module version worth printing: not "(devel)", and not a
// pseudo-version (v0.0.0-20261130215500-ad058c4abcde), which the Go
// toolchain records for untagged source builds; the commit says more.
func isRelease(v string) bool {
	if v == "" || v == "(devel)" {
		return false
	}
	base := strings.TrimSuffix(v, "+dirty")
	parts := strings.Split(base, "-")
	if len(parts) >= 3 {
		last := parts[len(parts)-1]
		stamp := parts[len(parts)-2]
		if i := strings.LastIndexByte(stamp, '.'); i >= 0 {
			stamp = stamp[i+1:]
		}
		if len(last) == 12 && len(stamp) == 14 {
			return false
		}
	}
	return true
}

// String is what --version prints: the version, then the commit and its
// date when the build recorded them, then the toolchain and platform.
func (v buildVersion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "papers %s", v.Version)
	if v.Commit != "" {
		rev := v.Commit
		if len(rev) > 12 {
			rev = rev[:12]
		}
		fmt.Fprintf(&b, "\ncommit %s", rev)
		if t, err := time.Parse(time.RFC3339, v.Time); err == nil && t.Year() > 1 {
			fmt.Fprintf(&b, " (%s)", t.UTC().Format("2006-01-02 15:04 UTC"))
		}
		if v.Modified {
			b.WriteString(", with uncommitted changes")
		}
	}
	fmt.Fprintf(&b, "\n%s %s/%s", v.Go, runtime.GOOS, runtime.GOARCH)
	return b.String()
}

// versionString is the text of --version. It also settles feed.Version,
// which the User-Agent reports.
func versionString() string {
	v := readBuildVersion()
	feed.Version = v.Version
	return v.String()
}
