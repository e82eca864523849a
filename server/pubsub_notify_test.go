package main

// Tests of the NOTIFY sent after commit (pgNotifier) and of the sweep that covers a lost one.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func brokerOf(t *testing.T, ts *testServer) *realtime.PGBroker {
	t.Helper()
	b, ok := ts.app.res.Broker.(*realtime.PGBroker)
	if !ok {
		t.Fatalf("the app's broker is %T, want *realtime.PGBroker", ts.app.res.Broker)
	}
	return b
}

// feedEvents reads caseFeed messages until every id in want has arrived, counting each id's
// arrivals; it fails if one does not arrive by the deadline.
func feedEvents(t *testing.T, feed *liveConn, want map[string]bool, deadline time.Time) map[string]int {
	t.Helper()
	got := map[string]int{}
	missing := len(want)
	for missing > 0 {
		m, ok := feed.next(time.Until(deadline))
		if !ok {
			t.Fatalf("caseFeed: %d of %d committed events never arrived (%s)", missing, len(want), m.Type)
		}
		var p struct {
			Data struct{ CaseFeed eventView } `json:"data"`
		}
		if err := json.Unmarshal(m.Payload, &p); err != nil || m.Type != "next" {
			t.Fatalf("caseFeed: %+v %s", m, m.Payload)
		}
		id := p.Data.CaseFeed.ID
		got[id]++
		if want[id] && got[id] == 1 {
			missing--
		}
	}
	return got
}

// eventIDsSince returns the ids of the case events created since start.
func eventIDsSince(t *testing.T, db *sql.DB, start time.Time) map[string]bool {
	t.Helper()
	rows, err := db.Query(`SELECT id FROM case_events WHERE created_at >= $1`, start.UTC())
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	ids := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return ids
}

