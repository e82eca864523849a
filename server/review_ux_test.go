package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Issue 14, items 2–5: preset reasons with the applicant's wording, a resubmission request
// gathered from flagged photos, the review queue's order, SLA and support contact, and which
// photo revisions were submitted.

const decideDocMutation = `mutation($in: DecideDocumentInput!){ decideDocument(input:$in){ id version status
	documents { id type status reason reasonCode } } }`

const clearDocMutation = `mutation($in: ClearDocumentDecisionInput!){ clearDocumentDecision(input:$in){ id version status
	documents { id type status reason reasonCode } } }`

type reasonDoc struct {
	ID         string  `json:"id"`
	Type       string  `json:"type"`
	Status     string  `json:"status"`
	Reason     *string `json:"reason"`
	ReasonCode *string `json:"reasonCode"`
}

type reasonCase struct {
	ID         string      `json:"id"`
	Version    int         `json:"version"`
	Status     string      `json:"status"`
	Reason     *string     `json:"reason"`
	ReasonCode *string     `json:"reasonCode"`
	Documents  []reasonDoc `json:"documents"`
}

func (c reasonCase) doc(t *testing.T, typ string) reasonDoc {
	t.Helper()
	for _, d := range c.Documents {
		if d.Type == typ {
			return d
		}
	}
	t.Fatalf("no %s in %+v", typ, c.Documents)
	return reasonDoc{}
}

func mustReasonCase(t *testing.T, r gqlResponse, field string) reasonCase {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %+v", field, r.Errors)
	}
	var out map[string]reasonCase
	if err := json.Unmarshal(r.Data, &out); err != nil {
		t.Fatal(err)
	}
	return out[field]
}

func str(p *string) string {
	if p == nil {
		return "<nil>"
	}
	return *p
}

