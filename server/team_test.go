package main

// Tests of the review team (roles, invitations, deactivation) and of four-eyes decisions.

import (
	"bytes"
	"context"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/ent/reviewer"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/workflow"
)

const (
	inviteMutation = `mutation($in: InviteReviewerInput!){ inviteReviewer(input:$in){ inviteUrl reviewer{ id email role active invitePending } } }`
	acceptMutation = `mutation($in: AcceptInviteInput!){ acceptInvite(input:$in){ id email role lastSignInAt } }`
	activeMutation = `mutation($in: SetReviewerActiveInput!){ setReviewerActive(input:$in){ id active } }`
	teamPassword   = "a long team password"
)

type invited struct {
	InviteReviewer struct {
		InviteURL string
		Reviewer  struct {
			ID, Email, Role string
			Active          bool
			InvitePending   bool
		}
	}
}

// invite has admin invite email with role and returns the invitation token and reviewer id.
func (c *client) invite(email, role string) (token, id string) {
	c.t.Helper()
	var out invited
	c.mustDo(inviteMutation, map[string]any{"in": map[string]any{"email": email, "name": "Team " + role, "role": role}}, &out)
	u := out.InviteReviewer.InviteURL
	if !strings.Contains(u, "/backoffice/#invite=") || !out.InviteReviewer.Reviewer.InvitePending || out.InviteReviewer.Reviewer.Role != role {
		c.t.Fatalf("invite: %+v", out)
	}
	return u[strings.Index(u, "#invite=")+len("#invite="):], out.InviteReviewer.Reviewer.ID
}

// accept takes an invitation in a fresh browser (cookie jar) and returns it signed in.
func (ts *testServer) accept(t *testing.T, token string) *client {
	t.Helper()
	c := ts.anon(t)
	c.http.Jar, _ = cookiejar.New(nil)
	var out struct{ AcceptInvite struct{ Email, Role string } }
	c.mustDo(acceptMutation, map[string]any{"in": map[string]any{"token": token, "password": teamPassword}}, &out)
	var me struct{ Me *struct{ Email string } }
	c.mustDo(`{ me { email } }`, nil, &me)
	if me.Me == nil || me.Me.Email != out.AcceptInvite.Email {
		t.Fatalf("after acceptInvite: me = %+v, want %s signed in", me.Me, out.AcceptInvite.Email)
	}
	return c
}

func TestTeamInvitations(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		var me struct{ Me struct{ Role string } }
		rita.mustDo(`{ me { role } }`, nil, &me)
		if me.Me.Role != "ADMIN" {
			t.Fatalf("the configured reviewer is %s, want ADMIN", me.Me.Role)
		}

		token, _ := rita.invite("Sam@Example.com", "REVIEWER")
		// An invited reviewer cannot sign in before accepting (no password yet).
		ts.anon(t).wantCode("UNAUTHENTICATED", `mutation{ login(input:{email:"sam@example.com", password:""}){ id } }`, nil)
		anon := ts.anon(t)
		anon.wantCode("BAD_USER_INPUT", acceptMutation, map[string]any{"in": map[string]any{"token": token, "password": "too short"}})
		sam := ts.accept(t, token)
		// Single use.
		anon.wantCode("UNAUTHENTICATED", acceptMutation, map[string]any{"in": map[string]any{"token": token, "password": teamPassword}})
		// The password works from then on; the sign-in time is recorded.
		ts.reviewer(t, "sam@example.com", teamPassword)
		var team struct {
			Reviewers []struct {
				Email         string
				Active        bool
				InvitePending bool
				LastSignInAt  *time.Time
			}
		}
		rita.mustDo(`{ reviewers { email active invitePending lastSignInAt } }`, nil, &team)
		for _, r := range team.Reviewers {
			if r.Email == "sam@example.com" && (r.InvitePending || r.LastSignInAt == nil || !r.Active) {
				t.Fatalf("sam after accepting: %+v", r)
			}
		}

		// A non-admin can neither invite nor deactivate.
		sam.wantCode("FORBIDDEN", inviteMutation, map[string]any{"in": map[string]any{"email": "x@example.com", "name": "X", "role": "ADMIN"}})
		var ritaID struct{ Me struct{ ID string } }
		rita.mustDo(`{ me { id } }`, nil, &ritaID)
		sam.wantCode("FORBIDDEN", activeMutation, map[string]any{"in": map[string]any{"reviewerId": ritaID.Me.ID, "active": false}})
		// An admin cannot lock themself out.
		rita.wantCode("FORBIDDEN", activeMutation, map[string]any{"in": map[string]any{"reviewerId": ritaID.Me.ID, "active": false}})
		// Inviting an existing account is a conflict; a bad email is bad input.
		rita.wantCode("CONFLICT", inviteMutation, map[string]any{"in": map[string]any{"email": "sam@example.com", "name": "Sam", "role": "REVIEWER"}})
		rita.wantCode("BAD_USER_INPUT", inviteMutation, map[string]any{"in": map[string]any{"email": "not-an-email", "name": "X", "role": "REVIEWER"}})

		// An expired invitation is refused; inviting again gives a new link and ends the old one.
		old, _ := rita.invite("late@example.com", "REVIEWER")
		if _, err := ts.app.client.Reviewer.Update().Where(reviewer.Email("late@example.com")).
			SetInviteExpiresAt(time.Now().Add(-time.Minute)).Save(context.Background()); err != nil {
			t.Fatal(err)
		}
		anon.wantCode("UNAUTHENTICATED", acceptMutation, map[string]any{"in": map[string]any{"token": old, "password": teamPassword}})
		renewed, _ := rita.invite("late@example.com", "ADMIN")
		anon.wantCode("UNAUTHENTICATED", acceptMutation, map[string]any{"in": map[string]any{"token": old, "password": teamPassword}})
		late := ts.accept(t, renewed)
		late.mustDo(inviteMutation, map[string]any{"in": map[string]any{"email": "third@example.com", "name": "Third", "role": "REVIEWER"}}, nil)
	})
}

