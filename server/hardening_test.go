package main

// Tests of what the server refuses to anonymous traffic, and how: bounded work per request,
// one costly mutation per request, per-address limits, error codes, GraphQL over HTTP status
// codes, CORS, CSRF and the apps' security headers.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/graph"
)

// cpuTime is this process's user + system CPU time so far.
func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// postRaw posts body to /graphql with the given headers and returns the status, the headers
// and the body.
func (ts *testServer) postRaw(t *testing.T, body string, header map[string]string) (int, http.Header, []byte) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

func repeat(s string, n int) string { return strings.Repeat(s, n) }

// TestOperationsAreBoundedBeforeValidation sends the documents that used to pin a core (field
// merging is quadratic) and the largest ones the limits let through; each is answered or
// refused at once. The CPU each took is logged; the bound itself is checked by the benchmark.
func TestOperationsAreBoundedBeforeValidation(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	anon := ts.anon(t)
	aliases := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, " a%d:%s", i, field)
		}
		b.WriteString("}")
		return b.String()
	}
	cases := []struct {
		name, query string
		want        string // "" when it must run
	}{
		{"8,000 × me{id} (56 KB)", "{" + repeat(" me{id}", 8000) + "}", "BAD_USER_INPUT"},
		{"80,000 × workflow{id} (1 MB)", "{" + repeat("workflow{id}", 80_000) + "}", "BAD_USER_INPUT"},
		{"comment-padded to 1 MB", "{ __typename }\n#" + repeat("x", 1<<20-32), "BAD_USER_INPUT"},
		{"directives past the token limit", "{ __typename" + repeat(" @skip(if:false)", maxQueryTokens/5) + "}", "BAD_USER_INPUT"},
		{"fragments doubling", "{...F0} " + doublingFragments(20), "BAD_USER_INPUT"},
		{"fragment cycle", "{...A} fragment A on Query {...B} fragment B on Query {...A}", "BAD_USER_INPUT"},
		{"501 fields", "{" + repeat(" __typename", maxQueryFields+1) + "}", "BAD_USER_INPUT"},
		// At the limits, and still valid: these run.
		{"500 × __typename", "{" + repeat(" __typename", maxQueryFields) + "}", ""},
		{"250 × workflow{id}", "{" + repeat(" workflow{id}", maxQueryFields/2) + "}", ""},
		{"500 aliases", aliases(maxQueryFields, "__typename"), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, _ := json.Marshal(map[string]any{"query": c.query})
			before, start := cpuTime(t), time.Now()
			status, _, raw := ts.postRaw(t, string(body), map[string]string{"Content-Type": "application/json"})
			cpu, wall := cpuTime(t)-before, time.Since(start)
			t.Logf("%s: status %d, %v CPU, %v wall", c.name, status, cpu, wall)
			var r gqlResponse
			_ = json.Unmarshal(raw, &r)
			if status == http.StatusRequestEntityTooLarge {
				r.Errors = append(r.Errors, gqlError{Extensions: map[string]any{"code": "PAYLOAD_TOO_LARGE"}})
			}
			if got := r.code(); got != c.want && !(c.want != "" && got == "PAYLOAD_TOO_LARGE") {
				t.Fatalf("code %q, want %q: %.300s", got, c.want, raw)
			}
			if wall > 5*time.Second {
				t.Fatalf("took %v: the request was not bounded", wall)
			}
		})
	}
	// The refusals were not cached as valid documents: the app still answers normally.
	anon.mustDo(`{ workflow { id } }`, nil, nil)
}

// doublingFragments returns fragments F0…Fn where each spreads the next twice: 2^n fields.
func doublingFragments(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d } ", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }", n)
	return b.String()
}

