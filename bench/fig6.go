package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// bgRate is figure 6's background load: applicant transitions per second, spread over both
// replicas.
const bgRate = 500

// fig6: two replicas of the server on one PostgreSQL. A reviewer's decideCase goes to
// replica A; the applicant is subscribed on replica B (the change crosses replicas through
// the database's LISTEN/NOTIFY), while applicants make 500 transitions/s in the background.
// Beside it, in the same run, under the same load, alternating batch by batch: the applicant
// subscribed on A itself (one replica's path).
func fig6(ctx context.Context, e *env) error {
	if e.pg == nil {
		e.rep.add(row{Figure: 6, Name: figureNames[6], Backend: "postgres", Measured: "not run", Baseline: "—", Ratio: "—", Target: "p99 ≤ 100 ms",
			Verdict: "skipped: two replicas share a PostgreSQL (-smoke and -no-pg run without one)"})
		return nil
	}
	if err := fig6On(ctx, e); err != nil {
		e.rep.add(row{Figure: 6, Name: figureNames[6], Backend: "postgres", Verdict: "ERROR: " + firstLine(err.Error())})
	}
	return nil
}

func fig6On(ctx context.Context, e *env) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
	defer cancel()
	url, err := e.pg.createDB(ctx, "fig6")
	if err != nil {
		return err
	}
	// One after the other: the first one creates the schema.
	srvA, err := startServer(ctx, e.bin, filepath.Join(e.tmp, "fig6-A"), url, e.cfg.serverEnv...)
	if err != nil {
		return fmt.Errorf("replica A: %w", err)
	}
	defer srvA.stop()
	srvB, err := startServer(ctx, e.bin, filepath.Join(e.tmp, "fig6-B"), url, e.cfg.serverEnv...)
	if err != nil {
		return fmt.Errorf("replica B: %w", err)
	}
	defer srvB.stop()
	clA, clB := newClient(srvA.base, 64), newClient(srvB.base, 64)
	defer clA.close()
	defer clB.close()
	cookie, err := clA.login(ctx, reviewerEmail, reviewerPassword)
	if err != nil {
		return fmt.Errorf("login: %w", err)
	}
	reviewer := auth{cookie: cookie}

	n := e.cfg.decisions
	e.log("fig6: preparing %d cases up to selfie_review", 2*n)
	photo := testJPEG()
	apps := make([]applicant, 2*n)
	if err := parallel(ctx, 2*n, 16, func(ctx context.Context, i int) (err error) {
		apps[i], err = clA.prepareToSelfieReview(ctx, 200000+i, photo)
		return err
	}); err != nil {
		return fmt.Errorf("prepare cases: %w", err)
	}

	// Background: applicants bouncing between welcome and document_selection, half of them on
	// each replica, paced to bgRate transitions/s in total (a token every 1/bgRate s; a token
	// that finds no idle worker waits in a queue of one second's worth, then is counted late).
	const bgWorkers = 32
	bg := make([]applicant, bgWorkers)
	bgCl := func(w int) *client {
		if w%2 == 0 {
			return clA
		}
		return clB
	}
	if err := parallel(ctx, bgWorkers, 8, func(ctx context.Context, w int) error {
		cv, token, err := bgCl(w).startCase(ctx, 300000+w)
		bg[w] = applicant{token: token, c: cv}
		return err
	}); err != nil {
		return fmt.Errorf("background cases: %w", err)
	}
	var (
		bgOps, bgErrs, bgDropped atomic.Int64
		bgMu                     sync.Mutex
		bgLats                   []time.Duration
		bgWG                     sync.WaitGroup
	)
	bgCtx, bgStop := context.WithCancel(ctx)
	tokens := make(chan struct{}, bgRate)
	bgWG.Add(1)
	go func() { // pacer
		defer bgWG.Done()
		defer close(tokens)
		const tick = 10 * time.Millisecond
		t := time.NewTicker(tick)
		defer t.Stop()
		start, sent := time.Now(), 0
		for {
			select {
			case <-bgCtx.Done():
				return
			case now := <-t.C:
				due := int(now.Sub(start).Seconds() * bgRate)
				for ; sent < due; sent++ {
					select {
					case tokens <- struct{}{}:
					default:
						bgDropped.Add(1)
					}
				}
			}
		}
	}()
	for w := 0; w < bgWorkers; w++ {
		bgWG.Add(1)
		go func(w int) {
			defer bgWG.Done()
			a := &bg[w]
			for range tokens {
				ev, doc := "USER_NEXT_STEP", "ID_CARD"
				if a.c.State == "document_selection" {
					ev, doc = "USER_PREV_STEP", ""
				}
				t0 := time.Now()
				cv, err := bgCl(w).event(bgCtx, a.token, a.c.ID, ev, doc)
				if err != nil {
					if bgCtx.Err() == nil {
						bgErrs.Add(1)
					}
					continue
				}
				a.c = cv
				bgOps.Add(1)
				bgMu.Lock()
				bgLats = append(bgLats, time.Since(t0))
				bgMu.Unlock()
			}
		}(w)
	}
	stopBG := sync.OnceFunc(func() { bgStop(); bgWG.Wait() })
	defer stopBG()
	time.Sleep(2 * time.Second) // the load settles
	ops0, t0 := bgOps.Load(), time.Now()
	cpuA0, cpuB0 := cpuSeconds(srvA.pid()), cpuSeconds(srvB.pid())

	// Alternate batches: one replica (subscribed on A), then two (subscribed on B), so both
	// see the same background and the same drift of a shared machine.
	var one, two decisionStats
	for b0, k := 0, 0; b0 < 2*n && ctx.Err() == nil; b0, k = b0+decisionBatch, k+1 {
		b1 := min(b0+decisionBatch, 2*n)
		sub, acc := srvA.base, &one
		if k%2 == 1 {
			sub, acc = srvB.base, &two
		}
		d := decisionLatencies(ctx, clA, reviewer, sub, apps[b0:b1])
		if d.err != nil {
			return d.err
		}
		acc.lats = append(acc.lats, d.lats...)
		acc.fromSend = append(acc.fromSend, d.fromSend...)
		acc.early += d.early
		acc.missed += d.missed
		acc.subMissed += d.subMissed
	}
	elapsed := time.Since(t0)
	achieved := float64(bgOps.Load()-ops0) / elapsed.Seconds()
	cpuA, cpuB := (cpuSeconds(srvA.pid())-cpuA0)/elapsed.Seconds(), (cpuSeconds(srvB.pid())-cpuB0)/elapsed.Seconds()
	stopBG()
	e.log("fig6: background %.0f transitions/s achieved; one replica n=%d, two replicas n=%d", achieved, len(one.lats), len(two.lats))
	if len(one.lats) == 0 || len(two.lats) == 0 {
		return fmt.Errorf("no decision reached its applicant (one replica: %d missed, %d not live; two: %d missed, %d not live)",
			one.missed, one.subMissed, two.missed, two.subMissed)
	}
	p99one := pct(one.lats, 99)
	for _, m := range []struct {
		name string
		d    decisionStats
	}{{"one replica (decide on A, subscribed on A)", one}, {"two replicas (decide on A, subscribed on B)", two}} {
		p50, p95, p99 := pct(m.d.lats, 50), pct(m.d.lats, 95), pct(m.d.lats, 99)
		r := row{
			Figure: 6, Name: figureNames[6] + ": " + m.name, Backend: "postgres", Numbers: true,
			Measured: fmt.Sprintf("p50 %s, p95 %s, **p99 %s** (n=%d) under %.0f transitions/s", ms(p50), ms(p95), ms(p99), len(m.d.lats), achieved),
			Baseline: fmt.Sprintf("one replica, same run and load: p99 %s", ms(p99one)),
			Ratio:    fmt.Sprintf("%.2f× one replica's p99", float64(p99)/float64(p99one)),
			Target:   "p99 ≤ 100 ms",
			Verdict:  verdictMax(float64(p99)/1e6, 100, "ms"),
		}
		e.rep.add(r)
		e.rep.note(6, "%s: %d decisions; %d notices arrived before the response (counted as 0), %d lost, %d subscriptions not live. From request sent: p50 %s, p99 %s.",
			m.name, len(m.d.lats), m.d.early, m.d.missed, m.d.subMissed, ms(pct(m.d.fromSend, 50)), ms(pct(m.d.fromSend, 99)))
	}
	e.rep.note(6, "Two server processes (A and B) on the same PostgreSQL database; B learns of A's commits only through LISTEN/NOTIFY (sent by A's notifier after each commit, batched). Background: %d applicants bouncing welcome ⇄ document_selection, half on each replica, paced at %d transitions/s in total; achieved %.0f/s during the measurement (%d errors, %d ticks late), p99 %s per transition. %d decisions in batches of %d that alternate between the two rows; the reviewer always decides on A; each batch's subscriptions are first proven live by the applicant's submission (also sent to A). CPU during the measurement: replica A %.2f cores, replica B %.2f cores (of 2, shared with PostgreSQL and the benchmark).",
		bgWorkers, bgRate, achieved, bgErrs.Load(), bgDropped.Load(), ms(pct(bgLats, 99)), 2*n, decisionBatch, cpuA, cpuB)
	return nil
}

// diskOf names the file system holding path (from /proc/mounts), e.g. "ext4 on /dev/vda".
func diskOf(path string) string {
	f, err := os.Open("/proc/mounts")
	if err != nil {
		return "unknown file system"
	}
	defer f.Close()
	best, desc := "", "unknown file system"
	s := bufio.NewScanner(f)
	for s.Scan() {
		fl := strings.Fields(s.Text())
		if len(fl) < 3 {
			continue
		}
		mp := fl[1]
		if (path == mp || strings.HasPrefix(path, strings.TrimSuffix(mp, "/")+"/")) && len(mp) > len(best) {
			best, desc = mp, fl[2]+" on "+fl[0]
		}
	}
	return desc
}
