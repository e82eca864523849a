package graph

import (
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// Document links live minutes: more than TTL, at most 1.5 TTL, the same link for reads
// within one window, refused after expiry and for another document.
func TestSignerShortLivedLinks(t *testing.T) {
	s := &Signer{Key: []byte("k"), TTL: 10 * time.Minute}
	id := uuid.New()
	base := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	parse := func(link string) (url.Values, time.Time) {
		t.Helper()
		_, q, ok := strings.Cut(link, "?")
		if !ok {
			t.Fatalf("no query in %q", link)
		}
		v, err := url.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		exp, err := strconv.ParseInt(v.Get("exp"), 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v, time.Unix(exp, 0)
	}
	for _, offset := range []time.Duration{0, time.Second, 4*time.Minute + 59*time.Second, 5 * time.Minute, 7 * time.Minute} {
		now := base.Add(offset)
		q, exp := parse(s.URL(id, now))
		if life := exp.Sub(now); life <= s.TTL || life > s.TTL*3/2 {
			t.Fatalf("at +%v: link lives %v, want (%v, %v]", offset, life, s.TTL, s.TTL*3/2)
		}
		if !s.Verify(id, q, now) || !s.Verify(id, q, exp) {
			t.Fatalf("at +%v: a fresh link does not verify", offset)
		}
		if s.Verify(id, q, exp.Add(time.Second)) {
			t.Fatalf("at +%v: the link verifies after its expiry", offset)
		}
		if s.Verify(uuid.New(), q, now) {
			t.Fatalf("at +%v: the link verifies for another document", offset)
		}
	}
	if a, b := s.URL(id, base.Add(time.Second)), s.URL(id, base.Add(4*time.Minute)); a != b {
		t.Fatalf("two reads in one window gave two links:\n%s\n%s", a, b)
	}
	if a, b := s.URL(id, base.Add(time.Second)), s.URL(id, base.Add(6*time.Minute)); a == b {
		t.Fatal("reads in two windows gave the same link")
	}
}
