package casestore

import (
	"context"
	"errors"
	"slices"
	"testing"

	"entgo.io/ent/dialect"
)

// callLog is a driver that runs nothing and logs where each statement went: "pool: …",
// "tx: …", "BEGIN", "COMMIT", "ROLLBACK".
type callLog struct{ calls *[]string }

func (d callLog) log(s string) { *d.calls = append(*d.calls, s) }
func (d callLog) Exec(_ context.Context, q string, _, _ any) error {
	d.log("pool: " + q)
	return nil
}
func (d callLog) Query(_ context.Context, q string, _, _ any) error {
	d.log("pool: " + q)
	return nil
}
func (d callLog) Tx(context.Context) (dialect.Tx, error) { d.log("BEGIN"); return callLogTx(d), nil }
func (d callLog) Close() error                           { return nil }
func (d callLog) Dialect() string                        { return dialect.Postgres }

type callLogTx callLog

func (t callLogTx) Exec(_ context.Context, q string, _, _ any) error {
	callLog(t).log("tx: " + q)
	return nil
}
func (t callLogTx) Query(_ context.Context, q string, _, _ any) error {
	callLog(t).log("tx: " + q)
	return nil
}
func (t callLogTx) Commit() error   { callLog(t).log("COMMIT"); return nil }
func (t callLogTx) Rollback() error { callLog(t).log("ROLLBACK"); return nil }

func TestLazyTx(t *testing.T) {
	ctx := context.Background()
	final := FinalStatement(ctx)
	const (
		read   = `SELECT "id" FROM "kyc_cases" WHERE "id" = $1`
		locked = `SELECT "id" FROM "kyc_cases" WHERE "id" = $1 FOR UPDATE`
		write  = `UPDATE "kyc_cases" SET "version" = $1`
		insert = `INSERT INTO "notes" ("id") VALUES ($1)`
	)
	for _, tc := range []struct {
		name  string
		run   func(tx *lazyTx) error
		calls []string
	}{
		{"reads before the first write run on the pool; the write begins the transaction",
			func(tx *lazyTx) error {
				_ = tx.Query(ctx, read, nil, nil)
				_ = tx.Exec(ctx, insert, nil, nil)
				_ = tx.Query(ctx, read, nil, nil)
				err := tx.Exec(final, write, nil, nil) // final, but after a write: in the transaction
				return errors.Join(err, tx.Commit())
			},
			[]string{"pool: " + read, "BEGIN", "tx: " + insert, "tx: " + read, "tx: " + write, "COMMIT"}},
		{"a final write before any other runs alone on the pool: no BEGIN, no COMMIT",
			func(tx *lazyTx) error {
				_ = tx.Query(ctx, read, nil, nil)
				err := tx.Exec(final, write, nil, nil)
				_ = tx.Query(ctx, read, nil, nil)
				return errors.Join(err, tx.Commit())
			},
			[]string{"pool: " + read, "pool: " + write, "pool: " + read}},
		{"a locking read begins the transaction",
			func(tx *lazyTx) error {
				_ = tx.Query(ctx, locked, nil, nil)
				return tx.Rollback()
			},
			[]string{"BEGIN", "tx: " + locked, "ROLLBACK"}},
		{"nothing begun, nothing to roll back",
			func(tx *lazyTx) error {
				_ = tx.Query(ctx, read, nil, nil)
				return tx.Rollback()
			},
			[]string{"pool: " + read}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var calls []string
			tx, _ := LazyTx(callLog{&calls}).Tx(ctx)
			if err := tc.run(tx.(*lazyTx)); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(calls, tc.calls) {
				t.Fatalf("calls\n%q\nwant\n%q", calls, tc.calls)
			}
		})
	}

	// A write after the final statement has no transaction to run in: refused, not run.
	var calls []string
	tx, _ := LazyTx(callLog{&calls}).Tx(ctx)
	if err := tx.Exec(final, write, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := tx.Exec(ctx, insert, nil, nil); !errors.Is(err, errAfterFinal) {
		t.Fatalf("write after the final statement: %v, want errAfterFinal", err)
	}
	if len(calls) != 1 {
		t.Fatalf("calls %q, want only the final write", calls)
	}
}

// plainRead tells a lock-free SELECT (which may run outside the transaction) from one that
// locks rows, however the locking clause is spaced (issue 23: a newline before FOR hid it).
func TestPlainRead(t *testing.T) {
	for q, want := range map[string]bool{
		`SELECT "id" FROM "kyc_cases" WHERE "id" = $1`: true,
		`  select 1`:               true,
		`SELECT "format" FROM "t"`: true,
		`SELECT "id" FROM "kyc_cases" WHERE "id" = $1 FOR UPDATE`:          false,
		"SELECT \"id\" FROM \"kyc_cases\"\nFOR UPDATE":                     false,
		"SELECT \"id\" FROM \"kyc_cases\" WHERE \"id\" = $1\n\tFOR\tSHARE": false,
		`SELECT 1 FOR NO KEY UPDATE`:                                       false,
		"SELECT 1 for key\nshare":                                          false,
		`UPDATE "kyc_cases" SET "version" = 2`:                             false,
		`WITH u AS (UPDATE "kyc_cases" SET x = 1 RETURNING id) SELECT 1`:   false,
	} {
		if got := plainRead(q); got != want {
			t.Errorf("plainRead(%q) = %v, want %v", q, got, want)
		}
	}
}
