package main

// Tests of erasure and retention: personal data goes, the record and its audit chain stay.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/workflow"
)

const eraseMutation = `mutation($id:ID!,$r:String!){ eraseCase(input:{caseId:$id, reason:$r}){ status erasedAt applicant{ firstName lastName email } documents{ purgedAt } } }`

// photosLeft counts the stored objects of case id.
func (ts *testServer) photosLeft(t *testing.T, id string) int {
	t.Helper()
	n := 0
	_ = ts.app.res.Blobs.List(context.Background(), "documents/"+id+"/", func(graph.BlobInfo) error { n++; return nil })
	return n
}

func (ts *testServer) chainValid(t *testing.T, rita *client, id string) bool {
	t.Helper()
	var out struct {
		Node struct{ AuditChain struct{ Valid bool } }
	}
	rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { auditChain { valid } } } }`, map[string]any{"id": id}, &out)
	return out.Node.AuditChain.Valid
}

func TestEraseCase(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Ada", "Lovelace", "ada@example.com")
		submitted := submitCase(t, app, c.ID)
		// A re-take makes a second revision: erasure removes every one.
		if ts.photosLeft(t, c.ID) == 0 {
			t.Fatal("no photo stored")
		}
		token, _ := rita.invite("sam@example.com", "REVIEWER")
		sam := ts.accept(t, token)
		sam.wantCode("FORBIDDEN", eraseMutation, map[string]any{"id": c.ID, "r": "asked by email"})
		rita.wantCode("BAD_USER_INPUT", eraseMutation, map[string]any{"id": c.ID, "r": "  "})

		var out struct {
			EraseCase struct {
				Status    string
				ErasedAt  *time.Time
				Applicant struct{ FirstName, LastName, Email *string }
				Documents []struct{ PurgedAt *time.Time }
			}
		}
		rita.mustDo(eraseMutation, map[string]any{"id": c.ID, "r": "GDPR Art. 17 request, ticket 1234"}, &out)
		e := out.EraseCase
		if e.Status != submitted.Status || e.ErasedAt == nil || e.Applicant.FirstName != nil || e.Applicant.Email != nil {
			t.Fatalf("after erasure: %+v", e)
		}
		for _, d := range e.Documents {
			if d.PurgedAt == nil {
				t.Fatalf("a document is not marked deleted: %+v", e.Documents)
			}
		}
		if n := ts.photosLeft(t, c.ID); n != 0 {
			t.Fatalf("%d photos left after erasure", n)
		}
		if n, _ := ts.app.client.Document.Query().Where(document.PurgedAtIsNil()).Count(context.Background()); n != 0 {
			t.Fatalf("%d document rows not marked deleted", n)
		}
		got := rita.reviewCase(c.ID)
		if got.eventCount("APPLICANT_ERASED") != 1 || !ts.chainValid(t, rita, c.ID) {
			t.Fatalf("audit: %d erasure events, chain valid %v", got.eventCount("APPLICANT_ERASED"), ts.chainValid(t, rita, c.ID))
		}
		// The applicant's link is dead; the case cannot change any more.
		app.wantCode("UNAUTHENTICATED", `{ myCase { id } }`, nil)
		rita.wantCode("INVALID_TRANSITION", `mutation($id:ID!,$v:Int!){ decideCase(input:{caseId:$id, decision:APPROVE, expectedVersion:$v}){ id } }`,
			map[string]any{"id": c.ID, "v": got.Version})
		if status, _ := rita.get(submitted.Documents[0].URL); status == 200 {
			t.Fatal("an erased photo is still served")
		}
	})
}

func TestApplicantWithdraws(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Grace", "Hopper", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t))
		app.mustDo(`mutation{ eraseMyCase }`, nil, nil)
		if n := ts.photosLeft(t, c.ID); n != 0 {
			t.Fatalf("%d photos left after withdrawal", n)
		}
		app.wantCode("UNAUTHENTICATED", `{ myCase { id } }`, nil)
		// Once submitted, withdrawing is a request to the team.
		c2, app2 := ts.startCase(t, "Ada", "", "")
		submitCase(t, app2, c2.ID)
		app2.wantCode("INVALID_TRANSITION", `mutation{ eraseMyCase }`, nil)
	})
}

func TestRetentionJob(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		abandoned, appA := ts.startCase(t, "Old", "Draft", "")
		appA.step(abandoned.ID, "USER_NEXT_STEP", "")
		appA.step(abandoned.ID, "USER_NEXT_STEP", "ID_CARD")
		appA.mustUpload(abandoned.ID, "ID_CARD", jpegFile(t))
		fresh, _ := ts.startCase(t, "New", "Draft", "")
		decided, appD := ts.startCase(t, "Done", "Case", "")
		sub := submitCase(t, appD, decided.ID)
		rita.mustDecideCase(map[string]any{"caseId": decided.ID, "decision": "APPROVE", "expectedVersion": sub.Version})
		waiting, appW := ts.startCase(t, "Waits", "Review", "")
		submitCase(t, appW, waiting.ID)

		ctx := context.Background()
		// The draft was left 31 days ago: it goes (photos and details); the fresh one stays.
		if err := ts.app.client.KycCase.UpdateOneID(mustUUID(t, abandoned.ID)).SetUpdatedAt(time.Now().Add(-31 * 24 * time.Hour)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		n, err := ts.app.res.ApplyRetention(ctx, workflow.DefaultRetention, time.Now())
		if err != nil || n != 1 {
			t.Fatalf("ApplyRetention = %d, %v; want 1", n, err)
		}
		if ts.photosLeft(t, abandoned.ID) != 0 || ts.photosLeft(t, decided.ID) == 0 || ts.photosLeft(t, waiting.ID) == 0 {
			t.Fatal("retention at +31 d deleted the wrong photos")
		}
		var a struct {
			Node struct {
				ErasedAt  *time.Time
				Applicant struct{ FirstName *string }
			}
		}
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { erasedAt applicant{ firstName } } } }`, map[string]any{"id": abandoned.ID}, &a)
		if a.Node.ErasedAt == nil || a.Node.Applicant.FirstName != nil {
			t.Fatalf("the abandoned case: %+v", a.Node)
		}
		a.Node.Applicant.FirstName = nil
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { erasedAt applicant{ firstName } } } }`, map[string]any{"id": fresh.ID}, &a)
		if a.Node.ErasedAt != nil || a.Node.Applicant.FirstName == nil {
			t.Fatalf("a fresh draft lost its details: %+v", a.Node)
		}
		// Decided five years and a day ago: its photos go, its record stays; again: nothing.
		if err := ts.app.client.KycCase.UpdateOneID(mustUUID(t, decided.ID)).SetDecidedAt(time.Now().Add(-5*365*24*time.Hour - 48*time.Hour)).Exec(ctx); err != nil {
			t.Fatal(err)
		}
		later := time.Now()
		if _, err = ts.app.res.ApplyRetention(ctx, workflow.DefaultRetention, later); err != nil {
			t.Fatal(err)
		}
		if ts.photosLeft(t, decided.ID) != 0 || ts.photosLeft(t, waiting.ID) == 0 {
			t.Fatal("retention at +5 y deleted the wrong photos")
		}
		d := rita.reviewCase(decided.ID)
		if d.Status != "APPROVED" || d.eventCount("DOCUMENTS_PURGED") != 1 || !ts.chainValid(t, rita, decided.ID) {
			t.Fatalf("the decided case: %s, %d purge events", d.Status, d.eventCount("DOCUMENTS_PURGED"))
		}
		if n, err = ts.app.res.ApplyRetention(ctx, workflow.DefaultRetention, later); err != nil || n != 0 {
			t.Fatalf("a second pass changed %d (%v)", n, err)
		}
	})
}

// Retention works through a backlog in bounded runs, each saying whether cases remain, so
// that the job enqueues the next run instead of leaving them for the next period (issue 23:
// one page of 1,000 ids per rule every 6 h fell behind above ≈ 4,000 cases a day); the
// backlog it leaves is on /metrics.
func TestRetentionWorksThroughBacklog(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		ctx := context.Background()
		const due = 5
		for i := range due {
			c, _ := ts.startCase(t, fmt.Sprintf("Old%d", i), "Draft", "")
			if err := ts.app.client.KycCase.UpdateOneID(mustUUID(t, c.ID)).SetUpdatedAt(time.Now().Add(-31 * 24 * time.Hour)).Exec(ctx); err != nil {
				t.Fatal(err)
			}
		}
		ts.startCase(t, "Fresh", "Draft", "") // not due
		now := time.Now()
		if n, err := ts.app.res.RetentionBacklog(ctx, workflow.DefaultRetention, now); err != nil || n != due {
			t.Fatalf("backlog = %d, %v; want %d", n, err, due)
		}
		var runs []int
		for more := true; more; {
			n, m, err := ts.app.res.ApplyRetentionBatch(ctx, workflow.DefaultRetention, now, 2)
			if err != nil {
				t.Fatal(err)
			}
			runs, more = append(runs, n), m
			if len(runs) > due {
				t.Fatalf("runs %v never end", runs)
			}
		}
		if fmt.Sprint(runs) != "[2 2 1]" {
			t.Fatalf("bounded runs changed %v cases, want [2 2 1]", runs)
		}
		if n, err := ts.app.res.RetentionBacklog(ctx, workflow.DefaultRetention, now); err != nil || n != 0 {
			t.Fatalf("backlog after the runs = %d, %v; want 0", n, err)
		}
		_, body := ts.anon(t).get("/metrics")
		if !strings.Contains(string(body), "kyc_retention_backlog_cases ") {
			t.Fatal("/metrics lacks kyc_retention_backlog_cases")
		}
	})
}
