// Command rss writes saved Daily Papers day files (papers-synth's output)
// as RSS 2.0 feeds, with a newsboat urls file listing them: the same
// papers, title, abstract, authors, link and date, for timing newsboat
// beside papers (bench/newsboat.sh). By default each day is one feed;
// -feeds K spreads the days over K feeds instead (1: one feed of all).
//
//	go run ./bench/rss [-feeds K] -out DIR DAYDIR/*.json
package main

import (
	"encoding/xml"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/papertui/papers/feed"
)

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Channel channel  `xml:"channel"`
}

type channel struct {
	Title string `xml:"title"`
	Link  string `xml:"link"`
	Desc  string `xml:"description"`
	Items []item `xml:"item"`
}

type item struct {
	Title   string `xml:"title"`
	Link    string `xml:"link"`
	GUID    string `xml:"guid"`
	Author  string `xml:"author,omitempty"`
	PubDate string `xml:"pubDate,omitempty"`
	Desc    string `xml:"description"`
}

func main() {
	out := flag.String("out", "", "output directory for the feeds (NAME.xml) and urls")
	feeds := flag.Int("feeds", 0, "number of feeds to spread the days over (0: one per day)")
	flag.Parse()
	if *out == "" || flag.NArg() == 0 || *feeds < 0 {
		fmt.Fprintln(os.Stderr, "usage: rss [-feeds K] -out DIR DAY.json...")
		os.Exit(2)
	}
	if err := run(*out, groups(flag.Args(), *feeds)); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

// groups splits files, in order, into k runs of nearly equal length
// (one file each when k is 0).
func groups(files []string, k int) [][]string {
	if k == 0 || k > len(files) {
		k = len(files)
	}
	out := make([][]string, 0, k)
	for i := range k {
		out = append(out, files[i*len(files)/k:(i+1)*len(files)/k])
	}
	return out
}

func run(out string, groups [][]string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	var urls strings.Builder
	for _, g := range groups {
		name, err := convert(g, abs)
		if err != nil {
			return err
		}
		urls.WriteString("file://" + name + "\n")
	}
	return os.WriteFile(filepath.Join(abs, "urls"), []byte(urls.String()), 0o644)
}

// convert writes the day files of one feed as FIRSTDAY.xml in out and
// returns its path.
func convert(files []string, out string) (string, error) {
	first := strings.TrimSuffix(filepath.Base(files[0]), ".json")
	doc := rss{Version: "2.0", Channel: channel{
		Title: "Daily Papers from " + first, Link: "https://huggingface.co/papers/date/" + first, Desc: "Hugging Face Daily Papers",
	}}
	for _, path := range files {
		body, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		papers, _, err := feed.DecodeDocument(body, strings.TrimSuffix(filepath.Base(path), ".json"))
		if err != nil {
			return "", fmt.Errorf("%s: %w", path, err)
		}
		for _, p := range papers {
			doc.Channel.Items = append(doc.Channel.Items, item{
				Title: p.Title, Link: p.HFURL(), GUID: p.HFURL(), Author: authors(p),
				PubDate: p.Published.Format(time.RFC1123Z), Desc: p.Abstract,
			})
		}
	}
	b, err := xml.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("%s: %w", first, err)
	}
	name := filepath.Join(out, first+".xml")
	return name, os.WriteFile(name, append([]byte(xml.Header), b...), 0o644)
}

func authors(p feed.Paper) string {
	names := make([]string, 0, len(p.Authors))
	for _, a := range p.Authors {
		names = append(names, a.Name)
	}
	return strings.Join(names, ", ")
}
