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

// repoJSON is a linked model, dataset or Space. The API sends no counts
// for a Space, and a Space's emoji and description only for it: what was
// not sent is null.
type repoJSON struct {
	ID               string  `json:"id"`
	Downloads        *int    `json:"downloads"`
	Likes            *int    `json:"likes"`
	PipelineTag      *string `json:"pipeline_tag"`
	Emoji            *string `json:"emoji"`
	ShortDescription *string `json:"short_description"`
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
		out.Discussion = &discussionJSON{Comments: commentsJSON(d.Comments), Models: reposJSON(d.Models, true),
			Datasets: reposJSON(d.Datasets, true), Spaces: reposJSON(d.Spaces, false),
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

// reposJSON are rs as JSON; counted: the API sends their downloads and
// likes (models and datasets, not Spaces).
func reposJSON(rs []feed.Repo, counted bool) []repoJSON {
	out := make([]repoJSON, 0, len(rs))
	for _, r := range rs {
		j := repoJSON{ID: r.ID, PipelineTag: optString(r.Pipeline), Emoji: optString(r.Emoji), ShortDescription: optString(r.About)}
		if counted {
			j.Downloads, j.Likes = &r.Downloads, &r.Likes
		}
		out = append(out, j)
	}
	return out
}
