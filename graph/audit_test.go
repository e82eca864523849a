package graph

import (
	"context"
	"database/sql"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
	_ "modernc.org/sqlite"

	"github.com/openkyc/kyc-manual-review/ent"
)

type nopBroker struct{}

func (nopBroker) Publish(context.Context, Notice) error           { return nil }
func (nopBroker) Subscribe(uuid.UUID, func(Notice)) (stop func()) { return func() {} }

// testResolver is resolverOn a fresh SQLite database.
func testResolver(t *testing.T) (*Resolver, *ent.Client) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "t.db")+
		"?_pragma=foreign_keys(1)&_txlock=immediate&_time_format=sqlite&_timezone=UTC")
	if err != nil {
		t.Fatal(err)
	}
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dialect.SQLite, db)))
	t.Cleanup(func() { client.Close() })
	if err := client.Schema.Create(context.Background()); err != nil {
		t.Fatal(err)
	}
	return resolverOn(client), client
}

// resolverOn is the test Resolver on client, with a clock that ticks a second (and a
// nanosecond, which the database drops) per reading.
func resolverOn(client *ent.Client) *Resolver {
	clock := time.Date(2026, 11, 26, 1, 2, 3, 456789123, time.FixedZone("CET", 3600))
	return &Resolver{Client: client, Broker: nopBroker{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { clock = clock.Add(time.Second + 1); return clock }}
}

// Writers bounds the write transactions at once; one waiting for its turn gives up when its
// request ends, without running.
func TestWriteGate(t *testing.T) {
	r, _ := testResolver(t)
	r.Writers = 1
	inside, release := make(chan struct{}), make(chan struct{})
	go func() {
		_ = r.withTx(context.Background(), func(*ent.Tx) error {
			close(inside)
			<-release
			return nil
		})
	}()
	<-inside
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	ran := false
	err := r.withTx(ctx, func(*ent.Tx) error { ran = true; return nil })
	if !errors.Is(err, context.DeadlineExceeded) || ran {
		t.Fatalf("second writer while the first holds the gate: err %v, ran %v; want its deadline, not run", err, ran)
	}
	close(release)
	if err := r.withTx(context.Background(), func(*ent.Tx) error { ran = true; return nil }); err != nil || !ran {
		t.Fatalf("after the first finished: err %v, ran %v", err, ran)
	}
}
