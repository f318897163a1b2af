package main

import (
	"context"
	"errors"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/store"
)

// detailShape is `papers show --json`: the paper in the one shape list and
// search print (paperJSON), with what the detail adds. Field names are a
// contract, like paperJSON's.
type detailShape struct {
	paperJSON
	FullText   fullTextJSON    `json:"full_text"`
	Discussion *discussionJSON `json:"discussion"` // null when none is stored
}

type fullTextJSON struct {
	Stored      bool `json:"stored"`
	Bytes       int  `json:"bytes"`        // of Markdown; 0 when not stored
	ReadPercent *int `json:"read_percent"` // null when never opened
}

type discussionJSON struct {
	Comments  []commentJSON `json:"comments"` // top level, oldest first
	Models    []repoJSON    `json:"models"`
	Datasets  []repoJSON    `json:"datasets"`
	Spaces    []repoJSON    `json:"spaces"`
	NumModels int           `json:"num_models"` // the API's totals, which may exceed the lists
	NumData   int           `json:"num_datasets"`
	NumSpaces int           `json:"num_spaces"`
}

type commentJSON struct {
	Author     string        `json:"author"`
	AuthorName string        `json:"author_name"`
	Created    string        `json:"created"`
	Text       string        `json:"text"` // Markdown as written; "" when hidden
	Edited     bool          `json:"edited"`
	Hidden     bool          `json:"hidden"`
	Replies    []commentJSON `json:"replies"`
}

type repoJSON struct {
	ID        string `json:"id"`
	Downloads int    `json:"downloads"`
	Likes     int    `json:"likes"`
}

// detailJSON reads what the detail shows of rec beyond its own fields:
// the full text's state and the stored discussion.
func detailJSON(ctx context.Context, lib *store.Store, rec store.Record) (detailShape, error) {
	out := detailShape{paperJSON: toJSON(rec)}
	t, err := lib.Text(ctx, rec.ID)
	switch {
	case errors.Is(err, store.ErrNoText):
	case err != nil:
		return out, err
	default:
		out.FullText = fullTextJSON{Stored: true, Bytes: t.Size}
		if r, ok, err := lib.Reading(ctx, rec.ID); err == nil && ok {
			out.FullText.ReadPercent = &r.Percent
		}
	}
	d, _, ok, err := lib.Discussion(ctx, rec.ID)
	if err != nil {
		return out, err
	}
	if ok {
		out.Discussion = &discussionJSON{Comments: commentsJSON(d.Comments), Models: reposJSON(d.Models),
			Datasets: reposJSON(d.Datasets), Spaces: reposJSON(d.Spaces),
			NumModels: d.NumModels, NumData: d.NumDatasets, NumSpaces: d.NumSpaces}
	}
	return out, nil
}

func commentsJSON(cs []feed.Comment) []commentJSON {
	out := make([]commentJSON, 0, len(cs))
	for _, c := range cs {
		out = append(out, commentJSON{Author: c.Author, AuthorName: c.AuthorName, Created: c.Created.UTC().Format(hfTime),
			Text: c.Text, Edited: c.Edited, Hidden: c.Hidden, Replies: commentsJSON(c.Replies)})
	}
	return out
}

func reposJSON(rs []feed.Repo) []repoJSON {
	out := make([]repoJSON, 0, len(rs))
	for _, r := range rs {
		out = append(out, repoJSON{ID: r.ID, Downloads: r.Downloads, Likes: r.Likes})
	}
	return out
}
