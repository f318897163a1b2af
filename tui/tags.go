package tui

import (
	"context"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/papertui/papers/store"
	"github.com/papertui/papers/store/query"
	"github.com/papertui/papers/tui/clean"
)

// Tags: L opens an input over the status bar ("+name -name", a bare name
// adds; tab completes the word being typed from the tags in use); the
// change is a state change (state.go) that U undoes. Rows show their
// tags when there is room, the detail always; tag:NAME searches them
// and F lists them.

// tagsLoaded: the tags in use with their counts, for completion.
type tagsLoaded struct {
	id   string // the paper L was pressed on
	tags []store.TagCount
	err  error
}

// startTag asks for the tags in use, then opens the input.
func (m Model) startTag(id string) (tea.Model, tea.Cmd) {
	lib, ok := m.dailyLib()
	if !ok {
		return m, nil
	}
	return m, libCmd(func(ctx context.Context) tea.Msg {
		tags, err := lib.Tags(ctx)
		return tagsLoaded{id: id, tags: tags, err: err}
	})
}

func (m Model) onTagsLoaded(msg tagsLoaded) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.fail(clean.Line("tags: " + msg.err.Error()))
		return m, nil
	}
	names := make([]string, len(msg.tags))
	for i, t := range msg.tags {
		names[i] = t.Tag
	}
	m.daily.modal = modalState{kind: modalTag, id: msg.id, tags: names,
		input: newModalInput("tag "+msg.id+": ", "", m.st.dark)}
	return m, nil
}

// parseTags reads "+a -b c": the tags to add and to remove.
func parseTags(text string) (add, remove []string, err error) {
	for _, w := range strings.Fields(text) {
		name, err := query.NormalizeTag(strings.TrimLeft(w, "+-"))
		if err != nil {
			return nil, nil, err
		}
		if strings.HasPrefix(w, "-") {
			remove = append(remove, name)
		} else {
			add = append(add, name)
		}
	}
	return add, remove, nil
}

// applyTags tags the paper.
func (m Model) applyTags(id string, add, remove []string) (tea.Model, tea.Cmd) {
	if len(add)+len(remove) == 0 {
		m.say("no tags changed")
		return m, nil
	}
	lib, _ := m.dailyLib()
	write := func(ctx context.Context) error { return lib.Tag(ctx, []string{id}, add, remove) }
	apply := func() {
		m.list.eachRow(id, func(r *row) { r.Tags = retag(r.Tags, add, remove) })
		m.list.forgetDrawn()
		m.queue.update(id, func(r *store.Record) { r.Tags = retag(r.Tags, add, remove) })
		if m.detail.hasRecord && m.detail.record.ID == id {
			m.detail.record.Tags = retag(m.detail.record.Tags, add, remove)
		}
	}
	return m, m.changeState(changeTagged, id, write, apply)
}

// retag is tags with add added and remove removed, sorted.
func retag(tags, add, remove []string) []string {
	out := slices.Clone(tags)
	for _, a := range add {
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	out = slices.DeleteFunc(out, func(t string) bool { return slices.Contains(remove, t) })
	slices.Sort(out)
	return out
}

// completeTag completes the last word of text with the first tag in use
// it begins.
func completeTag(text string, tags []string) string {
	head, word := splitLast(text)
	sign := ""
	if strings.HasPrefix(word, "+") || strings.HasPrefix(word, "-") {
		sign, word = word[:1], word[1:]
	}
	for _, t := range tags {
		if strings.HasPrefix(t, strings.ToLower(word)) {
			return head + sign + t + " "
		}
	}
	return text
}

// tagHint lists the tags in use the word being typed could be.
func tagHint(text string, tags []string) string {
	_, word := splitLast(text)
	word = strings.ToLower(strings.TrimLeft(word, "+-"))
	var match []string
	for _, t := range tags {
		if strings.HasPrefix(t, word) && len(match) < 8 {
			match = append(match, t)
		}
	}
	if len(match) == 0 {
		return "+name adds, -name removes · enter · esc"
	}
	return "tab: " + strings.Join(match, " ") + " · enter · esc"
}

// splitLast splits text before its last word.
func splitLast(text string) (string, string) {
	i := strings.LastIndex(text, " ") + 1
	return text[:i], text[i:]
}

// rowTags is a row's tags and note mark as the row shows them.
func rowTags(r row) string { return tagsLabel(r.Tags, r.HasNote) }

// tagsLabel is how a row shows a paper's note and tags: " ✎ #a #b".
func tagsLabel(tags []string, hasNote bool) string {
	var b strings.Builder
	if hasNote {
		b.WriteString(" ✎")
	}
	for _, t := range tags {
		b.WriteString(" #" + t)
	}
	return b.String()
}
