package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
)

// testClock is a clock the test moves forward; the server reads it as Resolver.Now.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

const day = 24 * time.Hour

// wantRefused asserts that the token of c is refused as a dead link: myCase and a mutation
// answer UNAUTHENTICATED with a message containing why.
func wantRefused(t *testing.T, c *client, caseID, why string) {
	t.Helper()
	for _, r := range []gqlResponse{
		c.do(`{ myCase { id } }`, nil),
		c.sendEvent(caseID, "USER_PREV_STEP", ""),
	} {
		if r.code() != "UNAUTHENTICATED" || !strings.Contains(r.Errors[0].Message, why) {
			t.Fatalf("want UNAUTHENTICATED saying %q, got %+v data %s", why, r.Errors, r.Data)
		}
	}
}

// A case token expires 30 days after the applicant's last change while collecting, or after
// the final decision, never while the case waits for review; every change starts it over.
func TestCaseTokenExpiry(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		clock := &testClock{t: time.Now()}
		ts := newTestServerWith(t, db, func(a *app) {
			a.res.Now = clock.Now
			a.res.TokenTTL = 30 * day // the default (TestCaseTokenTTLConfig)
		})

		// Collecting: 29 days idle is fine, a change starts the 30 days over, 31 idle is not.
		c, app := ts.startCase(t, "Eve", "Expiring", "")
		clock.advance(29 * day)
		app.myCase()
		app.step(c.ID, "USER_NEXT_STEP", "")
		clock.advance(29 * day)
		if got := app.myCase(); got.State != "document_selection" {
			t.Fatalf("state %s", got.State)
		}
		clock.advance(2 * day)
		wantRefused(t, app, c.ID, "expired")
		if status, _ := app.get("/documents/" + c.ID); status != http.StatusNotFound {
			t.Fatalf("an expired token fetched a path: %d", status)
		}

		// Waiting for review: no expiry however long; then 30 days after the decision.
		s, sub := ts.startCase(t, "Sam", "Submitted", "")
		s = submitCase(t, sub, s.ID)
		clock.advance(90 * day)
		sub.myCase()
		rita := ts.rita(t) // a fresh session: the clock moved past the first one's
		rita.mustDecideCase(map[string]any{"caseId": s.ID, "decision": "APPROVE", "expectedVersion": s.Version})
		clock.advance(29 * day)
		if got := sub.myCase(); got.Status != "APPROVED" {
			t.Fatalf("status %s", got.Status)
		}
		clock.advance(2 * day)
		wantRefused(t, sub, s.ID, "expired")

		// Anything anyone may do still works with the dead token.
		var wf struct{ Workflow struct{ Initial string } }
		sub.mustDo(`{ workflow { initial } }`, nil, &wf)
		if wf.Workflow.Initial != "welcome" {
			t.Fatalf("workflow with an expired token: %+v", wf)
		}
	})
}

// CASE_TOKEN_TTL and -case-token-ttl configure the lifetime; 0 means forever.
func TestCaseTokenTTLConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tt := range []struct {
		args []string
		env  map[string]string
		want time.Duration
	}{
		{nil, nil, 30 * day},
		{nil, map[string]string{"CASE_TOKEN_TTL": "168h"}, 7 * day},
		{[]string{"-case-token-ttl", "1h"}, map[string]string{"CASE_TOKEN_TTL": "168h"}, time.Hour},
		{[]string{"-case-token-ttl", "0"}, nil, 0},
	} {
		cfg, err := parseConfig(tt.args, env(tt.env), io.Discard)
		if err != nil || cfg.CaseTokenTTL != tt.want {
			t.Errorf("args %v env %v: %v, %v; want %v", tt.args, tt.env, cfg.CaseTokenTTL, err, tt.want)
		}
	}
	if _, err := parseConfig(nil, env(map[string]string{"CASE_TOKEN_TTL": "a month"}), io.Discard); err == nil {
		t.Error("CASE_TOKEN_TTL=\"a month\" was accepted")
	}
}