// TestOneCostlyMutationPerRequest: aliases cannot multiply sign-ins or new cases.
func TestOneCostlyMutationPerRequest(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		anon := ts.anon(t)

		var logins strings.Builder
		for i := range 6 {
			fmt.Fprintf(&logins, ` l%d: login(input:{email:%q, password:"wrong"}){ id }`, i, testReviewerEmail)
		}
		anon.wantCode("BAD_USER_INPUT", "mutation {"+logins.String()+"}", nil)
		// Nothing was counted against the reviewer: the right password still works.
		ts.rita(t)

		anon.wantCode("BAD_USER_INPUT", "mutation {"+repeat(" startCase{ token }", 2)+"}", nil)
		var starts strings.Builder
		for i := range 400 {
			fmt.Fprintf(&starts, " s%d: startCase{ token }", i)
		}
		anon.wantCode("BAD_USER_INPUT", "mutation {"+starts.String()+"}", nil)
		var n int
		if err := ts.app.db.QueryRow("SELECT count(*) FROM kyc_cases").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatalf("%d cases were created by refused requests", n)
		}

		// Other mutations: at most maxMutations per request.
		c, app := ts.startCase(t, "", "", "")
		ops := repeat(fmt.Sprintf(` e%%d: sendCaseEvent(input:{caseId:%q, event:"USER_NEXT_STEP"}){ state }`, c.ID), maxMutations+1)
		args := make([]any, maxMutations+1)
		for i := range args {
			args[i] = i
		}
		app.wantCode("BAD_USER_INPUT", "mutation {"+fmt.Sprintf(ops, args...)+"}", nil)
		if got := app.myCase(); got.State != "welcome" {
			t.Fatalf("state %s after a refused request, want welcome", got.State)
		}
	})
}

// TestPerAddressLimits: new cases and sign-in attempts are counted per client address (the
// peer, or X-Forwarded-For from a trusted proxy).
func TestPerAddressLimits(t *testing.T) {
	ts := newTestServerWith(t, testDB{name: "sqlite"}, func(a *app) {
		a.cfg.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
		a.res.CaseLimits = graph.NewAddrLimits(3)
		a.res.LoginLimits = graph.NewAddrLimits(4)
	})
	from := func(addr string) map[string]string {
		return map[string]string{"Content-Type": "application/json", "X-Forwarded-For": "198.51.100.77, " + addr}
	}
	start := `{"query":"mutation{ startCase{ token } }"}`
	for i := range 3 {
		if _, _, b := ts.postRaw(t, start, from("203.0.113.1")); bytes.Contains(b, []byte("errors")) {
			t.Fatalf("case %d refused: %s", i+1, b)
		}
	}
	_, _, b := ts.postRaw(t, start, from("203.0.113.1"))
	if !bytes.Contains(b, []byte(`"RATE_LIMITED"`)) {
		t.Fatalf("4th case from one address: %s, want RATE_LIMITED", b)
	}
	if _, _, b := ts.postRaw(t, start, from("203.0.113.2")); bytes.Contains(b, []byte("errors")) {
		t.Fatalf("another address was refused: %s", b)
	}

	// Sign-ins: guesses at many emails from one address run out; a success gives its attempt back.
	op := func(query string) string {
		b, _ := json.Marshal(map[string]any{"query": query})
		return string(b)
	}
	good := op(fmt.Sprintf(`mutation{ login(input:{email:%q, password:%q}){ id } }`, testReviewerEmail, testReviewerPassword))
	for range 10 {
		if _, _, b := ts.postRaw(t, good, from("203.0.113.9")); bytes.Contains(b, []byte("errors")) {
			t.Fatalf("a successful sign-in was refused: %s", b)
		}
	}
	for i := range 4 {
		wrong := op(fmt.Sprintf(`mutation{ login(input:{email:"user%d@example.com", password:"x"}){ id } }`, i))
		if _, _, b := ts.postRaw(t, wrong, from("203.0.113.9")); !bytes.Contains(b, []byte(`"UNAUTHENTICATED"`)) {
			t.Fatalf("guess %d: %s, want UNAUTHENTICATED", i+1, b)
		}
	}
	if _, _, b := ts.postRaw(t, good, from("203.0.113.9")); !bytes.Contains(b, []byte(`"RATE_LIMITED"`)) {
		t.Fatalf("after 4 guesses: %s, want RATE_LIMITED", b)
	}
}

