package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"
)

const caseUpdatedSub = `subscription($id: ID!){ caseUpdated(caseId:$id){ id status state version reason } }`

// statusIs matches a caseUpdated payload with the given status.
func statusIs(status string) func(json.RawMessage) bool {
	return func(data json.RawMessage) bool {
		var d struct {
			CaseUpdated struct{ Status string } `json:"caseUpdated"`
		}
		_ = json.Unmarshal(data, &d)
		return d.CaseUpdated.Status == status
	}
}

// note adds a reviewer note: a change of the case that every subscriber hears of.
func (c *client) note(caseID, body string) {
	c.t.Helper()
	c.mustDo(`mutation($in: AddNoteInput!){ addNote(input:$in){ id } }`, map[string]any{"in": map[string]any{"caseId": caseID, "body": body}}, nil)
}

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// cookieHeader returns the reviewer's session cookie as an upgrade-request header.
func (c *client) cookieHeader() http.Header {
	h := http.Header{}
	for _, ck := range c.http.Jar.Cookies(mustURL(c.ts.URL)) {
		h.Add("Cookie", ck.Name+"="+ck.Value)
	}
	return h
}

// A reviewer's decision reaches the applicant's caseUpdated subscription, and a reviewer's
// caseFeed hears of the submission.
func TestSubscriptions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)

		feed := ts.dialWS(t, nil, rita.cookieHeader())
		feed.subscribeReady("feed", `subscription{ caseFeed{ id caseId type actor fromState toState } }`, nil, func() {
			ts.startCase(t, "Poke", "", "")
		})
		c, app := ts.startCase(t, "Grace", "Hopper", "grace@example.com")
		submitCase(t, app, c.ID)
		feed.waitFor("feed", 10*time.Second, func(data json.RawMessage) bool {
			var d struct{ CaseFeed eventView }
			_ = json.Unmarshal(data, &d)
			return d.CaseFeed.Type == "CASE_SUBMITTED" && d.CaseFeed.CaseID == c.ID && d.CaseFeed.Actor == "applicant"
		})

		sub := ts.dialWS(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
		sub.subscribeReady("case", caseUpdatedSub, map[string]any{"id": c.ID}, func() { rita.note(c.ID, "poke") })
		cur := rita.reviewCase(c.ID)
		rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": cur.Version})
		sub.waitFor("case", 10*time.Second, statusIs("APPROVED"))
		if got := app.myCase(); got.Status != "APPROVED" || got.DecidedAt == nil {
			t.Fatalf("after approval: %s decidedAt %v", got.Status, got.DecidedAt)
		}

		// A connection_init with a token that is not a case token is refused.
		_, first := ts.dialWSRaw(t, map[string]any{"authorization": "Bearer not-a-token"}, nil)
		if first.Type == "connection_ack" {
			t.Fatal("connection_init with a bad token was acknowledged")
		}
		// Without any credentials, caseFeed is refused.
		anon := ts.dialWS(t, nil, nil)
		anon.subscribe("x", `subscription{ caseFeed{ id } }`, nil)
		if code := subscriptionErrorCode(t, anon, "x"); code != "UNAUTHENTICATED" {
			t.Fatalf("anonymous caseFeed: %s, want UNAUTHENTICATED", code)
		}
		// An applicant cannot listen to the feed of every case.
		appWS := ts.dialWS(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
		appWS.subscribe("y", `subscription{ caseFeed{ id } }`, nil)
		if code := subscriptionErrorCode(t, appWS, "y"); code != "FORBIDDEN" {
			t.Fatalf("applicant caseFeed: %s, want FORBIDDEN", code)
		}
	})
}

// subscriptionErrorCode waits for the refusal of subscription id and returns its code.
func subscriptionErrorCode(t *testing.T, w *wsClient, id string) string {
	t.Helper()
	m, ok := w.next(id, 5*time.Second)
	if !ok {
		t.Fatalf("subscription %s: no refusal within 5s", id)
	}
	var errs []gqlError
	switch m.Type {
	case "error":
		_ = json.Unmarshal(m.Payload, &errs)
	case "next":
		var p gqlResponse
		_ = json.Unmarshal(m.Payload, &p)
		errs = p.Errors
	}
	if len(errs) == 0 {
		t.Fatalf("subscription %s: got %s %s, want a refusal", id, m.Type, m.Payload)
	}
	return errs[0].code()
}

