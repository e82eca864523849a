package migrate

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/postgres"
	atlasschema "ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	entschema "entgo.io/ent/dialect/sql/schema"

	entmigrate "github.com/openkyc/kyc-manual-review/ent/migrate"
	"github.com/openkyc/kyc-manual-review/ent/migrate/migrations"
)

// RevisionsTable records which migration files a database has run (Atlas's revision fields).
const RevisionsTable = "kyc_schema_revisions"

// migrationLock is the PostgreSQL advisory lock held while migrating, so that replicas starting
// together migrate one after the other.
const migrationLock = 0x6b7963 // "kyc"

// advisoryLock takes the migration lock, trying every 100 ms rather than waiting inside
// pg_advisory_lock: a replica that waited in that statement would hold a snapshot for as
// long, and CREATE INDEX CONCURRENTLY in the replica that holds the lock waits for every such
// snapshot to end: a deadlock.
func advisoryLock(ctx context.Context, conn *sql.Conn) error {
	for {
		var got bool
		if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock($1)", migrationLock).Scan(&got); err != nil {
			return err
		}
		if got {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// Result says what Apply did.
type Result struct {
	Applied   []string // versions run now
	Baselined bool     // a database from before versioned migrations was adopted
}

// Apply runs the migration files the database has not run yet, each in its own
// transaction. A database created by the release before versioned migrations (the tables
// exist, the revisions table does not) is checked against the baseline (the first file),
// given what it lacks of it, and recorded as at the baseline.
func Apply(ctx context.Context, db *sql.DB, dia string, log *slog.Logger) (Result, error) {
	var res Result
	name := "sqlite"
	if dia == dialect.Postgres {
		name = "postgres"
	}
	dir, err := migrations.Dir(name)
	if err != nil {
		return res, err
	}
	files, err := dir.Files()
	if err != nil {
		return res, fmt.Errorf("read the migration files: %w", err)
	}
	if len(files) == 0 {
		return res, errors.New("no migration files")
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	if dia == dialect.Postgres {
		if err := advisoryLock(ctx, conn); err != nil {
			return res, err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", migrationLock) //nolint:errcheck // released with the session anyway
	}
	rrw := &revisions{conn: conn, dia: dia}
	if dia == dialect.Postgres {
		if err := conn.QueryRowContext(ctx, "SELECT current_schema()").Scan(&rrw.schema); err != nil {
			return res, err
		}
	}
	if err := rrw.create(ctx); err != nil {
		return res, fmt.Errorf("create %s: %w", RevisionsTable, err)
	}
	revs, err := rrw.ReadRevisions(ctx)
	if err != nil {
		return res, err
	}
	var opts []atlasmigrate.ExecutorOption
	if len(revs) == 0 {
		legacy, err := tableExists(ctx, conn, dia, "kyc_cases")
		if err != nil {
			return res, err
		}
		if legacy {
			if err := adoptBaseline(ctx, conn, dia, files[0], log); err != nil {
				return res, fmt.Errorf("adopt the database of the previous release: %w", err)
			}
			opts = append(opts, atlasmigrate.WithBaselineVersion(files[0].Version()))
			res.Baselined = true
		}
	}
	drv, err := atlasDriver(dia, conn)
	if err != nil {
		return res, err
	}
	// Non-linear: a file merged later with an older version than one already run (two
	// branches adding migrations) is run, instead of refusing to start.
	opts = append(opts, atlasmigrate.WithExecOrder(atlasmigrate.ExecOrderNonLinear))
	ex, err := atlasmigrate.NewExecutor(drv, dir, rrw, opts...)
	if err != nil {
		return res, err
	}
	pending, err := ex.Pending(ctx)
	if errors.Is(err, atlasmigrate.ErrNoPendingFiles) {
		return res, nil
	}
	if err != nil {
		return res, err
	}
	for _, f := range pending {
		start := time.Now()
		if err := executeFile(ctx, conn, dia, dir, f); err != nil {
			return res, fmt.Errorf("migration %s: %w", f.Name(), err)
		}
		res.Applied = append(res.Applied, f.Version())
		log.InfoContext(ctx, "applied a migration", "file", f.Name(), "took", time.Since(start).Round(time.Millisecond))
	}
	return res, nil
}

// executeFile runs one migration file in a transaction, its revision written in the same
// transaction: a failed file leaves nothing behind. SQLite ignores a foreign_keys pragma inside
// a transaction, so for a file that turns foreign keys off (Atlas does, to rebuild a table) it
// is turned off around the transaction, which checks the keys before committing.
func executeFile(ctx context.Context, conn *sql.Conn, dia string, dir atlasmigrate.Dir, f atlasmigrate.File) error {
	if dia == dialect.Postgres && noTransaction(f) {
		return executeOutsideTx(ctx, conn, dia, dir, f)
	}
	fkOff := dia == dialect.SQLite && strings.Contains(strings.ToLower(string(f.Bytes())), "pragma foreign_keys = off")
	if fkOff {
		if _, err := conn.ExecContext(ctx, "PRAGMA foreign_keys = off"); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "PRAGMA foreign_keys = on") //nolint:errcheck // a failure shows in the next statement
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	drv, err := atlasDriver(dia, tx)
	if err != nil {
		return err
	}
	ex, err := atlasmigrate.NewExecutor(drv, dir, &revisions{conn: tx, dia: dia})
	if err != nil {
		return err
	}
	if err := ex.Execute(ctx, f); err != nil {
		return err
	}
	if fkOff {
		var broken int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM pragma_foreign_key_check").Scan(&broken); err != nil {
			return err
		}
		if broken > 0 {
			return fmt.Errorf("%d rows break a foreign key after the file", broken)
		}
	}
	return tx.Commit()
}

// txModeNone is the directive (Atlas's spelling) that runs a PostgreSQL file outside a
// transaction, statement by statement: what a migration of a large table needs, since CREATE
// INDEX CONCURRENTLY cannot run in a transaction, and a back-fill in batches must commit
// each batch (a DO block that COMMITs) rather than hold every row's lock until the end.
const txModeNone = "-- atlas:txmode none"

// noTransaction reports whether f starts with the txModeNone directive.
func noTransaction(f atlasmigrate.File) bool {
	return strings.HasPrefix(strings.TrimSpace(string(f.Bytes())), txModeNone)
}

// executeOutsideTx runs a txmode-none file on conn in autocommit. Such a file must be safe to
// run again from its first statement (IF EXISTS / IF NOT EXISTS, DROP INDEX CONCURRENTLY IF
// EXISTS before CREATE INDEX CONCURRENTLY, back-fills that skip done rows): when it fails,
// its revision is removed, so that the next start runs the whole file again rather than
// resume after a half-built (invalid) index.
func executeOutsideTx(ctx context.Context, conn *sql.Conn, dia string, dir atlasmigrate.Dir, f atlasmigrate.File) error {
	drv, err := atlasDriver(dia, conn)
	if err != nil {
		return err
	}
	rrw := &revisions{conn: conn, dia: dia}
	if err := conn.QueryRowContext(ctx, "SELECT current_schema()").Scan(&rrw.schema); err != nil {
		return err
	}
	ex, err := atlasmigrate.NewExecutor(drv, dir, rrw)
	if err != nil {
		return err
	}
	if err := ex.Execute(ctx, f); err != nil {
		if derr := rrw.DeleteRevision(context.WithoutCancel(ctx), f.Version()); derr != nil {
			return errors.Join(err, derr)
		}
		return err
	}
	return nil
}

func atlasDriver(dia string, conn atlasschema.ExecQuerier) (atlasmigrate.Driver, error) {
	if dia == dialect.Postgres {
		return postgres.Open(conn)
	}
	return sqlite.Open(conn)
}

func tableExists(ctx context.Context, conn *sql.Conn, dia, table string) (bool, error) {
	q := "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
	if dia == dialect.Postgres {
		q = "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1"
	}
	var n int
	err := conn.QueryRowContext(ctx, q, table).Scan(&n)
	return n > 0, err
}

// adoptBaseline checks a database made by Schema.Create of the release before versioned
// migrations against the baseline file, replayed where it leaves no trace (an in-memory
// SQLite; a PostgreSQL schema in a transaction rolled back). What the baseline has and the
// database lacks (a database from an older release still) is added, as Schema.Create did; a
// column of another type, or a missing table the baseline could not add, is an error.
func adoptBaseline(ctx context.Context, conn *sql.Conn, dia string, baseline atlasmigrate.File, log *slog.Logger) error {
	current, err := inspect(ctx, dia, conn, "")
	if err != nil {
		return err
	}
	want, err := replayBaseline(ctx, conn, dia, baseline)
	if err != nil {
		return fmt.Errorf("replay %s: %w", baseline.Name(), err)
	}
	want.Name, want.Attrs = current.Name, current.Attrs
	for _, t := range want.Tables {
		t.Schema = want
	}
	drv, err := atlasDriver(dia, conn)
	if err != nil {
		return err
	}
	changes, err := drv.SchemaDiff(current, want)
	if err != nil {
		return err
	}
	var add []atlasschema.Change
	for _, c := range changes {
		switch c := c.(type) {
		case *atlasschema.AddTable:
			add = append(add, c)
		case *atlasschema.ModifyTable:
			var keep []atlasschema.Change
			for _, tc := range c.Changes {
				switch tc := tc.(type) {
				case *atlasschema.AddColumn, *atlasschema.AddIndex, *atlasschema.AddForeignKey:
					keep = append(keep, tc)
				case *atlasschema.ModifyColumn:
					return fmt.Errorf("column %s.%s differs from the baseline (%s): not a database of this product's previous release", c.T.Name, tc.From.Name, tc.Change)
				}
			}
			if len(keep) > 0 {
				add = append(add, &atlasschema.ModifyTable{T: c.T, Changes: keep})
			}
		}
	}
	if len(add) == 0 {
		return nil
	}
	log.InfoContext(ctx, "the database lacks parts of the baseline schema: adding them", "changes", len(add))
	if dia == dialect.Postgres {
		if _, err := conn.ExecContext(ctx, "CREATE EXTENSION IF NOT EXISTS pg_trgm"); err != nil {
			return err
		}
	}
	plan, err := drv.PlanChanges(ctx, "baseline", add)
	if err != nil {
		return err
	}
	for _, c := range plan.Changes {
		if _, err := conn.ExecContext(ctx, c.Cmd, c.Args...); err != nil {
			return fmt.Errorf("%s: %w", c.Cmd, err)
		}
	}
	return nil
}

func inspect(ctx context.Context, dia string, conn atlasschema.ExecQuerier, name string) (*atlasschema.Schema, error) {
	drv, err := atlasDriver(dia, conn)
	if err != nil {
		return nil, err
	}
	s, err := drv.InspectSchema(ctx, name, nil)
	if err != nil {
		return nil, err
	}
	// Only the application's tables: not the revisions nor SQLite's full-text shadow tables.
	tables := s.Tables[:0]
	for _, t := range s.Tables {
		if t.Name != RevisionsTable && !strings.Contains(t.Name, "_fts") {
			tables = append(tables, t)
		}
	}
	s.Tables = tables
	return s, nil
}

// replayBaseline returns the schema the baseline file creates.
func replayBaseline(ctx context.Context, conn *sql.Conn, dia string, baseline atlasmigrate.File) (*atlasschema.Schema, error) {
	stmts, err := baseline.Stmts()
	if err != nil {
		return nil, err
	}
	if dia == dialect.Postgres {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return nil, err
		}
		defer func() { _ = tx.Rollback() }()
		const scratch = "kyc_baseline_check"
		if _, err := tx.ExecContext(ctx, "CREATE SCHEMA "+scratch+"; SET LOCAL search_path TO "+scratch+", public"); err != nil {
			return nil, err
		}
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return nil, err
			}
		}
		return inspect(ctx, dia, tx, scratch)
	}
	dev, err := sql.Open("sqlite", "file:baseline?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	defer dev.Close()
	dev.SetMaxOpenConns(1)
	for _, s := range stmts {
		if _, err := dev.ExecContext(ctx, s); err != nil {
			return nil, err
		}
	}
	return inspect(ctx, dia, dev, "")
}

// revisions is the RevisionReadWriter of the executor: Atlas's revision records in a table
// of the database, written in the transaction that runs the file.
type revisions struct {
	conn interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}
	dia    string
	schema string // PostgreSQL: the schema it is in (Atlas's clean check asks)
}

