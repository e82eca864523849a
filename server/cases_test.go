package main

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/audit"
)

type casesPage struct {
	Cases struct {
		TotalCount int `json:"totalCount"`
		PageInfo   struct {
			HasNextPage     bool    `json:"hasNextPage"`
			HasPreviousPage bool    `json:"hasPreviousPage"`
			StartCursor     *string `json:"startCursor"`
			EndCursor       *string `json:"endCursor"`
		} `json:"pageInfo"`
		Edges []struct {
			Cursor string `json:"cursor"`
			Node   struct {
				ID       string `json:"id"`
				Status   string `json:"status"`
				Assignee *struct {
					Email string `json:"email"`
				} `json:"assignee"`
			} `json:"node"`
		} `json:"edges"`
	} `json:"cases"`
}

func (p casesPage) ids() []string {
	out := []string{}
	for _, e := range p.Cases.Edges {
		out = append(out, e.Node.ID)
	}
	return out
}

const casesQuery = `query($first: Int, $after: String, $last: Int, $before: String, $filter: CaseFilter, $orderBy: CaseOrder){
	cases(first:$first, after:$after, last:$last, before:$before, filter:$filter, orderBy:$orderBy){
		totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
		edges { cursor node { id status assignee { email } } } } }`

func (c *client) cases(vars map[string]any) casesPage {
	c.t.Helper()
	var p casesPage
	c.mustDo(casesQuery, vars, &p)
	return p
}