// The resubmission loop: the reviewer flags the identity document, the applicant re-takes
// only it, the case returns to review with revision 2, and approval approves every document.
func TestResubmissionLoop(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Alan", "Turing", "")
		c = submitCase(t, app, c.ID)
		id := c.ID
		idDoc := c.docOf(t, "ID_CARD")
		selfie := c.docOf(t, "SELFIE")

		// REQUEST_RESUBMISSION without documents is refused.
		if r := rita.decideCase(map[string]any{"caseId": id, "decision": "REQUEST_RESUBMISSION", "expectedVersion": c.Version}); r.code() != "BAD_USER_INPUT" {
			t.Fatalf("resubmission without documents: %+v, want BAD_USER_INPUT", r.Errors)
		}
		c = rita.mustDecideCase(map[string]any{"caseId": id, "decision": "REQUEST_RESUBMISSION", "expectedVersion": c.Version,
			"documents": []any{map[string]any{"documentId": idDoc.ID, "reason": "Blurry image"}}})
		if c.Status != "RESUBMISSION_REQUESTED" || c.State != "document_photo" {
			t.Fatalf("after the request: %s/%s, want document_photo/RESUBMISSION_REQUESTED", c.State, c.Status)
		}
		c = app.myCase()
		if d := c.docOf(t, "ID_CARD"); d.Status != "RESUBMISSION_REQUESTED" || d.Reason == nil || *d.Reason != "Blurry image" {
			t.Fatalf("flagged document: %+v", d)
		}
		if d := c.docOf(t, "SELFIE"); d.Status != "PENDING" {
			t.Fatalf("selfie %s, want PENDING (not flagged)", d.Status)
		}
		if !sameSet(c.AvailableEvents, nil) {
			t.Fatalf("availableEvents %v, want none before the re-take", c.AvailableEvents)
		}

		// Not back to document_selection, not a selfie, not forward without the re-take.
		for _, ev := range []string{"USER_PREV_STEP", "USER_NEXT_STEP"} {
			if r := app.sendEvent(id, ev, ""); r.code() != "INVALID_TRANSITION" {
				t.Fatalf("%s from document_photo while resubmitting: %+v, want INVALID_TRANSITION", ev, r.Errors)
			}
		}
		if r := app.upload(id, "SELFIE", pngFile(t), false); r.code() == "" {
			t.Fatal("a selfie upload was accepted in document_photo while only the ID card is flagged")
		}
		if got := app.myCase(); got.Version != c.Version {
			t.Fatalf("refusals changed the version: %d → %d", c.Version, got.Version)
		}

		doc2 := app.mustUpload(id, "ID_CARD", jpegFile(t))
		if doc2.Revision != 2 || doc2.Status != "PENDING" || doc2.ID == idDoc.ID {
			t.Fatalf("re-take: %+v, want a new revision 2, PENDING", doc2)
		}
		c = app.step(id, "USER_NEXT_STEP", "")
		if c.State != "document_review" {
			t.Fatalf("state %s, want document_review", c.State)
		}
		if r := app.sendEvent(id, "USER_PREV_STEP", ""); r.code() != "" {
			t.Fatalf("back to document_photo from the review: %+v", r.Errors)
		}
		app.step(id, "USER_NEXT_STEP", "")
		c = app.step(id, "USER_NEXT_STEP", "") // selfie is kept: no re-take needed
		if c.State != "selfie" {
			t.Fatalf("state %s, want selfie", c.State)
		}
		if r := app.upload(id, "SELFIE", pngFile(t), false); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("selfie re-take when not flagged: %+v, want INVALID_TRANSITION", r.Errors)
		}
		app.step(id, "USER_NEXT_STEP", "")
		c = app.step(id, "USER_NEXT_STEP", "")
		if c.Status != "PENDING_REVIEW" || c.State != "final" || c.Revision != 2 || c.Reason != nil {
			t.Fatalf("resubmitted: %s/%s revision %d reason %v", c.State, c.Status, c.Revision, c.Reason)
		}
		if d := c.docOf(t, "ID_CARD"); d.ID != doc2.ID {
			t.Fatalf("current ID card %s, want the re-take %s", d.ID, doc2.ID)
		}
		if d := c.docOf(t, "SELFIE"); d.ID != selfie.ID {
			t.Fatalf("current selfie %s, want the kept %s", d.ID, selfie.ID)
		}

		c = rita.mustDecideCase(map[string]any{"caseId": id, "decision": "APPROVE", "expectedVersion": c.Version})
		if c.Status != "APPROVED" || c.DecidedAt == nil {
			t.Fatalf("approved: %s decidedAt %v", c.Status, c.DecidedAt)
		}
		for _, d := range c.Documents {
			if d.Status != "APPROVED" {
				t.Fatalf("current %s is %s, want APPROVED", d.Type, d.Status)
			}
		}
		rc := rita.reviewCase(id)
		if len(rc.DocumentHistory) != 3 {
			t.Fatalf("documentHistory has %d rows, want 3 (both ID card revisions and the selfie)", len(rc.DocumentHistory))
		}
		for _, d := range rc.DocumentHistory {
			if d.ID == idDoc.ID && (d.Status != "RESUBMISSION_REQUESTED" || d.Revision != 1) {
				t.Fatalf("first ID card revision: %+v, want kept as RESUBMISSION_REQUESTED", d)
			}
		}
		if n := rc.eventCount("CASE_SUBMITTED"); n != 2 {
			t.Fatalf("%d CASE_SUBMITTED events, want 2", n)
		}
		if n := rc.eventCount("CASE_DECIDED"); n != 2 {
			t.Fatalf("%d CASE_DECIDED events, want 2", n)
		}
		// Decided: no more decisions.
		if r := rita.decideCase(map[string]any{"caseId": id, "decision": "REJECT", "reason": "x", "expectedVersion": c.Version}); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("deciding an approved case: %+v, want INVALID_TRANSITION", r.Errors)
		}
	})
}

