package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	_ "modernc.org/sqlite" // the server's SQLite driver, for the raw-SQL baseline
)

// fig2: sendCaseEvent through HTTP + GraphQL at 1/16/64 clients, each bouncing its own case
// between welcome and document_selection (one transaction per call), against the same
// transaction in raw SQL: pgbench on the same PostgreSQL, an in-process loop on SQLite.
func fig2(ctx context.Context, e *env) error {
	backends := e.backends()
	if e.pgDur != nil {
		backends = append(backends, "postgres-durable")
	}
	for _, backend := range backends {
		if err := fig2On(ctx, e, backend); err != nil {
			e.rep.add(row{Figure: 2, Name: figureNames[2], Backend: backend, Verdict: "ERROR: " + firstLine(err.Error())})
		}
	}
	return nil
}

func fig2On(ctx context.Context, e *env, backend string) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Minute)
	defer cancel()
	srv, _, err := e.server(ctx, backend, "fig2")
	if err != nil {
		return err
	}
	defer srv.stop()
	maxC := 0
	for _, c := range e.cfg.clients {
		maxC = max(maxC, c)
	}
	cl := newClient(srv.base, maxC)
	defer cl.close()
	apps := make([]applicant, maxC)
	if err := parallel(ctx, maxC, 16, func(ctx context.Context, i int) error {
		cv, token, err := cl.startCase(ctx, i)
		apps[i] = applicant{token: token, c: cv}
		return err
	}); err != nil {
		return fmt.Errorf("start cases: %w", err)
	}
	op := func(ctx context.Context, w int) error {
		a := &apps[w]
		ev, doc := "USER_NEXT_STEP", "ID_CARD" // welcome → document_selection (the type is ignored there)
		if a.c.State == "document_selection" {
			ev, doc = "USER_PREV_STEP", ""
		}
		cv, err := cl.event(ctx, a.token, a.c.ID, ev, doc)
		if err != nil {
			return err
		}
		a.c = cv
		return nil
	}

	var raw func(ctx context.Context, clients int, dur time.Duration) (loadResult, error)
	var rawName string
	var pb *pgbench
	pg := e.cluster(backend)
	switch {
	case pg != nil:
		rawName = "pgbench"
		if pb, err = newPgbench(ctx, e, pg, maxC); err != nil {
			return fmt.Errorf("pgbench set-up: %w", err)
		}
		raw = func(ctx context.Context, clients int, dur time.Duration) (loadResult, error) {
			return pb.run(ctx, pb.script, clients, dur)
		}
	default:
		rawName = "raw SQL (same driver, pragmas, pool)"
		sb, err := newSQLiteRaw(ctx, filepath.Join(e.tmp, "fig2-raw.db"), maxC)
		if err != nil {
			return fmt.Errorf("sqlite baseline set-up: %w", err)
		}
		defer sb.db.Close()
		raw = sb.run
	}

	for _, c := range e.cfg.clients {
		warm := max(e.cfg.duration/5, 100*time.Millisecond)
		runLoad(ctx, c, warm, 1_000_000, op)
		profiled := make(chan struct{})
		if c == maxC && e.cfg.profileDir != "" {
			go func() {
				defer close(profiled)
				e.profile(ctx, srv, "profile", fmt.Sprintf("seconds=%d", max(1, int(e.cfg.duration.Seconds())-1)), fmt.Sprintf("fig2-%s-%dclients-cpu", backend, c))
			}()
		} else {
			close(profiled)
		}
		srvCPU0, selfCPU0 := cpuSeconds(srv.pid()), selfCPUSeconds()
		api := runLoad(ctx, c, e.cfg.duration, 1_000_000, op)
		srvCores := (cpuSeconds(srv.pid()) - srvCPU0) / api.elapsed.Seconds()
		clientCores := (selfCPUSeconds() - selfCPU0) / api.elapsed.Seconds()
		<-profiled
		e.log("fig2/%s: %d clients: %.0f tps (%d errors)", backend, c, api.tps(), api.errs)
		base, err := raw(ctx, c, e.cfg.duration)
		if err != nil {
			e.rep.add(row{Figure: 2, Name: figureNames[2], Backend: backend, Verdict: "ERROR (baseline): " + firstLine(err.Error())})
			continue
		}
		e.log("fig2/%s: %d clients: baseline %.0f tps", backend, c, base.tps())
		if pb != nil {
			// The statement the server now sends, for comparison (not the ratio's baseline).
			if one, err := pb.run(ctx, pb.oneStatement, c, e.cfg.duration); err == nil {
				e.rep.note(2, "%s, %d client(s): pgbench running the one statement the server sends for a step on a case it keeps (the UPDATE and the INSERT joined in one WITH statement, autocommit): %.0f tps, p99 %s — API / that = %.2f.",
					backend, c, one.tps(), ms(pct(one.lats, 99)), api.tps()/one.tps())
			}
		}
		p50, p99 := pct(api.lats, 50), pct(api.lats, 99)
		ratio := api.tps() / base.tps()
		r := row{
			Figure: 2, Name: figureNames[2] + fmt.Sprintf(", %d client(s)", c), Backend: backend, Numbers: api.ops > 0,
			Measured: fmt.Sprintf("%.0f tps, p50 %s, p99 %s", api.tps(), ms(p50), ms(p99)),
			Baseline: fmt.Sprintf("%s %.0f tps, p50 %s, p99 %s", rawName, base.tps(), ms(pct(base.lats, 50)), ms(pct(base.lats, 99))),
			Ratio:    fmt.Sprintf("%.2f", ratio),
			Target:   "—",
			Verdict:  "—",
		}
		e.rep.note(2, "%s, %d client(s): CPU used during the API run — server %.2f cores, benchmark client %.2f cores (of %d; the database's share is the rest).", backend, c, srvCores, clientCores, runtime.NumCPU())
		if api.errs > 0 {
			r.Measured += fmt.Sprintf(" (%d errors: %s)", api.errs, firstLine(api.firstErr.Error()))
		}
		switch {
		case pg != nil && c == 64:
			r.Target = "ratio ≥ 0.5, p99 ≤ 50 ms"
			v1 := verdictMin(ratio, 0.5, "")
			v2 := verdictMax(float64(p99)/1e6, 50, "ms")
			r.Verdict = "ratio " + v1 + "; p99 " + v2
		case backend == "sqlite":
			r.Target = "≥ 1,000 tps"
			r.Verdict = verdictMin(api.tps(), 1000, "tps")
		}
		e.rep.add(r)
	}
	e.rep.note(2, "%s: each client is one applicant (own case, own bearer token) in a closed loop for %s after a warm-up, alternating USER_NEXT_STEP (documentType ID_CARD) welcome→document_selection and USER_PREV_STEP back; each call is one transaction in the server (%s; the current documents come from the server's per-version cache) and asks for the SDK's CaseFields.",
		backend, e.cfg.duration, map[bool]string{
			true:  "one statement in autocommit: the version- and xmin-checked update of the case and its audit chain head joined with the insert of the audit event, decided on the case as this replica last wrote it (graph/onestatement.go, graph/caserows.go, internal/casestore/lazytx.go; the first step of each case reads it first); the NOTIFY follows the commit, batched by the replica's notifier",
			false: "BEGIN, load the case, version-checked update of the case and its audit chain head, insert the audit event, COMMIT",
		}[pg != nil])
	if backend == "postgres-durable" {
		e.rep.note(2, "postgres-durable: the same server binary, script and pgbench transaction on a second cluster started with PostgreSQL's durable defaults (fsync=on, synchronous_commit=on, full_page_writes=on): every COMMIT waits for its WAL flush to disk, for the API and for pgbench alike; the ratio compares the two on the same cluster.")
	}
	if backend == "postgres" {
		e.rep.note(2, "pgbench: `pgbench -n -M prepared -c C -j min(C,2) -T %d` with a custom script on its own database in the same cluster: BEGIN; SELECT version … \\gset; UPDATE bench_cases SET version=v+1, state=…, updated_at=now() WHERE id=:client_id AND version=v; INSERT INTO bench_events (uuid, case_id, seq, … hashes, now()) — unique (case_id, seq) like the real audit table; END.", int(math.Max(1, e.cfg.duration.Seconds())))
	} else {
		e.rep.note(2, "sqlite baseline: the same three statements (select version, version-checked update, audit insert) in one BEGIN IMMEDIATE transaction, in-process through modernc.org/sqlite with the server's DSN pragmas and pool size (8), C goroutines; the ratio is API tps / raw tps. The SQLite target is judged at each client count.")
	}
	return nil
}

