package feed

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// idRE is a new-style arXiv id (YYMM.NNNN or YYMM.NNNNN), the only kind
// Daily Papers carries. Old-style ids (hep-th/9901001) are not accepted.
var idRE = regexp.MustCompile(`^[0-9]{2}(?:0[1-9]|1[0-2])\.[0-9]{4,5}$`)

// versionedRE is an id as users paste it: with an optional version suffix.
var versionedRE = regexp.MustCompile(`^([0-9]{2}(?:0[1-9]|1[0-2])\.[0-9]{4,5})(?:v[0-9]{1,3})?$`)

// paperHosts are the sites whose URLs name a paper, mapped to the path
// prefixes that are followed by the id on that site.
var paperHosts = map[string][]string{
	"huggingface.co":   {"/papers/", "/api/papers/"},
	"hf.co":            {"/papers/", "/api/papers/"},
	"arxiv.org":        {"/abs/", "/pdf/", "/html/", "/bibtex/"},
	"export.arxiv.org": {"/abs/", "/pdf/", "/html/", "/bibtex/"},
}

// ValidID reports whether s is a bare new-style arXiv id without version,
// the form Paper.ID always has.
func ValidID(s string) bool { return idRE.MatchString(s) }

// ErrBadID is NormalizeID's error: what was given is no paper id.
var ErrBadID = errors.New("not an arXiv id or paper URL")

// NormalizeID turns what a user pastes — a bare id, an id with a version,
// "arXiv:ID", or a Hugging Face or arXiv URL of the paper — into the bare id
// ("2410.17243"). The version is dropped because HF keys papers without it.
func NormalizeID(s string) (string, error) {
	in := strings.TrimSpace(s)
	if len(in) > 6 && strings.EqualFold(in[:6], "arxiv:") {
		in = strings.TrimSpace(in[6:])
	}
	if strings.Contains(in, "/") {
		in = idFromURL(in)
	}
	m := versionedRE.FindStringSubmatch(in)
	if m == nil {
		return "", fmt.Errorf("%w: %q", ErrBadID, clip(s, 200))
	}
	// arXiv numbered four digits a month until December 2014, five since.
	yymm, number, _ := strings.Cut(m[1], ".")
	if modern := yymm >= "1501"; modern != (len(number) == 5) {
		if modern {
			return "", fmt.Errorf("%w: %q: ids from 2015 on have five digits after the dot (%s.0%s?)", ErrBadID, clip(s, 200), yymm, number)
		}
		return "", fmt.Errorf("%w: %q: ids before 2015 have four digits after the dot", ErrBadID, clip(s, 200))
	}
	return m[1], nil
}

// idFromURL extracts the id-with-optional-version from a paper URL, or
// returns "" when the URL is not one of a paper.
func idFromURL(s string) string {
	if !strings.Contains(s, "://") {
		s = "https://" + s // users paste "hf.co/papers/…" without a scheme
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	for _, prefix := range paperHosts[host] {
		rest, ok := strings.CutPrefix(u.Path, prefix)
		if !ok {
			continue
		}
		rest = strings.TrimRight(rest, "/")
		if strings.Contains(rest, "/") {
			return ""
		}
		// arXiv PDF links end in ".pdf"; HF has a Markdown view at "{id}.md".
		rest = strings.TrimSuffix(rest, ".pdf")
		return strings.TrimSuffix(rest, ".md")
	}
	return ""
}

// clip shortens s to at most n bytes (on a rune boundary) so an error
// message quoting user input stays readable.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