// The reviewers' case list: pagination, filters, search and ordering.
func TestCasesQuery(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		otto := ts.addReviewer(t, "otto@example.com")

		c1, app1 := ts.startCase(t, "Alice", "Anders", "alice@example.org")
		c2, app2 := ts.startCase(t, "Bob", "Brown", "bob@EXAMPLE.org")
		c3, _ := ts.startCase(t, "Carol", "Chen", "carol@mail.test")
		c4, _ := ts.startCase(t, "Dave", "Doe", "alice.fan@mail.test")
		c5, _ := ts.startCase(t, "", "", "")
		all := []string{c1.ID, c2.ID, c3.ID, c4.ID, c5.ID}
		submitCase(t, app1, c1.ID)
		submitCase(t, app2, c2.ID)
		rita.mustDo(`mutation($id: ID!){ assignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c1.ID}, nil)
		otto.mustDo(`mutation($id: ID!){ assignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c2.ID}, nil)

		// Whom a case can be assigned to: every reviewer, for reviewers only; and assigning
		// to another reviewer.
		var rs struct {
			Reviewers []struct{ ID, Email, Name string }
		}
		rita.mustDo(`{ reviewers{ id email name } }`, nil, &rs)
		if len(rs.Reviewers) != 2 || rs.Reviewers[0].Email != testReviewerEmail || rs.Reviewers[1].Email != "otto@example.com" {
			t.Fatalf("reviewers: %+v", rs.Reviewers)
		}
		app1.wantCode("FORBIDDEN", `{ reviewers{ id } }`, nil)
		ts.anon(t).wantCode("UNAUTHENTICATED", `{ reviewers{ id } }`, nil)
		rita.mustDo(`mutation($id: ID!, $to: ID){ assignCase(input:{caseId:$id, reviewerId:$to}){ id } }`, map[string]any{"id": c5.ID, "to": rs.Reviewers[1].ID}, nil)
		otto.mustDo(`mutation($id: ID!){ unassignCase(input:{caseId:$id}){ id } }`, map[string]any{"id": c5.ID}, nil)
		rita.note(c3.ID, "touch c3 last")

		asc := map[string]any{"field": "CREATED_AT", "direction": "ASC"}
		check := func(what string, vars map[string]any, want ...string) casesPage {
			t.Helper()
			p := rita.cases(vars)
			if got := p.ids(); !slices.Equal(got, want) {
				t.Fatalf("%s: got %v, want %v", what, got, want)
			}
			return p
		}

		// Default order: newest first.
		p := check("default order", nil, c5.ID, c4.ID, c3.ID, c2.ID, c1.ID)
		if p.Cases.TotalCount != 5 || p.Cases.PageInfo.HasNextPage {
			t.Fatalf("default page: totalCount %d hasNextPage %v", p.Cases.TotalCount, p.Cases.PageInfo.HasNextPage)
		}
		check("created asc", map[string]any{"orderBy": asc}, all...)
		check("updated desc", map[string]any{"first": 1, "orderBy": map[string]any{"field": "UPDATED_AT", "direction": "DESC"}}, c3.ID)
		check("submitted desc", map[string]any{"filter": map[string]any{"status": []string{"PENDING_REVIEW"}},
			"orderBy": map[string]any{"field": "SUBMITTED_AT", "direction": "DESC"}}, c2.ID, c1.ID)

		// Forward pagination.
		p = check("page 1", map[string]any{"first": 2, "orderBy": asc}, c1.ID, c2.ID)
		if p.Cases.TotalCount != 5 || !p.Cases.PageInfo.HasNextPage || p.Cases.PageInfo.EndCursor == nil {
			t.Fatalf("page 1: %+v", p.Cases.PageInfo)
		}
		p = check("page 2", map[string]any{"first": 2, "after": *p.Cases.PageInfo.EndCursor, "orderBy": asc}, c3.ID, c4.ID)
		if p.Cases.TotalCount != 5 || !p.Cases.PageInfo.HasNextPage {
			t.Fatalf("page 2: totalCount %d %+v", p.Cases.TotalCount, p.Cases.PageInfo)
		}
		p = check("page 3", map[string]any{"first": 2, "after": *p.Cases.PageInfo.EndCursor, "orderBy": asc}, c5.ID)
		if p.Cases.PageInfo.HasNextPage {
			t.Fatal("page 3: hasNextPage on the last page")
		}
		// Backward.
		p = check("last 2", map[string]any{"last": 2, "orderBy": asc}, c4.ID, c5.ID)
		if !p.Cases.PageInfo.HasPreviousPage {
			t.Fatal("last 2: no previous page")
		}
		check("before", map[string]any{"last": 2, "before": *p.Cases.PageInfo.StartCursor, "orderBy": asc}, c2.ID, c3.ID)

		// Filters.
		p = check("status", map[string]any{"filter": map[string]any{"status": []string{"PENDING_REVIEW"}}, "orderBy": asc}, c1.ID, c2.ID)
		if p.Cases.TotalCount != 2 {
			t.Fatalf("status filter: totalCount %d, want 2", p.Cases.TotalCount)
		}
		check("two statuses", map[string]any{"filter": map[string]any{"status": []string{"APPROVED", "IN_PROGRESS"}}, "orderBy": asc}, c3.ID, c4.ID, c5.ID)
		p = check("assigned to rita", map[string]any{"filter": map[string]any{"assignedToMe": true}}, c1.ID)
		if a := p.Cases.Edges[0].Node.Assignee; a == nil || a.Email != testReviewerEmail {
			t.Fatalf("assignee %+v", a)
		}
		if got := otto.cases(map[string]any{"filter": map[string]any{"assignedToMe": true}}).ids(); !slices.Equal(got, []string{c2.ID}) {
			t.Fatalf("assigned to otto: %v", got)
		}
		check("unassigned", map[string]any{"filter": map[string]any{"unassigned": true}, "orderBy": asc}, c3.ID, c4.ID, c5.ID)
		check("search first name or email", map[string]any{"filter": map[string]any{"search": "ALICE"}, "orderBy": asc}, c1.ID, c4.ID)
		c6, _ := ts.startCase(t, "Åsa", "Öberg", "")
		check("search full name, non-ASCII, any case", map[string]any{"filter": map[string]any{"search": "ÅSA öBERG"}}, c6.ID)
		check("search is a substring, not a pattern", map[string]any{"filter": map[string]any{"search": "a%e"}})
		check("search email domain", map[string]any{"filter": map[string]any{"search": "example.ORG"}, "orderBy": asc}, c1.ID, c2.ID)
		check("search last name", map[string]any{"filter": map[string]any{"search": "  chen "}}, c3.ID)
		p = check("search no match", map[string]any{"filter": map[string]any{"search": "zzz"}})
		if p.Cases.TotalCount != 0 {
			t.Fatalf("no match: totalCount %d", p.Cases.TotalCount)
		}
		check("combined", map[string]any{"filter": map[string]any{"search": "alice", "status": []string{"PENDING_REVIEW"}, "assignedToMe": true}}, c1.ID)

		// Bad input.
		rita.wantCode("BAD_USER_INPUT", casesQuery, map[string]any{"first": 1000})
		rita.wantCode("BAD_USER_INPUT", casesQuery, map[string]any{"first": 1, "after": "not a cursor"})
		rita.wantCode("BAD_USER_INPUT", casesQuery, map[string]any{"filter": map[string]any{"status": []string{"NOPE"}}})
	})
}

