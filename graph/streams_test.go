package graph

import (
	"testing"

	"github.com/openkyc/kyc-manual-review/ent"
)

// A subscription's slot holds the newest version not yet sent: the transport is told once per
// value it must read, replaced values are not announced again, and versions never go back.
func TestCaseSubOffer(t *testing.T) {
	v := func(n int) *ent.KycCase { return &ent.KycCase{Version: n} }
	notified := 0
	s := &caseSub{ch: make(chan *ent.KycCase, 1), notify: func() { notified++ }, last: 3}
	read := func() *ent.KycCase {
		t.Helper()
		select {
		case c := <-s.ch:
			return c
		default:
			t.Fatal("the transport was told to read, but the slot is empty")
			return nil
		}
	}

	s.offer(v(3)) // the version seen at subscription: nothing new
	s.offer(v(2))
	if notified != 0 {
		t.Fatalf("old versions announced %d times", notified)
	}
	s.offer(v(4))
	s.offer(v(6)) // replaces 4, unsent
	s.offer(v(5)) // older than 6: dropped
	if notified != 1 {
		t.Fatalf("notified %d times for one slot, want 1", notified)
	}
	if c := read(); c.Version != 6 {
		t.Fatalf("read version %d, want the newest, 6", c.Version)
	}
	s.offer(v(7))
	if c := read(); notified != 2 || c.Version != 7 {
		t.Fatalf("after the slot was read: notified %d, read version %d; want 2, 7", notified, c.Version)
	}
	s.close()
	s.close()
	s.offer(v(8)) // after close: ignored, no panic
	if _, ok := <-s.ch; ok || notified != 3 {
		t.Fatalf("close: channel open %v, notified %d; want closed, 3", ok, notified)
	}
}
