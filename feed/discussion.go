package feed

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Discussion is a paper's comments and the Hub repositories linked to it,
// from /api/papers/{id}?field=comments. Comment text is Markdown written by
// users: untrusted, cleaned by whoever shows it.
type Discussion struct {
	ID       string
	Comments []Comment // top-level comments, oldest first, replies nested
	Models   []Repo
	Datasets []Repo
	Spaces   []Repo
	// The totals the API reports, which may exceed the lists it sends.
	NumModels, NumDatasets, NumSpaces int
	// NoComments: the answer had no comments field at all (an answer to
	// another question, or HF ignoring ?field=comments), which says
	// nothing of the comments; not stored.
	NoComments bool `json:"-"`
}

// Comment is one comment with its replies.
type Comment struct {
	ID         string
	Parent     string // the comment replied to; "" at the top
	Author     string // the Hub user name
	AuthorName string // the full name, may be ""
	AuthorOrg  bool   // written by an organisation account
	Created    time.Time
	Text       string // latest Markdown as written ("" when hidden)
	Edited     bool
	Hidden     bool
	Reactions  []Reaction
	Replies    []Comment
}

// Reaction is one kind of reaction and how many gave it.
type Reaction struct {
	Name  string // an emoji ("👍") before 2026, a word ("thumbsup") since
	Count int
}

// Repo is a model, dataset or Space linked to a paper.
type Repo struct {
	ID        string // "owner/name"
	Downloads int
	Likes     int
	Pipeline  string // a model's pipeline tag
	Emoji     string // a Space's emoji
	About     string // a Space's short description
}

// maxComments bounds what one answer may hold: a paper's discussion has
// tens of comments, not tens of thousands.
const maxComments = 2000

// Discussion fetches a paper's comments and linked repositories.
func (c *Client) Discussion(ctx context.Context, id string) (Discussion, error) {
	id, err := NormalizeID(id)
	if err != nil {
		return Discussion{}, fmt.Errorf("fetch discussion: %w", err)
	}
	u := c.base() + "/api/papers/" + id + "?field=comments"
	body, _, err := c.get(ctx, u)
	if err != nil { // a 404 too: the error names the URL, as the others do
		return Discussion{}, fmt.Errorf("fetch discussion %s: %w", id, err)
	}
	d, err := DecodeDiscussion(id, body)
	if err != nil {
		return Discussion{}, fmt.Errorf("fetch discussion %s: %s: %w", id, u, err)
	}
	return d, nil
}

type wireDiscussion struct {
	Comments         *[]wireComment `json:"comments"`
	LinkedModels     []wireRepo     `json:"linkedModels"`
	LinkedDatasets   []wireRepo     `json:"linkedDatasets"`
	LinkedSpaces     []wireRepo     `json:"linkedSpaces"`
	NumTotalModels   int            `json:"numTotalModels"`
	NumTotalDatasets int            `json:"numTotalDatasets"`
	NumTotalSpaces   int            `json:"numTotalSpaces"`
}

type wireComment struct {
	ID        string `json:"id"`
	CreatedAt string `json:"createdAt"`
	Author    struct {
		Name     string `json:"name"`
		Fullname string `json:"fullname"`
		Type     string `json:"type"`
	} `json:"author"`
	Data struct {
		Edited bool `json:"edited"`
		Hidden bool `json:"hidden"`
		Latest struct {
			Raw string `json:"raw"`
		} `json:"latest"`
		Reactions []struct {
			Reaction string `json:"reaction"`
			Count    int    `json:"count"`
			Users    []any  `json:"users"`
		} `json:"reactions"`
		ParentCommentID string `json:"parentCommentId"`
	} `json:"data"`
	Replies []wireComment `json:"replies"`
}

type wireRepo struct {
	ID               string `json:"id"`
	Downloads        int    `json:"downloads"`
	Likes            int    `json:"likes"`
	PipelineTag      string `json:"pipeline_tag"`
	Emoji            string `json:"emoji"`
	ShortDescription string `json:"shortDescription"`
}

