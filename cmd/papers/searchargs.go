package main

import (
	"strings"

	"github.com/alecthomas/kong"
)

// searchArgs lets `papers search diffusion -video` mean what it means in
// the search box: kong would read -video as an unknown short flag. After
// the search command, the flags kong knows stay flags (with their values)
// and every other word is the query, moved after "--" in its order. Any
// other command line is returned as it is.
func searchArgs(app *kong.Application, args []string) []string {
	global := flagKinds(app.Flags)
	i := commandIndex(args, global)
	if i < 0 || args[i] != "search" {
		return args
	}
	known := global
	for _, n := range app.Children {
		if n.Name == "search" {
			known = flagKinds(append(append([]*kong.Flag{}, app.Flags...), n.Flags...))
		}
	}
	var flags, words []string
	dashed := false
	for j := i + 1; j < len(args); j++ {
		a := args[j]
		switch {
		case a == "--":
			words = append(words, args[j+1:]...)
			j = len(args)
		case strings.HasPrefix(a, "--") || a == "-h":
			flags = append(flags, a)
			if takesValue(known, a) && j+1 < len(args) {
				j++
				flags = append(flags, args[j])
			}
		default:
			dashed = dashed || len(a) > 1 && a[0] == '-'
			words = append(words, a)
		}
	}
	if !dashed {
		return args
	}
	out := append(append([]string{}, args[:i+1]...), flags...)
	return append(append(out, "--"), words...)
}

// flagKinds maps each flag's long name to whether it takes a value.
func flagKinds(flags []*kong.Flag) map[string]bool {
	m := map[string]bool{}
	for _, f := range flags {
		m[f.Name] = !f.IsBool()
	}
	return m
}

// takesValue says whether the flag a ("--limit", not "--limit=5") reads
// the next argument as its value.
func takesValue(known map[string]bool, a string) bool {
	return !strings.Contains(a, "=") && known[strings.TrimPrefix(a, "--")]
}

// commandIndex is the index of the first argument that is neither a flag
// nor a global flag's value: the command, or -1.
func commandIndex(args []string, global map[string]bool) int {
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return -1
		case strings.HasPrefix(a, "-"):
			if takesValue(global, a) {
				i++
			}
		default:
			return i
		}
	}
	return -1
}
