package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Who may do what: applicants see only their own case, anonymous callers nothing, reviewers
// sign in with a password, cookie-authenticated multipart needs the preflight header.
func TestAuthorization(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		a, appA := ts.startCase(t, "Alice", "A", "alice@example.com")
		a = submitCase(t, appA, a.ID)
		docA := a.docOf(t, "ID_CARD")
		b, appB := ts.startCase(t, "Bruno", "B", "")
		anon := ts.anon(t)
		rita := ts.rita(t)

		// B cannot read A's case or its documents.
		var node struct{ Node *struct{ ID string } }
		appB.mustDo(`query($id: ID!){ node(id:$id){ id ... on Case { status } } }`, map[string]any{"id": a.ID}, &node)
		if node.Node != nil {
			t.Fatal("applicant B read applicant A's case through node")
		}
		appB.mustDo(`query($id: ID!){ node(id:$id){ id } }`, map[string]any{"id": docA.ID}, &node)
		if node.Node != nil {
			t.Fatal("applicant B read applicant A's document through node")
		}
		appA.mustDo(`query($id: ID!){ node(id:$id){ id } }`, map[string]any{"id": docA.ID}, &node) // control
		if node.Node == nil || node.Node.ID != docA.ID {
			t.Fatal("applicant A cannot read its own document through node")
		}
		appB.wantCode("FORBIDDEN", sendEventMutation, map[string]any{"in": map[string]any{"caseId": a.ID, "event": "USER_PREV_STEP"}})
		if r := appB.upload(a.ID, "SELFIE", pngFile(t), false); r.code() != "FORBIDDEN" {
			t.Fatalf("B uploads to A's case: %+v, want FORBIDDEN", r.Errors)
		}
		if got := appB.myCase(); got.ID != b.ID {
			t.Fatalf("B's myCase is %s, want %s", got.ID, b.ID)
		}
		ws := ts.dialWS(t, map[string]any{"authorization": "Bearer " + appB.token}, nil)
		ws.subscribe("a", caseUpdatedSub, map[string]any{"id": a.ID})
		if code := subscriptionErrorCode(t, ws, "a"); code != "NOT_FOUND" && code != "FORBIDDEN" {
			t.Fatalf("B subscribes to A's case: %s, want NOT_FOUND or FORBIDDEN", code)
		}
		path := "/documents/" + docA.ID
		if status, _ := appB.get(path); status != 404 {
			t.Fatalf("B fetches A's document without a signature: %d, want 404", status)
		}
		if status, _ := appA.get(path); status != 200 { // control: A's own token works
			t.Fatalf("A fetches its document with its token: %d, want 200", status)
		}
		if status, _ := rita.get(path); status != 200 { // control: reviewers too
			t.Fatalf("a reviewer fetches the document: %d, want 200", status)
		}

		// Anonymous callers.
		anon.wantCode("UNAUTHENTICATED", `{ cases { totalCount } }`, nil)
		anon.wantCode("UNAUTHENTICATED", `query($id: ID!){ node(id:$id){ id } }`, map[string]any{"id": a.ID})
		anon.wantCode("UNAUTHENTICATED", sendEventMutation, map[string]any{"in": map[string]any{"caseId": b.ID, "event": "USER_NEXT_STEP"}})
		var me struct{ Me *struct{ ID string } }
		anon.mustDo(`{ me { id } }`, nil, &me)
		if me.Me != nil {
			t.Fatal("anonymous me is not null")
		}
		var wf struct {
			Workflow struct {
				Initial string
				States  []struct {
					Name                     string
					Persisted, Submit, Final bool
				}
			}
		}
		anon.mustDo(`{ workflow { initial states { name persisted submit final } } }`, nil, &wf)
		if wf.Workflow.Initial != "welcome" || len(wf.Workflow.States) != 7 || !wf.Workflow.States[2].Submit || !wf.Workflow.States[6].Final {
			t.Fatalf("workflow: %+v", wf.Workflow)
		}

		// Applicants are not reviewers.
		appA.wantCode("FORBIDDEN", `{ cases { totalCount } }`, nil)
		appA.wantCode("FORBIDDEN", decideCaseMutation, map[string]any{"in": map[string]any{"caseId": a.ID, "decision": "APPROVE", "expectedVersion": a.Version}})
		appA.wantCode("FORBIDDEN", `mutation($in: AddNoteInput!){ addNote(input:$in){ id } }`, map[string]any{"in": map[string]any{"caseId": a.ID, "body": "hi"}})
		appA.wantCode("FORBIDDEN", `{ myCase { id events { id } } }`, nil)
		appA.wantCode("FORBIDDEN", `{ myCase { id notes { id } } }`, nil)
		appA.wantCode("FORBIDDEN", `{ myCase { id documentHistory { id } } }`, nil)
		if got := rita.reviewCase(a.ID); got.Status != "PENDING_REVIEW" {
			t.Fatalf("the applicant's refused decision changed the case: %s", got.Status)
		}
		// Reviewers are not applicants.
		rita.wantCode("FORBIDDEN", sendEventMutation, map[string]any{"in": map[string]any{"caseId": b.ID, "event": "USER_NEXT_STEP"}})

		// Wrong password, unknown email.
		anon.wantCode("UNAUTHENTICATED", `mutation{ login(input:{email:"reviewer@example.com", password:"wrong password"}){ id } }`, nil)
		anon.wantCode("UNAUTHENTICATED", `mutation{ login(input:{email:"nobody@example.com", password:"correct horse battery"}){ id } }`, nil)

		// Cookie-authenticated multipart needs GraphQL-Require-Preflight (CSRF): an upload
		// that would be accepted (the applicant's token) is refused when a reviewer cookie rides along.
		b2, appB2 := ts.startCase(t, "", "", "")
		appB2.step(b2.ID, "USER_NEXT_STEP", "")
		appB2.step(b2.ID, "USER_NEXT_STEP", "ID_CARD")
		mixed := &client{t: t, ts: ts, http: rita.http, token: appB2.token}
		r := mixed.upload(b2.ID, "ID_CARD", jpegFile(t), false)
		if r.code() != "FORBIDDEN" || r.Status != http.StatusBadRequest {
			t.Fatalf("cookie multipart without preflight: status %d %+v, want 400 FORBIDDEN", r.Status, r.Errors)
		}
		if got := appB2.myCase(); len(got.Documents) != 0 {
			t.Fatal("the refused upload was stored")
		}
		if r := mixed.upload(b2.ID, "ID_CARD", jpegFile(t), true); r.code() != "" {
			t.Fatalf("cookie multipart with preflight: %+v, want accepted", r.Errors)
		}
		if r := rita.upload(b2.ID, "ID_CARD", jpegFile(t), false); r.code() != "FORBIDDEN" || r.Status != http.StatusBadRequest {
			t.Fatalf("reviewer multipart without preflight: status %d %+v", r.Status, r.Errors)
		}

		// Logout ends the session, also for a copy of the old cookie.
		old := rita.cookieHeader()
		rita.mustDo(`{ me { id } }`, nil, &me)
		if me.Me == nil {
			t.Fatal("me is null for a signed-in reviewer")
		}
		var out struct{ Logout bool }
		rita.mustDo(`mutation{ logout }`, nil, &out)
		if !out.Logout {
			t.Fatal("logout returned false")
		}
		rita.mustDo(`{ me { id } }`, nil, &me)
		if me.Me != nil {
			t.Fatal("me is not null after logout")
		}
		rita.wantCode("UNAUTHENTICATED", `{ cases { totalCount } }`, nil)
		replay, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(`{"query":"{ me { id } }"}`))
		replay.Header.Set("Content-Type", "application/json")
		replay.Header["Cookie"] = old["Cookie"]
		res := anon.send(replay)
		if string(res.Data) != `{"me":null}` {
			t.Fatalf("the old session cookie still works after logout: %s %+v", res.Data, res.Errors)
		}
	})
}