const pgbenchScript = `BEGIN;
SELECT version AS v FROM bench_cases WHERE id = :client_id \gset
UPDATE bench_cases SET version = :v + 1, state = CASE state WHEN 'welcome' THEN 'document_selection' ELSE 'welcome' END, updated_at = now() WHERE id = :client_id AND version = :v;
INSERT INTO bench_events (id, case_id, seq, type, actor, from_state, to_state, data, prev_hash, hash, created_at) VALUES (gen_random_uuid(), :client_id, :v + 1, 'STATE_CHANGED', 'applicant', 'welcome', 'document_selection', '{"event":"USER_NEXT_STEP"}', md5(CAST(:v AS text)), md5(CAST(:v + 1 AS text)), now());
END;
`

// pgbenchOneStatement is a step as the server sends it on PostgreSQL once it keeps the case
// (graph/onestatement.go, graph/caserows.go): the UPDATE and the INSERT in one statement.
const pgbenchOneStatement = `WITH u AS (UPDATE bench_cases SET version = version + 1, state = CASE state WHEN 'welcome' THEN 'document_selection' ELSE 'welcome' END, updated_at = now() WHERE id = :client_id RETURNING id, version) INSERT INTO bench_events (id, case_id, seq, type, actor, from_state, to_state, data, prev_hash, hash, created_at) SELECT gen_random_uuid(), u.id, u.version, 'STATE_CHANGED', 'applicant', 'welcome', 'document_selection', '{"event":"USER_NEXT_STEP"}', md5(CAST(u.version - 1 AS text)), md5(CAST(u.version AS text)), now() FROM u;
`