// Many events committed at once on replica A have their NOTIFYs sent in fewer statements
// than events, after their commits; a reviewer's caseFeed on replica B hears every one of
// them, once, through NOTIFY (B's sweep is off until the end, then finds nothing new).
func TestNotifyAfterCommitBatches(t *testing.T) {
	t.Parallel()
	a := newTestServer(t, testDB{name: "postgres"})
	b := a.twin(t)
	ba, bb := brokerOf(t, a), brokerOf(t, b)
	ba.SetSweepEvery(time.Hour)
	bb.SetSweepEvery(time.Hour)
	ritaA := a.rita(t)

	const nCases, perCase = 8, 6
	ids := make([]string, nCases)
	for i := range ids {
		c, _ := a.startCase(t, fmt.Sprintf("Batch%d", i), "Notify", "")
		ids[i] = c.ID
	}
	feed := b.mustDialLive(t, nil, b.rita(t).cookieHeader())
	feed.live("feed", caseFeedSub, nil, func() { ritaA.note(ids[0], "poke") })
	feed.quiet(300 * time.Millisecond)

	// Hold A's NOTIFYs back while the events commit: all of them are queued when the
	// mutations have answered (Publish runs before the resolver returns).
	gate := make(chan struct{})
	ba.HoldNotifies(&gate)
	sent0, batches0 := ba.NotifyCounts()
	start := time.Now()
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range perCase {
				ritaA.note(id, fmt.Sprintf("note %d", j))
			}
		}()
	}
	wg.Wait()
	ba.HoldNotifies(nil)
	close(gate)

	want := eventIDsSince(t, a.app.db, start)
	if len(want) != nCases*perCase {
		t.Fatalf("%d events committed, want %d", len(want), nCases*perCase)
	}
	got := feedEvents(t, feed, want, time.Now().Add(30*time.Second))
	for id, n := range got {
		if n != 1 || !want[id] {
			t.Fatalf("event %s arrived %d times (committed in the test: %v), want each committed event once", id, n, want[id])
		}
	}
	sent, batches := ba.NotifyCounts()
	sent, batches = sent-sent0, batches-batches0
	if sent != uint64(len(want)) || batches == 0 || batches >= sent {
		t.Fatalf("A sent %d notices in %d NOTIFY statements; want all %d, in fewer statements than notices", sent, batches, len(want))
	}
	if n := bb.Swept(); n != 0 {
		t.Fatalf("B's sweep delivered %d events while it was off", n)
	}
	// A sweep now reads them all again and delivers none: they were heard already.
	if err := bb.SweepOnce(context.Background(), start); err != nil {
		t.Fatal(err)
	}
	if n := bb.Swept(); n != 0 {
		t.Fatalf("a sweep after the NOTIFYs delivered %d events again", n)
	}
	feed.quiet(300 * time.Millisecond) // nothing more arrives; a duplicate would fail below
	select {
	case m := <-feed.msgs:
		t.Fatalf("after every event arrived: %+v %s", m, m.Payload)
	default:
	}

	// The counters are on /metrics.
	status, body := a.anon(t).get("/metrics")
	if status != http.StatusOK {
		t.Fatalf("/metrics: %d", status)
	}
	for _, name := range []string{"kyc_pg_notify_sent_total", "kyc_pg_notify_batches_total", "kyc_pg_notify_dropped_total 0", "kyc_pg_sweep_delivered_total"} {
		if !strings.Contains(string(body), name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
}

// An event whose NOTIFY is never sent (replica A's notifier is off: a crash between the
// commit and the NOTIFY) still reaches a subscriber on replica B, through B's sweep.
func TestSweepDeliversEventWithoutNotify(t *testing.T) {
	t.Parallel()
	a := newTestServerWith(t, testDB{name: "postgres"}, func(app *app) {
		brokerOf(t, &testServer{app: app}).DisableNotifier()
	})
	b := a.twin(t)
	bb := brokerOf(t, b)
	c, _ := a.startCase(t, "Lost", "Notice", "")
	ritaB := b.reviewer(t, testReviewerEmail, testReviewerPassword)
	feed := b.mustDialLive(t, nil, ritaB.cookieHeader())
	// Live through B's own publish (at once, no NOTIFY needed).
	feed.live("feed", caseFeedSub, nil, func() { ritaB.note(c.ID, "poke") })
	feed.quiet(300 * time.Millisecond)
	bb.SetSweepEvery(200 * time.Millisecond)

	start := time.Now()
	a.rita(t).note(c.ID, "committed on A, never notified")
	want := eventIDsSince(t, a.app.db, start)
	if len(want) != 1 {
		t.Fatalf("%d events committed, want 1", len(want))
	}
	got := feedEvents(t, feed, want, time.Now().Add(30*time.Second))
	for id, n := range got {
		if n != 1 {
			t.Fatalf("event %s arrived %d times", id, n)
		}
	}
	if n := bb.Swept(); n < 1 {
		t.Fatalf("B's sweep delivered %d events; the event came another way", n)
	}
}

// After migrating, no trigger sends NOTIFY from inside the transaction that appends a case
// event: not on a new database, nor on one adopted from the release before versioned
// migrations (which installed it).
func TestNoNotifyTriggerAfterMigrating(t *testing.T) {
	t.Parallel()
	check := func(t *testing.T, db *sql.DB) {
		t.Helper()
		var triggers, functions int
		if err := db.QueryRow(`SELECT (SELECT count(*) FROM pg_trigger WHERE tgrelid = 'case_events'::regclass AND NOT tgisinternal),
			(SELECT count(*) FROM pg_proc WHERE proname = 'kyc_notify_case_event')`).Scan(&triggers, &functions); err != nil {
			t.Fatal(err)
		}
		if triggers != 0 || functions != 0 {
			t.Fatalf("after migrating: %d triggers on case_events, %d kyc_notify_case_event functions; want none", triggers, functions)
		}
	}
	t.Run("new", func(t *testing.T) {
		t.Parallel()
		check(t, newTestServer(t, testDB{name: "postgres"}).app.db)
	})
	t.Run("adopted", func(t *testing.T) {
		t.Parallel()
		u := testDB{name: "postgres"}.databaseURL(t)
		dump, err := os.ReadFile(filepath.Join("testdata", "schema-1ddb8e1.postgres.sql"))
		if err != nil {
			t.Fatal(err)
		}
		raw := openRaw(t, "postgres", u, "")
		if _, err := raw.Exec(string(dump)); err != nil {
			t.Fatalf("load the old schema: %v", err)
		}
		var before int
		if err := raw.QueryRow(`SELECT count(*) FROM pg_trigger WHERE tgname = 'case_events_notify'`).Scan(&before); err != nil || before != 1 {
			t.Fatalf("the old schema's trigger: %d (%v), want 1", before, err)
		}
		srv := startTestServer(t, config{DataDir: t.TempDir(), DatabaseURL: u, SecretKey: "test-secret-key-0123456789abcdef0123456789", MaxUploadMB: 10}, nil)
		check(t, srv.app.db)
	})
}