// A reviewer flags two photos with preset reasons, takes one flag back and puts it again,
// then sends the request: the applicant sees each flagged photo with its code and wording.
// OTHER needs a text; an approval takes no code; a rejection with UNABLE_TO_VERIFY shows the
// applicant only the neutral wording.
func TestReasonCodesAndResubmissionRequest(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Ada", "Lovelace", "ada@example.com")
		cur := submitCase(t, app, c.ID)
		id, selfie := cur.docOf(t, "ID_CARD"), cur.docOf(t, "SELFIE")
		version := cur.Version

		decide := func(docID, decision string, code any, reason any) gqlResponse {
			in := map[string]any{"documentId": docID, "decision": decision, "expectedVersion": version}
			if code != nil {
				in["reasonCode"] = code
			}
			if reason != nil {
				in["reason"] = reason
			}
			return rita.do(decideDocMutation, map[string]any{"in": in})
		}
		if r := decide(id.ID, "REQUEST_RESUBMISSION", "OTHER", nil); r.code() != "BAD_USER_INPUT" {
			t.Fatalf("OTHER without a text: %s %+v", r.code(), r.Errors)
		}
		if r := decide(id.ID, "REQUEST_RESUBMISSION", "OTHER", "   "); r.code() != "BAD_USER_INPUT" {
			t.Fatalf("OTHER with a blank text: %s %+v", r.code(), r.Errors)
		}
		if r := decide(id.ID, "APPROVE", "BLURRY", nil); r.code() != "BAD_USER_INPUT" {
			t.Fatalf("an approval with a code: %s %+v", r.code(), r.Errors)
		}
		if r := decide(id.ID, "REQUEST_RESUBMISSION", "SOMETHING", nil); len(r.Errors) == 0 {
			t.Fatal("an unknown reason code was accepted")
		}

		got := mustReasonCase(t, decide(id.ID, "REQUEST_RESUBMISSION", "BLURRY", nil), "decideDocument")
		version = got.Version
		if d := got.doc(t, "ID_CARD"); d.Status != "RESUBMISSION_REQUESTED" || str(d.ReasonCode) != "BLURRY" ||
			str(d.Reason) != workflow.ReasonBlurry.ApplicantText() {
			t.Fatalf("flagged with BLURRY only: %+v (%s, %s)", d, str(d.Reason), str(d.ReasonCode))
		}
		if got.Status != "PENDING_REVIEW" {
			t.Fatalf("flagging a photo changed the case to %s: it is sent only by decideCase", got.Status)
		}
		got = mustReasonCase(t, decide(selfie.ID, "REQUEST_RESUBMISSION", "FACE_NOT_VISIBLE", "Please take off your sunglasses."), "decideDocument")
		version = got.Version
		if d := got.doc(t, "SELFIE"); str(d.ReasonCode) != "FACE_NOT_VISIBLE" || str(d.Reason) != "Please take off your sunglasses." {
			t.Fatalf("flagged with a code and a text: %+v", d)
		}
		// The applicant hears nothing yet.
		if mine := app.myCase(); mine.Status != "PENDING_REVIEW" {
			t.Fatalf("applicant sees %s before the request is sent", mine.Status)
		}

		// Unflag the selfie and flag it again.
		got = mustReasonCase(t, rita.do(clearDocMutation, map[string]any{"in": map[string]any{"documentId": selfie.ID, "expectedVersion": version}}), "clearDocumentDecision")
		version = got.Version
		if d := got.doc(t, "SELFIE"); d.Status != "PENDING" || d.Reason != nil || d.ReasonCode != nil {
			t.Fatalf("after clearDocumentDecision: %+v", d)
		}
		if r := rita.do(clearDocMutation, map[string]any{"in": map[string]any{"documentId": selfie.ID, "expectedVersion": version}}); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("clearing a pending photo: %s %+v", r.code(), r.Errors)
		}
		got = mustReasonCase(t, decide(selfie.ID, "REQUEST_RESUBMISSION", "FACE_NOT_VISIBLE", nil), "decideDocument")
		version = got.Version

		// Send to applicant: decideCase with the documents already flagged.
		sent := rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": version})
		if sent.Status != "RESUBMISSION_REQUESTED" {
			t.Fatalf("after sending: %s", sent.Status)
		}
		if r := rita.do(clearDocMutation, map[string]any{"in": map[string]any{"documentId": id.ID, "expectedVersion": sent.Version}}); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("unflagging after the request was sent: %s %+v", r.code(), r.Errors)
		}
		var mine struct{ MyCase reasonCase }
		app.mustDo(`{ myCase { id status documents { id type status reason reasonCode } } }`, nil, &mine)
		if mine.MyCase.Status != "RESUBMISSION_REQUESTED" {
			t.Fatalf("applicant sees %s", mine.MyCase.Status)
		}
		for typ, want := range map[string]workflow.ReasonCode{"ID_CARD": workflow.ReasonBlurry, "SELFIE": workflow.ReasonFaceNotVisible} {
			d := mine.MyCase.doc(t, typ)
			if d.Status != "RESUBMISSION_REQUESTED" || str(d.ReasonCode) != string(want) || str(d.Reason) != want.ApplicantText() {
				t.Errorf("applicant's %s: %+v (%s, %s)", typ, d, str(d.Reason), str(d.ReasonCode))
			}
		}

		// A second case: decideCase REQUEST_RESUBMISSION with per-document codes, empty text.
		c2, app2 := ts.startCase(t, "Bo", "Diddley", "")
		cur2 := submitCase(t, app2, c2.ID)
		id2 := cur2.docOf(t, "ID_CARD")
		bad := rita.decideCase(map[string]any{"caseId": c2.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": cur2.Version,
			"documents": []map[string]any{{"documentId": id2.ID, "reason": ""}}})
		if bad.code() != "BAD_USER_INPUT" {
			t.Fatalf("resubmission without reason nor code: %s %+v", bad.code(), bad.Errors)
		}
		r2 := rita.do(`mutation($in: DecideCaseInput!){ decideCase(input:$in){ id version status documents { id type status reason reasonCode } } }`,
			map[string]any{"in": map[string]any{"caseId": c2.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": cur2.Version,
				"documents": []map[string]any{{"documentId": id2.ID, "reason": "", "reasonCode": "GLARE"}}}})
		if d := mustReasonCase(t, r2, "decideCase").doc(t, "ID_CARD"); str(d.ReasonCode) != "GLARE" || str(d.Reason) != workflow.ReasonGlare.ApplicantText() {
			t.Fatalf("decideCase with a code per document: %+v", d)
		}

		// A third: rejected as UNABLE_TO_VERIFY; the remark meant for the team is a note.
		c3, app3 := ts.startCase(t, "Cy", "Young", "")
		cur3 := submitCase(t, app3, c3.ID)
		if r := rita.decideCase(map[string]any{"caseId": c3.ID, "decision": "REJECT", "reasonCode": "OTHER", "expectedVersion": cur3.Version}); r.code() != "BAD_USER_INPUT" {
			t.Fatalf("reject as OTHER without a text: %s", r.code())
		}
		rita.note(c3.ID, "Suspected fraud: the photo on the ID card was edited")
		cur3 = rita.reviewCase(c3.ID)
		rejected := mustReasonCase(t, rita.do(`mutation($in: DecideCaseInput!){ decideCase(input:$in){ id version status reason reasonCode documents { id type status } } }`,
			map[string]any{"in": map[string]any{"caseId": c3.ID, "decision": "REJECT", "reasonCode": "UNABLE_TO_VERIFY", "expectedVersion": cur3.Version}}), "decideCase")
		if rejected.Status != "REJECTED" || str(rejected.ReasonCode) != "UNABLE_TO_VERIFY" {
			t.Fatalf("rejected: %+v", rejected)
		}
		var mine3 struct{ MyCase reasonCase }
		app3.mustDo(`{ myCase { id status reason reasonCode } }`, nil, &mine3)
		if str(mine3.MyCase.Reason) != workflow.ReasonUnableToVerify.ApplicantText() || str(mine3.MyCase.ReasonCode) != "UNABLE_TO_VERIFY" {
			t.Fatalf("the applicant reads %q (%s)", str(mine3.MyCase.Reason), str(mine3.MyCase.ReasonCode))
		}
	})
}

