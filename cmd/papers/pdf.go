package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/adrg/xdg"
	"github.com/papertui/papers/feed"
)

// Saved PDFs, under $XDG_CACHE_HOME/papers/pdf: fetched by fetch --pdf,
// counted by stats, deleted by clean --pdfs.

// sideClient is a client of a service other than Hugging Face (arXiv's
// PDFs, its export API). It never holds the Hugging Face token (g.client
// alone sets it), and a base of "" keeps the service's own default
// rather than NewClient's Hugging Face.
func sideClient(base string) *feed.Client {
	c := feed.NewClient(base)
	c.BaseURL = strings.TrimRight(base, "/")
	return c
}

// pdfClient fetches PDFs: paced like the feed client, and without the
// Hugging Face token.
func pdfClient(base string) *feed.Client {
	c := sideClient(base)
	c.MaxBody = 100 << 20
	c.Timeout = 2 * time.Minute
	return c
}

// pdfDir is where PDFs are kept: $XDG_CACHE_HOME/papers/pdf.
func pdfDir() string {
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		cache = xdg.CacheHome
	}
	return filepath.Join(cache, "papers", "pdf")
}

// pdfPath is where a paper's PDF is saved.
func pdfPath(id string) string { return filepath.Join(pdfDir(), id+".pdf") }

// savePDF fetches and saves a PDF unless it is saved already. It writes a
// temporary file and renames it, so a PDF on disk is always whole.
func savePDF(ctx context.Context, c *feed.Client, id string, refresh bool) (bool, error) {
	path := pdfPath(id)
	if _, err := os.Stat(path); err == nil && !refresh {
		return false, nil
	}
	body, err := c.PDF(ctx, id)
	if err != nil {
		return false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, fmt.Errorf("save PDF %s: %w", id, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), id+".*.part")
	if err != nil {
		return false, fmt.Errorf("save PDF %s: %w", id, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return false, fmt.Errorf("save PDF %s: %w", id, err)
	}
	if err := tmp.Close(); err != nil {
		return false, fmt.Errorf("save PDF %s: %w", id, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, fmt.Errorf("save PDF %s: %w", id, err)
	}
	return true, nil
}

type pdfFile struct {
	path string
	size int64
}

// listPDFs lists the saved PDFs; a missing folder holds none.
func listPDFs() []pdfFile {
	entries, _ := os.ReadDir(pdfDir())
	var out []pdfFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".pdf") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, pdfFile{filepath.Join(pdfDir(), e.Name()), info.Size()})
	}
	return out
}
