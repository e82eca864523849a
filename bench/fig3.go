package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/coder/websocket"
)

// childEnv makes the benchmark binary (or its test binary) run as a helper process.
const childEnv = "KYC_BENCH_CHILD"

// fig3: hold N graphql-transport-ws subscriptions to caseUpdated on one server; server RSS
// per connection and the time for one event to reach all of them. Baseline: a bare
// coder/websocket server speaking the same protocol, holding the same N connections and
// broadcasting one message, in the same run.
func fig3(ctx context.Context, e *env) error {
	self, err := os.Executable()
	if err != nil {
		return err
	}
	for _, n := range e.cfg.subs {
		if ctx.Err() != nil {
			break
		}
		ours, err := subsOurs(ctx, e, n)
		if err != nil {
			e.rep.add(row{Figure: 3, Name: fmt.Sprintf("%s, N=%d", figureNames[3], n), Backend: "sqlite", Verdict: "ERROR: " + firstLine(err.Error())})
			continue
		}
		base, err := subsBaseline(ctx, e, self, n)
		if err != nil {
			base = subsResult{err: err}
		}
		r := row{
			Figure: 3, Name: fmt.Sprintf("%s, N=%d", figureNames[3], n), Backend: "sqlite", Numbers: ours.held > 0,
			Measured: fmt.Sprintf("%d held, %.1f KB/conn, fan-out %s (%d/%d got it), connect %s",
				ours.held, ours.kbPerConn, ms(ours.fanout), ours.got, ours.held, ours.connect.Round(time.Millisecond)),
			Target: "10,000 held, ≤ 30 KB/conn, fan-out ≤ 1 s",
		}
		if base.err != nil {
			r.Baseline = "ERROR: " + firstLine(base.err.Error())
			r.Ratio = "—"
		} else {
			r.Baseline = fmt.Sprintf("bare coder/websocket: %.1f KB/conn, fan-out %s (%d/%d)", base.kbPerConn, ms(base.fanout), base.got, base.held)
			r.Ratio = fmt.Sprintf("RSS %.1f×, fan-out %.1f×", ours.kbPerConn/base.kbPerConn, float64(ours.fanout)/float64(max(base.fanout, time.Microsecond)))
		}
		v := []string{}
		if ours.held < n {
			v = append(v, fmt.Sprintf("**MISSED**: held %d of %d", ours.held, n))
		}
		v = append(v, "RSS "+verdictMax(ours.kbPerConn, 30, "KB"))
		if ours.got < ours.held {
			v = append(v, fmt.Sprintf("fan-out **MISSED**: %d of %d got the event within %s", ours.got, ours.held, ours.fanoutTimeout))
		} else {
			v = append(v, "fan-out "+verdictMax(float64(ours.fanout)/1e6, 1000, "ms"))
		}
		r.Verdict = strings.Join(v, "; ")
		if n < 10000 && !e.cfg.smoke {
			r.Verdict += " (target is set at N=10,000)"
		}
		e.rep.add(r)
		e.rep.note(3, "N=%d: server RSS %d → %d KiB (bare: %d → %d KiB); fan-out is measured from sending the sendCaseEvent request (bare: the broadcast request) to the last subscriber's message: p50 arrival %s, last %s after the mutation's response.",
			n, ours.rssBefore, ours.rssAfter, base.rssBefore, base.rssAfter, ms(ours.p50), ms(ours.afterReturn))
	}
	e.rep.note(3, "Every subscriber is a reviewer connection (the session cookie on the upgrade request; a case token may hold only 12 connections since the caps of issue 10) subscribed to caseUpdated of one shared case with the SDK's CaseFields, so the one event goes to all N. A fresh server (SQLite) per N; RSS is /proc/<pid>/status VmRSS after start-up and after all N subscriptions settle, divided by N. Client and server share the machine's cores.")
	return nil
}

type subsResult struct {
	held, got            int
	kbPerConn            float64
	rssBefore, rssAfter  int64
	fanout, p50, connect time.Duration
	afterReturn          time.Duration
	fanoutTimeout        time.Duration
	err                  error
}