// TestErrorCodes: malformed input is BAD_USER_INPUT (never INTERNAL), and messages name API
// fields, not internal ones.
func TestErrorCodes(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		rita.wantCode("BAD_USER_INPUT", `{ node(id:"abc"){ id } }`, nil)
		_, app := ts.startCase(t, "", "", "")
		app.wantCode("BAD_USER_INPUT", `mutation{ sendCaseEvent(input:{caseId:"abc", event:"USER_NEXT_STEP"}){ id } }`, nil)
		rita.wantCode("BAD_USER_INPUT", `query($s:String){ cases(filter:{search:$s}){ totalCount } }`,
			map[string]any{"s": repeat("x", 900<<10)})
		r := ts.anon(t).wantCode("BAD_USER_INPUT", `mutation($n:String){ startCase(input:{firstName:$n}){ token } }`,
			map[string]any{"n": repeat("N", 1000)})
		if msg := r.Errors[0].Message; strings.Contains(msg, "ent") || strings.Contains(msg, "KycCase") || !strings.Contains(msg, "firstName") {
			t.Fatalf("message %q leaks internal names or misses the field", msg)
		}
	})
}

func TestIntrospectionOffIsForbidden(t *testing.T) {
	ts := newTestServerWith(t, testDB{name: "sqlite"}, func(a *app) { a.cfg.Playground = false })
	anon := ts.anon(t)
	anon.wantCode("FORBIDDEN", `{ __schema { types { name } } }`, nil)
	anon.wantCode("FORBIDDEN", `{ ...F } fragment F on Query { __type(name:"Case"){ name } }`, nil)
	anon.mustDo(`{ __typename workflow { id } }`, nil, nil)
}

// TestChunkedUploadOverLimit: a chunked body (no Content-Length) over the limit is
// PAYLOAD_TOO_LARGE, with a code, not an uncoded transport error.
func TestChunkedUploadOverLimit(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	c, app := ts.startCase(t, "", "", "")
	app.step(c.ID, "USER_NEXT_STEP", "")
	app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		ops, _ := json.Marshal(map[string]any{
			"query":     `mutation($in: UploadDocumentInput!){ uploadDocument(input:$in){ id } }`,
			"variables": map[string]any{"in": map[string]any{"caseId": c.ID, "type": "ID_CARD", "file": nil}},
		})
		_ = mw.WriteField("operations", string(ops))
		_ = mw.WriteField("map", `{"0":["variables.in.file"]}`)
		part, _ := mw.CreateFormFile("0", "big.jpg")
		chunk := bytes.Repeat([]byte{0xAB}, 1<<20)
		for range 30 {
			if _, err := part.Write(chunk); err != nil {
				break
			}
		}
		_ = mw.Close()
		_ = pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+app.token)
	req.ContentLength = -1
	r := app.send(req)
	if r.code() != "PAYLOAD_TOO_LARGE" || r.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d %+v, want 413 PAYLOAD_TOO_LARGE", r.Status, r.Errors)
	}
}

