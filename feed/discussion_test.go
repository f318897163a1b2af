package feed_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/papertui/papers/feed"
	"github.com/papertui/papers/feed/feedtest"
)

func readDiscussion(t *testing.T, name string) feed.Discussion {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "discussion", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := feed.DecodeDiscussion("2501.00001", body)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDiscussionFlatThreadsByParent(t *testing.T) {
	d := readDiscussion(t, "flat.json")
	if len(d.Comments) != 3 || d.Count() != 4 {
		t.Fatalf("top level %d, total %d; want 3 and 4", len(d.Comments), d.Count())
	}
	c1 := d.Comments[0]
	if c1.ID != "c1" || len(c1.Replies) != 1 || c1.Replies[0].ID != "c2" || c1.Replies[0].Parent != "c1" {
		t.Errorf("c1 = %+v", c1)
	}
	if c1.Author != "alice" || c1.AuthorName != "Alice A" || c1.Created.Hour() != 10 ||
		len(c1.Reactions) != 1 || c1.Reactions[0].Count != 2 {
		t.Errorf("c1 fields = %+v", c1)
	}
	if !c1.Replies[0].Edited {
		t.Error("edited flag lost")
	}
	if c3 := d.Comments[1]; !c3.Hidden || c3.Text != "" || !c3.AuthorOrg {
		t.Errorf("hidden comment = %+v", c3)
	}
	if d.Comments[2].ID != "c4" {
		t.Errorf("orphan reply not at the top: %+v", d.Comments[2])
	}
	if len(d.Models) != 2 || d.NumModels != 7 || d.Models[0].Downloads != 1200 || d.Models[0].Pipeline != "text-generation" {
		t.Errorf("models = %+v (%d)", d.Models, d.NumModels)
	}
	if len(d.Datasets) != 1 || d.NumDatasets != 1 {
		t.Errorf("datasets = %+v", d.Datasets)
	}
}

func TestDiscussionNestedReplies(t *testing.T) {
	d := readDiscussion(t, "nested.json")
	if len(d.Comments) != 2 || d.Count() != 4 {
		t.Fatalf("top level %d, total %d; want 2 and 4", len(d.Comments), d.Count())
	}
	r := d.Comments[0].Replies
	if len(r) != 1 || r[0].ID != "c2" || len(r[0].Replies) != 1 || r[0].Replies[0].Parent != "c2" {
		t.Errorf("replies = %+v", r)
	}
	if len(d.Spaces) != 1 || d.Spaces[0].Emoji != "🚀" || d.NumSpaces != 3 {
		t.Errorf("spaces = %+v", d.Spaces)
	}
}

func TestDiscussionParentLoop(t *testing.T) {
	body := `{"comments":[{"id":"a","data":{"parentCommentId":"b"}},{"id":"b","data":{"parentCommentId":"a"}},{"id":"c","data":{"parentCommentId":"c"}}]}`
	d, err := feed.DecodeDiscussion("x", []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	if d.Count() != 3 {
		t.Errorf("a loop of parents lost comments: %d", d.Count())
	}
}

func TestDiscussionRealPaper(t *testing.T) {
	body, err := os.ReadFile(feedtest.Shared(t, "fixtures/hf/hf-paper-2605.13301.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := feed.DecodeDiscussion("2605.13301", body); err != nil {
		t.Fatal(err)
	}
}

func TestClientDiscussion(t *testing.T) {
	srv := feedtest.New(t)
	body, err := os.ReadFile(filepath.Join("testdata", "discussion", "nested.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv.SetPaper("2501.00001", body)
	d, err := testClient(srv.URL).Discussion(context.Background(), "2501.00001")
	if err != nil {
		t.Fatal(err)
	}
	if d.Count() != 4 {
		t.Errorf("count %d", d.Count())
	}
	if reqs := srv.Requests(); reqs[len(reqs)-1] != "/api/papers/2501.00001?field=comments" {
		t.Errorf("asked %v", reqs)
	}
}