func (r *revisions) q(s string) string { return Rebind(r.dia, s) }

// Rebind turns the ? placeholders of s into PostgreSQL's $n when dia is PostgreSQL.
func Rebind(dia, s string) string {
	if dia != dialect.Postgres {
		return s
	}
	var b strings.Builder
	n := 0
	for _, c := range s {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

func (r *revisions) create(ctx context.Context) error {
	_, err := r.conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+RevisionsTable+` (
		version text NOT NULL PRIMARY KEY,
		description text NOT NULL,
		type integer NOT NULL,
		applied integer NOT NULL,
		total integer NOT NULL,
		executed_at text NOT NULL,
		execution_time bigint NOT NULL,
		error text NOT NULL,
		error_stmt text NOT NULL,
		hash text NOT NULL,
		partial_hashes text NOT NULL,
		operator_version text NOT NULL)`)
	return err
}

func (r *revisions) Ident() *atlasmigrate.TableIdent {
	return &atlasmigrate.TableIdent{Name: RevisionsTable, Schema: r.schema}
}

const revisionColumns = "version, description, type, applied, total, executed_at, execution_time, error, error_stmt, hash, partial_hashes, operator_version"

func (r *revisions) read(ctx context.Context, where string, args ...any) ([]*atlasmigrate.Revision, error) {
	rows, err := r.conn.QueryContext(ctx, r.q("SELECT "+revisionColumns+" FROM "+RevisionsTable+where+" ORDER BY version"), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*atlasmigrate.Revision
	for rows.Next() {
		var (
			rev           atlasmigrate.Revision
			executed, phs string
			took          int64
		)
		if err := rows.Scan(&rev.Version, &rev.Description, &rev.Type, &rev.Applied, &rev.Total, &executed, &took,
			&rev.Error, &rev.ErrorStmt, &rev.Hash, &phs, &rev.OperatorVersion); err != nil {
			return nil, err
		}
		rev.ExecutedAt, _ = time.Parse(time.RFC3339Nano, executed)
		rev.ExecutionTime = time.Duration(took)
		if phs != "" {
			if err := json.Unmarshal([]byte(phs), &rev.PartialHashes); err != nil {
				return nil, err
			}
		}
		out = append(out, &rev)
	}
	return out, rows.Err()
}

func (r *revisions) ReadRevisions(ctx context.Context) ([]*atlasmigrate.Revision, error) {
	return r.read(ctx, "")
}

func (r *revisions) ReadRevision(ctx context.Context, version string) (*atlasmigrate.Revision, error) {
	revs, err := r.read(ctx, " WHERE version = ?", version)
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, atlasmigrate.ErrRevisionNotExist
	}
	return revs[0], nil
}

func (r *revisions) WriteRevision(ctx context.Context, rev *atlasmigrate.Revision) error {
	phs := ""
	if len(rev.PartialHashes) > 0 {
		b, err := json.Marshal(rev.PartialHashes)
		if err != nil {
			return err
		}
		phs = string(b)
	}
	_, err := r.conn.ExecContext(ctx, r.q(`INSERT INTO `+RevisionsTable+` (`+revisionColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (version) DO UPDATE SET description = excluded.description, type = excluded.type,
			applied = excluded.applied, total = excluded.total, executed_at = excluded.executed_at,
			execution_time = excluded.execution_time, error = excluded.error, error_stmt = excluded.error_stmt,
			hash = excluded.hash, partial_hashes = excluded.partial_hashes, operator_version = excluded.operator_version`),
		rev.Version, rev.Description, int(rev.Type), rev.Applied, rev.Total, rev.ExecutedAt.UTC().Format(time.RFC3339Nano),
		int64(rev.ExecutionTime), rev.Error, rev.ErrorStmt, rev.Hash, phs, rev.OperatorVersion)
	return err
}

func (r *revisions) DeleteRevision(ctx context.Context, version string) error {
	_, err := r.conn.ExecContext(ctx, r.q("DELETE FROM "+RevisionsTable+" WHERE version = ?"), version)
	return err
}

// ErrSchemaDrift is returned when the migrated database lacks part of the ent schema: a
// change to ent/schema without its migration file.
var ErrSchemaDrift = errors.New("the ent schema has changes no migration file makes: run scripts/migration.sh <name> (see README, Migrations) and commit the files it writes")

// CheckDrift compares the migrated database with the ent schema this binary was built
// with (ent and Atlas plan the difference, as scripts/migration.sh does); what the database
// has beyond it (a newer release's columns, the search indexes) is not drift.
func CheckDrift(ctx context.Context, db *sql.DB, dia string) error {
	out := &atlasmigrate.MemDir{}
	m, err := entschema.NewMigrate(entsql.OpenDB(dia, db),
		entschema.WithDir(out),
		entschema.WithDialect(dia),
		entschema.WithFormatter(atlasmigrate.DefaultFormatter),
	)
	if err != nil {
		return err
	}
	if err := m.NamedDiff(ctx, "drift", entmigrate.Tables...); err != nil {
		return fmt.Errorf("compare the database with the ent schema: %w", err)
	}
	files, err := out.Files()
	if err != nil || len(files) == 0 {
		return err
	}
	return fmt.Errorf("%w; the migrations lack:\n%s", ErrSchemaDrift, files[len(files)-1].Bytes())
}
