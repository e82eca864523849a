package main

import (
	"context"
	"database/sql"
	"errors"
	"github.com/openkyc/kyc-manual-review/internal/migrate"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent/migrate/migrations"
	"github.com/openkyc/kyc-manual-review/internal/search"
	"github.com/openkyc/kyc-manual-review/workflow"
)

func (db testDB) dialect() string {
	if db.name == "postgres" {
		return dialect.Postgres
	}
	return dialect.SQLite
}

// openRaw opens the database a test server with this config would use, without migrating.
func openRaw(t *testing.T, dia, databaseURL, dataDir string) *sql.DB {
	t.Helper()
	var (
		db  *sql.DB
		err error
	)
	if dia == dialect.Postgres {
		db, err = sql.Open("pgx", databaseURL)
	} else {
		db, err = sql.Open("sqlite", "file:"+filepath.Join(dataDir, "kyc.db")+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_txlock=immediate")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func migrationFiles(t *testing.T, dia string) []string {
	t.Helper()
	name := "sqlite"
	if dia == dialect.Postgres {
		name = "postgres"
	}
	dir, err := migrations.Dir(name)
	if err != nil {
		t.Fatal(err)
	}
	files, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	var vs []string
	for _, f := range files {
		vs = append(vs, f.Version())
	}
	return vs
}

func revisionRows(t *testing.T, db *sql.DB) (versions []string, types []int) {
	t.Helper()
	rows, err := db.Query("SELECT version, type FROM " + migrate.RevisionsTable + " ORDER BY version")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			v  string
			ty int
		)
		if err := rows.Scan(&v, &ty); err != nil {
			t.Fatal(err)
		}
		versions, types = append(versions, v), append(types, ty)
	}
	return versions, types
}

// A new database runs every migration file, once: a restart runs none, and the ent schema
// then has nothing the files did not make (the drift check). A database lacking a column
// of the ent schema (an ent/schema change without its migration) is refused, naming the
// script that writes the migration.
func TestMigrationsMatchEntSchema(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		dia := db.dialect()
		got, types := revisionRows(t, ts.app.db)
		if want := migrationFiles(t, dia); !slices.Equal(got, want) || slices.ContainsFunc(types, func(ty int) bool { return ty != 2 }) {
			t.Fatalf("revisions %v (types %v), want every file executed: %v", got, types, want)
		}
		ctx := context.Background()
		log := slog.New(slog.DiscardHandler)
		res, err := migrate.Apply(ctx, ts.app.db, dia, log)
		if err != nil || len(res.Applied) != 0 || res.Baselined {
			t.Fatalf("a second run: %+v, %v; want nothing to do", res, err)
		}
		migrateMu.Lock()
		err = migrate.CheckDrift(ctx, ts.app.db, dia)
		migrateMu.Unlock()
		if err != nil {
			t.Fatalf("drift right after migrating: %v", err)
		}
		if _, err := ts.app.db.ExecContext(ctx, "ALTER TABLE kyc_cases DROP COLUMN reason"); err != nil {
			t.Fatal(err)
		}
		migrateMu.Lock()
		err = migrate.CheckDrift(ctx, ts.app.db, dia)
		migrateMu.Unlock()
		if !errors.Is(err, migrate.ErrSchemaDrift) || !strings.Contains(err.Error(), "scripts/migration.sh <name>") || !strings.Contains(err.Error(), "reason") {
			t.Fatalf("a column missing from the migrations: %v", err)
		}
	})
}

// Replicas starting together on one PostgreSQL database migrate one after the other
// (advisory lock): each succeeds, every file runs once.
func TestMigrationsConcurrentStart(t *testing.T) {
	db := testDB{name: "postgres"}
	u := db.databaseURL(t)
	var (
		wg   sync.WaitGroup
		errs = make([]error, 4)
		ran  = make([]int, 4)
	)
	for i := range errs {
		conn := openRaw(t, dialect.Postgres, u, "")
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := migrate.Apply(context.Background(), conn, dialect.Postgres, slog.New(slog.DiscardHandler))
			errs[i], ran[i] = err, len(res.Applied)
		}()
	}
	wg.Wait()
	total := 0
	for i, err := range errs {
		if err != nil {
			t.Fatalf("replica %d: %v", i, err)
		}
		total += ran[i]
	}
	if want := len(migrationFiles(t, dialect.Postgres)); total != want {
		t.Fatalf("%d files run in all, want %d (each once)", total, want)
	}
}