// Two server instances on one PostgreSQL database: a decision made through instance A
// reaches an applicant subscribed on instance B (LISTEN/NOTIFY fan-out).
func TestTwoInstancesShareEvents(t *testing.T) {
	t.Parallel()
	db := testDB{name: "postgres"}
	a := newTestServer(t, db)
	b := a.twin(t)
	rita := a.rita(t)
	c, app := a.startCase(t, "Katherine", "Johnson", "")
	submitCase(t, b.applicant(t, app.token), c.ID) // the applicant works on B
	sub := b.dialWS(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
	sub.subscribeReady("case", caseUpdatedSub, map[string]any{"id": c.ID}, func() { rita.note(c.ID, "poke from A") })
	cur := rita.reviewCase(c.ID)
	rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REJECT", "reason": "Document expired", "expectedVersion": cur.Version})
	sub.waitFor("case", 10*time.Second, func(data json.RawMessage) bool {
		var d struct {
			CaseUpdated caseView `json:"caseUpdated"`
		}
		_ = json.Unmarshal(data, &d)
		return d.CaseUpdated.Status == "REJECTED" && d.CaseUpdated.Reason != nil && *d.CaseUpdated.Reason == "Document expired"
	})
	// And the other way round: B's reviewer feed hears A's applicant.
	feed := b.dialWS(t, nil, b.reviewer(t, testReviewerEmail, testReviewerPassword).cookieHeader())
	feed.subscribeReady("feed", `subscription{ caseFeed{ id caseId type } }`, nil, func() { a.startCase(t, "Poke", "", "") })
	c2, _ := a.startCase(t, "Dorothy", "Vaughan", "")
	feed.waitFor("feed", 10*time.Second, func(data json.RawMessage) bool {
		var d struct{ CaseFeed eventView }
		_ = json.Unmarshal(data, &d)
		return d.CaseFeed.CaseID == c2.ID && d.CaseFeed.Type == "CASE_STARTED"
	})
}

// While resubmitting, the flagged photo may be re-taken as often as the applicant likes
// (each a new revision), also after going back from the review step; decisions on single
// documents feed the case decision; another reviewer's case cannot be decided.
func TestResubmissionRetakes(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		otto := ts.addReviewer(t, "otto@example.com")
		c, app := ts.startCase(t, "Retake", "", "")
		c = submitCase(t, app, c.ID)
		id := c.ID

		// decideDocument claims the case for rita; otto is then refused.
		var dd struct {
			DecideDocument caseView `json:"decideDocument"`
		}
		rita.mustDo(`mutation($in: DecideDocumentInput!){ decideDocument(input:$in){ `+caseFields+` } }`, map[string]any{"in": map[string]any{
			"documentId": c.docOf(t, "ID_CARD").ID, "decision": "REQUEST_RESUBMISSION", "reason": "Glare", "expectedVersion": c.Version}}, &dd)
		c = dd.DecideDocument
		if d := c.docOf(t, "ID_CARD"); d.Status != "RESUBMISSION_REQUESTED" || c.Status != "PENDING_REVIEW" {
			t.Fatalf("after decideDocument: case %s, document %s", c.Status, d.Status)
		}
		otto.wantCode("FORBIDDEN", decideCaseMutation, map[string]any{"in": map[string]any{"caseId": id, "decision": "REJECT", "reason": "x", "expectedVersion": c.Version}})
		otto.wantCode("FORBIDDEN", `mutation($in: UnassignCaseInput!){ unassignCase(input:$in){ id } }`, map[string]any{"in": map[string]any{"caseId": id}})
		// Approving is refused while a document is flagged; the flag alone is enough to request resubmission.
		rita.wantCode("INVALID_TRANSITION", decideCaseMutation, map[string]any{"in": map[string]any{"caseId": id, "decision": "APPROVE", "expectedVersion": c.Version}})
		c = rita.mustDecideCase(map[string]any{"caseId": id, "decision": "REQUEST_RESUBMISSION", "expectedVersion": c.Version})
		if c.State != "document_photo" || c.Status != "RESUBMISSION_REQUESTED" {
			t.Fatalf("after the request: %s/%s", c.State, c.Status)
		}

		for want := 2; want <= 3; want++ {
			if d := app.mustUpload(id, "ID_CARD", jpegFile(t)); d.Revision != want {
				t.Fatalf("re-take revision %d, want %d", d.Revision, want)
			}
		}
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_PREV_STEP", "")
		if d := app.mustUpload(id, "ID_CARD", jpegFile(t)); d.Revision != 4 {
			t.Fatalf("re-take after going back: revision %d, want 4", d.Revision)
		}
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		c = app.step(id, "USER_NEXT_STEP", "")
		if c.Status != "PENDING_REVIEW" || c.Revision != 2 || c.docOf(t, "ID_CARD").Revision != 4 {
			t.Fatalf("resubmitted: %s revision %d, ID card revision %d", c.Status, c.Revision, c.docOf(t, "ID_CARD").Revision)
		}
		if h := rita.reviewCase(id).DocumentHistory; len(h) != 5 {
			t.Fatalf("documentHistory has %d rows, want 5", len(h))
		}
	})
}

