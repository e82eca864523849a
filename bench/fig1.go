package main

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sync"
	"time"
)

// backends lists the databases a figure runs on: SQLite always, PostgreSQL when started.
func (e *env) backends() []string {
	b := []string{"sqlite"}
	if e.pg != nil {
		b = append(b, "postgres")
	}
	return b
}

// cluster is the PostgreSQL cluster behind backend, nil for SQLite.
func (e *env) cluster(backend string) *pgCluster {
	switch backend {
	case "postgres":
		return e.pg
	case "postgres-durable":
		return e.pgDur
	}
	return nil
}

// server starts a fresh KYC server on backend, with its own folder (and database).
func (e *env) server(ctx context.Context, backend, name string) (*proc, string, error) {
	dir := filepath.Join(e.tmp, name+"-"+backend)
	url := ""
	if c := e.cluster(backend); c != nil {
		var err error
		if url, err = c.createDB(ctx, name); err != nil {
			return nil, "", err
		}
	}
	extra := append([]string(nil), e.cfg.serverEnv...)
	pprofAddr := ""
	if e.cfg.profileDir != "" {
		port, err := freePort()
		if err != nil {
			return nil, "", err
		}
		pprofAddr = fmt.Sprintf("127.0.0.1:%d", port)
		extra = append(extra, "KYC_BENCH_PPROF_ADDR="+pprofAddr)
	}
	p, err := startServer(ctx, e.bin, dir, url, extra...)
	if p != nil {
		p.pprofAddr = pprofAddr
	}
	return p, url, err
}

// fig1: a reviewer's decideCase returns; how long until the applicant's caseUpdated
// subscription hears of it, with idle subscribers connected. Anchor: 3 s polling.
func fig1(ctx context.Context, e *env) error {
	for _, backend := range e.backends() {
		if err := fig1On(ctx, e, backend); err != nil {
			e.rep.add(row{Figure: 1, Name: figureNames[1], Backend: backend, Verdict: "ERROR: " + firstLine(err.Error())})
		}
	}
	return nil
}

func fig1On(ctx context.Context, e *env, backend string) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
	defer cancel()
	srv, _, err := e.server(ctx, backend, "fig1")
	if err != nil {
		return err
	}
	defer srv.stop()
	cl := newClient(srv.base, 64)
	defer cl.close()
	cookie, err := cl.login(ctx, reviewerEmail, reviewerPassword)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	reviewer := auth{cookie: cookie}

	// Same-run floor: the cheapest reviewer round trip.
	floor := runLoad(ctx, 1, time.Hour, 200, func(ctx context.Context, _ int) error { return cl.typename(ctx, reviewer) })

	n := e.cfg.decisions
	e.log("fig1/%s: preparing %d cases up to selfie_review", backend, n)
	photo := testJPEG()
	apps := make([]applicant, n)
	t0 := time.Now()
	if err := parallel(ctx, n, 16, func(ctx context.Context, i int) (err error) {
		apps[i], err = cl.prepareToSelfieReview(ctx, i, photo)
		return err
	}); err != nil {
		return fmt.Errorf("prepare cases: %w", err)
	}
	e.log("fig1/%s: prepared in %s; connecting %d idle subscribers", backend, time.Since(t0).Round(time.Millisecond), e.cfg.idleSubs)

	// Idle subscribers: other applicants watching their own (quiet) cases.
	var idle []*wsConn
	defer func() {
		for _, w := range idle {
			w.close()
		}
	}()
	var idleMu sync.Mutex
	if err := parallel(ctx, e.cfg.idleSubs, 16, func(ctx context.Context, i int) error {
		cv, token, err := cl.startCase(ctx, 100000+i)
		if err != nil {
			return err
		}
		w, err := dialWS(ctx, srv.base, "/graphql", auth{token: token}, nil, nil)
		if err != nil {
			return err
		}
		idleMu.Lock()
		idle = append(idle, w)
		idleMu.Unlock()
		return w.subscribe(ctx, "1", qCaseUpdated, map[string]any{"caseId": cv.ID})
	}); err != nil {
		return fmt.Errorf("idle subscribers: %w", err)
	}

	d := decisionLatencies(ctx, cl, reviewer, srv.base, apps)
	if d.err != nil {
		return d.err
	}
	lats, fromSend, early, missed, subMissed := d.lats, d.fromSend, d.early, d.missed, d.subMissed
	if len(lats) == 0 {
		return fmt.Errorf("no decision reached its applicant (%d missed, %d subscriptions not live)", missed, subMissed)
	}
	p50, p95, p99 := pct(lats, 50), pct(lats, 95), pct(lats, 99)
	anchor := 3 * time.Second
	e.rep.add(row{
		Figure: 1, Name: figureNames[1], Backend: backend, Numbers: true,
		Measured: fmt.Sprintf("p50 %s, p95 %s, **p99 %s** (n=%d)", ms(p50), ms(p95), ms(p99), len(lats)),
		Baseline: fmt.Sprintf("3 s polling anchor (mean 1.5 s); `{__typename}` p50 %s", ms(pct(floor.lats, 50))),
		Ratio:    fmt.Sprintf("p99/3 s = %.3f", float64(p99)/float64(anchor)),
		Target:   "p99 ≤ 100 ms",
		Verdict:  verdictMax(float64(p99)/1e6, 100, "ms"),
	})
	e.rep.note(1, "%s: %d decisions (APPROVE, each claims the case: 2 audit events, 2 notices), %d idle caseUpdated subscribers plus up to %d applicants subscribed at a time; latency = subscription message read − decideCase response read; %d notices arrived before the response (counted as 0); %d lost, %d subscriptions not live. From request sent: p50 %s, p99 %s.",
		backend, len(lats), e.cfg.idleSubs, decisionBatch, early, missed, subMissed, ms(pct(fromSend, 50)), ms(pct(fromSend, 99)))
	return nil
}

