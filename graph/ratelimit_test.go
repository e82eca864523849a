package graph

import (
	"net/http/httptest"
	"net/netip"
	"testing"
	"time"
)

func TestClientAddr(t *testing.T) {
	proxies := []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("::1/128")}
	for _, c := range []struct {
		name, peer, xff, want string
	}{
		{"no proxy", "203.0.113.5:4000", "", "203.0.113.5"},
		{"untrusted peer's header ignored", "203.0.113.5:4000", "198.51.100.1", "203.0.113.5"},
		{"trusted proxy", "10.1.2.3:80", "198.51.100.1", "198.51.100.1"},
		{"chain of proxies, spoofed first hop", "10.1.2.3:80", "1.2.3.4, 198.51.100.1, 10.9.9.9", "198.51.100.1"},
		{"only proxies", "10.1.2.3:80", "10.9.9.9", "10.1.2.3"},
		{"garbage hop", "10.1.2.3:80", "nonsense", "10.1.2.3"},
		{"IPv6 loopback proxy", "[::1]:80", "2001:db8::7", "2001:db8::7"},
		{"IPv4-mapped", "[::ffff:203.0.113.5]:80", "", "203.0.113.5"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/graphql", nil)
			r.RemoteAddr = c.peer
			if c.xff != "" {
				r.Header.Set("X-Forwarded-For", c.xff)
			}
			if got := ClientAddr(r, proxies); got != c.want {
				t.Fatalf("ClientAddr = %q, want %q", got, c.want)
			}
		})
	}
}

func TestAddrLimits(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	l := NewAddrLimits(2)
	for i := range 2 {
		if _, err := l.reserve("a", now, "tries"); err != nil {
			t.Fatalf("try %d refused: %v", i+1, err)
		}
	}
	if _, err := l.reserve("a", now, "tries"); err == nil {
		t.Fatal("third try in the same instant allowed")
	}
	if _, err := l.reserve("b", now, "tries"); err != nil {
		t.Fatalf("another address refused: %v", err)
	}
	// Half an hour refills one attempt of a two-per-hour allowance.
	if _, err := l.reserve("a", now.Add(31*time.Minute), "tries"); err != nil {
		t.Fatalf("refill: %v", err)
	}
	// A released attempt is given back.
	release, err := l.reserve("b", now, "tries")
	if err != nil {
		t.Fatal(err)
	}
	release()
	if _, err := l.reserve("b", now, "tries"); err != nil {
		t.Fatalf("released attempt not given back: %v", err)
	}
	var none *AddrLimits
	if _, err := none.reserve("a", now, "tries"); err != nil {
		t.Fatalf("nil limits refused: %v", err)
	}
}
