package feed

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// The scanner must agree with encoding/json on what is JSON and what a
// string holds, since the decoder used to be built on it.

var scanSeeds = []string{
	`{}`, `[]`, `[1,2,]`, `[] []`, `{"a":1`, `{"a" 1}`, `{"a":1,}`, `{,}`, `[,1]`, `tru`, `nul`, `-`, `-0`, `01`,
	`1.`, `1.5e`, `1e+`, `1E-7`, `-0.0e0`, `"\u00e9"`, `"\ud800"`, `"\ud800\udc00"`, `"\udc00\ud800"`,
	`"\ud800\u0041"`, `"\x"`, `"\u12"`, `"a` + "\t" + `b"`, "\"\xff\xfe\"", "\"a\xc3\"", `"\/\b\f\n\r\t\"\\"`,
	` [ 1 , "x" , { "k" : [ null , true , false ] } ] `, "[\v]", "[1]\x00", `{"a":{"b":[{"c":"d"}]}}`,
	`"` + strings.Repeat("abcdefg\\n", 20) + `"`, `{"paper":{"id":"2410.17243"}}`,
}

func FuzzScanner(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Fatalf("validJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
		if !json.Valid(b) {
			return
		}
		var want bytes.Buffer
		if err := json.Compact(&want, b); err != nil {
			t.Fatal(err)
		}
		if got := appendCompact(nil, b); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendCompact(%q) = %q, want %q", b, got, want.Bytes())
		}
		trimmed := bytes.TrimSpace(b)
		if trimmed[0] == '"' {
			var want string
			if err := json.Unmarshal(trimmed, &want); err != nil {
				t.Fatal(err)
			}
			if got := unquote(trimmed[1 : len(trimmed)-1]); got != want {
				t.Fatalf("unquote(%q) = %q, want %q", trimmed, got, want)
			}
		}
	})
}

func TestScannerSeeds(t *testing.T) {
	for _, s := range scanSeeds {
		if got, want := validJSON([]byte(s)), json.Valid([]byte(s)); got != want {
			t.Errorf("validJSON(%q) = %v, json.Valid says %v", s, got, want)
		}
	}
	// encoding/json's nesting limit is 10,000 containers.
	for _, n := range []int{10000, 10001} {
		b := []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Errorf("%d nested arrays: validJSON %v, json.Valid %v", n, got, want)
		}
	}
}

// rejoinReference and collapseReference are the plain definitions rejoin
// and collapse must match.
func collapseReference(s string) string { return strings.Join(strings.Fields(s), " ") }

func rejoinReference(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var paras, cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, collapseReference(strings.Join(cur, " ")))
			cur = nil
		}
	}
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return strings.Join(paras, "\n\n")
}

var textSeeds = []string{
	"", " ", "a", " a ", "a  b", "a\tb", "a\n\nb", "a\r\n\r\nb", "a\n \r \nb", "a\u00a0b", "a\u0085b", "a\u2028\u2028b",
	"\u3000a\u3000", "a\xc2b", "a\xe2\x80b", "x\xff y", "Fu-Yun Wang", "Zoë  Li\n", "one\ntwo\n\n\nthree \n",
	"a\vb\fc", "a\r b", "\n\na\n\n",
}

func FuzzRejoin(f *testing.F) {
	for _, s := range textSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := rejoin(s), rejoinReference(s); got != want {
			t.Errorf("rejoin(%q) = %q, want %q", s, got, want)
		}
		if got, want := collapse(s), collapseReference(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