// decisionBatch is how many applicants are subscribed at a time.
const decisionBatch = 25

// decisionStats is what decisionLatencies measured.
type decisionStats struct {
	lats, fromSend           []time.Duration
	early, missed, subMissed int
	err                      error
}

// decisionLatencies subscribes each applicant to caseUpdated on subBase (25 at a time),
// proves the subscription live with the applicant's submission (sent through cl), then has
// the reviewer approve the case through cl and measures when the subscriber hears of it:
// latency = subscription message read − decideCase response read.
func decisionLatencies(ctx context.Context, cl *client, reviewer auth, subBase string, apps []applicant) decisionStats {
	n := len(apps)
	type arrival struct {
		c  caseView
		at time.Time
	}
	var d decisionStats
	const batch = decisionBatch
	for b0 := 0; b0 < n && ctx.Err() == nil; b0 += batch {
		b1 := min(b0+batch, n)
		chans := make([]chan arrival, b1-b0)
		conns := make([]*wsConn, b1-b0)
		err := parallel(ctx, b1-b0, 8, func(ctx context.Context, k int) error {
			ch := make(chan arrival, 16)
			chans[k] = ch
			w, err := dialWS(ctx, subBase, "/graphql", auth{token: apps[b0+k].token}, nil,
				func(_ string, p json.RawMessage, at time.Time) {
					if c, err := caseFromNext(p); err == nil {
						select {
						case ch <- arrival{c, at}:
						default:
						}
					}
				})
			if err != nil {
				return err
			}
			conns[k] = w
			return w.subscribe(ctx, "1", qCaseUpdated, map[string]any{"caseId": apps[b0+k].c.ID})
		})
		if err != nil {
			for _, w := range conns {
				if w != nil {
					w.close()
				}
			}
			d.err = fmt.Errorf("applicant subscriptions: %w", err)
			return d
		}
		time.Sleep(100 * time.Millisecond)
		// Submitting proves each subscription is live: its notice must arrive.
		ready := make([]bool, b1-b0)
		_ = parallel(ctx, b1-b0, 8, func(ctx context.Context, k int) error {
			a := &apps[b0+k]
			cv, err := cl.event(ctx, a.token, a.c.ID, "USER_NEXT_STEP", "")
			if err != nil || cv.Status != "PENDING_REVIEW" {
				return nil
			}
			a.c = cv
			timeout := time.After(10 * time.Second)
			for {
				select {
				case got := <-chans[k]:
					if got.c.Status == "PENDING_REVIEW" {
						ready[k] = true
						return nil
					}
				case <-timeout:
					return nil
				}
			}
		})
		for k := range ready {
			if !ready[k] {
				d.subMissed++
				continue
			}
			a := apps[b0+k]
			// Drain notices of the submission.
		drain:
			for {
				select {
				case <-chans[k]:
				default:
					break drain
				}
			}
			sent := time.Now()
			var out struct {
				DecideCase caseView `json:"decideCase"`
			}
			_, err := cl.do(ctx, reviewer, qDecideCase, map[string]any{"input": map[string]any{
				"caseId": a.c.ID, "decision": "APPROVE", "expectedVersion": a.c.Version,
			}}, &out)
			returned := time.Now()
			if err != nil {
				d.missed++
				continue
			}
			timeout := time.After(10 * time.Second)
		wait:
			for {
				select {
				case got := <-chans[k]:
					if got.c.Status != "APPROVED" {
						continue
					}
					lat := got.at.Sub(returned)
					if lat < 0 {
						d.early++
						lat = 0
					}
					d.lats = append(d.lats, lat)
					d.fromSend = append(d.fromSend, got.at.Sub(sent))
					break wait
				case <-timeout:
					d.missed++
					break wait
				}
			}
		}
		for _, w := range conns {
			w.close()
		}
	}
	return d
}