// A database created by the previous release (Schema.Create at git commit 1ddb8e1; testdata
// dumped from it) is adopted at the baseline and migrated forward: its rows survive, the
// new columns exist, the data fixes of the old start-up run once, and the case is found.
func TestMigrateUpgradesPreviousRelease(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		dia := db.dialect()
		cfg := config{
			DataDir:          t.TempDir(),
			DatabaseURL:      db.databaseURL(t),
			ReviewerEmail:    testReviewerEmail,
			ReviewerPassword: testReviewerPassword,
			ReviewerName:     "Rita Reviewer",
			SecretKey:        "test-secret-key-0123456789abcdef0123456789",
			MaxUploadMB:      10,
		}
		dump, err := os.ReadFile(filepath.Join("testdata", "schema-1ddb8e1."+db.name+".sql"))
		if err != nil {
			t.Fatal(err)
		}
		raw := openRaw(t, dia, cfg.DatabaseURL, cfg.DataDir)
		if dia == dialect.Postgres {
			_, err = raw.Exec(string(dump))
		} else {
			var lines []string
			for _, l := range strings.Split(string(dump), "\n") {
				if !strings.HasPrefix(l, "--") {
					lines = append(lines, l)
				}
			}
			for _, stmt := range strings.Split(strings.Join(lines, "\n"), ";\n") {
				if s := strings.TrimSpace(stmt); s != "" {
					if _, err = raw.Exec(s); err != nil {
						break
					}
				}
			}
		}
		if err != nil {
			t.Fatalf("load the old schema: %v", err)
		}
		// Rows as that release wrote them, with the columns its start-up still fills: an
		// audit chain head of 0 and an empty search column.
		r := rebinder(dia)
		now := time.Date(2026, 11, 1, 9, 30, 0, 0, time.UTC)
		ts := now.Format("2006-01-02 15:04:05.999999999-07:00")
		author, caseID, docID := uuid.New(), uuid.New(), uuid.New()
		// Two revisions of the ID card uploaded before the submission: only the second was
		// submitted; a third, uploaded after it, was not (yet).
		idCard := []uuid.UUID{uuid.New(), uuid.New(), uuid.New()}
		before, after := now.Add(-time.Hour).Format("2006-01-02 15:04:05.999999999-07:00"), now.Add(time.Hour).Format("2006-01-02 15:04:05.999999999-07:00")
		for _, ins := range []struct {
			q    string
			args []any
		}{
			{`INSERT INTO reviewers (id, email, name, password_hash, role, active, created_at) VALUES (?, 'old@example.com', 'Old Reviewer', 'x', 'ADMIN', true, ?)`, []any{author, ts}},
			{`INSERT INTO kyc_cases (id, state, status, version, revision, first_name, last_name, email, search_text, last_event_seq, last_event_hash, token_hash, created_at, updated_at, submitted_at)
				VALUES (?, 'submitted', 'PENDING_REVIEW', 7, 3, 'Olga', 'Older', 'olga@example.com', '', 0, '', 'tokenhash', ?, ?, ?)`, []any{caseID, ts, ts, ts}},
			{`INSERT INTO case_events (id, seq, type, actor, prev_hash, hash, created_at, case_id) VALUES (?, 1, 'CASE_STARTED', 'applicant', '', 'h1', ?, ?)`, []any{uuid.New(), ts, caseID}},
			{`INSERT INTO case_events (id, seq, type, actor, prev_hash, hash, created_at, case_id) VALUES (?, 2, 'CASE_SUBMITTED', 'applicant', 'h1', 'h2', ?, ?)`, []any{uuid.New(), ts, caseID}},
			{`INSERT INTO documents (id, type, status, revision, content_type, size, sha256, width, height, storage_key, created_at, case_id)
				VALUES (?, 'SELFIE', 'PENDING', 1, 'image/jpeg', 1234, 'abc', 1600, 1200, 'documents/x', ?, ?)`, []any{docID, ts, caseID}},
			{`INSERT INTO notes (id, body, created_at, case_id, author_id) VALUES (?, 'kept across the upgrade', ?, ?, ?)`, []any{uuid.New(), ts, caseID, author}},
			{`INSERT INTO documents (id, type, status, revision, content_type, size, sha256, width, height, storage_key, created_at, case_id)
				VALUES (?, 'ID_CARD', 'PENDING', 1, 'image/jpeg', 1234, 'abc', 1600, 1200, 'documents/c1', ?, ?)`, []any{idCard[0], before, caseID}},
			{`INSERT INTO documents (id, type, status, revision, content_type, size, sha256, width, height, storage_key, created_at, case_id)
				VALUES (?, 'ID_CARD', 'PENDING', 2, 'image/jpeg', 1234, 'abc', 1600, 1200, 'documents/c2', ?, ?)`, []any{idCard[1], ts, caseID}},
			{`INSERT INTO documents (id, type, status, revision, content_type, size, sha256, width, height, storage_key, created_at, case_id)
				VALUES (?, 'ID_CARD', 'PENDING', 3, 'image/jpeg', 1234, 'abc', 1600, 1200, 'documents/c3', ?, ?)`, []any{idCard[2], after, caseID}},
		} {
			if _, err := raw.Exec(r.q(ins.q), ins.args...); err != nil {
				t.Fatalf("%s: %v", ins.q, err)
			}
		}

		srv := startTestServer(t, cfg, nil)
		versions, types := revisionRows(t, srv.app.db)
		files := migrationFiles(t, dia)
		if !slices.Equal(versions, files) || types[0] != 1 || slices.ContainsFunc(types[1:], func(ty int) bool { return ty != 2 }) {
			t.Fatalf("revisions %v (types %v); want the baseline %s marked (1), the others run (2)", versions, types, files[0])
		}
		c, err := srv.app.client.KycCase.Get(context.Background(), caseID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Version != 7 || c.LastEventSeq != 2 || c.LastEventHash != "h2" || c.SearchText != "olga older olga@example.com" {
			t.Fatalf("the old case after the upgrade: version %d, head %d %q, search %q", c.Version, c.LastEventSeq, c.LastEventHash, c.SearchText)
		}
		var docs, notes, events int
		if err := srv.app.db.QueryRow(r.q(`SELECT (SELECT COUNT(*) FROM documents WHERE case_id = ? AND checks IS NULL AND phash IS NULL),
			(SELECT COUNT(*) FROM notes WHERE body = 'kept across the upgrade'), (SELECT COUNT(*) FROM case_events WHERE case_id = ?)`),
			caseID, caseID).Scan(&docs, &notes, &events); err != nil {
			t.Fatalf("the new columns: %v", err)
		}
		if docs != 4 || notes != 1 || events < 2 {
			t.Fatalf("after the upgrade: %d documents, %d notes, %d events", docs, notes, events)
		}
		if got := srv.rita(t).cases(map[string]any{"filter": map[string]any{"search": "OLGA old"}}).ids(); !slices.Equal(got, []string{caseID.String()}) {
			t.Fatalf("search for the old case: %v", got)
		}
		var count struct {
			Cases struct {
				TotalCount       int
				TotalCountCapped bool
			}
		}
		srv.rita(t).mustDo(`{ cases { totalCount totalCountCapped } }`, nil, &count)
		if count.Cases.TotalCount != 1 || count.Cases.TotalCountCapped {
			t.Fatalf("count: %+v", count.Cases)
		}
		// Document.submitted, stored since, is back-filled from the audit trail.
		for id, want := range map[uuid.UUID]bool{docID: true, idCard[0]: false, idCard[1]: true, idCard[2]: false} {
			d, err := srv.app.client.Document.Get(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.SubmittedAt != nil; got != want || (got && !d.SubmittedAt.Equal(now)) {
				t.Errorf("document %s revision %d after the upgrade: submitted at %v, want submitted %v (at %v)", d.Type, d.Revision, d.SubmittedAt, want, now)
			}
		}
		// A restart adopts nothing more and runs nothing.
		res, err := migrate.Apply(context.Background(), srv.app.db, dia, slog.New(slog.DiscardHandler))
		if err != nil || res.Baselined || len(res.Applied) != 0 {
			t.Fatalf("restart: %+v %v", res, err)
		}
	})
}

