package feed

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"

	"github.com/dustin/go-humanize"

	"golang.org/x/time/rate"
)

// The arXiv export API answers which version of a paper is the latest, so
// a stored text converted from an older one can be fetched again.

// DefaultArxivURL is arXiv's export API query endpoint.
const DefaultArxivURL = "https://export.arxiv.org/api/query"

// VersionBatch is how many ids one version check asks at most. arXiv
// takes up to 2,000 a call, but 2,000 ids make a 22 KB URL, past the
// 8 KB request line many servers and proxies allow; 500 keep it near 6 KB.
const VersionBatch = 500

// ArxivPace keeps a client to arXiv's terms for its API: one request
// every three seconds.
func ArxivPace() *rate.Limiter {
	return rate.NewLimiter(rate.Every(3*time.Second), 1)
}

// Versions asks arXiv's export API (c.BaseURL, default DefaultArxivURL)
// for the latest version of each paper: id → version. An id arXiv does not
// know is absent. One request per VersionBatch ids, through the client's
// pacing, retries and caps; use a Client of its own, paced by ArxivPace
// and without a Token. A malformed, HTML or oversized answer is an error
// naming the URL; what earlier batches answered is returned with it.
func (c *Client) Versions(ctx context.Context, ids []string) (map[string]int, error) {
	var want []string
	seen := map[string]bool{}
	for _, raw := range ids {
		id, err := NormalizeID(raw)
		if err != nil {
			return nil, fmt.Errorf("check arXiv versions: %w", err)
		}
		if !seen[id] {
			seen[id] = true
			want = append(want, id)
		}
	}
	out := make(map[string]int, len(want))
	for start := 0; start < len(want); start += VersionBatch {
		batch := want[start:min(start+VersionBatch, len(want))]
		if err := c.versionBatch(ctx, batch, out); err != nil {
			return out, fmt.Errorf("check arXiv versions: %w", err)
		}
	}
	return out, nil
}

// versionBatch asks one batch and adds its answers to out.
func (c *Client) versionBatch(ctx context.Context, ids []string, out map[string]int) error {
	base := strings.TrimRight(c.BaseURL, "/")
	if base == "" {
		base = DefaultArxivURL
	}
	// Ids are digits and dots: no escaping needed, and the commas stay as
	// arXiv documents them.
	u := base + "?id_list=" + strings.Join(ids, ",") + "&max_results=" + strconv.Itoa(len(ids))
	body, _, err := c.getAs(ctx, u, wantAtom)
	if err != nil {
		return err
	}
	asked := make(map[string]bool, len(ids))
	for _, id := range ids {
		asked[id] = true
	}
	got, err := ParseVersions(body)
	if err != nil {
		return fmt.Errorf("%s: %w", u, err)
	}
	for id, v := range got {
		if asked[id] {
			out[id] = v
		}
	}
	return nil
}

// atomFeed is the part of arXiv's Atom answer a version check reads.
type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	Entries []atomEntry `xml:"entry"`
}

type atomEntry struct {
	ID      string `xml:"id"`      // http://arxiv.org/abs/2410.17243v2
	Title   string `xml:"title"`   // "Error" for an error entry
	Summary string `xml:"summary"` // an error entry's message
}

// ParseVersions reads an arXiv export API answer: id → latest version,
// from each entry's <id>. An error entry (arXiv's way of refusing a query)
// is an error with arXiv's message; entries without a versioned id are
// skipped.
func ParseVersions(body []byte) (map[string]int, error) {
	var f atomFeed
	if err := xml.Unmarshal(body, &f); err != nil {
		return nil, fmt.Errorf("not an arXiv Atom answer: %w", err)
	}
	if f.XMLName.Local != "feed" {
		return nil, errors.New("not an arXiv Atom answer: no <feed>")
	}
	out := make(map[string]int, len(f.Entries))
	for _, e := range f.Entries {
		ref := strings.TrimSpace(e.ID)
		if strings.Contains(ref, "arxiv.org/api/errors") {
			return nil, fmt.Errorf("arXiv refused the query: %s", clip(strings.Join(strings.Fields(e.Summary), " "), 200))
		}
		if id, v, ok := versionedID(ref); ok && v > out[id] {
			out[id] = v
		}
	}
	return out, nil
}

// versionedID splits "http://arxiv.org/abs/2410.17243v2" into the id and
// its version.
func versionedID(ref string) (string, int, bool) {
	_, rest, ok := strings.Cut(ref, "/abs/")
	if !ok {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, 'v')
	if i < 0 {
		return "", 0, false
	}
	v, err := strconv.Atoi(rest[i+1:])
	if err != nil || v <= 0 {
		return "", 0, false
	}
	if !ValidID(rest[:i]) {
		return "", 0, false
	}
	return rest[:i], v, true
}

// isHTML reports an HTML Content-Type: an error page or a portal, where
// Atom was expected.
func isHTML(ctype string) bool {
	mt, _, err := mime.ParseMediaType(ctype)
	return err == nil && strings.Contains(mt, "html")
}

// checkAtomBody refuses a body over the cap and an HTML page served under
// another label; whether the rest is Atom, the parser says.
func checkAtomBody(body []byte, limit int64, u string) ([]byte, error) {
	if int64(len(body)) > limit {
		return nil, fmt.Errorf("GET %s: body larger than the %s cap", u, humanize.IBytes(uint64(limit)))
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return nil, fmt.Errorf("GET %s: answered an HTML page, not Atom", u)
	}
	return body, nil
}