// TestGraphQLOverHTTPStatus: under application/json, a request that cannot run is 200 with
// errors; under application/graphql-response+json it is 400 without data; bad JSON is 400.
func TestGraphQLOverHTTPStatus(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	for _, c := range []struct {
		name, accept, body string
		status             int
		data               bool // the body has a data entry
	}{
		{"parse error, json", "application/json", `{"query":"{"}`, 200, false},
		{"validation error, json", "", `{"query":"{ nope }"}`, 200, false},
		{"variable error, json", "*/*", `{"query":"query($id: ID!){ __typename }","variables":{"id":null}}`, 200, false},
		{"parse error, graphql-response", "application/graphql-response+json", `{"query":"{"}`, 400, false},
		{"validation error, graphql-response", "application/graphql-response+json", `{"query":"{ nope }"}`, 400, false},
		{"not JSON", "application/json", `{ "not a JSON`, 400, false},
		{"query not a string", "application/json", `{"query":{"obj":"ect"}}`, 400, false},
		{"variables not a map", "application/json", `{"query":"{ __typename }","variables":"x"}`, 400, false},
		{"ok, graphql-response", "application/graphql-response+json", `{"query":"{ __typename }","extensions":{"a":1}}`, 200, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := map[string]string{"Content-Type": "application/json"}
			if c.accept != "" {
				h["Accept"] = c.accept
			}
			status, header, raw := ts.postRaw(t, c.body, h)
			if status != c.status {
				t.Fatalf("status %d, want %d: %s", status, c.status, raw)
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatalf("body %q: %v", raw, err)
			}
			if _, has := m["data"]; has != c.data {
				t.Fatalf("data entry present: %v, want %v: %s", has, c.data, raw)
			}
			want := "application/json"
			if c.accept == "application/graphql-response+json" {
				want = c.accept
			}
			if ct := header.Get("Content-Type"); !strings.HasPrefix(ct, want) {
				t.Fatalf("Content-Type %q, want %s", ct, want)
			}
		})
	}
}

// TestCrossOrigin: no foreign origin is allowed unless APP_ORIGINS names it; a sign-in cannot
// be forged by a cross-site form (multipart without the preflight header).
func TestCrossOrigin(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	preflight := func(ts *testServer, origin string) string {
		req, _ := http.NewRequest(http.MethodOptions, ts.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Header.Get("Access-Control-Allow-Origin")
	}
	if got := preflight(ts, "https://evil.example"); got != "" {
		t.Fatalf("without APP_ORIGINS a foreign origin got Access-Control-Allow-Origin %q", got)
	}
	allowed := newTestServerWith(t, testDB{name: "sqlite"}, func(a *app) { a.cfg.AppOrigins = []string{"https://app.example"} })
	if got := preflight(allowed, "https://app.example"); got != "https://app.example" {
		t.Fatalf("a listed origin got %q", got)
	}
	if got := preflight(allowed, "https://evil.example"); got != "" {
		t.Fatalf("an unlisted origin got %q", got)
	}

	// Login CSRF: a form post (multipart, no credentials, no preflight header) is refused.
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	ops, _ := json.Marshal(map[string]any{"query": fmt.Sprintf(`mutation{ login(input:{email:%q, password:%q}){ id } }`, testReviewerEmail, testReviewerPassword)})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{}`)
	_ = mw.Close()
	status, header, raw := ts.postRaw(t, buf.String(), map[string]string{"Content-Type": mw.FormDataContentType()})
	if status != http.StatusBadRequest || !bytes.Contains(raw, []byte(`"FORBIDDEN"`)) || header.Get("Set-Cookie") != "" {
		t.Fatalf("forged sign-in: status %d, %s, cookie %q", status, raw, header.Get("Set-Cookie"))
	}
}

// TestAppSecurityHeaders: both apps are served with a strict Content-Security-Policy.
func TestAppSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	for _, path := range []string{"/kyc/", "/backoffice/"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, want) {
				t.Fatalf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Fatalf("%s: CSP %q allows inline or eval", path, csp)
		}
	}
}

// TestNoAssignmentOnceDecided: a decided case keeps the reviewer on record.
func TestNoAssignmentOnceDecided(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitted := submitCase(t, app, c.ID)
		rita := ts.rita(t)
		rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": submitted.Version})
		rita.wantCode("INVALID_TRANSITION", `mutation($id:ID!){ assignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c.ID})
		rita.wantCode("INVALID_TRANSITION", `mutation($id:ID!){ unassignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c.ID})
	})
}