// Rows written before a column existed get it filled at start-up: the audit chain's head
// (without which the next event would collide with seq 1) and the search column.
func TestUpgradeFillsNewColumns(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Olga", "Older", "olga@example.com")
		app.step(c.ID, "USER_NEXT_STEP", "")
		ctx := context.Background()
		if _, err := ts.app.db.ExecContext(ctx, "UPDATE kyc_cases SET last_event_seq = 0, last_event_hash = '', search_text = ''"); err != nil {
			t.Fatal(err)
		}
		dia := dialect.SQLite
		if db.name == "postgres" {
			dia = dialect.Postgres
		}
		if err := upgradeData(ctx, ts.app.client, ts.app.db, dia, ts.app.res.AuditKey, ts.app.log); err != nil {
			t.Fatal(err)
		}
		got, err := ts.app.client.KycCase.Get(ctx, uuid.MustParse(c.ID))
		if err != nil {
			t.Fatal(err)
		}
		last, err := ts.app.client.CaseEvent.Query().Where(caseevent.CaseID(got.ID)).Order(ent.Desc(caseevent.FieldSeq)).First(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got.LastEventSeq != 2 || got.LastEventHash != last.Hash || got.SearchText != "olga older olga@example.com" {
			t.Fatalf("after upgrade: seq %d hash %q search %q; want 2, %q, the lower-cased names", got.LastEventSeq, got.LastEventHash, got.SearchText, last.Hash)
		}
		if v := app.step(c.ID, "USER_PREV_STEP", ""); v.State != "welcome" {
			t.Fatalf("the next event after the upgrade: state %s", v.State)
		}
		if err := upgradeData(ctx, ts.app.client, ts.app.db, dia, ts.app.res.AuditKey, ts.app.log); err != nil {
			t.Fatalf("a second run: %v", err)
		}
	})
}

// The audit trail is a per-case hash chain: seq 1..n, each event's prevHash is the previous
// event's hash, and each hash covers the previous hash and the event's content.
func TestAuditChain(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Ida", "Chain", "")
		other, _ := ts.startCase(t, "Interleaved", "", "") // events of another case do not join the chain
		c = submitCase(t, app, c.ID)
		rita.note(c.ID, "looks fine")
		rita.note(other.ID, "other case")
		c = rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "REQUEST_RESUBMISSION", "expectedVersion": c.Version + 1,
			"documents": []any{map[string]any{"documentId": c.docOf(t, "SELFIE").ID, "reason": "Eyes closed"}}})
		if c.State != "selfie" {
			t.Fatalf("selfie resubmission moved the case to %s, want selfie", c.State)
		}
		app.mustUpload(c.ID, "SELFIE", pngFile(t))
		app.step(c.ID, "USER_NEXT_STEP", "")
		c = app.step(c.ID, "USER_NEXT_STEP", "")
		rita.mustDecideCase(map[string]any{"caseId": c.ID, "decision": "APPROVE", "expectedVersion": c.Version})

		view := rita.reviewCase(c.ID)
		stored, err := ts.app.client.CaseEvent.Query().Where(caseevent.CaseID(uuid.MustParse(c.ID))).
			Order(ent.Asc(caseevent.FieldSeq)).All(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(stored) != len(view.Events) || len(stored) < 15 {
			t.Fatalf("%d stored events, %d in the API", len(stored), len(view.Events))
		}
		seen := map[string]bool{}
		for i, ev := range stored {
			if ev.Seq != i+1 {
				t.Fatalf("event %d has seq %d", i, ev.Seq)
			}
			prev := ""
			if i > 0 {
				prev = stored[i-1].Hash
			}
			if ev.PrevHash != prev {
				t.Fatalf("event seq %d: prevHash %q, want the previous hash %q", ev.Seq, ev.PrevHash, prev)
			}
			if got := view.Events[i]; got.ID != ev.ID.String() || got.Hash != ev.Hash || got.Type != ev.Type || got.CaseID != c.ID {
				t.Fatalf("API event %d %+v differs from stored %s %s %s", i, got, ev.ID, ev.Type, ev.Hash)
			}
			if seen[ev.Hash] {
				t.Fatalf("hash %s repeats", ev.Hash)
			}
			seen[ev.Hash] = true
			// The hash is keyed (issue 10, item 11): an HMAC-SHA256 with the key derived from
			// SECRET_KEY, which the unkeyed SHA-256 of the same content does not match.
			content := fmt.Sprintf("%s\n%s\n%d\n%s\n%s\n%s\n%s\n%s\n%s", ev.PrevHash, ev.CaseID, ev.Seq, ev.Type, ev.Actor,
				deref(ev.FromState), deref(ev.ToState), deref(ev.Data), ev.CreatedAt.UTC().Format(time.RFC3339Nano))
			sum := hmac.New(sha256.New, audit.KeyFrom([]byte(ts.cfg.SecretKey)))
			sum.Write([]byte(content))
			if want := hex.EncodeToString(sum.Sum(nil)); ev.Hash != want {
				t.Fatalf("event seq %d (%s): stored hash %s does not cover its content (recomputed %s)", ev.Seq, ev.Type, ev.Hash, want)
			}
			if unkeyed := sha256.Sum256([]byte(content)); ev.Hash == hex.EncodeToString(unkeyed[:]) {
				t.Fatalf("event seq %d: the hash is the unkeyed SHA-256 of its content", ev.Seq)
			}
		}
		types := []string{}
		for _, e := range view.Events {
			types = append(types, e.Type)
		}
		for _, want := range []string{"CASE_STARTED", "STATE_CHANGED", "DOCUMENT_UPLOADED", "CASE_SUBMITTED", "NOTE_ADDED", "CASE_ASSIGNED", "CASE_DECIDED"} {
			if !slices.Contains(types, want) {
				t.Fatalf("event types %v lack %s", types, want)
			}
		}
		if view.Events[0].Type != "CASE_STARTED" || view.Events[len(view.Events)-1].Type != "CASE_DECIDED" {
			t.Fatalf("timeline %v is not oldest first", types)
		}
	})
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// faultyBlobs fails or panics on Put when told to.
type faultyBlobs struct {
	graph.Blobs
	mode atomic.Value // "", "error" or "panic"
}