const revokeMutation = `mutation($in: RevokeCaseTokenInput!){ revokeCaseToken(input:$in){ resumeUrl case { id version } } }`

// A reviewer revokes a case token: it stops working at once (this replica's cache
// included), the audit trail says so, and a new link can be issued once.
func TestRevokeCaseToken(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Rob", "Revoked", "")
		app.step(c.ID, "USER_NEXT_STEP", "") // the token is now in the cache
		app.myCase()

		// Live sockets opened with the token, here and (PostgreSQL) on another replica.
		poke := func() { rita.note(c.ID, "poke") }
		live := []*wsClient{ts.dialWS(t, map[string]any{"authorization": "Bearer " + app.token}, nil)}
		if db.name == "postgres" {
			live = append(live, ts.twin(t).dialWS(t, map[string]any{"authorization": "Bearer " + app.token}, nil))
		}
		for _, ws := range live {
			ws.subscribeReady("c", caseUpdatedSub, map[string]any{"id": c.ID}, poke)
		}

		app.wantCode("FORBIDDEN", revokeMutation, map[string]any{"in": map[string]any{"caseId": c.ID}})
		ts.anon(t).wantCode("UNAUTHENTICATED", revokeMutation, map[string]any{"in": map[string]any{"caseId": c.ID}})
		var out struct {
			RevokeCaseToken struct {
				ResumeURL *string
				Case      struct{ ID string }
			}
		}
		rita.mustDo(revokeMutation, map[string]any{"in": map[string]any{"caseId": c.ID}}, &out)
		if out.RevokeCaseToken.ResumeURL != nil {
			t.Fatalf("a plain revocation returned a link: %s", *out.RevokeCaseToken.ResumeURL)
		}
		wantRefused(t, app, c.ID, "revoked")
		for i, ws := range live {
			deadline := time.Now().Add(5 * time.Second)
			for {
				m, ok := ws.next("c", time.Until(deadline))
				if m.Type == "closed" {
					break
				}
				if !ok {
					t.Fatalf("socket %d opened with the revoked token is still open after 5 s", i)
				}
			}
		}
		if _, first := ts.dialWSRaw(t, map[string]any{"authorization": "Bearer " + app.token}, nil); first.Type == "connection_ack" {
			t.Fatal("a revoked token opened a WebSocket")
		}
		if n := rita.reviewCase(c.ID).eventCount("TOKEN_REVOKED"); n != 1 {
			t.Fatalf("%d TOKEN_REVOKED events, want 1", n)
		}

		// A new link: shown once, works, and the old token stays dead.
		rita.mustDo(revokeMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "issueNewLink": true}}, &out)
		link := out.RevokeCaseToken.ResumeURL
		if link == nil || !strings.HasPrefix(*link, ts.URL+"/kyc/#resume=") {
			t.Fatalf("resumeUrl %v", link)
		}
		fresh := ts.applicant(t, strings.TrimPrefix(*link, ts.URL+"/kyc/#resume="))
		if got := fresh.myCase(); got.ID != c.ID || got.State != "document_selection" {
			t.Fatalf("the new link opens %s in %s", got.ID, got.State)
		}
		fresh.step(c.ID, "USER_PREV_STEP", "")
		wantRefused(t, app, c.ID, "does not open a case")
		if n := rita.reviewCase(c.ID).eventCount("TOKEN_REVOKED"); n != 2 {
			t.Fatalf("%d TOKEN_REVOKED events, want 2", n)
		}
	})
}

// A token the server does not know answers UNAUTHENTICATED (it used to be an anonymous
// caller, so myCase was null and the SDK could not tell a dead link from no link); without a
// token myCase is still null, and public operations still work with a dead token.
func TestUnknownToken(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		stranger := ts.applicant(t, "bm90LWEtdG9rZW4tYnV0LWxvbmctZW5vdWdoLXRvLWxvb2stcmVhbA")
		r := stranger.wantCode("UNAUTHENTICATED", `{ myCase { id } }`, nil)
		if !strings.Contains(r.Errors[0].Message, "does not open a case") {
			t.Fatalf("message %q", r.Errors[0].Message)
		}
		var none struct{ MyCase *struct{ ID string } }
		ts.anon(t).mustDo(`{ myCase { id } }`, nil, &none)
		if none.MyCase != nil {
			t.Fatal("myCase without a token is not null")
		}
		var started struct{ StartCase struct{ Token string } }
		stranger.mustDo(`mutation{ startCase { token } }`, nil, &started)
		if started.StartCase.Token == "" {
			t.Fatal("startCase with a dead token in the header failed")
		}
	})
}

