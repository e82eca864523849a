package graph

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/ent/note"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/internal/casestore"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// testResolverPG is testResolver on PostgreSQL opened as the server opens it (LazyTx,
// Postgres), in a schema of its own in TEST_DATABASE_URL's database. sent counts what
// reaches the database: statements, BEGINs and COMMITs. Without TEST_DATABASE_URL the test
// skips, except in CI.
func testResolverPG(t *testing.T) (r *Resolver, client *ent.Client, sent *int) {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is not set: the PostgreSQL tests must run in CI")
		}
		t.Skip("TEST_DATABASE_URL is not set; skipping the PostgreSQL variant")
	}
	ctx := context.Background()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	schema := "graph_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = admin.ExecContext(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	sent = new(int)
	client = ent.NewClient(ent.Driver(casestore.LazyTx(counted{entsql.OpenDB(dialect.Postgres, db), sent})))
	t.Cleanup(func() { client.Close() })
	if err := client.Schema.Create(ctx); err != nil {
		t.Fatal(err)
	}
	r = resolverOn(client)
	r.Postgres = true
	return r, client, sent
}

// forEachDatabase runs fn on testResolver's SQLite and on testResolverPG.
func forEachDatabase(t *testing.T, fn func(t *testing.T, r *Resolver, client *ent.Client)) {
	t.Run("sqlite", func(t *testing.T) {
		r, client := testResolver(t)
		fn(t, r, client)
	})
	t.Run("postgres", func(t *testing.T) {
		r, client, _ := testResolverPG(t)
		fn(t, r, client)
	})
}

// counted counts what a driver sends: each statement, BEGIN and COMMIT.
type counted struct {
	dialect.Driver
	n *int
}

type queryContexter interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

func (d counted) Exec(ctx context.Context, q string, args, v any) error {
	*d.n++
	return d.Driver.Exec(ctx, q, args, v)
}
func (d counted) Query(ctx context.Context, q string, args, v any) error {
	*d.n++
	return d.Driver.Query(ctx, q, args, v)
}
func (d counted) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	*d.n++
	return d.Driver.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	}).ExecContext(ctx, q, args...)
}
func (d counted) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	*d.n++
	return d.Driver.(queryContexter).QueryContext(ctx, q, args...)
}
func (d counted) Tx(ctx context.Context) (dialect.Tx, error) {
	*d.n++
	tx, err := d.Driver.Tx(ctx)
	return countedTx{tx, d.n}, err
}

type countedTx struct {
	dialect.Tx
	n *int
}

func (t countedTx) Exec(ctx context.Context, q string, args, v any) error {
	*t.n++
	return t.Tx.Exec(ctx, q, args, v)
}
func (t countedTx) Query(ctx context.Context, q string, args, v any) error {
	*t.n++
	return t.Tx.Query(ctx, q, args, v)
}
func (t countedTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	*t.n++
	return t.Tx.(queryContexter).QueryContext(ctx, q, args...)
}
func (t countedTx) Commit() error {
	*t.n++
	return t.Tx.Commit()
}

// oneStatement writes every column of case_events.
func TestOneStatementWritesEveryEventColumn(t *testing.T) {
	if !slices.Equal(slices.Sorted(slices.Values(eventColumns)), slices.Sorted(slices.Values(caseevent.Columns))) {
		t.Fatalf("eventColumns %v, the schema's %v", eventColumns, caseevent.Columns)
	}
}

// On PostgreSQL a step (a change that writes nothing but the case and its audit event) is
// the read of the case and one write, without BEGIN or COMMIT; once this replica keeps the
// case, the write alone. A change that writes more gets its transaction, begun with that
// write.
func TestMutateCaseRoundTripsOnPostgres(t *testing.T) {
	ctx := context.Background()
	r, client, sent := testResolverPG(t)
	c := client.KycCase.Create().SetTokenHash("t").SaveX(ctx)
	rv := client.Reviewer.Create().SetEmail("r@example.com").SetName("R").SetPasswordHash("x").SaveX(ctx)
	step := func(*ent.Tx, *ent.KycCase, *ent.KycCaseUpdate) ([]change, error) {
		return []change{{Type: EvStateChanged, Actor: "applicant"}}, nil
	}
	for _, tc := range []struct {
		name string
		fn   func(tx *ent.Tx, c *ent.KycCase, u *ent.KycCaseUpdate) ([]change, error)
		want int
	}{
		{"a step, first on this replica: SELECT, the write", step, 2},
		{"a step, the case kept: the write", step, 1},
		{"a change with a note: BEGIN, the note, the write, COMMIT", func(tx *ent.Tx, c *ent.KycCase, _ *ent.KycCaseUpdate) ([]change, error) {
			return []change{{Type: EvNoteAdded, Actor: "system"}}, tx.Note.Create().SetCaseID(c.ID).SetAuthorID(rv.ID).SetBody("n").Exec(ctx)
		}, 4},
	} {
		*sent = 0
		if _, err := r.mutateCase(ctx, c.ID, nil, tc.fn); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if *sent != tc.want {
			t.Fatalf("%s: %d statements, want %d", tc.name, *sent, tc.want)
		}
	}
	if err := verifyAll(ctx, r, client); err != nil {
		t.Fatal(err)
	}
}