func (f *faultyBlobs) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	switch f.mode.Load() {
	case "error":
		return 0, "", errors.New("open /var/lib/secret/kyc/" + key + ": permission denied (pq: password=hunter2)")
	case "panic":
		panic("runtime secret: /var/lib/secret/kyc " + key)
	}
	return f.Blobs.Put(ctx, key, r)
}

// Health probes answer; internal failures reach the client as INTERNAL without internals.
func TestHealthAndInternalErrors(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		blobs := &faultyBlobs{}
		blobs.mode.Store("")
		ts := newTestServerWith(t, db, func(a *app) {
			blobs.Blobs = a.res.Blobs
			a.res.Blobs = blobs
		})
		anon := ts.anon(t)
		for _, p := range []string{"/livez", "/readyz"} {
			if status, _ := anon.get(p); status != 200 {
				t.Fatalf("GET %s: %d", p, status)
			}
		}
		if status, _ := anon.get("/playground"); status != 200 {
			t.Fatalf("GET /playground: %d", status)
		}

		c, app := ts.startCase(t, "", "", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
		for _, mode := range []string{"error", "panic"} {
			blobs.mode.Store(mode)
			r := app.upload(c.ID, "ID_CARD", jpegFile(t), false)
			if r.code() != "INTERNAL" {
				t.Fatalf("%s in storage: %+v, want INTERNAL", mode, r.Errors)
			}
			for _, e := range r.Errors {
				if msg := e.Message + fmt.Sprint(e.Extensions); strings.Contains(msg, "secret") || strings.Contains(msg, "hunter2") || strings.Contains(msg, "documents/") {
					t.Fatalf("%s in storage leaks internals: %q", mode, msg)
				}
			}
			if got := app.myCase(); len(got.Documents) != 0 || got.Version != c.Version+2 {
				t.Fatalf("%s in storage changed the case: v%d %+v", mode, got.Version, got.Documents)
			}
		}
		blobs.mode.Store("")
		app.mustUpload(c.ID, "ID_CARD", jpegFile(t)) // the server still works after a panic

		// Malformed operations are BAD_USER_INPUT, like every refusal a code of API.md.
		anon.wantCode("BAD_USER_INPUT", `{ me { id `, nil)
		anon.wantCode("BAD_USER_INPUT", `{ me { id password } }`, nil)
		anon.wantCode("BAD_USER_INPUT", `mutation{ startCase(input:{nickname:"x"}){ token } }`, nil)

		// A JSON body over the request limit is refused before it is read.
		big := `{"query":"{ me { id } }","variables":{"pad":"` + strings.Repeat("x", 2<<20) + `"}}`
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/graphql", strings.NewReader(big))
		req.Header.Set("Content-Type", "application/json")
		if r := anon.send(req); r.code() != "PAYLOAD_TOO_LARGE" {
			t.Fatalf("2 MiB JSON body: status %d %+v, want PAYLOAD_TOO_LARGE", r.Status, r.Errors)
		}

		// The database going away turns /readyz red, /livez stays green.
		ts.app.db.Close()
		if status, _ := anon.get("/readyz"); status != http.StatusServiceUnavailable {
			t.Fatalf("GET /readyz with the database closed: %d, want 503", status)
		}
		if status, _ := anon.get("/livez"); status != 200 {
			t.Fatalf("GET /livez with the database closed: %d", status)
		}
		r := anon.do(`mutation{ startCase{ token } }`, nil)
		if r.code() != "INTERNAL" || strings.Contains(strings.ToLower(r.Errors[0].Message), "sql") {
			t.Fatalf("startCase with the database closed: %+v, want INTERNAL without internals", r.Errors)
		}
	})
}