// The review queue: PENDING_REVIEW ordered by submission time, oldest first, pages through
// every case once and in order with forward and backward cursors, ties broken by id.
func TestQueueOldestSubmittedFirst(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		ctx := context.Background()
		base := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
		// Submission times out of creation order, with two ties.
		offsets := []int{5, 1, 7, 3, 3, 0, 6, 1}
		var ids []string
		for i, h := range offsets {
			c, app := ts.startCase(t, fmt.Sprintf("Q%d", i), "Queue", "")
			submitCase(t, app, c.ID)
			if err := ts.app.client.KycCase.UpdateOneID(mustUUID(t, c.ID)).SetSubmittedAt(base.Add(time.Duration(h) * time.Hour)).Exec(ctx); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		// One case still collecting (no submittedAt) must not show in the queue.
		ts.startCase(t, "Not", "Submitted", "")

		rows, err := ts.app.client.KycCase.Query().Where(kyccase.StatusEQ(workflow.StatusPendingReview)).All(ctx)
		if err != nil || len(rows) != len(offsets) {
			t.Fatalf("%d pending, %v", len(rows), err)
		}
		want := slices.Clone(rows)
		slices.SortFunc(want, func(a, b *ent.KycCase) int {
			if c := a.SubmittedAt.Compare(*b.SubmittedAt); c != 0 {
				return c
			}
			return slices.Compare(a.ID[:], b.ID[:])
		})
		var wantIDs []string
		for _, c := range want {
			wantIDs = append(wantIDs, c.ID.String())
		}

		const q = `query($first: Int, $after: String, $last: Int, $before: String){ cases(first:$first, after:$after, last:$last, before:$before,
			filter:{status:[PENDING_REVIEW]}, orderBy:{field: SUBMITTED_AT, direction: ASC}){
			totalCount edges { cursor node { id submittedAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`
		type page struct {
			Cases struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						ID          string
						SubmittedAt time.Time
					}
				}
				PageInfo struct {
					HasNextPage, HasPreviousPage bool
					StartCursor, EndCursor       *string
				}
			}
		}
		var got []string
		var after any
		for n := 0; n < 10; n++ {
			var p page
			rita.mustDo(q, map[string]any{"first": 3, "after": after}, &p)
			if p.Cases.TotalCount != len(offsets) {
				t.Fatalf("totalCount %d, want %d", p.Cases.TotalCount, len(offsets))
			}
			for _, e := range p.Cases.Edges {
				got = append(got, e.Node.ID)
			}
			if !p.Cases.PageInfo.HasNextPage {
				break
			}
			after = *p.Cases.PageInfo.EndCursor
		}
		if !slices.Equal(got, wantIDs) {
			t.Fatalf("forward pages:\n got %v\nwant %v", got, wantIDs)
		}
		// Backward from the end, three at a time, gives the same order.
		var back []string
		var before any
		for n := 0; n < 10; n++ {
			var p page
			rita.mustDo(q, map[string]any{"last": 3, "before": before}, &p)
			var chunk []string
			for _, e := range p.Cases.Edges {
				chunk = append(chunk, e.Node.ID)
			}
			back = append(chunk, back...)
			if !p.Cases.PageInfo.HasPreviousPage {
				break
			}
			before = *p.Cases.PageInfo.StartCursor
		}
		if !slices.Equal(back, wantIDs) {
			t.Fatalf("backward pages:\n got %v\nwant %v", back, wantIDs)
		}
		if first := wantIDs[0]; first != ids[5] {
			t.Fatalf("the oldest submission (case 5) is not first: %s", first)
		}
	})
}