// ---- a database outage is not a bad token ----

// privatePG is a PostgreSQL cluster of the test's own, which it may stop and start.
type privatePG struct {
	dir, bin, port string
}

func (p *privatePG) ctl(t *testing.T, args ...string) {
	t.Helper()
	cmd := append([]string{filepath.Join(p.bin, "pg_ctl"), "-D", filepath.Join(p.dir, "data")}, args...)
	if os.Getuid() == 0 {
		cmd = append([]string{"runuser", "-u", "postgres", "--"}, cmd...)
	}
	if out, err := exec.Command(cmd[0], cmd[1:]...).CombinedOutput(); err != nil {
		t.Fatalf("pg_ctl %v: %v\n%s", args, err, out)
	}
}

func (p *privatePG) stop(t *testing.T) { p.ctl(t, "stop", "-m", "fast", "-w") }

func (p *privatePG) start(t *testing.T) {
	p.ctl(t, "start", "-w", "-l", filepath.Join(p.dir, "server.log"), "-o",
		"-c listen_addresses=127.0.0.1 -p "+p.port+" -k "+p.dir+" -c fsync=off")
}

// startPrivatePG starts a throwaway cluster with scripts/pg.sh on a free port.
func startPrivatePG(t *testing.T) (*privatePG, string) {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Skip("no PostgreSQL server binaries")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	dir, err := os.MkdirTemp("", "kyc-outage-pg-")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", "../scripts/pg.sh", "start", dir, port).Output()
	if err != nil {
		t.Fatalf("scripts/pg.sh start: %v", err)
	}
	t.Cleanup(func() { _ = exec.Command("bash", "../scripts/pg.sh", "stop", dir).Run() })
	return &privatePG{dir: dir, bin: filepath.Dir(bins[len(bins)-1]), port: port}, strings.TrimSpace(string(out))
}

// postRaw posts a GraphQL operation with optional token and cookie header, returning the
// status, the Retry-After header and the decoded body.
func postRaw(t *testing.T, ts *testServer, query, token string, cookie http.Header) (int, string, gqlResponse) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query})
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for _, c := range cookie["Cookie"] {
		req.Header.Add("Cookie", c)
	}
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("status %d, body %q: %v", resp.StatusCode, raw, err)
	}
	return resp.StatusCode, resp.Header.Get("Retry-After"), out
}