// holdAndFanOut connects n subscribers to base, measures RSS of pid, then calls trigger and
// waits for every subscriber to receive one message.
func holdAndFanOut(ctx context.Context, e *env, srv *proc, n int, a auth, query string, vars map[string]any,
	trigger func(ctx context.Context) error,
) (subsResult, error) {
	base, pid := srv.base, srv.pid()
	var res subsResult
	res.fanoutTimeout = 60 * time.Second
	settle := 2 * time.Second
	if e.cfg.smoke {
		res.fanoutTimeout = 10 * time.Second
		settle = 200 * time.Millisecond
	}
	time.Sleep(settle / 2)
	before, err := rssKB(pid)
	if err != nil {
		return res, err
	}
	res.rssBefore = before
	var (
		armed   atomic.Bool
		got     atomic.Int64
		arrived = make([]int64, n) // unix nanos of each subscriber's first message after trigger
		conns   = make([]*wsConn, n)
		allIn   = make(chan struct{})
		once    sync.Once
	)
	defer func() {
		// Close concurrently: 10,000 sequential closes take a while.
		_ = parallel(context.Background(), n, 64, func(_ context.Context, i int) error {
			if conns[i] != nil {
				conns[i].close()
			}
			return nil
		})
	}()
	t0 := time.Now()
	connErr := parallel(ctx, n, 64, func(ctx context.Context, i int) error {
		w, err := dialWS(ctx, base, "/graphql", a, nil, func(_ string, _ json.RawMessage, at time.Time) {
			if !armed.Load() {
				return
			}
			if atomic.CompareAndSwapInt64(&arrived[i], 0, at.UnixNano()) {
				if got.Add(1) == int64(n) {
					once.Do(func() { close(allIn) })
				}
			}
		})
		if err != nil {
			return fmt.Errorf("connection %d: %w", i, err)
		}
		conns[i] = w
		return w.subscribe(ctx, "1", query, vars)
	})
	res.connect = time.Since(t0)
	for _, c := range conns {
		if c != nil {
			res.held++
		}
	}
	if connErr != nil {
		e.log("fig3: after %d connections: %v", res.held, connErr)
		if res.held == 0 {
			return res, connErr
		}
	}
	time.Sleep(settle)
	runtime.GC()
	after, err := rssKB(pid)
	if err != nil {
		return res, err
	}
	res.rssAfter = after
	res.kbPerConn = float64(after-before) * 1.024 / float64(res.held) // KiB → kB
	profiled := make(chan struct{})
	if srv.pprofAddr != "" {
		e.profile(ctx, srv, "heap", "gc=1", fmt.Sprintf("fig3-%d-heap", n))
		e.profile(ctx, srv, "goroutine", "debug=1", fmt.Sprintf("fig3-%d-goroutines", n))
		e.profile(ctx, srv, "heap", "debug=1", fmt.Sprintf("fig3-%d-memstats", n))
		go func() {
			defer close(profiled)
			e.profile(ctx, srv, "profile", "seconds=5", fmt.Sprintf("fig3-%d-fanout-cpu", n))
		}()
		time.Sleep(200 * time.Millisecond)
	} else {
		close(profiled)
	}
	defer func() { <-profiled }()
	armed.Store(true)
	sent := time.Now()
	if err := trigger(ctx); err != nil {
		return res, fmt.Errorf("trigger: %w", err)
	}
	returned := time.Now()
	select {
	case <-allIn:
	case <-time.After(res.fanoutTimeout):
	case <-ctx.Done():
	}
	var lats []time.Duration
	var last int64
	for i := range arrived {
		if t := atomic.LoadInt64(&arrived[i]); t != 0 {
			lats = append(lats, time.Duration(t-sent.UnixNano()))
			last = max(last, t)
		}
	}
	res.got = len(lats)
	if res.got > 0 {
		res.fanout = time.Duration(last - sent.UnixNano())
		res.afterReturn = max(0, time.Duration(last-returned.UnixNano()))
		res.p50 = pct(lats, 50)
	}
	return res, nil
}