// A change decided on a kept row is written only if the row is still that one. When the
// row changed since (another replica's change, or a write that does not move the version),
// or when fn refused the change on the kept row, the change is decided again on the row as
// stored, and succeeds as it would have without the kept row.
func TestMutateCaseFromAKeptRow(t *testing.T) {
	ctx := context.Background()
	r, client, sent := testResolverPG(t)
	other := resolverOn(client) // a second replica: its own kept rows
	other.Postgres = true
	c := client.KycCase.Create().SetTokenHash("t").SaveX(ctx)
	to := func(s workflow.State) func(*ent.Tx, *ent.KycCase, *ent.KycCaseUpdate) ([]change, error) {
		return func(_ *ent.Tx, c *ent.KycCase, u *ent.KycCaseUpdate) ([]change, error) {
			u.SetState(s)
			return []change{{Type: EvStateChanged, Actor: "applicant", From: c.State, To: s}}, nil
		}
	}
	if _, err := r.mutateCase(ctx, c.ID, nil, to(workflow.DocumentSelection)); err != nil {
		t.Fatal(err)
	}

	// Another replica moves the case on: this one's next change reads it again.
	if _, err := other.mutateCase(ctx, c.ID, nil, to(workflow.DocumentPhoto)); err != nil {
		t.Fatal(err)
	}
	*sent = 0
	saved, err := r.mutateCase(ctx, c.ID, nil, func(_ *ent.Tx, c *ent.KycCase, u *ent.KycCaseUpdate) ([]change, error) {
		if c.State != workflow.DocumentPhoto { // what the workflow would refuse
			return nil, workflow.Errorf(workflow.EInvalidTransition, "not from %s", c.State)
		}
		return to(workflow.DocumentReview)(nil, c, u)
	})
	if err != nil || saved.State != workflow.DocumentReview || *sent != 2 {
		t.Fatalf("after another replica's change: %v, state %v, %d statements; want document_review in 2 (a refusal on the kept row, a read, the write)", err, saved, *sent)
	}

	// A write that does not move the version (here the search column; also a reviewer's
	// deletion nulling assignee_id, start-up fixes) still changes the row: read it again.
	if _, err := client.ExecContext(ctx, `UPDATE kyc_cases SET search_text = 'changed' WHERE id = $1`, c.ID); err != nil {
		t.Fatal(err)
	}
	*sent = 0
	saved, err = r.mutateCase(ctx, c.ID, nil, to(workflow.Selfie))
	if err != nil || saved.SearchText != "changed" || saved.State != workflow.Selfie || *sent != 3 {
		t.Fatalf("after an unversioned write: %v, %+v, %d statements; want search_text changed in 3 (the write that matched nothing, a read, the write)", err, saved, *sent)
	}
	if stored := client.KycCase.GetX(ctx, c.ID); jsonOf(stored) != jsonOf(saved) {
		t.Fatalf("returned\n%s\nstored\n%s", jsonOf(saved), jsonOf(stored))
	}
	if err := verifyAll(ctx, r, client); err != nil {
		t.Fatal(err)
	}
}

// On PostgreSQL a writer that moves the case on between the read and the write makes the
// change fail with CONFLICT and write nothing: not its case update, not its audit event, not
// what fn wrote in the transaction. The audit chain stays whole. (On SQLite the transaction
// holds the write lock from its start: another writer waits for it.)
func TestMutateCaseConflictWritesNothing(t *testing.T) {
	ctx := context.Background()
	r, client, _ := testResolverPG(t)
	c := client.KycCase.Create().SetTokenHash("t").SaveX(ctx)
	rv := client.Reviewer.Create().SetEmail("r@example.com").SetName("R").SetPasswordHash("x").SaveX(ctx)
	others := 0 // the other writer's changes
	for _, writesNote := range []bool{false, true} {
		before := client.KycCase.GetX(ctx, c.ID)
		othersBefore := others
		_, err := r.mutateCase(ctx, c.ID, nil, func(tx *ent.Tx, c *ent.KycCase, u *ent.KycCaseUpdate) ([]change, error) {
			if writesNote {
				if err := tx.Note.Create().SetCaseID(c.ID).SetAuthorID(rv.ID).SetBody("lost").Exec(ctx); err != nil {
					return nil, err
				}
			}
			// The other writer, on a connection of its own, every time fn decides.
			if _, err := r.mutateCase(ctx, c.ID, nil, func(*ent.Tx, *ent.KycCase, *ent.KycCaseUpdate) ([]change, error) {
				return []change{{Type: EvNoteAdded, Actor: "system"}}, nil
			}); err != nil {
				return nil, err
			}
			others++
			u.SetState(workflow.DocumentSelection)
			return []change{{Type: EvStateChanged, Actor: "applicant"}}, nil
		})
		if !errors.Is(err, errStale) {
			t.Fatalf("note %v: err %v, want errStale", writesNote, err)
		}
		n := others - othersBefore
		after := client.KycCase.GetX(ctx, c.ID)
		if after.Version != before.Version+n || after.State != before.State || after.LastEventSeq != before.LastEventSeq+n {
			t.Fatalf("note %v: version %d → %d, state %s → %s, head %d → %d; want only the other writer's %d changes",
				writesNote, before.Version, after.Version, before.State, after.State, before.LastEventSeq, after.LastEventSeq, n)
		}
		if n := client.Note.Query().Where(note.Body("lost")).CountX(ctx); n != 0 {
			t.Fatalf("note %v: the failed change's note was kept", writesNote)
		}
	}
	if n := client.CaseEvent.Query().CountX(ctx); n != others {
		t.Fatalf("%d audit events, want the other writer's %d", n, others)
	}
	if err := verifyAll(ctx, r, client); err != nil {
		t.Fatal(err)
	}
}

