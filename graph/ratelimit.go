package graph

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// Per-client-address limits on the anonymous mutations that cost the most: opening a case
// (rows, and a token to hand out) and signing in (a bcrypt comparison, ~0.25 s of CPU). They
// come on top of the per-email sign-in throttle (throttle.go), which an attacker spraying many
// emails from one address would not meet. Each address has a token bucket holding an hour's
// allowance, refilled evenly over the hour; each process counts its own.
const addrLimiterSize = 50_000 // addresses remembered; the least recently seen are forgotten

// AddrLimits is one kind of per-address limit. A nil one (or perHour 0) allows everything.
type AddrLimits struct {
	perHour  int
	limiters *lru.Cache[string, *rate.Limiter]
}

// NewAddrLimits allows each client address perHour requests an hour; 0 allows everything.
func NewAddrLimits(perHour int) *AddrLimits {
	l := &AddrLimits{perHour: perHour}
	if perHour > 0 {
		l.limiters, _ = lru.New[string, *rate.Limiter](addrLimiterSize)
	}
	return l
}

// reserve takes one attempt from addr's allowance, or refuses with RATE_LIMITED. The returned
// release gives it back (a sign-in that succeeded is no guess).
func (l *AddrLimits) reserve(addr string, now time.Time, what string) (release func(), err error) {
	if l == nil || l.perHour <= 0 || addr == "" {
		return func() {}, nil
	}
	lim, ok := l.limiters.Get(addr)
	if !ok {
		lim = rate.NewLimiter(rate.Every(time.Hour/time.Duration(l.perHour)), l.perHour)
		l.limiters.Add(addr, lim)
	}
	r := lim.ReserveN(now, 1)
	if wait := r.DelayFrom(now); !r.OK() || wait > 0 {
		r.CancelAt(now)
		return nil, workflow.Errorf(workflow.ERateLimited, "too many %s from your network: try again in %d minutes", what, int(wait.Minutes())+1)
	}
	return func() { r.CancelAt(now) }, nil
}

type clientAddrKey struct{}

// WithClientAddr returns ctx carrying the caller's network address (see ClientAddr).
func WithClientAddr(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, clientAddrKey{}, addr)
}

func clientAddr(ctx context.Context) string {
	s, _ := ctx.Value(clientAddrKey{}).(string)
	return s
}

// ClientAddr is the address r came from: its peer, or, when the peer is one of trusted (a
// reverse proxy), the last address in X-Forwarded-For that is not a trusted proxy.
func ClientAddr(r *http.Request, trusted []netip.Prefix) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	peer = peer.Unmap()
	if !isTrusted(peer, trusted) {
		return peer.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		if a = a.Unmap(); !isTrusted(a, trusted) {
			return a.String()
		}
	}
	return peer.String()
}

func isTrusted(a netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}