func subsOurs(ctx context.Context, e *env, n int) (subsResult, error) {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Minute)
	defer cancel()
	srv, _, err := e.server(ctx, "sqlite", fmt.Sprintf("fig3-%d", n))
	if err != nil {
		return subsResult{}, err
	}
	defer srv.stop() // the server goes first: its side of the sockets takes the TIME_WAITs
	cl := newClient(srv.base, 4)
	defer cl.close()
	cv, token, err := cl.startCase(ctx, 0)
	if err != nil {
		return subsResult{}, err
	}
	// Reviewers' connections: a case token may hold only a few (graph/realtime.go), a
	// reviewer's session as many as it opens.
	cookie, err := cl.login(ctx, reviewerEmail, reviewerPassword)
	if err != nil {
		return subsResult{}, err
	}
	e.log("fig3: our server, %d subscribers", n)
	res, err := holdAndFanOut(ctx, e, srv, n, auth{cookie: cookie}, qCaseUpdated, map[string]any{"caseId": cv.ID},
		func(ctx context.Context) error {
			_, err := cl.event(ctx, token, cv.ID, "USER_NEXT_STEP", "ID_CARD")
			return err
		})
	e.log("fig3: our server, N=%d: held %d, %.1f KB/conn, fan-out %s (%d got it)", n, res.held, res.kbPerConn, ms(res.fanout), res.got)
	return res, err
}

func subsBaseline(ctx context.Context, e *env, self string, n int) (subsResult, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	p, err := startProc(ctx, "ws-baseline", self, []string{"-test.run=^$"}, []string{childEnv + "=wsbaseline"}, filepath.Join(e.tmp, fmt.Sprintf("fig3-baseline-%d", n)))
	if err != nil {
		return subsResult{}, err
	}
	defer p.stop()
	e.log("fig3: bare websocket server, %d subscribers", n)
	hc := &http.Client{Timeout: time.Minute}
	res, err := holdAndFanOut(ctx, e, p, n, auth{}, "subscription { tick }", nil, func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/broadcast", nil)
		resp, err := hc.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		return nil
	})
	e.log("fig3: bare server, N=%d: %.1f KB/conn, fan-out %s", n, res.kbPerConn, ms(res.fanout))
	return res, err
}

// runBaselineWSServer is the bare baseline: coder/websocket, graphql-transport-ws handshake,
// remembers each subscription, and on POST /broadcast writes one "next" to every one.
func runBaselineWSServer() {
	type sub struct {
		c  *websocket.Conn
		id string
		mu sync.Mutex
	}
	var (
		mu   sync.Mutex
		subs = map[*sub]struct{}{}
	)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /graphql", func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, &websocket.AcceptOptions{Subprotocols: []string{"graphql-transport-ws"}})
		if err != nil {
			return
		}
		s := &sub{c: c}
		defer func() {
			mu.Lock()
			delete(subs, s)
			mu.Unlock()
			c.CloseNow()
		}()
		for {
			_, b, err := c.Read(context.Background())
			if err != nil {
				return
			}
			var m wsMsg
			if json.Unmarshal(b, &m) != nil {
				continue
			}
			var reply *wsMsg
			switch m.Type {
			case "connection_init":
				reply = &wsMsg{Type: "connection_ack"}
			case "ping":
				reply = &wsMsg{Type: "pong"}
			case "subscribe":
				s.mu.Lock()
				s.id = m.ID
				s.mu.Unlock()
				mu.Lock()
				subs[s] = struct{}{}
				mu.Unlock()
			}
			if reply != nil {
				out, _ := json.Marshal(reply)
				s.mu.Lock()
				_ = c.Write(context.Background(), websocket.MessageText, out)
				s.mu.Unlock()
			}
		}
	})
	mux.HandleFunc("POST /broadcast", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		list := make([]*sub, 0, len(subs))
		for s := range subs {
			list = append(list, s)
		}
		mu.Unlock()
		for _, s := range list {
			go func(s *sub) {
				out, _ := json.Marshal(wsMsg{ID: s.id, Type: "next", Payload: json.RawMessage(`{"data":{"tick":1}}`)})
				s.mu.Lock()
				defer s.mu.Unlock()
				ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
				defer cancel()
				_ = s.c.Write(ctx, websocket.MessageText, out)
			}(s)
		}
		fmt.Fprintln(w, len(list))
	})
	srv := &http.Server{Addr: os.Getenv("ADDR"), Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
