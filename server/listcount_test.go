package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// listCasesQuery is the backoffice's ListCases query with its CaseListItem fragment
// (apps/backoffice/src/features/cases/api/list-cases.ts).
const listCasesQuery = `query ListCases($first: Int) {
  cases(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...CaseListItem } }
  }
}
fragment CaseListItem on Case {
  id status version revision
  applicant { firstName lastName email }
  assignee { id name email active }
  documents { id type side status }
  createdAt updatedAt submittedAt
}`

// The case list loads the assignees and documents of a page in a fixed number of statements,
// however many cases the page holds (a per-row lookup would add two statements per case).
func TestCaseListStatementsDoNotGrowWithThePage(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		var statements atomic.Int64
		counting := false
		ts := newTestServerWith(t, db, func(a *app) {
			dia := dialect.SQLite
			if strings.HasPrefix(a.cfg.DatabaseURL, "postgres") {
				dia = dialect.Postgres
			}
			drv := dialect.DebugWithContext(entsql.OpenDB(dia, a.db), func(context.Context, ...any) {
				if counting {
					statements.Add(1)
				}
			})
			a.res.Client = ent.NewClient(ent.Driver(drv))
		})
		rita := ts.rita(t)
		bob := ts.addReviewer(t, "bob@example.com")
		var bobID string
		{
			var me struct {
				Me struct{ ID string } `json:"me"`
			}
			bob.mustDo(`{ me { id } }`, nil, &me)
			bobID = me.Me.ID
		}
		ctx := context.Background()
		const cases = 20
		for i := range cases {
			c, _ := ts.startCase(t, "Page", fmt.Sprintf("Applicant%d", i), "")
			id := mustUUID(t, c.ID)
			for _, typ := range []workflow.DocType{workflow.DocPassport, workflow.DocSelfie} {
				// Rows only: the list reads no photo.
				ts.app.client.Document.Create().SetCaseID(id).SetType(typ).SetRevision(1).SetContentType("image/jpeg").
					SetSize(1 << 20).SetSha256(strings.Repeat("ab", 32)).SetWidth(1600).SetHeight(1200).
					SetStorageKey(fmt.Sprintf("%s/%s", id, typ)).SaveX(ctx)
			}
			ts.app.client.KycCase.UpdateOneID(id).AddVersion(1).ExecX(ctx) // documents change the version
			in := map[string]any{"caseId": c.ID}
			if i%2 == 1 {
				in["reviewerId"] = bobID
			}
			rita.mustDo(`mutation($in: AssignCaseInput!){ assignCase(input:$in){ id } }`, map[string]any{"in": in}, nil)
		}

		count := func(first int) (int64, time.Duration) {
			// A new version of every case: the documents cache (keyed by version) misses.
			ts.app.client.KycCase.Update().AddVersion(1).ExecX(ctx)
			statements.Store(0)
			counting = true
			start := time.Now()
			var out struct {
				Cases struct {
					Edges []struct {
						Node struct {
							Assignee  *struct{ Email string } `json:"assignee"`
							Documents []struct{ Type string } `json:"documents"`
						} `json:"node"`
					} `json:"edges"`
				} `json:"cases"`
			}
			rita.mustDo(listCasesQuery, map[string]any{"first": first}, &out)
			took := time.Since(start)
			counting = false
			for _, e := range out.Cases.Edges {
				if e.Node.Assignee == nil || len(e.Node.Documents) != 2 {
					t.Fatalf("a listed case lacks its assignee or documents: %+v", e.Node)
				}
			}
			if len(out.Cases.Edges) != first {
				t.Fatalf("%d cases listed, want %d", len(out.Cases.Edges), first)
			}
			return statements.Load(), took
		}
		count(cases) // warm: the session, prepared statements
		small, _ := count(5)
		page, _ := count(cases)
		var times []time.Duration
		for range 5 {
			_, took := count(cases)
			times = append(times, took)
		}
		slices.Sort(times)
		t.Logf("%s: ListCases, page of %d: %d SQL statements (page of 5: %d), median %v of 5", db.name, cases, page, small, times[2])
		// Equal, normally; a row whose resolver starts late on a loaded machine may open one
		// more batch per loader. Per-row lookups would add two statements per case.
		if page > small+2 {
			t.Fatalf("a page of %d cases took %d statements, a page of 5 took %d: per-row lookups", cases, page, small)
		}
	})
}
