package graph

import (
	"context"
	"sync"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/realtime/live"
)

// caseStreams fans a case's updates out to this process's caseUpdated subscribers: one broker
// subscription per watched case and one load of the case per committed change, however many
// subscribers watch it, and no goroutine per subscriber between changes.
type caseStreams struct {
	mu     sync.Mutex
	groups map[uuid.UUID]*caseGroup
}

// caseGroup is the subscribers of one case.
type caseGroup struct {
	id   uuid.UUID
	stop func() // ends the broker subscription

	mu      sync.Mutex
	subs    map[*caseSub]struct{}
	loading bool // a load of the case is running
	again   bool // a notice came during that load: load once more after it
}

// caseSub is one caseUpdated subscription: a channel of one slot holding the newest version
// of the case not yet sent.
type caseSub struct {
	mu     sync.Mutex
	ch     chan *ent.KycCase
	notify func() // from live.Ready; nil when a goroutine of the transport reads ch
	last   int    // the version last put on ch (or read at subscription)
	closed bool
	// hide skips versions the subscriber must not hear of (an applicant: a four-eyes proposal).
	hide func(*ent.KycCase) bool
}

// subscribeCase streams c's later versions until ctx ends.
func (r *Resolver) subscribeCase(ctx context.Context, c *ent.KycCase) <-chan *ent.KycCase {
	s := &caseSub{ch: make(chan *ent.KycCase, 1), notify: live.Ready(ctx), last: c.Version}
	if ViewerFrom(ctx).Reviewer == nil {
		s.hide = hiddenFromApplicant
	}
	g := r.streams.join(c.ID, s, r)
	context.AfterFunc(ctx, func() {
		r.streams.leave(g, s)
		s.close()
	})
	return s.ch
}

func (cs *caseStreams) join(id uuid.UUID, s *caseSub, r *Resolver) *caseGroup {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	g := cs.groups[id]
	if g == nil {
		if cs.groups == nil {
			cs.groups = map[uuid.UUID]*caseGroup{}
		}
		g = &caseGroup{id: id, subs: map[*caseSub]struct{}{}}
		g.stop = r.Broker.Subscribe(id, func(n Notice) { g.onNotice(n, r) })
		cs.groups[id] = g
	}
	g.mu.Lock()
	g.subs[s] = struct{}{}
	g.mu.Unlock()
	return g
}

func (cs *caseStreams) leave(g *caseGroup, s *caseSub) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	g.mu.Lock()
	delete(g.subs, s)
	empty := len(g.subs) == 0
	g.mu.Unlock()
	if empty && cs.groups[g.id] == g {
		delete(cs.groups, g.id)
		g.stop()
	}
}

// onNotice runs in the broker's delivery and must not block. A notice from this process
// carries the committed case; one from another replica is loaded once for the whole group,
// and notices that arrive during a load are folded into one more load.
func (g *caseGroup) onNotice(n Notice, r *Resolver) {
	if n.Case != nil {
		g.offer(n.Case)
		return
	}
	g.mu.Lock()
	if g.loading {
		g.again = true
		g.mu.Unlock()
		return
	}
	g.loading = true
	g.mu.Unlock()
	go func() {
		for {
			c, err := r.Client.KycCase.Get(context.Background(), g.id)
			if err != nil {
				r.Log.Warn("caseUpdated: load case", "case", g.id, "err", err)
			} else {
				g.offer(c)
			}
			g.mu.Lock()
			if !g.again {
				g.loading = false
				g.mu.Unlock()
				return
			}
			g.again = false
			g.mu.Unlock()
		}
	}()
}

func (g *caseGroup) offer(c *ent.KycCase) {
	g.mu.Lock()
	subs := make([]*caseSub, 0, len(g.subs))
	for s := range g.subs {
		subs = append(subs, s)
	}
	g.mu.Unlock()
	for _, s := range subs {
		s.offer(c)
	}
}

// offer hands c to the subscriber unless it already has that version or a newer one (notices
// of one change may arrive twice, and out of order across goroutines). An older version not
// yet sent is replaced: a slow subscriber gets the newest case, never a backlog.
func (s *caseSub) offer(c *ent.KycCase) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || c.Version <= s.last {
		return
	}
	s.last = c.Version
	if s.hide != nil && s.hide(c) {
		return
	}
	select {
	case <-s.ch: // the transport was already told about the one replaced
		s.ch <- c
	default:
		s.ch <- c
		if s.notify != nil {
			s.notify()
		}
	}
}

func (s *caseSub) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.closed {
		s.closed = true
		close(s.ch)
		if s.notify != nil {
			s.notify()
		}
	}
}

// feedNotices delivers the notices of every case until ctx ends, then closes the channel.
// Reviewers' feeds are few. A feed that falls 256 notices behind (a client that does not
// read, or a burst such as a catch-up after a database outage) cannot get them all: rather
// than drop news silently, its connection is closed with 1013 Try Again Later (live.Retry), and the
// client reconnects, subscribes again and re-fetches what it shows (the backoffice does on
// every reconnect). Outside this package's transport the subscription just ends.
func (r *Resolver) feedNotices(ctx context.Context) <-chan Notice {
	ctx, cancel := context.WithCancel(ctx)
	ch := make(chan Notice, 256)
	var behind sync.Once
	stop := r.Broker.Subscribe(uuid.Nil, func(n Notice) {
		select {
		case ch <- n:
		default:
			// Dropped: the connection is ended from a goroutine of its own, never from the
			// broker's delivery, which must not wait on any transport (a close may have to
			// wait for a socket's writer; issue 23's stall).
			behind.Do(func() {
				go func() {
					r.Log.Warn("caseFeed subscriber fell behind: closing its connection so that it re-fetches", "case", n.CaseID)
					live.Retry(ctx, "Live updates fell behind: reconnect and re-fetch")
					cancel()
				}()
			})
		}
	})
	context.AfterFunc(ctx, func() {
		stop() // no delivery runs after stop returns
		close(ch)
	})
	return ch
}
