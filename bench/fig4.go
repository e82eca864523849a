package main

import (
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"

	"github.com/openkyc/kyc-manual-review/internal/search"
)

var (
	firstNames = strings.Fields(`Anna Ben Carla David Emma Felix Greta Hugo Ida Jonas Klara Leon Mia Noah Olga Paul Rosa Sam Tina Umar
		Vera Wim Xenia Yusuf Zoe Aaron Bea Cem Dana Emil Fatima Gabriel Hana Igor Jana Karim Lena Mateo Nora Oskar Petra Quentin Rita
		Sofia Tomas Ulla Viktor Wanda Yara Zeno`)
	lastNames = strings.Fields(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf
		Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Krause Meier Lehmann Schmid Schulze
		Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich
		Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin
		Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn
		Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Lindqvist`)
)

// searchTerm is a last name that ~1% of the seeded applicants carry.
const searchTerm = "lindqvist"

var caseColumns = []string{"id", "state", "status", "version", "revision", "selected_document_type", "resume_floor",
	"first_name", "last_name", "email", "search_text", "reason", "token_hash", "created_at", "updated_at", "submitted_at", "decided_at", "assignee_id"}

// seedRow makes the i-th seeded case: a plausible mix of statuses over a year.
func seedRow(r *rand.Rand, i int, now time.Time) []any {
	fn := firstNames[r.IntN(len(firstNames))]
	ln := lastNames[r.IntN(len(lastNames))]
	created := now.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))).UTC().Truncate(time.Microsecond)
	var (
		state              = "final"
		status             string
		submitted, decided any
		docType, reason    any
		revision, version  = 1, 12
		updated            = created.Add(20 * time.Minute)
		submittedAt        = created.Add(15 * time.Minute)
		collecting         = []string{"welcome", "document_selection", "document_photo", "document_review", "selfie", "selfie_review"}
		tok                = make([]byte, 32)
	)
	for k := range tok {
		tok[k] = byte(r.UintN(256))
	}
	tokenHash := hex.EncodeToString(tok)
	switch p := r.IntN(100); {
	case p < 40:
		status, state, revision, version = "IN_PROGRESS", collecting[r.IntN(len(collecting))], 0, 1+r.IntN(8)
	case p < 65:
		status, submitted = "PENDING_REVIEW", submittedAt
	case p < 85:
		status, submitted, decided = "APPROVED", submittedAt, updated
	case p < 95:
		status, submitted, decided, reason = "REJECTED", submittedAt, updated, "document unreadable"
	default:
		status, state, submitted, reason = "RESUBMISSION_REQUESTED", "document_photo", submittedAt, "photo is blurred"
	}
	if state != "welcome" && state != "document_selection" {
		docType = "PASSPORT"
	}
	email := fmt.Sprintf("%s.%s.%d@example.com", strings.ToLower(fn), strings.ToLower(ln), i)
	search := strings.ToLower(fn + " " + ln + " " + email) // as the server writes it (internal/search.Text)
	return []any{uuid.New(), state, status, version, revision, docType, nil, fn, ln, email, search, reason, tokenHash, created, updated, submitted, decided, nil}
}

func seedSQLite(ctx context.Context, dbPath string, n int) error {
	// A large page cache: the seed is one transaction, and with SQLite's 2 MiB default the
	// index and full-text pages it touches spill to the WAL again and again.
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_txlock=immediate&_pragma=cache_size(-1048576)")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	const per = 400
	r := rand.New(rand.NewPCG(6, 6))
	now := time.Now()
	rowPH := "(" + strings.TrimSuffix(strings.Repeat("?,", len(caseColumns)), ",") + ")"
	for i := 0; i < n; i += per {
		k := min(per, n-i)
		args := make([]any, 0, k*len(caseColumns))
		for j := 0; j < k; j++ {
			args = append(args, seedRow(r, i+j, now)...)
		}
		q := "INSERT INTO kyc_cases (" + strings.Join(caseColumns, ",") + ") VALUES " + strings.TrimSuffix(strings.Repeat(rowPH+",", k), ",")
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func seedPG(ctx context.Context, url string, n int) error {
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	r := rand.New(rand.NewPCG(6, 6))
	now := time.Now()
	rows := make([][]any, 0, n)
	for i := 0; i < n; i++ {
		row := seedRow(r, i, now)
		row[0] = [16]byte(row[0].(uuid.UUID))
		rows = append(rows, row)
	}
	if _, err := conn.CopyFrom(ctx, pgx.Identifier{"kyc_cases"}, caseColumns, pgx.CopyFromRows(rows)); err != nil {
		return err
	}
	// What autovacuum would have done within a minute of such a load.
	_, err = conn.Exec(ctx, "ANALYZE kyc_cases")
	return err
}

// fig4: with many cases seeded, the backoffice's first page of `cases` filtered by status and
// searched by name, as a reviewer; beside it the same queue unsearched (its count capped).
// Baseline: the same page and count in raw SQL, same run.
func fig4(ctx context.Context, e *env) error {
	for _, backend := range e.backends() {
		if err := fig4On(ctx, e, backend); err != nil {
			e.rep.add(row{Figure: 4, Name: figureNames[4], Backend: backend, Verdict: "ERROR: " + firstLine(err.Error())})
		}
	}
	e.rep.note(4, "The query is the backoffice's ListCases (totalCount, totalCountCapped, pageInfo, 25 edges of CaseListItem with documents and assignee) with filter {status:[PENDING_REVIEW], search:%q} and orderBy SUBMITTED_AT ASC (the pending queue, oldest submission first), exactly as apps/backoffice sends it; ~25%% of cases are PENDING_REVIEW and ~1%% carry the name. \"unsearched\" is the same queue without a search: its count stops at 10,000 (totalCountCapped). %d sequential requests after 5 warm-ups. Seeded cases have no documents (the per-row documents lookup still runs). The search uses the trigram indexes of the migrations, each holding the case's status beside its text (migration case_search_by_status): SQLite FTS5 (trigram tokenizer, kept by triggers) whose rowids carry the status, so a status is a rowid range; PostgreSQL one GIN index on (status, search_text gin_trgm_ops) through btree_gin. Raw SQL baseline: the page (LIMIT 26) and the count (capped at 10,001 rows like the server's) with the server's own predicate (internal/search), straight on the database from the benchmark process.", searchTerm, e.cfg.listQueries)
	return nil
}

func fig4On(ctx context.Context, e *env, backend string) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Minute)
	defer cancel()
	srv, url, err := e.server(ctx, backend, "fig4")
	if err != nil {
		return err
	}
	defer srv.stop()
	t0 := time.Now()
	n := e.cfg.seedCases
	dbPath := filepath.Join(srv.dir, "data", "kyc.db")
	if backend == "postgres" {
		err = seedPG(ctx, url, n)
	} else {
		err = seedSQLite(ctx, dbPath, n)
	}
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	e.log("fig4/%s: seeded %d cases in %s", backend, n, time.Since(t0).Round(time.Millisecond))
	cl := newClient(srv.base, 4)
	defer cl.close()
	cookie, err := cl.login(ctx, reviewerEmail, reviewerPassword)
	if err != nil {
		return err
	}
	rv := auth{cookie: cookie}
	for _, searched := range []bool{true, false} {
		if err := fig4List(ctx, e, srv, cl, rv, backend, url, dbPath, n, searched); err != nil {
			return err
		}
	}
	return nil
}

func fig4List(ctx context.Context, e *env, srv *proc, cl *client, rv auth, backend, url, dbPath string, n int, searched bool) error {
	filter := map[string]any{"status": []string{"PENDING_REVIEW"}}
	name, target := fmt.Sprintf("%s, %d cases", figureNames[4], n), "p95 ≤ 50 ms"
	if searched {
		filter["search"] = searchTerm
	} else {
		name, target = fmt.Sprintf("%s, %d cases, unsearched", figureNames[4], n), "— (capped count)"
	}
	vars := map[string]any{"first": 25, "filter": filter, "orderBy": map[string]any{"field": "SUBMITTED_AT", "direction": "ASC"}}
	var (
		total, edges int
		capped       bool
	)
	list := func(ctx context.Context, _ int) error {
		var out struct {
			Cases struct {
				TotalCount       int              `json:"totalCount"`
				TotalCountCapped bool             `json:"totalCountCapped"`
				Edges            []map[string]any `json:"edges"`
			} `json:"cases"`
		}
		if _, err := cl.do(ctx, rv, qListCases, vars, &out); err != nil {
			return err
		}
		total, edges, capped = out.Cases.TotalCount, len(out.Cases.Edges), out.Cases.TotalCountCapped
		return nil
	}
	runLoad(ctx, 1, time.Minute, 5, list)
	profiled := make(chan struct{})
	if srv.pprofAddr != "" && searched {
		go func() {
			defer close(profiled)
			e.profile(ctx, srv, "profile", "seconds=5", "fig4-"+backend+"-cpu")
		}()
	} else {
		close(profiled)
	}
	api := runLoad(ctx, 1, 5*time.Minute, e.cfg.listQueries, list)
	<-profiled
	if api.ops == 0 {
		return fmt.Errorf("no list request succeeded: %w", api.firstErr)
	}
	if edges == 0 {
		return fmt.Errorf("the list found nothing (totalCount %d): the seed does not match the schema", total)
	}
	floor := runLoad(ctx, 1, time.Minute, e.cfg.listQueries, func(ctx context.Context, _ int) error { return cl.typename(ctx, rv) })

	raw, err := rawListBaseline(ctx, backend, url, dbPath, e.cfg.listQueries, searched)
	if err != nil {
		return fmt.Errorf("raw SQL baseline: %w", err)
	}
	p95 := pct(api.lats, 95)
	count := fmt.Sprint(total)
	if capped {
		count += "+"
	}
	verdict := "—"
	if searched {
		verdict = verdictMax(float64(p95)/1e6, 50, "ms")
	}
	e.rep.add(row{
		Figure: 4, Name: name, Backend: backend, Numbers: true,
		Measured: fmt.Sprintf("**p95 %s**, p50 %s (%d of %s matches on the page)", ms(p95), ms(pct(api.lats, 50)), edges, count),
		Baseline: fmt.Sprintf("raw SQL page+count p95 %s; `{__typename}` as reviewer p95 %s", ms(pct(raw.lats, 95)), ms(pct(floor.lats, 95))),
		Ratio:    fmt.Sprintf("%.1f× raw SQL", float64(p95)/float64(max(pct(raw.lats, 95), time.Microsecond))),
		Target:   target,
		Verdict:  verdict,
	})
	if api.errs > 0 {
		e.rep.note(4, "%s: %d list requests failed: %v", backend, api.errs, api.firstErr)
	}
	return nil
}

// rawListBaseline runs the page and the count the server runs, in SQL by hand: the search
// through the same index (SQLite: the FTS5 table; PostgreSQL: LIKE, which pg_trgm serves),
// the count stopped at 10,001 rows like the server's.
func rawListBaseline(ctx context.Context, backend, url, dbPath string, n int, searched bool) (loadResult, error) {
	// The server's own predicate (internal/search): status and search through the same index.
	dia := dialect.SQLite
	if backend == "postgres" {
		dia = dialect.Postgres
	}
	where := func(sel *entsql.Selector) {
		if searched {
			search.Predicate(searchTerm, []string{"PENDING_REVIEW"})(sel)
		} else {
			sel.Where(entsql.In(sel.C("status"), "PENDING_REVIEW"))
		}
	}
	page := entsql.Dialect(dia).Select(caseColumns...).From(entsql.Table("kyc_cases"))
	where(page)
	page.OrderBy("submitted_at", "id").Limit(26)
	inner := entsql.Dialect(dia).Select("id").From(entsql.Table("kyc_cases"))
	where(inner)
	inner.Limit(10001)
	pageQ, pageArgs := page.Query()
	countQ, countArgs := inner.Query()
	countQ = "SELECT COUNT(*) FROM (" + countQ + ") t"
	if backend == "postgres" {
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			return loadResult{}, err
		}
		defer conn.Close(ctx)
		op := func(ctx context.Context, _ int) error {
			rows, err := conn.Query(ctx, pageQ, pageArgs...)
			if err != nil {
				return err
			}
			for rows.Next() {
				if _, err := rows.Values(); err != nil {
					rows.Close()
					return err
				}
			}
			rows.Close()
			var c int
			return conn.QueryRow(ctx, countQ, countArgs...).Scan(&c)
		}
		runLoad(ctx, 1, time.Minute, 5, op)
		return runLoad(ctx, 1, 5*time.Minute, n, op), nil
	}
	db, err := sql.Open("sqlite", "file:"+dbPath+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=cache_size(-32768)&_pragma=mmap_size(268435456)")
	if err != nil {
		return loadResult{}, err
	}
	defer db.Close()
	op := func(ctx context.Context, _ int) error {
		rows, err := db.QueryContext(ctx, pageQ, pageArgs...)
		if err != nil {
			return err
		}
		vals := make([]any, len(caseColumns))
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		var c int
		return db.QueryRowContext(ctx, countQ, countArgs...).Scan(&c)
	}
	runLoad(ctx, 1, time.Minute, 5, op)
	return runLoad(ctx, 1, 5*time.Minute, n, op), nil
}

// fig5: the KYC app's JavaScript as shipped (server/web/dist/kyc/assets/*.js), gzipped.
func fig5(_ context.Context, e *env) error {
	files, _ := filepath.Glob(filepath.Join(e.root, "server", "web", "dist", "kyc", "assets", "*.js"))
	if len(files) == 0 {
		e.rep.add(row{Figure: 5, Name: figureNames[5], Backend: "—", Measured: "not built",
			Baseline: "—", Ratio: "—", Target: "≤ 150 KB", Verdict: "not measured: the KYC app is not built (run `pnpm run build`)"})
		return nil
	}
	// The languages are chunks loaded on demand (locale-<lang>-<hash>.js): a visit loads English
	// (the fallback) and at most one other, so the budget counts English and the largest other.
	var rawTotal, gzTotal, allGz int64
	var newest time.Time
	var otherRaw, otherGz int64
	counted := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		cw := &countWriter{}
		zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
		_, _ = zw.Write(b)
		_ = zw.Close()
		allGz += cw.n
		if st, err := os.Stat(f); err == nil && st.ModTime().After(newest) {
			newest = st.ModTime()
		}
		name := filepath.Base(f)
		if strings.HasPrefix(name, "locale-") && !strings.HasPrefix(name, "locale-en-") {
			if cw.n > otherGz {
				otherRaw, otherGz = int64(len(b)), cw.n
			}
			continue
		}
		rawTotal += int64(len(b))
		gzTotal += cw.n
		counted++
	}
	if otherGz > 0 {
		rawTotal += otherRaw
		gzTotal += otherGz
		counted++
	}
	kb := float64(gzTotal) / 1000
	e.rep.add(row{
		Figure: 5, Name: figureNames[5], Backend: "—", Numbers: true,
		Measured: fmt.Sprintf("%.1f KB gzipped (%.1f KB raw, %d file(s))", kb, float64(rawTotal)/1000, counted),
		Baseline: "— (sizes do not drift)",
		Ratio:    fmt.Sprintf("%.2f of the budget", kb/150),
		Target:   "≤ 150 KB",
		Verdict:  verdictMax(kb, 150, "KB"),
	})
	stale := ""
	if src := newestUnder(filepath.Join(e.root, "apps", "kyc", "src"), filepath.Join(e.root, "apps", "sdk", "src")); src.After(newest) {
		stale = " **The sources are newer than the build: rebuild (`pnpm run build`) for a current figure.**"
	}
	e.rep.note(5, "server/web/dist/kyc/assets/*.js as a visit loads it: every chunk but the languages, plus English (the fallback) and the largest other language (each loaded on demand); all %d files together: %.1f KB. Gzip level 9; KB = 1,000 bytes; built %s.%s", len(files), float64(allGz)/1000, newest.UTC().Format("2006-01-02 15:04 MST"), stale)
	return nil
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

var _ io.Writer = (*countWriter)(nil)

func newestUnder(dirs ...string) time.Time {
	var t time.Time
	for _, d := range dirs {
		_ = filepath.Walk(d, func(_ string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && info.ModTime().After(t) {
				t = info.ModTime()
			}
			return nil
		})
	}
	return t
}
