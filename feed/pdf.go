package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
)

// DefaultPDFURL is where arXiv serves PDFs: DefaultPDFURL + "/" + id.
const DefaultPDFURL = "https://arxiv.org/pdf"

// PDF fetches a paper's PDF from c.BaseURL (arXiv's /pdf, or a stand-in),
// through the client's pacing, retries and caps. Use a Client of its own,
// without a Token: the Hugging Face token is not arXiv's business. A body
// that does not start as a PDF is refused.
func (c *Client) PDF(ctx context.Context, id string) ([]byte, error) {
	id, err := NormalizeID(id)
	if err != nil {
		return nil, fmt.Errorf("fetch PDF: %w", err)
	}
	base := strings.TrimRight(c.BaseURL, "/")
	if base == "" {
		base = DefaultPDFURL
	}
	u := base + "/" + id
	body, _, err := c.getAs(ctx, u, wantPDF)
	if errors.Is(err, ErrNotFound) { // arXiv's 404, not Hugging Face's
		return nil, fmt.Errorf("fetch PDF %s: GET %s: no PDF there (HTTP 404)", id, u)
	}
	if err != nil {
		return nil, fmt.Errorf("fetch PDF %s: %w", id, err)
	}
	if !bytes.HasPrefix(body, []byte("%PDF-")) {
		return nil, fmt.Errorf("fetch PDF %s: %s: answered %d bytes that are not a PDF", id, u, len(body))
	}
	return body, nil
}