// Twenty reviewers' clicks at once: exactly one decision wins, the others get CONFLICT.
func TestConcurrentDecisions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Con", "Current", "")
		c = submitCase(t, app, c.ID)

		// A stale expectedVersion is refused and changes nothing.
		rita.wantCode("CONFLICT", decideCaseMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": c.Version - 1}})
		rita.wantCode("CONFLICT", decideCaseMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": c.Version + 1}})
		before := rita.reviewCase(c.ID)
		if before.Version != c.Version || before.Status != "PENDING_REVIEW" {
			t.Fatalf("a CONFLICT changed the case: v%d %s", before.Version, before.Status)
		}

		const n = 20
		codes := make(chan string, n)
		start := make(chan struct{})
		for i := 0; i < n; i++ {
			go func() {
				<-start
				body, _ := json.Marshal(map[string]any{"query": decideCaseMutation, "variables": map[string]any{"in": map[string]any{
					"caseId": c.ID, "decision": "APPROVE", "expectedVersion": c.Version}}})
				req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(string(body)))
				req.Header.Set("Content-Type", "application/json")
				resp, err := rita.http.Do(req)
				if err != nil {
					codes <- "transport: " + err.Error()
					return
				}
				defer resp.Body.Close()
				var r gqlResponse
				if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
					codes <- "decode: " + err.Error()
					return
				}
				if len(r.Errors) == 0 {
					codes <- "OK"
					return
				}
				codes <- r.code()
			}()
		}
		close(start)
		count := map[string]int{}
		timeout := time.After(60 * time.Second)
		for i := 0; i < n; i++ {
			select {
			case code := <-codes:
				count[code]++
			case <-timeout:
				t.Fatalf("only %d of %d calls returned: %v", i, n, count)
			}
		}
		if count["OK"] != 1 || count["CONFLICT"] != n-1 {
			t.Fatalf("results %v, want 1 OK and %d CONFLICT", count, n-1)
		}
		after := rita.reviewCase(c.ID)
		if after.Status != "APPROVED" || after.Version != before.Version+1 {
			t.Fatalf("after the race: %s v%d, want APPROVED v%d", after.Status, after.Version, before.Version+1)
		}
		if got := after.eventCount("CASE_DECIDED"); got != 1 {
			t.Fatalf("%d CASE_DECIDED events, want exactly 1", got)
		}
		if got := after.eventCount("CASE_ASSIGNED"); got != 1 {
			t.Fatalf("%d CASE_ASSIGNED events (claim), want exactly 1", got)
		}
	})
}