// The SQLite search index (FTS5 trigram, kept by triggers) finds exactly the cases whose
// search column contains the query, after inserts, changes of name, erasure and deletion.
func TestSearchIndexMatchesColumn(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	ctx := context.Background()
	db := ts.app.db
	names := []string{"anna lindqvist anna.l@example.com", "åsa öberg asa@mail.test", `o"neil quote "q"@x.org`, "bob brown", "zoë zimmer", "", "anna berg anna.b@example.com"}
	statuses := []string{"IN_PROGRESS", "PENDING_REVIEW", "PENDING_REVIEW", "APPROVED", "REJECTED", "PENDING_REVIEW", "PENDING_REVIEW"}
	var ids []uuid.UUID
	for i, n := range names {
		id := uuid.New()
		ids = append(ids, id)
		if _, err := db.ExecContext(ctx, `INSERT INTO kyc_cases (id, status, search_text, token_hash, created_at, updated_at) VALUES (?, ?, ?, ?, datetime('now'), datetime('now'))`,
			id, statuses[i], n, "tok"+string(rune('a'+i))); err != nil {
			t.Fatal(err)
		}
	}
	// A change of name, an erasure, a deletion, a change of status, of both, and of something else.
	for _, q := range []struct {
		q    string
		args []any
	}{
		{"UPDATE kyc_cases SET search_text = 'bob browning' WHERE id = ?", []any{ids[3]}},
		{"UPDATE kyc_cases SET search_text = '' WHERE id = ?", []any{ids[4]}},
		{"DELETE FROM kyc_cases WHERE id = ?", []any{ids[1]}},
		{"UPDATE kyc_cases SET version = version + 1 WHERE id = ?", []any{ids[0]}},
		{"UPDATE kyc_cases SET status = 'PENDING_REVIEW' WHERE id = ?", []any{ids[0]}},
		{"UPDATE kyc_cases SET status = 'APPROVED', search_text = 'anna bergström' WHERE id = ?", []any{ids[6]}},
	} {
		if _, err := db.ExecContext(ctx, q.q, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	ids1 := func(q string, args ...any) []string {
		t.Helper()
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			out = append(out, id)
		}
		slices.Sort(out)
		return out
	}
	// The server's own predicate (internal/search), against a scan of the column.
	indexed := func(q string, sts []string) []string {
		t.Helper()
		sel := entsql.Dialect(dialect.SQLite).Select("id").From(entsql.Table("kyc_cases"))
		search.Predicate(q, sts)(sel)
		query, args := sel.Query()
		if len([]rune(q)) >= search.MinIndexed && !strings.Contains(query, "kyc_cases_fts") {
			t.Fatalf("%q: the index is not used: %s", q, query)
		}
		return ids1(query, args...)
	}
	for _, sts := range [][]string{nil, {"PENDING_REVIEW"}, {"APPROVED", "PENDING_REVIEW"}, {"REJECTED"}} {
		for _, q := range []string{"lindqvist", "anna", "example.com", "öberg", "asa@", `"neil`, `quote "q"`, "bob", "browning", "zoë", "zim", "nomatch", "a b", "AND", "*", "bergström"} {
			scan := `SELECT id FROM kyc_cases WHERE instr(search_text, ?) > 0`
			args := []any{q}
			if len(sts) > 0 {
				scan += " AND status IN (?" + strings.Repeat(", ?", len(sts)-1) + ")"
				for _, st := range sts {
					args = append(args, st)
				}
			}
			if len([]rune(q)) < search.MinIndexed {
				continue // shorter queries scan the column
			}
			if got, want := indexed(q, sts), ids1(scan, args...); !slices.Equal(got, want) {
				t.Errorf("%q in %v: the index finds %v, the column %v", q, sts, got, want)
			}
		}
	}
	var rowsLeft int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM kyc_cases_fts_rows WHERE case_id NOT IN (SELECT id FROM kyc_cases)").Scan(&rowsLeft); err != nil || rowsLeft != 0 {
		t.Fatalf("index rows of deleted cases: %d, %v", rowsLeft, err)
	}
	// The index's status codes: the migration's table, internal/search and the schema's
	// statuses say the same.
	codes := map[string]int64{}
	rows, err := db.QueryContext(ctx, "SELECT status, code FROM kyc_cases_fts_status")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var st string
		var c int64
		if err := rows.Scan(&st, &c); err != nil {
			t.Fatal(err)
		}
		codes[st] = c
	}
	if !maps.Equal(codes, search.StatusCodes) {
		t.Errorf("kyc_cases_fts_status %v, internal/search %v", codes, search.StatusCodes)
	}
	for _, st := range workflow.Status("").Values() {
		if _, ok := search.StatusCodes[st]; !ok {
			t.Errorf("status %s has no code in the search index: add it to kyc_cases_fts_status (a migration) and search.StatusCodes", st)
		}
	}
}

// rebinder rewrites a test's ? placeholders for the dialect.
type rebinder string

func (d rebinder) q(s string) string { return migrate.Rebind(string(d), s) }
