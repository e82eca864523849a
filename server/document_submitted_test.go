package main

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/openkyc/kyc-manual-review/ent"
)

// Document.submitted is stored when the case is submitted (documents.submitted_at), not
// derived from the audit trail on every read: asking for it costs no statement, on the case
// page (current photos and their history) or in a list of cases with their documents.
func TestDocumentSubmittedCostsNoStatements(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		var statements atomic.Int64
		var counting atomic.Bool
		ts := newTestServerWith(t, db, func(a *app) {
			dia := dialect.SQLite
			if strings.HasPrefix(a.cfg.DatabaseURL, "postgres") {
				dia = dialect.Postgres
			}
			drv := dialect.DebugWithContext(entsql.OpenDB(dia, a.db), func(context.Context, ...any) {
				if counting.Load() {
					statements.Add(1)
				}
			})
			a.res.Client = ent.NewClient(ent.Driver(drv))
		})
		rita := ts.rita(t)
		var first string
		for i := range 4 {
			c, app := ts.startCase(t, "Sub", "Mitted"+strings.Repeat("x", i), "")
			submitCase(t, app, c.ID)
			first = c.ID
		}
		count := func(query string, vars map[string]any) int64 {
			t.Helper()
			statements.Store(0)
			counting.Store(true)
			rita.mustDo(query, vars, nil)
			counting.Store(false)
			return statements.Load()
		}
		page := func(fields string) string {
			return `{ cases(first: 4) { edges { node { id documents { id type status ` + fields + ` } } } } }`
		}
		casePage := func(fields string) string {
			return `query($id: ID!){ node(id: $id){ ... on Case { id documents { id ` + fields + ` } documentHistory { id ` + fields + ` } } } }`
		}
		vars := map[string]any{"id": first}
		count(page(""), nil) // warm: the session, prepared statements
		count(casePage(""), vars)
		if without, with := count(page(""), nil), count(page("submitted"), nil); with != without {
			t.Errorf("a page of 4 cases: %d statements with documents' submitted, %d without", with, without)
		}
		if without, with := count(casePage(""), vars), count(casePage("submitted"), vars); with != without {
			t.Errorf("the case page: %d statements with submitted, %d without", with, without)
		}
		var out struct {
			Node struct{ Documents []struct{ Submitted bool } }
		}
		rita.mustDo(casePage("submitted"), vars, &out)
		if len(out.Node.Documents) == 0 {
			t.Fatal("the submitted case has no documents")
		}
		for _, d := range out.Node.Documents {
			if !d.Submitted {
				t.Fatalf("a photo of a submitted case is not submitted: %+v", out.Node.Documents)
			}
		}
	})
}
