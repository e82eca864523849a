package casestore

// Transactions on PostgreSQL that begin with their first write, and a final statement that
// needs no transaction at all: two of the five round trips a change used to cost.

import (
	"context"
	"database/sql"
	"errors"
	"regexp"
	"strings"

	"entgo.io/ent/dialect"
)

// LazyTx wraps PostgreSQL's driver so that a transaction sends BEGIN only before its first
// write. Until then its statements run on the pool: at READ COMMITTED (the level every
// transaction here uses) a plain SELECT in a transaction that has written nothing sees the
// same committed rows as one outside it, and takes no lock. A write marked FinalStatement
// that comes before any other write runs alone in autocommit: one statement is atomic, so
// it is the whole transaction, and BEGIN and COMMIT are not sent.
//
// A statement is a read when it starts with SELECT and has no locking clause (FOR UPDATE,
// FOR SHARE…). A SELECT that changes something through a function (nextval, pg_notify,
// advisory locks) must not be sent through an ent transaction: it would run outside it.
func LazyTx(drv dialect.Driver) dialect.Driver { return lazyDriver{drv} }

type lazyDriver struct{ dialect.Driver }

func (d lazyDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	return &lazyTx{drv: d.Driver, ctx: ctx}, nil
}

// ExecContext and QueryContext serve ent's Client.ExecContext and QueryContext (raw SQL).
func (d lazyDriver) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	ex, ok := d.Driver.(interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
	})
	if !ok {
		return nil, errors.New("casestore: the driver has no ExecContext")
	}
	return ex.ExecContext(ctx, query, args...)
}

func (d lazyDriver) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return queryOn(ctx, d.Driver, query, args...)
}

// queryOn runs a raw query on a driver that can.
func queryOn(ctx context.Context, drv any, query string, args ...any) (*sql.Rows, error) {
	q, ok := drv.(interface {
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	})
	if !ok {
		return nil, errors.New("casestore: the driver has no QueryContext")
	}
	return q.QueryContext(ctx, query, args...)
}

type finalKey struct{}

// FinalStatement marks a write as the last statement of its transaction (see LazyTx).
func FinalStatement(ctx context.Context) context.Context {
	return context.WithValue(ctx, finalKey{}, true)
}

type lazyTx struct {
	drv  dialect.Driver
	ctx  context.Context // the transaction's, for BEGIN
	tx   dialect.Tx      // once begun
	done bool            // a final statement ran in autocommit
}

var errAfterFinal = errors.New("casestore: a write after its transaction's final statement")

// on returns where query runs: the transaction once begun, else the pool for a read or a
// final write, else the transaction it begins now.
func (t *lazyTx) on(ctx context.Context, query string) (dialect.ExecQuerier, error) {
	switch {
	case t.tx != nil:
		return t.tx, nil
	case plainRead(query):
		return t.drv, nil
	case t.done:
		return nil, errAfterFinal
	case ctx.Value(finalKey{}) != nil:
		t.done = true
		return t.drv, nil
	}
	tx, err := t.drv.Tx(t.ctx)
	if err != nil {
		return nil, err
	}
	t.tx = tx
	return tx, nil
}

// plainRead: a SELECT without a locking clause.
func plainRead(query string) bool {
	q := strings.TrimSpace(query)
	return len(q) > 6 && strings.EqualFold(q[:6], "SELECT") && !lockingClause.MatchString(q)
}

// lockingClause finds a SELECT's locking clause (FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE,
// FOR KEY SHARE) however it is spaced: blanks, tabs or newlines.
var lockingClause = regexp.MustCompile(`(?i)\bFOR\s+(UPDATE|NO\s+KEY\s+UPDATE|SHARE|KEY\s+SHARE)\b`)

func (t *lazyTx) Exec(ctx context.Context, query string, args, v any) error {
	eq, err := t.on(ctx, query)
	if err != nil {
		return err
	}
	return eq.Exec(ctx, query, args, v)
}

func (t *lazyTx) Query(ctx context.Context, query string, args, v any) error {
	eq, err := t.on(ctx, query)
	if err != nil {
		return err
	}
	return eq.Query(ctx, query, args, v)
}

// QueryContext serves ent's Tx.QueryContext (raw SQL in a transaction).
func (t *lazyTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	eq, err := t.on(ctx, query)
	if err != nil {
		return nil, err
	}
	return queryOn(ctx, eq, query, args...)
}

func (t *lazyTx) Commit() error {
	if t.tx == nil {
		return nil
	}
	return t.tx.Commit()
}

func (t *lazyTx) Rollback() error {
	if t.tx == nil {
		return nil
	}
	return t.tx.Rollback()
}