// DecodeDiscussion decodes a ?field=comments answer. Comments may come flat
// (a reply names its parent in data.parentCommentId) or nested under
// replies; either way they are returned as one tree. A reply whose parent is
// missing, or that would make a loop, is shown at the top level.
func DecodeDiscussion(id string, body []byte) (Discussion, error) {
	var w wireDiscussion
	if err := json.Unmarshal(body, &w); err != nil {
		return Discussion{}, fmt.Errorf("decode discussion: %w", err)
	}
	var flat []Comment
	if w.Comments != nil {
		flatten(*w.Comments, "", &flat)
	}
	d := Discussion{
		NoComments:  w.Comments == nil,
		ID:          id,
		Comments:    thread(flat),
		Models:      repos(w.LinkedModels),
		Datasets:    repos(w.LinkedDatasets),
		Spaces:      repos(w.LinkedSpaces),
		NumModels:   max(w.NumTotalModels, len(w.LinkedModels)),
		NumDatasets: max(w.NumTotalDatasets, len(w.LinkedDatasets)),
		NumSpaces:   max(w.NumTotalSpaces, len(w.LinkedSpaces)),
	}
	return d, nil
}

// flatten lists every comment, a nested reply taking its parent from where
// it sits when it does not name one.
func flatten(ws []wireComment, parent string, out *[]Comment) {
	for _, w := range ws {
		if len(*out) >= maxComments {
			return
		}
		c := Comment{
			ID: w.ID, Parent: w.Data.ParentCommentID,
			Author: w.Author.Name, AuthorName: w.Author.Fullname, AuthorOrg: w.Author.Type == "org",
			Text: w.Data.Latest.Raw, Edited: w.Data.Edited, Hidden: w.Data.Hidden,
		}
		if c.Parent == "" {
			c.Parent = parent
		}
		if t, err := time.Parse(time.RFC3339, w.CreatedAt); err == nil {
			c.Created = t.UTC()
		}
		if c.Hidden {
			c.Text = ""
		}
		for _, r := range w.Data.Reactions {
			n := max(r.Count, len(r.Users))
			if r.Reaction != "" && n > 0 {
				c.Reactions = append(c.Reactions, Reaction{Name: r.Reaction, Count: n})
			}
		}
		*out = append(*out, c)
		flatten(w.Replies, w.ID, out)
	}
}

// thread builds the reply tree of flat comments, keeping their order.
func thread(flat []Comment) []Comment {
	index := make(map[string]int, len(flat))
	for i, c := range flat {
		if c.ID != "" {
			if _, dup := index[c.ID]; !dup {
				index[c.ID] = i
			}
		}
	}
	children := make(map[string][]int)
	var roots []int
	for i, c := range flat {
		if _, ok := index[c.Parent]; c.Parent == "" || !ok || c.Parent == c.ID {
			roots = append(roots, i)
			continue
		}
		children[c.Parent] = append(children[c.Parent], i)
	}
	placed := make([]bool, len(flat))
	var build func(i, depth int) Comment
	build = func(i, depth int) Comment {
		placed[i] = true
		c := flat[i]
		c.Replies = nil
		for _, j := range children[c.ID] {
			if !placed[j] && depth < 64 {
				c.Replies = append(c.Replies, build(j, depth+1))
			}
		}
		return c
	}
	var out []Comment
	for _, i := range roots {
		if !placed[i] {
			out = append(out, build(i, 0))
		}
	}
	// Comments in a loop of parents were reached from no root.
	for i := range flat {
		if !placed[i] {
			out = append(out, build(i, 0))
			out[len(out)-1].Parent = ""
		}
	}
	return out
}

func repos(ws []wireRepo) []Repo {
	var out []Repo
	for _, w := range ws {
		if w.ID == "" {
			continue
		}
		out = append(out, Repo{ID: w.ID, Downloads: w.Downloads, Likes: w.Likes,
			Pipeline: w.PipelineTag, Emoji: w.Emoji, About: w.ShortDescription})
	}
	return out
}

// Count is how many comments the tree holds, replies included.
func (d Discussion) Count() int {
	var n func([]Comment) int
	n = func(cs []Comment) int {
		t := len(cs)
		for _, c := range cs {
			t += n(c.Replies)
		}
		return t
	}
	return n(d.Comments)
}