// The back side of a document is optional, but a back side the reviewer sent back must be
// re-taken before the applicant can go on; the front is kept.
func TestBackSideResubmission(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Two", "Sides", "")
		id := c.ID
		back := "BACK"
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "ID_CARD")
		front := app.mustUpload(id, "ID_CARD", jpegFile(t))
		if r := app.uploadSide(id, "ID_CARD", &back, jpegFile(t), false); r.code() != "" {
			t.Fatalf("back side upload: %+v", r.Errors)
		}
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		app.mustUpload(id, "SELFIE", pngFile(t))
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")

		c = rita.reviewCase(id)
		var backDoc docView
		for _, d := range c.Documents {
			if d.Type == "ID_CARD" && d.Side != nil && *d.Side == back {
				backDoc = d
			}
		}
		if backDoc.ID == "" || len(c.Documents) != 3 {
			t.Fatalf("the reviewer sees %d current documents, back %q; want front, back and selfie", len(c.Documents), backDoc.ID)
		}
		var dd struct {
			DecideDocument caseView `json:"decideDocument"`
		}
		rita.mustDo(`mutation($in: DecideDocumentInput!){ decideDocument(input:$in){ `+caseFields+` } }`, map[string]any{"in": map[string]any{
			"documentId": backDoc.ID, "decision": "REQUEST_RESUBMISSION", "reason": "Glare", "expectedVersion": c.Version}}, &dd)
		c = rita.mustDecideCase(map[string]any{"caseId": id, "decision": "REQUEST_RESUBMISSION", "expectedVersion": dd.DecideDocument.Version})
		if c.State != "document_photo" {
			t.Fatalf("after the request: state %s, want document_photo", c.State)
		}

		if r := app.sendEvent(id, "USER_NEXT_STEP", ""); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("going on with the refused back side: %+v, want INVALID_TRANSITION", r.Errors)
		}
		if r := app.uploadSide(id, "ID_CARD", &back, jpegFile(t), false); r.code() != "" {
			t.Fatalf("back side re-take: %+v", r.Errors)
		}
		for range 3 {
			app.step(id, "USER_NEXT_STEP", "")
		}
		c = app.step(id, "USER_NEXT_STEP", "")
		if c.Status != "PENDING_REVIEW" {
			t.Fatalf("resubmitted: %s", c.Status)
		}
		for _, d := range c.Documents {
			switch {
			case d.Type != "ID_CARD":
			case d.Side != nil && *d.Side == back:
				if d.Revision != 2 || d.Status != "PENDING" {
					t.Fatalf("back side after the re-take: revision %d %s", d.Revision, d.Status)
				}
			case d.ID != front.ID:
				t.Fatalf("the front was replaced (%s, was %s)", d.ID, front.ID)
			}
		}
	})
}
