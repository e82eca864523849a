package realtime

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/openkyc/kyc-manual-review/ent"
)

// The subscribers of an instance hear its own events at once, from the committed case, and
// once: the NOTIFY echo of the same event is dropped, a catch-up that reads it again too.
func TestPGBrokerDeliversEachEventOnce(t *testing.T) {
	b := &PGBroker{Hub: NewHub(), log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	h := &pgHandler{b: b, listening: make(chan struct{})}
	caseID := uuid.New()
	var got []Notice
	stop := b.Subscribe(caseID, func(n Notice) { got = append(got, n) })
	defer stop()

	local := Notice{CaseID: caseID, EventID: uuid.New(), Case: &ent.KycCase{Version: 2}}
	if err := b.Publish(context.Background(), local); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Case == nil {
		t.Fatalf("after Publish: %d notices %+v, want the one with its case, at once", len(got), got)
	}
	echo := func(n Notice) {
		t.Helper()
		payload, _ := json.Marshal(n)
		if err := h.HandleNotification(context.Background(), &pgconn.Notification{Channel: pgChannel, Payload: string(payload)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	echo(local)
	if len(got) != 1 {
		t.Fatalf("the NOTIFY echo of a published event was delivered again: %d notices", len(got))
	}
	other := Notice{CaseID: caseID, EventID: uuid.New()} // another replica's
	echo(other)
	echo(other)
	if len(got) != 2 || got[1].EventID != other.EventID {
		t.Fatalf("another replica's event: %d notices, want it once", len(got))
	}
	if b.lastHealthy.Load() == 0 {
		t.Fatal("a notification did not mark the listener healthy")
	}
}
