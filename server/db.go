package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	_ "modernc.org/sqlite"             // registers the "sqlite" driver (pure Go)

	"github.com/openkyc/kyc-manual-review/ent"
)

// openDB opens PostgreSQL when a URL is given, else the embedded SQLite file in dataDir,
// and migrates the schema.
func openDB(ctx context.Context, databaseURL, dataDir string) (*ent.Client, *sql.DB, error) {
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
			db.SetMaxOpenConns(32)
			db.SetMaxIdleConns(32)
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
		dsn := "file:" + filepath.Join(dataDir, "kyc.db") +
			"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate" +
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
	client := ent.NewClient(ent.Driver(entsql.OpenDB(dia, db)))
	if err := migrate(ctx, client, db, dia); err != nil {
		client.Close()
		return nil, nil, fmt.Errorf("migrate the database: %w", err)
	}
	return client, db, nil
}

// migrate brings the schema up to date. On PostgreSQL an advisory lock makes replicas that
// start together migrate one after the other.
func migrate(ctx context.Context, client *ent.Client, db *sql.DB, dia string) error {
	if dia == dialect.Postgres {
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		const lockID = 0x6b7963 // "kyc"
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", lockID); err != nil {
			return err
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", lockID) //nolint:errcheck // released with the session anyway
	}
	return client.Schema.Create(ctx)
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
