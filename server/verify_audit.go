package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/audit"
)

// verifyAudit is the verify-audit subcommand: it checks the audit chain of every case (or of
// one, -case ID) against the server's secret and prints the first broken event of each broken
// case. It reads the same configuration as the server (DATABASE_URL or DATA_DIR, SECRET_KEY)
// and fails (exit status 1) when any chain is broken.
func verifyAudit(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var only string
	cfg, err := parseConfig(args, getenv, stderr, func(fs *flag.FlagSet) {
		fs.StringVar(&only, "case", "", "verify-audit: check only this case (its ID)")
		fs.Usage = func() {
			fmt.Fprintln(fs.Output(), "usage: server verify-audit [-case ID] [server flags]\n\n"+
				"Checks each case's audit chain (seq order, prev_hash links, HMAC of every event with\n"+
				"SECRET_KEY) and prints the first broken event of each broken case; exits 1 if any.")
			fs.PrintDefaults()
		}
	})
	if err != nil {
		return err
	}
	var caseID *uuid.UUID
	if only != "" {
		id, err := uuid.Parse(only)
		if err != nil {
			return fmt.Errorf("-case: %w", err)
		}
		caseID = &id
	}
	store, err := openCommandStore(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer store.Close()
	broken := 0
	cases, events, err := audit.VerifyAll(ctx, store.client, audit.KeyFrom(store.key), caseID, func(c *ent.KycCase, chk audit.ChainCheck) {
		broken++
		if chk.Broken != nil {
			fmt.Fprintf(stdout, "case %s: event %s (#%d): %s\n", c.ID, chk.Broken.ID, chk.Broken.Seq, chk.Detail)
		} else {
			fmt.Fprintf(stdout, "case %s: %s\n", c.ID, chk.Detail)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "verify-audit: %d cases, %d events checked, %d broken\n", cases, events, broken)
	if broken > 0 {
		return fmt.Errorf("%d case(s) with a broken audit chain", broken)
	}
	return nil
}