const benchTablesPG = `
CREATE TABLE bench_cases (id int PRIMARY KEY, state varchar NOT NULL, status varchar NOT NULL, version int NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE bench_events (id uuid PRIMARY KEY, case_id int NOT NULL REFERENCES bench_cases(id), seq int NOT NULL,
  type varchar NOT NULL, actor varchar NOT NULL, from_state varchar, to_state varchar, data varchar,
  prev_hash varchar NOT NULL, hash varchar NOT NULL, created_at timestamptz NOT NULL);
CREATE UNIQUE INDEX bench_events_case_seq ON bench_events (case_id, seq);
`

type pgbench struct {
	e                    *env
	url                  string
	script, oneStatement string // files
	bin                  string
}

func newPgbench(ctx context.Context, e *env, pg *pgCluster, cases int) (*pgbench, error) {
	bin := filepath.Join(pg.bin, "pgbench")
	if !fileExists(bin) {
		return nil, fmt.Errorf("%s not found", bin)
	}
	url, err := pg.createDB(ctx, "pgbench_kyc")
	if err != nil {
		return nil, err
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, benchTablesPG); err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `INSERT INTO bench_cases SELECT g, 'welcome', 'IN_PROGRESS', 1, now() FROM generate_series(0, $1) g`, cases); err != nil {
		return nil, err
	}
	script := filepath.Join(e.tmp, "pgbench-kyc.sql") // the same content for every cluster
	one := filepath.Join(e.tmp, "pgbench-kyc-one-statement.sql")
	if err := os.WriteFile(script, []byte(pgbenchScript), 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(one, []byte(pgbenchOneStatement), 0o644); err != nil {
		return nil, err
	}
	return &pgbench{e: e, url: url, script: script, oneStatement: one, bin: bin}, nil
}

var tpsRE = regexp.MustCompile(`tps = ([0-9.]+) \(without initial connection time\)`)

