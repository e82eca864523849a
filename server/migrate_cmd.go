package main

import (
	"context"
	"fmt"
	"io"

	"github.com/openkyc/kyc-manual-review/internal/blobstore"
)

// migrateCmd is the migrate subcommand: it brings stored data up to date with this release.
// Today: the database schema (as at start-up), then every document stored plain before
// encryption at rest, or sealed under an older KEK, is sealed under the newest. Idempotent.
func migrateCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	store, err := openCommandStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	blobs, closeBlobs, err := blobstore.OpenSealed(ctx, cfg.DocumentStore, cfg.DataDir, cfg.KEK, store.key)
	if err != nil {
		return err
	}
	defer func() { _ = closeBlobs() }()
	n, err := blobs.SealAll(ctx, "documents/")
	if err != nil {
		return fmt.Errorf("encrypt documents (%d done; running it again continues): %w", n, err)
	}
	fmt.Fprintf(stdout, "database schema up to date; %d documents encrypted or re-keyed\n", n)
	return nil
}