// The review SLA (REVIEW_SLA, default 24 h) reaches reviewers; the support contact
// (SUPPORT_CONTACT) reaches anyone, null when not configured.
func TestReviewSLAAndSupportContact(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		var pol struct {
			ReviewPolicy struct{ ReviewSlaSeconds int }
		}
		ts.rita(t).mustDo(`{ reviewPolicy { reviewSlaSeconds } }`, nil, &pol)
		if pol.ReviewPolicy.ReviewSlaSeconds != 24*3600 {
			t.Fatalf("default SLA %d s", pol.ReviewPolicy.ReviewSlaSeconds)
		}
		ts.anon(t).wantCode("UNAUTHENTICATED", `{ reviewPolicy { reviewSlaSeconds } }`, nil)
		var set struct {
			Settings struct{ SupportContact *string }
		}
		ts.anon(t).mustDo(`{ settings { supportContact } }`, nil, &set)
		if set.Settings.SupportContact != nil {
			t.Fatalf("support contact without configuration: %q", *set.Settings.SupportContact)
		}

		ts2 := newTestServerWith(t, db, func(a *app) {
			a.res.ReviewSLA = 4 * time.Hour
			a.res.SupportContact = "help@example.com"
		})
		ts2.rita(t).mustDo(`{ reviewPolicy { reviewSlaSeconds } }`, nil, &pol)
		if pol.ReviewPolicy.ReviewSlaSeconds != 4*3600 {
			t.Fatalf("SLA %d s, want 4 h", pol.ReviewPolicy.ReviewSlaSeconds)
		}
		_, app := ts2.startCase(t, "Ann", "", "")
		app.mustDo(`{ settings { supportContact } }`, nil, &set)
		if str(set.Settings.SupportContact) != "help@example.com" {
			t.Fatalf("support contact %q", str(set.Settings.SupportContact))
		}
	})
}