func TestDeactivationEndsSessionsAndSockets(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		token, samID := rita.invite("sam@example.com", "REVIEWER")
		sam := ts.accept(t, token)
		samWS := ts.mustDialLive(t, nil, sam.cookieHeader())
		samWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitted := submitCase(t, app, c.ID)
		sam.mustDo(`mutation($id:ID!){ assignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c.ID}, nil)

		rita.mustDo(activeMutation, map[string]any{"in": map[string]any{"reviewerId": samID, "active": false}}, nil)
		if code, ok := samWS.waitClosed(2 * time.Second); !ok || code != 4401 {
			t.Fatalf("the deactivated reviewer's socket: closed %v with %d, want 4401 within 2 s", ok, code)
		}
		sam.wantCode("UNAUTHENTICATED", `mutation($id:ID!){ unassignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c.ID})
		if r := ts.anon(t).do(`mutation{ login(input:{email:"sam@example.com", password:"`+teamPassword+`"}){ id } }`, nil); r.code() != "FORBIDDEN" {
			t.Fatalf("a deactivated reviewer's sign-in: %+v, want FORBIDDEN", r.Errors)
		}
		// Their case stays assigned to them, and shows who.
		var got struct {
			Node struct {
				Version  int
				Assignee struct {
					ID     string
					Active bool
				}
			}
		}
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { version assignee { id active } } } }`, map[string]any{"id": c.ID}, &got)
		if got.Node.Assignee.ID != samID || got.Node.Assignee.Active || got.Node.Version <= submitted.Version {
			t.Fatalf("case after deactivation: %+v", got.Node)
		}
		// Reactivated, the password works again.
		rita.mustDo(activeMutation, map[string]any{"in": map[string]any{"reviewerId": samID, "active": true}}, nil)
		ts.reviewer(t, "sam@example.com", teamPassword)
	})
}

func TestReviewersCommand(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		return map[string]string{"DATA_DIR": dir, "PUBLIC_URL": "https://kyc.example", "SECRET_KEY": "cli-test-secret-0123456789abcdef0123"}[k]
	}
	var out, errs bytes.Buffer
	ctx := context.Background()
	if err := run(ctx, []string{"reviewers", "add", "-email", "first@example.com", "-name", "First Admin", "-role", "admin"}, env, &out, &errs); err != nil {
		t.Fatalf("reviewers add: %v (%s)", err, errs.String())
	}
	if !strings.Contains(out.String(), "https://kyc.example/backoffice/#invite=") {
		t.Fatalf("reviewers add printed %q, want an invitation link", out.String())
	}
	out.Reset()
	if err := run(ctx, []string{"reviewers", "deactivate", "-email", "first@example.com"}, env, &out, &errs); err != nil {
		t.Fatalf("reviewers deactivate: %v", err)
	}
	out.Reset()
	if err := run(ctx, []string{"reviewers", "list"}, env, &out, &errs); err != nil {
		t.Fatalf("reviewers list: %v", err)
	}
	if line := out.String(); !strings.Contains(line, "first@example.com") || !strings.Contains(line, "ADMIN") || !strings.Contains(line, "false") {
		t.Fatalf("reviewers list printed %q", line)
	}
	if err := run(ctx, []string{"reviewers", "promote"}, env, &out, &errs); err == nil {
		t.Fatal("an unknown action was accepted")
	}
}

// fourEyesServer is a server with the four-eyes policy, its admin (rita) and a second reviewer.
func fourEyesServer(t *testing.T, db testDB, policy workflow.FourEyes) (*testServer, *client, *client) {
	t.Helper()
	ts := newTestServerWith(t, db, func(a *app) { a.res.FourEyes = policy })
	rita := ts.rita(t)
	token, _ := rita.invite("bob@example.com", "REVIEWER")
	bob := ts.accept(t, token)
	return ts, rita, bob
}

const (
	confirmMutation = `mutation($in: ConfirmDecisionInput!){ confirmDecision(input:$in){ status version proposedDecision{ decision } } }`
	returnMutation  = `mutation($in: ReturnDecisionInput!){ returnDecision(input:$in){ status version returnedDecision{ decision returnReason by{ email } returnedBy{ email } } } }`
)

func TestFourEyesApproval(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts, rita, bob := fourEyesServer(t, db, workflow.FourEyesApprovals)
		var pol struct{ ReviewPolicy struct{ FourEyes string } }
		bob.mustDo(`{ reviewPolicy { fourEyes } }`, nil, &pol)
		if pol.ReviewPolicy.FourEyes != "APPROVALS" {
			t.Fatalf("reviewPolicy: %+v", pol)
		}
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitted := submitCase(t, app, c.ID)
		sub := ts.mustDialLive(t, map[string]any{"authorization": "Bearer " + app.token}, nil)
		sub.subscribe("case", caseUpdatedSub, map[string]any{"id": c.ID})
		sub.sync()

		// Rita proposes: the case waits; the applicant still sees "in review" and hears nothing.
		proposed := rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": submitted.Version})
		if proposed.Status != "AWAITING_SECOND_REVIEW" {
			t.Fatalf("after the proposal: %s, want AWAITING_SECOND_REVIEW", proposed.Status)
		}
		if got := app.myCase(); got.Status != "PENDING_REVIEW" {
			t.Fatalf("the applicant sees %s, want PENDING_REVIEW", got.Status)
		}
		var view struct {
			Node struct {
				AvailableDecisions []string
				ProposedDecision   struct {
					Decision string
					By       struct{ Email string }
				}
			}
		}
		bob.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { availableDecisions proposedDecision{ decision by{ email } } } } }`, map[string]any{"id": c.ID}, &view)
		if view.Node.ProposedDecision.Decision != "APPROVE" || view.Node.ProposedDecision.By.Email != testReviewerEmail || len(view.Node.AvailableDecisions) != 0 {
			t.Fatalf("bob's view of the proposal: %+v", view.Node)
		}
		// Rita cannot confirm her own proposal; a stale version is a conflict.
		rita.wantCode("FORBIDDEN", confirmMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "expectedVersion": proposed.Version}})
		bob.wantCode("CONFLICT", confirmMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "expectedVersion": submitted.Version}})
		// Rejections need no second reviewer under APPROVALS; resubmission requests never do.
		var confirmed struct{ ConfirmDecision struct{ Status string } }
		bob.mustDo(confirmMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "expectedVersion": proposed.Version}}, &confirmed)
		if confirmed.ConfirmDecision.Status != "APPROVED" {
			t.Fatalf("after confirmation: %+v", confirmed)
		}
		// The applicant's subscription heard the decision and nothing before it.
		m, ok := sub.next(5 * time.Second)
		if !ok || !strings.Contains(string(m.Payload), `"APPROVED"`) {
			t.Fatalf("the applicant's first update: %+v %s, want the approval", m, m.Payload)
		}
		if got := rita.reviewCase(c.ID); got.eventCount("DECISION_PROPOSED") != 1 || got.eventCount("DECISION_CONFIRMED") != 1 {
			t.Fatalf("audit trail: %d proposed, %d confirmed", got.eventCount("DECISION_PROPOSED"), got.eventCount("DECISION_CONFIRMED"))
		}
	})
}

