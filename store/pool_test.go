package store

import (
	"context"
	"database/sql"
	"testing"
)

// TestPoolKeepsItsConnections: the connections a burst of queries opened
// stay open for the next burst; two were kept and the others closed, to
// be opened again (the file, its log, the schema) at the next.
func TestPoolKeepsItsConnections(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	var held []*sql.Rows
	for range poolSize {
		r, err := s.db.QueryContext(ctx, "SELECT id FROM papers")
		if err != nil {
			t.Fatal(err)
		}
		held = append(held, r)
	}
	for _, r := range held {
		r.Close()
	}
	if st := s.db.Stats(); st.MaxIdleClosed != 0 || st.Idle != poolSize {
		t.Errorf("after %d queries together: %d idle, %d closed for want of room; want %d idle, none closed",
			poolSize, st.Idle, st.MaxIdleClosed, poolSize)
	}
}

// TestWarmOpensConnections: Warm leaves the pool holding n connections,
// idle, and never more than the pool's size.
func TestWarmOpensConnections(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.Warm(ctx, 3); err != nil {
		t.Fatal(err)
	}
	if st := s.db.Stats(); st.OpenConnections != 3 || st.Idle != 3 {
		t.Errorf("after Warm(3): %d open, %d idle; want 3 and 3", st.OpenConnections, st.Idle)
	}
	if err := s.Warm(ctx, 10); err != nil {
		t.Fatal(err)
	}
	if st := s.db.Stats(); st.OpenConnections != poolSize {
		t.Errorf("after Warm(10): %d open; want the pool's %d", st.OpenConnections, poolSize)
	}
}
