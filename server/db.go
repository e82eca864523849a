package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver (pure Go)

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/audit"
	"github.com/openkyc/kyc-manual-review/internal/casestore"
	"github.com/openkyc/kyc-manual-review/internal/migrate"
	"github.com/openkyc/kyc-manual-review/internal/search"
)

// openDB opens PostgreSQL when a URL is given, else the embedded SQLite file in dataDir,
// and migrates the schema (auditKey keys audit chains written before keying).
func openDB(ctx context.Context, databaseURL, dataDir string, auditKey []byte, log *slog.Logger) (*ent.Client, *sql.DB, error) {
	var (
		db  *sql.DB
		dia string
		err error
	)
	if databaseURL != "" {
		if !strings.HasPrefix(databaseURL, "postgres://") && !strings.HasPrefix(databaseURL, "postgresql://") {
			return nil, nil, errors.New("DATABASE_URL must start with postgres://")
		}
		db, err = sql.Open("pgx", databaseURL)
		dia = dialect.Postgres
		if err == nil {
			db.SetMaxOpenConns(pgConns)
			db.SetMaxIdleConns(pgConns)
		}
	} else {
		if err := os.MkdirAll(dataDir, 0o750); err != nil {
			return nil, nil, err
		}
		// WAL lets readers run beside the writer; BEGIN IMMEDIATE takes the write lock up
		// front, so concurrent writers queue on busy_timeout instead of failing to upgrade.
		// Times are written as UTC "2006-01-02 15:04:05.999999999+00:00", whose text order is
		// time order: the driver's default, time.Time.String(), appends the monotonic clock
		// reading ("m=+1.23"), so a stored time compared greater than the same time passed
		// as a parameter and cursor pagination returned the cursor's own row again.
		// A 32 MiB page cache per connection (the default is 2 MiB) and reads through mmap (up
		// to 256 MiB of the file): a list of a million cases reads pages all over the file,
		// and each miss otherwise costs a system call and a copy.
		dsn := "file:" + filepath.Join(dataDir, "kyc.db") +
			"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate" +
			"&_pragma=cache_size(-32768)&_pragma=mmap_size(268435456)" +
			"&_time_format=sqlite&_timezone=UTC"
		db, err = sql.Open("sqlite", dsn)
		dia = dialect.SQLite
		if err == nil {
			db.SetMaxOpenConns(8)
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("connect to the database: %w", err)
	}
	var drv dialect.Driver = entsql.OpenDB(dia, db)
	if dia == dialect.Postgres {
		drv = casestore.LazyTx(drv) // BEGIN with the first write (internal/casestore)
	}
	client := ent.NewClient(ent.Driver(drv))
	client.KycCase.Intercept(graph.CappedCounts()) // the case list counts up to 10,000
	if err := migrateSchema(ctx, client, db, dia, auditKey, log); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("migrate the database: %w", err)
	}
	return client, db, nil
}

// pgConns is the size of the PostgreSQL connection pool.
const pgConns = 32

// writers is how many write transactions run at once: SQLite has one writer at a time
// (more only wait in its busy handler); PostgreSQL does best with a few per core, and reads
// keep at least a quarter of the pool.
func writers(databaseURL string) int {
	if databaseURL == "" {
		return 1
	}
	return min(4*runtime.GOMAXPROCS(0), pgConns*3/4)
}

// migrateSchema brings the schema up to date: the versioned migration files in
// ent/migrate/migrations (migrate.Apply). A database from before versioned migrations is
// adopted once, then gets the data fixes the start-up used to make every time (upgradeData).
func migrateSchema(ctx context.Context, client *ent.Client, db *sql.DB, dia string, auditKey []byte, log *slog.Logger) error {
	res, err := migrate.Apply(ctx, db, dia, log)
	if err != nil {
		return err
	}
	if err := migrate.CheckDrift(ctx, db, dia); err != nil {
		return err
	}
	if res.Baselined {
		log.InfoContext(ctx, "adopted a database of the release before versioned migrations")
		return upgradeData(ctx, client, db, dia, auditKey, log)
	}
	return nil
}

// upgradeData fills what a schema change before versioned migrations added to rows written
// before it. It runs once, when a database of that time is adopted. Every step is idempotent.
func upgradeData(ctx context.Context, client *ent.Client, db *sql.DB, dia string, auditKey []byte, log *slog.Logger) error {
	// The head of each case's audit chain, stored on the case since the audit append stopped
	// reading the last event.
	if _, err := db.ExecContext(ctx, `UPDATE kyc_cases SET
		last_event_seq = (SELECT MAX(seq) FROM case_events e WHERE e.case_id = kyc_cases.id),
		last_event_hash = (SELECT hash FROM case_events e WHERE e.case_id = kyc_cases.id ORDER BY seq DESC LIMIT 1)
		WHERE last_event_seq = 0 AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = kyc_cases.id)`); err != nil {
		return fmt.Errorf("fill the audit chain heads: %w", err)
	}
	// Case tokens expire counting from their last renewal: for cases from before expiry, the
	// decision or else the last change.
	if _, err := db.ExecContext(ctx, `UPDATE kyc_cases SET token_renewed_at = COALESCE(decided_at, updated_at)
		WHERE token_renewed_at IS NULL`); err != nil {
		return fmt.Errorf("fill the token renewal times: %w", err)
	}
	// Audit chains from before the chain was keyed (HMAC with the server's secret): re-hash
	// each that still verifies, once, recording it in the chain; leave the others to the verifier.
	keyed, left, err := audit.KeyLegacyChains(ctx, client, auditKey, time.Now().UTC().Truncate(time.Microsecond))
	if err != nil {
		return err
	}
	if keyed+left > 0 {
		log.InfoContext(ctx, "keyed the audit chains written before keying", "keyed", keyed)
	}
	if left > 0 {
		log.WarnContext(ctx, "audit chains that did not verify were left as found: run verify-audit", "cases", left)
	}
	// The search column, lower-cased in Go like every later write.
	stale, err := client.KycCase.Query().
		Where(kyccase.SearchText(""), kyccase.Or(kyccase.FirstNameNotNil(), kyccase.LastNameNotNil(), kyccase.EmailNotNil())).
		All(ctx)
	if err != nil {
		return err
	}
	for _, c := range stale {
		if err := client.KycCase.UpdateOne(c).SetSearchText(search.Text(c.FirstName, c.LastName, c.Email)).Exec(ctx); err != nil {
			return fmt.Errorf("fill the search column: %w", err)
		}
	}
	// PostgreSQL: the NOTIFY trigger that release installed is dropped by a migration
	// (case_events_notify_after_commit); the server sends the notices after commit.
	return nil
}

// secretKey returns the configured key, or one generated once into the data folder.
func secretKey(configured, dataDir string) ([]byte, error) {
	if configured != "" {
		return []byte(configured), nil
	}
	p := filepath.Join(dataDir, "secret.key")
	if b, err := os.ReadFile(p); err == nil && len(b) >= 32 {
		return b, nil
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, err
	}
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	key := []byte(hex.EncodeToString(b))
	return key, os.WriteFile(p, key, 0o600)
}