func TestFourEyesReturnAndRejections(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts, rita, bob := fourEyesServer(t, db, workflow.FourEyesAll)
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitted := submitCase(t, app, c.ID)
		proposed := rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REJECT", "reason": "Document expired", "expectedVersion": submitted.Version})
		if proposed.Status != "AWAITING_SECOND_REVIEW" {
			t.Fatalf("a rejection under ALL: %s, want AWAITING_SECOND_REVIEW", proposed.Status)
		}
		bob.wantCode("BAD_USER_INPUT", returnMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "reason": " ", "expectedVersion": proposed.Version}})
		var back struct {
			ReturnDecision struct {
				Status, Version  any
				ReturnedDecision struct {
					Decision, ReturnReason string
					By, ReturnedBy         struct{ Email string }
				}
			}
		}
		bob.mustDo(returnMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "reason": "The expiry date is next year", "expectedVersion": proposed.Version}}, &back)
		r := back.ReturnDecision
		if r.Status != "PENDING_REVIEW" || r.ReturnedDecision.ReturnReason != "The expiry date is next year" ||
			r.ReturnedDecision.By.Email != testReviewerEmail || r.ReturnedDecision.ReturnedBy.Email != "bob@example.com" {
			t.Fatalf("after the return: %+v", r)
		}
		// Resubmission requests are never proposed.
		cur := rita.reviewCase(c.ID)
		doc := cur.docOf(t, "SELFIE")
		got := rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": cur.Version,
			"documents": []map[string]any{{"documentId": doc.ID, "reason": "Blurry"}}})
		if got.Status != "RESUBMISSION_REQUESTED" {
			t.Fatalf("a resubmission request under ALL: %s", got.Status)
		}
	})
}

