package graph

// A change to a case written in one statement on PostgreSQL: the version-checked UPDATE of
// the case and the INSERT of its audit events, joined by data-modifying WITH queries. With
// casestore.LazyTx, a change that writes nothing else (every applicant step) runs it in autocommit,
// after a read of the case or, when caseRows has it, without one.

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/internal/casestore"
)

// caseUpdate is the update mutateCase stages a change on: bound to tx, or on PostgreSQL to
// the recorder, which keeps the SQL ent renders for it (its validators run as usual).
func (r *Resolver) caseUpdate(tx *ent.Tx) *ent.KycCaseUpdate {
	if r.Postgres {
		return recorderClient().KycCase.Update()
	}
	return tx.KycCase.Update()
}

// saveChange writes upd and the events of k: on SQLite with ent (the UPDATE, then the
// events in one INSERT), on PostgreSQL as one statement, marked final when nothing may
// follow it in the transaction; on a row kept by caseRows, only while the row's xmin is
// still from. ok is false when the version (or xmin) check failed: nothing was written.
// xmin is the written row's (PostgreSQL only).
func (r *Resolver) saveChange(ctx context.Context, tx *ent.Tx, upd *ent.KycCaseUpdate, k *audit.Chain, from *caseRow, final bool) (ok bool, xmin string, err error) {
	if !r.Postgres {
		n, err := upd.Save(ctx)
		if err != nil || n == 0 {
			return false, "", err
		}
		_, err = k.Save(ctx, tx.CaseEvent)
		return err == nil, "", err
	}
	var rec recorded
	if _, err := upd.Save(context.WithValue(ctx, recordKey{}, &rec)); err != nil {
		return false, "", err
	}
	query, args, err := oneStatement(rec, k.Events(), from)
	if err != nil {
		return false, "", err
	}
	if final {
		ctx = casestore.FinalStatement(ctx)
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return false, "", err
	}
	if rows.Next() {
		ok = true
		if err := rows.Scan(&xmin); err != nil {
			rows.Close()
			return false, "", err
		}
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return false, "", err
	}
	// Close's error counts: in autocommit (final) the statement's commit ends with it, and a
	// failure there must not be reported as a write (nor its row kept).
	if err := rows.Close(); err != nil {
		return false, "", err
	}
	return ok, xmin, nil
}

// eventColumns are case_events' columns in the order oneStatement writes them; case_id
// comes from the updated row (a test holds this list to the schema).
var eventColumns = []string{"id", "case_id", "seq", "type", "actor", "from_state", "to_state", "data", "prev_hash", "hash", "created_at"}

// oneStatement joins the case's UPDATE (as ent rendered it) and one INSERT per event:
//
//	WITH u AS (UPDATE "kyc_cases" SET … WHERE id = $ AND version = $ [AND xmin = $] RETURNING "id", xmin),
//	     e0 AS (INSERT INTO "case_events" (…) SELECT $, u."id", … FROM u), …
//	SELECT x FROM u
//
// Each INSERT reads u, so when the UPDATE's checks match no row nothing is inserted and the
// statement returns no row; otherwise it returns the row's new xmin. (One INSERT per event:
// a single INSERT … SELECT takes its parameters' types from the target columns; a VALUES
// list or a UNION would not.)
func oneStatement(rec recorded, events []*ent.CaseEvent, from *caseRow) (string, []any, error) {
	if len(rec.stmts) != 1 || !strings.HasPrefix(rec.stmts[0].query, `UPDATE "kyc_cases" SET `) {
		return "", nil, fmt.Errorf("graph: a case update rendered as %d statements", len(rec.stmts))
	}
	update := rec.stmts[0]
	var b strings.Builder
	args := append(make([]any, 0, len(update.args)+1+len(events)*(len(eventColumns)-1)), update.args...)
	b.WriteString(`WITH u AS (` + update.query)
	if from != nil {
		args = append(args, from.xmin)
		fmt.Fprintf(&b, ` AND "kyc_cases"."xmin"::text = $%d`, len(args))
	}
	b.WriteString(` RETURNING "id", "xmin"::text AS x)`)
	for i, e := range events {
		fmt.Fprintf(&b, `, e%d AS (INSERT INTO "case_events" ("%s") SELECT `, i, strings.Join(eventColumns, `", "`))
		values := []any{e.ID, nil, e.Seq, e.Type, e.Actor, e.FromState, e.ToState, e.Data, e.PrevHash, e.Hash, e.CreatedAt}
		for j, v := range values {
			if j > 0 {
				b.WriteString(", ")
			}
			if eventColumns[j] == "case_id" {
				b.WriteString(`u."id"`)
				continue
			}
			args = append(args, v)
			fmt.Fprintf(&b, "$%d", len(args))
		}
		b.WriteString(" FROM u)")
	}
	b.WriteString(" SELECT x FROM u")
	return b.String(), args, nil
}

// recorded holds the statements ent sent to the recorder.
type recorded struct{ stmts []statement }

type statement struct {
	query string
	args  []any
}

type recordKey struct{}

// recorder is a PostgreSQL driver that runs nothing: it keeps each statement in the
// recorded value of its context and reports one row affected.
type recorder struct{}

var recorderClient = sync.OnceValue(func() *ent.Client { return ent.NewClient(ent.Driver(recorder{})) })

var errNotRecording = errors.New("graph: the recorder ran a statement outside saveChange")

func (recorder) Exec(ctx context.Context, query string, args, v any) error {
	rec, ok := ctx.Value(recordKey{}).(*recorded)
	argv, okArgs := args.([]any)
	if !ok || !okArgs {
		return errNotRecording
	}
	rec.stmts = append(rec.stmts, statement{query, argv})
	if res, ok := v.(*entsql.Result); ok {
		*res = driver.RowsAffected(1)
	}
	return nil
}

func (recorder) Query(context.Context, string, any, any) error { return errNotRecording }
func (recorder) Tx(context.Context) (dialect.Tx, error)        { return nil, errNotRecording }
func (recorder) Close() error                                  { return nil }
func (recorder) Dialect() string                               { return dialect.Postgres }