// With PostgreSQL stopped under a running server, a valid case token or session is never
// answered as unauthenticated nor with a silent null: an uncached token or a session gets 503
// + Retry-After with INTERNAL, a cached token reaches the resolvers, which fail with
// INTERNAL; a WebSocket is closed with 1013 Try Again Later. Once PostgreSQL is back, the
// same credentials work.
func TestDatabaseOutageIsNotABadToken(t *testing.T) {
	if os.Getenv("TEST_DATABASE_URL") == "" && os.Getenv("CI") != "true" {
		t.Skip("TEST_DATABASE_URL is not set: the PostgreSQL tests are off")
	}
	pg, url := startPrivatePG(t)
	ts := startTestServer(t, config{
		DataDir:          t.TempDir(),
		DatabaseURL:      url,
		ReviewerEmail:    testReviewerEmail,
		ReviewerPassword: testReviewerPassword,
		SecretKey:        "test-secret-key-0123456789abcdef0123456789",
		MaxUploadMB:      10,
		CaseTokenTTL:     30 * day,
	}, nil)
	rita := ts.rita(t)
	cookie := rita.cookieHeader()
	used, usedApp := ts.startCase(t, "Una", "Used", "")
	usedApp.myCase() // cached
	fresh, freshApp := ts.startCase(t, "Fred", "Fresh", "")

	pg.stop(t)
	assertOutage := func(what string, status int, retryAfter string, r gqlResponse, mayBeCached bool) {
		t.Helper()
		if r.code() == "UNAUTHENTICATED" {
			t.Fatalf("%s during the outage: UNAUTHENTICATED %+v", what, r.Errors)
		}
		if len(r.Errors) == 0 {
			t.Fatalf("%s during the outage: no error, data %s", what, r.Data)
		}
		if r.code() != "INTERNAL" {
			t.Fatalf("%s during the outage: %s %+v, want INTERNAL", what, r.code(), r.Errors)
		}
		if !mayBeCached && (status != http.StatusServiceUnavailable || retryAfter == "" ||
			r.Errors[0].Message != "temporarily unavailable, try again" || string(r.Data) != "") {
			t.Fatalf("%s during the outage: status %d, Retry-After %q, %+v, data %s; want 503, Retry-After, no data",
				what, status, retryAfter, r.Errors, r.Data)
		}
	}
	for i := 0; i < 3; i++ {
		st, ra, r := postRaw(t, ts, `{ myCase { id state } }`, freshApp.token, nil)
		assertOutage("myCase, uncached token", st, ra, r, false)
		st, ra, r = postRaw(t, ts, `mutation{ sendCaseEvent(input:{caseId:"`+fresh.ID+`", event:"USER_NEXT_STEP"}){ id } }`, freshApp.token, nil)
		assertOutage("sendCaseEvent, uncached token", st, ra, r, false)
		st, ra, r = postRaw(t, ts, `{ myCase { id state } }`, usedApp.token, nil)
		assertOutage("myCase, cached token", st, ra, r, true)
		st, ra, r = postRaw(t, ts, `{ me { id } cases { totalCount } }`, "", cookie)
		assertOutage("a reviewer's query", st, ra, r, false)
	}
	// connection_init with a token that cannot be checked: closed with 1013, never acked.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(ts.URL, "http")+"/graphql",
		&websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.CloseNow()
	_ = wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": map[string]any{"authorization": "Bearer " + freshApp.token}})
	var m wsMessage
	err = wsjson.Read(ctx, conn, &m)
	if got := websocket.CloseStatus(err); got != websocket.StatusTryAgainLater {
		t.Fatalf("connection_init during the outage: message %+v, close %v (%v); want close 1013", m, got, err)
	}

	pg.start(t)
	back := time.Now()
	deadline := back.Add(20 * time.Second)
	for {
		_, _, r1 := postRaw(t, ts, `{ myCase { id } }`, freshApp.token, nil)
		_, _, r2 := postRaw(t, ts, `{ myCase { id } }`, usedApp.token, nil)
		_, _, r3 := postRaw(t, ts, `{ me { id } }`, "", cookie)
		if len(r1.Errors)+len(r2.Errors)+len(r3.Errors) == 0 {
			t.Logf("the same credentials worked %v after PostgreSQL was back", time.Since(back).Round(time.Millisecond))
			break
		}
		for _, r := range []gqlResponse{r1, r2, r3} {
			if r.code() == "UNAUTHENTICATED" {
				t.Fatalf("while PostgreSQL comes back: UNAUTHENTICATED %+v", r.Errors)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("20 s after PostgreSQL came back: %+v %+v %+v", r1.Errors, r2.Errors, r3.Errors)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if got := freshApp.myCase(); got.ID != fresh.ID {
		t.Fatalf("after the outage the token opens %s", got.ID)
	}
	if got := usedApp.step(used.ID, "USER_NEXT_STEP", ""); got.State != "document_selection" {
		t.Fatalf("after the outage: %s", got.State)
	}
	var me struct{ Me *struct{ ID string } }
	rita.mustDo(`{ me { id } }`, nil, &me)
	if me.Me == nil {
		t.Fatal("the session did not survive the outage")
	}
}