func TestReviewSLAAndSupportContactConfig(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tt := range []struct {
		args    []string
		env     map[string]string
		sla     time.Duration
		contact string
	}{
		{nil, nil, 24 * time.Hour, ""},
		{nil, map[string]string{"REVIEW_SLA": "4h", "SUPPORT_CONTACT": " +49 30 1234567 "}, 4 * time.Hour, "+49 30 1234567"},
		{[]string{"-review-sla", "90m", "-support-contact", "https://help.example.com"}, map[string]string{"REVIEW_SLA": "4h"}, 90 * time.Minute, "https://help.example.com"},
	} {
		cfg, err := parseConfig(tt.args, env(tt.env), io.Discard)
		if err != nil || cfg.ReviewSLA != tt.sla || cfg.SupportContact != tt.contact {
			t.Errorf("args %v env %v: %v %q, %v; want %v %q", tt.args, tt.env, cfg.ReviewSLA, cfg.SupportContact, err, tt.sla, tt.contact)
		}
	}
	for _, bad := range []map[string]string{{"REVIEW_SLA": "a day"}, {"REVIEW_SLA": "0s"}, {"REVIEW_SLA": "-1h"}} {
		if _, err := parseConfig(nil, env(bad), io.Discard); err == nil {
			t.Errorf("%v was accepted", bad)
		}
	}
	if _, err := parseConfig([]string{"-review-sla", "0"}, env(nil), io.Discard); err == nil {
		t.Error("-review-sla 0 was accepted")
	}
}

// Photos replaced before submission are told apart from the ones submitted for review, over
// two rounds.
func TestSubmittedRevisions(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Rev", "Isions", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t)) // rev 1, replaced before submission
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t)) // rev 2, submitted
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.mustUpload(c.ID, "SELFIE", pngFile(t))
		app.step(c.ID, "USER_NEXT_STEP", "")
		history := func() map[string]bool {
			var out struct {
				Node struct {
					DocumentHistory []struct {
						Type      string
						Revision  int
						Submitted bool
					}
				}
			}
			rita.mustDo(`query($id: ID!){ node(id:$id){ ... on Case { documentHistory { type revision submitted } } } }`, map[string]any{"id": c.ID}, &out)
			m := map[string]bool{}
			for _, d := range out.Node.DocumentHistory {
				m[fmt.Sprintf("%s/%d", d.Type, d.Revision)] = d.Submitted
			}
			return m
		}
		if h := history(); h["ID_CARD/1"] || h["ID_CARD/2"] || h["SELFIE/1"] || len(h) != 3 {
			t.Fatalf("before submission, nothing is submitted: %v", h)
		}
		cur := app.step(c.ID, "USER_NEXT_STEP", "")
		if h := history(); h["ID_CARD/1"] || !h["ID_CARD/2"] || !h["SELFIE/1"] {
			t.Fatalf("after the first submission: %v", h)
		}
		rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": cur.Version,
			"documents": []map[string]any{{"documentId": cur.docOf(t, "ID_CARD").ID, "reason": "", "reasonCode": "BLURRY"}}})
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t)) // rev 3, replaced
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t)) // rev 4, submitted
		for range 4 {
			if got := app.myCase(); got.State == "final" {
				break
			}
			app.step(c.ID, "USER_NEXT_STEP", "")
		}
		want := map[string]bool{"ID_CARD/1": false, "ID_CARD/2": true, "ID_CARD/3": false, "ID_CARD/4": true, "SELFIE/1": true}
		if h := history(); fmt.Sprint(h) != fmt.Sprint(want) {
			t.Fatalf("after the resubmission:\n got %v\nwant %v", h, want)
		}
		ts.anon(t).wantCode("UNAUTHENTICATED", `query($id: ID!){ node(id:$id){ ... on Document { submitted } } }`, map[string]any{"id": c.ID})
	})
}