func (p *pgbench) run(ctx context.Context, script string, clients int, dur time.Duration) (loadResult, error) {
	secs := int(math.Max(1, math.Round(dur.Seconds())))
	logDir, err := os.MkdirTemp(p.e.tmp, "pgbench-log-")
	if err != nil {
		return loadResult{}, err
	}
	defer os.RemoveAll(logDir)
	cctx, cancel := context.WithTimeout(ctx, time.Duration(secs)*time.Second+2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, p.bin, "-n", "-M", "prepared", "-c", strconv.Itoa(clients), "-j", strconv.Itoa(min(clients, 2)),
		"-T", strconv.Itoa(secs), "-f", script, "-l", "--log-prefix", filepath.Join(logDir, "tx"), p.url)
	cmd.Dir = logDir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return loadResult{}, fmt.Errorf("pgbench: %w: %s", err, firstLine(string(out)))
	}
	m := tpsRE.FindSubmatch(out)
	if m == nil {
		return loadResult{}, fmt.Errorf("pgbench printed no tps: %s", out)
	}
	tps, _ := strconv.ParseFloat(string(m[1]), 64)
	res := loadResult{elapsed: time.Duration(secs) * time.Second}
	files, _ := filepath.Glob(filepath.Join(logDir, "tx*"))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		s := bufio.NewScanner(fh)
		for s.Scan() {
			fields := strings.Fields(s.Text())
			if len(fields) >= 3 {
				if us, err := strconv.ParseInt(fields[2], 10, 64); err == nil {
					res.lats = append(res.lats, time.Duration(us)*time.Microsecond)
				}
			}
		}
		fh.Close()
	}
	// tps as pgbench computes it (excluding connection set-up).
	res.ops = int(tps * res.elapsed.Seconds())
	return res, nil
}

// sqliteRaw is the SQLite baseline: the same transaction in raw SQL, in-process.
type sqliteRaw struct{ db *sql.DB }

func newSQLiteRaw(ctx context.Context, path string, cases int) (*sqliteRaw, error) {
	dsn := "file:" + path + "?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(8)
	stmts := []string{
		`CREATE TABLE bench_cases (id integer PRIMARY KEY, state text NOT NULL, status text NOT NULL, version integer NOT NULL, updated_at datetime NOT NULL)`,
		`CREATE TABLE bench_events (id uuid PRIMARY KEY, case_id integer NOT NULL REFERENCES bench_cases(id), seq integer NOT NULL,
		  type text NOT NULL, actor text NOT NULL, from_state text, to_state text, data text, prev_hash text NOT NULL, hash text NOT NULL, created_at datetime NOT NULL)`,
		`CREATE UNIQUE INDEX bench_events_case_seq ON bench_events (case_id, seq)`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			db.Close()
			return nil, err
		}
	}
	for i := 0; i < cases; i++ {
		if _, err := db.ExecContext(ctx, `INSERT INTO bench_cases VALUES (?, 'welcome', 'IN_PROGRESS', 1, ?)`, i, time.Now()); err != nil {
			db.Close()
			return nil, err
		}
	}
	return &sqliteRaw{db: db}, nil
}

func (s *sqliteRaw) run(ctx context.Context, clients int, dur time.Duration) (loadResult, error) {
	op := func(ctx context.Context, w int) error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback() //nolint:errcheck // no-op after commit
		var v int
		var state string
		if err := tx.QueryRowContext(ctx, `SELECT version, state FROM bench_cases WHERE id = ?`, w).Scan(&v, &state); err != nil {
			return err
		}
		next := "document_selection"
		if state == next {
			next = "welcome"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE bench_cases SET version = ?, state = ?, updated_at = ? WHERE id = ? AND version = ?`, v+1, next, time.Now(), w, v); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO bench_events (id, case_id, seq, type, actor, from_state, to_state, data, prev_hash, hash, created_at) VALUES (?, ?, ?, 'STATE_CHANGED', 'applicant', ?, ?, '{"event":"USER_NEXT_STEP"}', ?, ?, ?)`,
			uuid.New(), w, v+1, state, next, strconv.Itoa(v), strconv.Itoa(v+1), time.Now()); err != nil {
			return err
		}
		return tx.Commit()
	}
	runLoad(ctx, clients, max(dur/5, 100*time.Millisecond), 1_000_000, op)
	res := runLoad(ctx, clients, dur, 1_000_000, op)
	if res.ops == 0 && res.firstErr != nil {
		return res, res.firstErr
	}
	return res, nil
}
