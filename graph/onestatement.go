package graph

// A change to a case written in one statement on PostgreSQL: the version-checked UPDATE of
// the case and the INSERT of its audit events, joined by data-modifying WITH queries. With
// LazyTx, a change that writes nothing else (every applicant step) costs two round trips:
// the read of the case and this statement, which runs in autocommit.

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
// follow it in the transaction. n is 0 when the version check failed (nothing written).
func (r *Resolver) saveChange(ctx context.Context, tx *ent.Tx, upd *ent.KycCaseUpdate, k *chain, final bool) (n int64, err error) {
	if !r.Postgres {
		updated, err := upd.Save(ctx)
		if err != nil || updated == 0 {
			return 0, err
		}
		_, err = k.save(ctx, tx.CaseEvent)
		return int64(updated), err
	}
	var rec recorded
	if _, err := upd.Save(context.WithValue(ctx, recordKey{}, &rec)); err != nil {
		return 0, err
	}
	query, args, err := oneStatement(rec, k.events)
	if err != nil {
		return 0, err
	}
	if final {
		ctx = FinalStatement(ctx)
	}
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// eventColumns are case_events' columns in the order oneStatement writes them; case_id
// comes from the updated row (a test holds this list to the schema).
var eventColumns = []string{"id", "case_id", "seq", "type", "actor", "from_state", "to_state", "data", "prev_hash", "hash", "created_at"}

// oneStatement joins the case's UPDATE (as ent rendered it) and one INSERT per event:
//
//	WITH u AS (UPDATE "kyc_cases" SET … WHERE id = $ AND version = $ RETURNING "id"),
//	     e0 AS (INSERT INTO "case_events" (…) SELECT $, u."id", … FROM u)
//	INSERT INTO "case_events" (…) SELECT $, u."id", … FROM u
//
// Each INSERT reads u, so when the version check matches no row nothing is inserted and
// the statement affects no row. (One INSERT per event: a single INSERT … SELECT takes its
// parameters' types from the target columns; a VALUES list or a UNION would not.)
func oneStatement(rec recorded, events []*ent.CaseEvent) (string, []any, error) {
	if len(rec.stmts) != 1 || !strings.HasPrefix(rec.stmts[0].query, `UPDATE "kyc_cases" SET `) {
		return "", nil, fmt.Errorf("graph: a case update rendered as %d statements", len(rec.stmts))
	}
	update := rec.stmts[0]
	if len(events) == 0 {
		return update.query, update.args, nil
	}
	var b strings.Builder
	args := append(make([]any, 0, len(update.args)+len(events)*(len(eventColumns)-1)), update.args...)
	b.WriteString(`WITH u AS (` + update.query + ` RETURNING "id")`)
	for i, e := range events {
		if i < len(events)-1 {
			fmt.Fprintf(&b, `, e%d AS (`, i)
		} else {
			b.WriteString(" ")
		}
		b.WriteString(`INSERT INTO "case_events" ("` + strings.Join(eventColumns, `", "`) + `") SELECT `)
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
		b.WriteString(" FROM u")
		if i < len(events)-1 {
			b.WriteString(")")
		}
	}
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
