package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/audit"
)

// commandStore is what a subcommand works on: the server's secret key and its database, as
// the server itself would open them (warnings go to stderr).
type commandStore struct {
	key    []byte
	client *ent.Client
	db     *sql.DB
	log    *slog.Logger
}

func openCommandStore(ctx context.Context, cfg config, stderr io.Writer) (*commandStore, error) {
	key, err := secretKey(cfg.SecretKey, cfg.DataDir)
	if err != nil {
		return nil, fmt.Errorf("secret key: %w", err)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	client, db, err := openDB(ctx, cfg.DatabaseURL, cfg.DataDir, audit.KeyFrom(key), log)
	if err != nil {
		return nil, err
	}
	return &commandStore{key: key, client: client, db: db, log: log}, nil
}

func (s *commandStore) Close() { s.client.Close() }