// Password guessing is throttled per email: the sixth attempt within 15 minutes is refused
// even with the right password, other accounts are unaffected, and the window passes.
func TestLoginThrottle(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	var skew atomic.Int64
	ts.app.res.Now = func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	ts.addReviewer(t, "otto@example.com")
	anon := ts.anon(t)
	login := func(email, password string) gqlResponse {
		return anon.do(`mutation($e: String!, $p: String!){ login(input:{email:$e, password:$p}){ id } }`, map[string]any{"e": email, "p": password})
	}
	for i := range 5 {
		if r := login("Reviewer@example.com ", "guess"); r.code() != "UNAUTHENTICATED" || !strings.Contains(r.Errors[0].Message, "wrong email or password") {
			t.Fatalf("guess %d: %+v", i+1, r.Errors)
		}
	}
	r := login(testReviewerEmail, testReviewerPassword)
	if r.code() != "UNAUTHENTICATED" || !strings.Contains(r.Errors[0].Message, "too many failed sign-ins") {
		t.Fatalf("the right password after 5 guesses: %+v, want refused as throttled", r.Errors)
	}
	if r := login("otto@example.com", "another password"); r.code() != "" {
		t.Fatalf("another reviewer is throttled too: %+v", r.Errors)
	}
	// Concurrent guesses: only 5 get their password checked.
	var checked atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if r := login("otto@example.com", "guess"); len(r.Errors) > 0 && strings.Contains(r.Errors[0].Message, "wrong email or password") {
				checked.Add(1)
			}
		})
	}
	wg.Wait()
	if n := checked.Load(); n != 5 {
		t.Fatalf("%d of 20 concurrent guesses were checked, want 5", n)
	}
	skew.Store(int64(15 * time.Minute))
	if r := login(testReviewerEmail, testReviewerPassword); r.code() != "" {
		t.Fatalf("after the window: %+v", r.Errors)
	}
	// A success clears the count.
	for range 4 {
		login(testReviewerEmail, "guess")
	}
	login(testReviewerEmail, testReviewerPassword)
	for range 4 {
		login(testReviewerEmail, "guess")
	}
	if r := login(testReviewerEmail, testReviewerPassword); r.code() != "" {
		t.Fatalf("4 failures after a success: %+v", r.Errors)
	}
}