// mutateCase builds the updated case in memory instead of reading the row back: for every
// field a change may set or clear, what it returns must equal the row as stored, and the
// events it returns the rows as stored.
func TestMutateCaseReturnsTheStoredRow(t *testing.T) {
	forEachDatabase(t, func(t *testing.T, r *Resolver, client *ent.Client) {
		ctx := context.Background()
		rv := client.Reviewer.Create().SetEmail("r@example.com").SetName("R").SetPasswordHash("x").SaveX(ctx)
		c := client.KycCase.Create().SetTokenHash("t").SaveX(ctx)

		for _, step := range []struct {
			name string
			set  func(*ent.KycCaseUpdate)
		}{
			{"set every field", func(u *ent.KycCaseUpdate) {
				u.SetState(workflow.DocumentPhoto).SetStatus(workflow.StatusResubmissionRequested).SetRevision(3).
					SetSelectedDocumentType(workflow.DocPassport).SetResumeFloor(workflow.DocumentPhoto).
					SetResubmissionTypes([]workflow.DocType{workflow.DocPassport, workflow.DocSelfie}).SetReason("blurry").
					SetAssigneeID(rv.ID).SetSubmittedAt(r.now()).SetDecidedAt(r.now()).SetMetadata(map[string]any{"ref": "x-1"})
			}},
			{"clear every field", func(u *ent.KycCaseUpdate) {
				u.ClearSelectedDocumentType().ClearResumeFloor().ClearResubmissionTypes().ClearReason().
					ClearAssigneeID().ClearSubmittedAt().ClearDecidedAt()
			}},
			{"only the version", func(*ent.KycCaseUpdate) {}},
			{"a sum the database computes", func(u *ent.KycCaseUpdate) { u.AddRevision(1) }},
		} {
			var returned []*ent.CaseEvent
			r.Committed = func(_ *ent.KycCase, events []*ent.CaseEvent) { returned = events }
			saved, err := r.mutateCase(ctx, c.ID, nil, func(_ *ent.Tx, _ *ent.KycCase, u *ent.KycCaseUpdate) ([]change, error) {
				step.set(u)
				return []change{{Type: "TEST", Actor: "system", From: workflow.Welcome, Data: map[string]any{"k": 1}}, {Type: "TEST2", Actor: "system"}}, nil
			})
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			stored := client.KycCase.GetX(ctx, c.ID)
			if got, want := jsonOf(saved), jsonOf(stored); got != want {
				t.Fatalf("%s: returned\n%s\nstored\n%s", step.name, got, want)
			}
			events := client.CaseEvent.Query().Where(caseevent.CaseID(c.ID), caseevent.SeqGT(stored.LastEventSeq-2)).Order(caseevent.BySeq()).AllX(ctx)
			if got, want := jsonOf(returned), jsonOf(events); got != want {
				t.Fatalf("%s: returned events\n%s\nstored\n%s", step.name, got, want)
			}
		}
		if err := verifyAll(ctx, r, client); err != nil {
			t.Fatal(err)
		}
	})
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// verifyAll checks every case's audit chain.
func verifyAll(ctx context.Context, r *Resolver, client *ent.Client) error {
	var broken []string
	_, _, err := audit.VerifyAll(ctx, client, r.AuditKey, nil, func(c *ent.KycCase, chk ChainCheck) {
		broken = append(broken, c.ID.String()+": "+jsonOf(chk))
	})
	if len(broken) > 0 {
		return errors.New("broken chains: " + strings.Join(broken, "; "))
	}
	return err
}
