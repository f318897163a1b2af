package store

import (
	"context"
	"database/sql"
	"fmt"
)

// checkpointer copies a bulk write's log into the library file on its
// own connection, while the writer goes on writing: SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold, so the
// writer stopped for every 128 MiB of log to copy and sync it (a sixth of
// a 100k import's wall time on disk). A passive checkpoint never blocks
// the writer; what it has not copied when the import ends is copied by
// the next automatic checkpoint, as before.
type checkpointer struct {
	conn *sql.Conn
	kick chan struct{}
	done chan struct{}
}

// startCheckpointer turns the writer's automatic checkpoints off and
// starts copying in the background; nil (checkpoints left to the
// writer) when no second connection is to be had.
func (s *Store) startCheckpointer(ctx context.Context, writer *sql.Conn) *checkpointer {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil
	}
	if _, err := writer.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		conn.Close()
		return nil
	}
	c := &checkpointer{conn: conn, kick: make(chan struct{}, 1), done: make(chan struct{})}
	go c.run()
	return c
}

func (c *checkpointer) run() {
	defer close(c.done)
	for range c.kick {
		// Best effort: a checkpoint that fails (busy, full disk) leaves
		// the log longer, and the next one or the writer's own copies it.
		c.conn.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
	}
}

// committed says a transaction landed: the log has more to copy. It never
// waits: a checkpoint already asked for copies this one's pages too.
func (c *checkpointer) committed() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// stop waits for the copy under way and gives the writer its automatic
// checkpoints back.
func (c *checkpointer) stop(writer *sql.Conn) {
	if c == nil {
		return
	}
	close(c.kick)
	<-c.done
	c.conn.Close()
	writer.ExecContext(context.Background(), fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", autoCheckpointPages))
}
