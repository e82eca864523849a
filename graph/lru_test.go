package graph

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
)

// A full cache forgets its least recently used entry, not everything (the map it replaces
// started over when full).
func TestLRUMapEvictsLeastRecentlyUsed(t *testing.T) {
	var c lruMap[int, string]
	for i := range 3 {
		c.add(i, "v", 3)
	}
	c.get(0) // 1 is now the least recently used
	c.add(3, "v", 3)
	if _, ok := c.get(1); ok {
		t.Fatal("the least recently used entry survived")
	}
	for _, k := range []int{0, 2, 3} {
		if _, ok := c.get(k); !ok {
			t.Fatalf("entry %d was evicted with the least recently used one", k)
		}
	}
	if got := c.add(0, "other", 3); got != "v" {
		t.Fatalf("add over an existing entry returned %q, want the existing value", got)
	}
	c.drop(0, "other") // not its value: kept
	if _, ok := c.get(0); !ok {
		t.Fatal("drop removed an entry holding another value")
	}
	c.drop(0, "v")
	if _, ok := c.get(0); ok || c.len() != 2 {
		t.Fatalf("drop left the entry (len %d)", c.len())
	}
}

// Concurrent misses of one token share one read of its case, and a caller that gives up
// does not end the read for the others.
func TestTokenLookupSharesOneRead(t *testing.T) {
	var tc tokenCache
	var reads atomic.Int32
	release := make(chan struct{})
	read := func(ctx context.Context) (*ent.KycCase, error) {
		reads.Add(1)
		select {
		case <-release:
			return &ent.KycCase{Version: 7}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	quitter, quit := context.WithCancel(context.Background())
	quitErr := make(chan error, 1)
	go func() {
		_, err := tc.lookup(quitter, "h", read)
		quitErr <- err
	}()
	for reads.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	const waiters = 8
	var wg sync.WaitGroup
	errs := make(chan error, waiters)
	for range waiters {
		wg.Go(func() {
			c, err := tc.lookup(context.Background(), "h", read)
			if err == nil && (c == nil || c.Version != 7) {
				err = errors.New("wrong case")
			}
			errs <- err
		})
	}
	quit()
	if err := <-quitErr; !errors.Is(err, context.Canceled) {
		t.Fatalf("the caller that gave up got %v, want context.Canceled", err)
	}
	time.Sleep(50 * time.Millisecond) // let the waiters reach the read in flight (a late one reads again)
	close(release)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	// One read normally; a waiter scheduled late on a loaded machine may miss it and read
	// again, but without sharing every caller reads (1 + waiters).
	if n := reads.Load(); n >= 1+waiters/2 {
		t.Fatalf("%d reads for %d concurrent misses of one token, want them shared", n, 1+waiters)
	}
}