// Twenty reviewers confirm one proposal at once: exactly one wins, the others get CONFLICT.
func TestConcurrentConfirmations(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts, rita, _ := fourEyesServer(t, db, workflow.FourEyesApprovals)
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		submitted := submitCase(t, app, c.ID)
		proposed := rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": submitted.Version})
		var confirmers []*client
		for i := range 20 {
			token, _ := rita.invite(strings.Repeat("c", i+1)+"@example.com", "REVIEWER")
			confirmers = append(confirmers, ts.accept(t, token))
		}
		var wg sync.WaitGroup
		codes := make([]string, len(confirmers))
		for i, cl := range confirmers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i] = cl.do(confirmMutation, map[string]any{"in": map[string]any{"caseId": c.ID, "expectedVersion": proposed.Version}}).code()
			}()
		}
		wg.Wait()
		won := 0
		for _, code := range codes {
			switch code {
			case "":
				won++
			case "CONFLICT", "INVALID_TRANSITION":
			default:
				t.Fatalf("a confirmation failed with %q", code)
			}
		}
		if won != 1 {
			t.Fatalf("%d confirmations won, want exactly 1 (codes %v)", won, codes)
		}
		if got := rita.reviewCase(c.ID); got.Status != "APPROVED" || got.eventCount("DECISION_CONFIRMED") != 1 {
			t.Fatalf("after the race: %s with %d confirmations", got.Status, got.eventCount("DECISION_CONFIRMED"))
		}
	})
}

// A reviewer deactivated by another process (the reviewers subcommand on SQLite: no notice
// reaches the server) loses their socket at the next periodic recheck.
func TestSessionRecheckClosesSocketsOfEndedSessions(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	rita := ts.rita(t)
	token, samID := rita.invite("sam@example.com", "REVIEWER")
	sam := ts.accept(t, token)
	samWS := ts.mustDialLive(t, nil, sam.cookieHeader())
	samWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })
	ritaWS := ts.mustDialLive(t, nil, rita.cookieHeader())
	ritaWS.live("feed", caseFeedSub, nil, func() { ts.startCase(t, "Poke", "", "") })

	if _, err := graph.SetActive(context.Background(), ts.app.client, mustUUID(t, samID), false); err != nil {
		t.Fatal(err)
	}
	ts.app.res.RecheckSessions(context.Background())
	if code, ok := samWS.waitClosed(2 * time.Second); !ok || code != 4401 {
		t.Fatalf("the deactivated reviewer's socket after a recheck: closed %v with %d, want 4401", ok, code)
	}
	if _, closed := ritaWS.waitClosed(0); closed {
		t.Fatal("a live session's socket was closed")
	}
}
