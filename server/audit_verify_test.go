package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// auditChainView is Case.auditChain as the API answers it.
type auditChainView struct {
	Valid              bool    `json:"valid"`
	CheckedEvents      int     `json:"checkedEvents"`
	FirstBrokenEventID *string `json:"firstBrokenEventId"`
	Detail             *string `json:"detail"`
}

func (c *client) auditChain(caseID string) auditChainView {
	c.t.Helper()
	var out struct {
		Node *struct{ AuditChain auditChainView }
	}
	c.mustDo(`query($id: ID!){ node(id:$id){ ... on Case { auditChain { valid checkedEvents firstBrokenEventId detail } } } }`,
		map[string]any{"id": caseID}, &out)
	if out.Node == nil {
		c.t.Fatalf("node(%s) is null", caseID)
	}
	return out.Node.AuditChain
}

// eventID returns the id of event #seq of a case, read through the API.
func eventID(t *testing.T, rita *client, caseID string, seq int) string {
	t.Helper()
	evs := rita.reviewCase(caseID).Events
	if len(evs) < seq {
		t.Fatalf("case %s has %d events, want #%d", caseID, len(evs), seq)
	}
	return evs[seq-1].ID
}

// verifyAuditArgs are the verify-audit arguments that reach the test server's database.
func (ts *testServer) verifyAuditArgs(extra ...string) []string {
	args := []string{"verify-audit", "-data-dir", ts.cfg.DataDir, "-secret-key", ts.cfg.SecretKey}
	if ts.cfg.DatabaseURL != "" {
		args = append(args, "-database-url", ts.cfg.DatabaseURL)
	}
	return append(args, extra...)
}

// runVerifyAudit runs the subcommand in this process (under migrateMu: it migrates like a
// server start) and returns its output and error.
func runVerifyAudit(t *testing.T, args []string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	migrateMu.Lock()
	defer migrateMu.Unlock()
	err := run(context.Background(), args, func(string) string { return "" }, &out, &errOut)
	return out.String() + errOut.String(), err
}

// The verifier names the first broken event of a case: one edited in SQL, one deleted in the
// middle, one deleted at the end; an intact chain passes. The reviewer sees it on the case,
// `server verify-audit` prints it and exits 1.
func TestAuditVerifier(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		ctx := context.Background()
		walk := func(name string) string {
			c, app := ts.startCase(t, name, "", "")
			app.step(c.ID, "USER_NEXT_STEP", "")
			app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
			rita.note(c.ID, "one")
			rita.note(c.ID, "two") // seq 1..5
			return c.ID
		}
		intact, edited, middle, last := walk("Intact"), walk("Edited"), walk("Middle"), walk("Last")
		sqlExec := func(q string) {
			t.Helper()
			if _, err := ts.app.db.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}

		if got := rita.auditChain(intact); !got.Valid || got.CheckedEvents != 5 || got.FirstBrokenEventID != nil || got.Detail != nil {
			t.Fatalf("intact chain: %+v", got)
		}
		out, err := runVerifyAudit(t, ts.verifyAuditArgs())
		if err != nil || !strings.Contains(out, "4 cases, 20 events checked, 0 broken") {
			t.Fatalf("verify-audit on intact chains: %v\n%s", err, out)
		}

		editedID := eventID(t, rita, edited, 3)
		middleID := eventID(t, rita, middle, 3)
		sqlExec(fmt.Sprintf(`UPDATE case_events SET data = '{"event":"USER_PREV_STEP"}' WHERE id = '%s'`, editedID))
		sqlExec(fmt.Sprintf(`DELETE FROM case_events WHERE case_id = '%s' AND seq = 2`, middle))
		sqlExec(fmt.Sprintf(`DELETE FROM case_events WHERE case_id = '%s' AND seq = 5`, last))

		for _, tt := range []struct {
			caseID, eventID, detail string
		}{
			{edited, editedID, "event #3's hash does not match its content"},
			{middle, middleID, "event #2 is missing"},
			{last, "", "event #5, the last, is missing"},
		} {
			got := rita.auditChain(tt.caseID)
			if got.Valid || got.Detail == nil || !strings.Contains(*got.Detail, tt.detail) {
				t.Fatalf("case %s: %+v, want broken: %s", tt.caseID, got, tt.detail)
			}
			if (tt.eventID == "") != (got.FirstBrokenEventID == nil) || (got.FirstBrokenEventID != nil && *got.FirstBrokenEventID != tt.eventID) {
				t.Fatalf("case %s names %v, want %q", tt.caseID, got.FirstBrokenEventID, tt.eventID)
			}
		}
		if got := rita.auditChain(intact); !got.Valid {
			t.Fatalf("the intact chain broke with the others: %+v", got)
		}
		_, app := ts.startCase(t, "Applicant", "", "")
		app.wantCode("FORBIDDEN", `{ myCase { id auditChain { valid } } }`, nil) // reviewers only

		out, err = runVerifyAudit(t, ts.verifyAuditArgs())
		if err == nil {
			t.Fatalf("verify-audit succeeded on broken chains:\n%s", out)
		}
		for _, want := range []string{
			fmt.Sprintf("case %s: event %s (#3): event #3's hash does not match", edited, editedID),
			fmt.Sprintf("case %s: event %s (#3): event #2 is missing", middle, middleID),
			fmt.Sprintf("case %s: event #5, the last, is missing", last),
			"3 broken",
		} {
			if !strings.Contains(out, want) {
				t.Fatalf("verify-audit output lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "case "+intact) {
			t.Fatalf("verify-audit reports the intact case:\n%s", out)
		}
		if out, err := runVerifyAudit(t, ts.verifyAuditArgs("-case", intact)); err != nil || !strings.Contains(out, "1 cases, 5 events checked, 0 broken") {
			t.Fatalf("verify-audit -case <intact>: %v\n%s", err, out)
		}
		if out, err := runVerifyAudit(t, ts.verifyAuditArgs("-case", edited)); err == nil || !strings.Contains(out, editedID) {
			t.Fatalf("verify-audit -case <edited>: %v\n%s", err, out)
		}
		// Without the server's secret, nothing verifies: the hashes are keyed.
		wrongKey := append(ts.verifyAuditArgs("-case", intact), "-secret-key", "another-secret-key-0123456789abcdef")
		if out, err := runVerifyAudit(t, wrongKey); err == nil {
			t.Fatalf("verify-audit with another secret passed:\n%s", out)
		}

		// The exit status of the real command: the test binary re-runs itself as the server.
		for _, tt := range []struct {
			args []string
			code int
		}{
			{ts.verifyAuditArgs("-case", intact), 0},
			{ts.verifyAuditArgs(), 1},
		} {
			cmd := exec.Command(os.Args[0], "-test.run=^TestVerifyAuditMain$")
			cmd.Env = append(os.Environ(), "KYC_VERIFY_AUDIT_ARGS="+strings.Join(tt.args, "\x1f"))
			migrateMu.Lock()
			outb, err := cmd.CombinedOutput()
			migrateMu.Unlock()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tt.code {
				t.Fatalf("server %v: exit status %d, want %d\n%s", tt.args, code, tt.code, outb)
			}
		}
	})
}

// TestVerifyAuditMain is not a test: TestAuditVerifier runs the test binary with
// KYC_VERIFY_AUDIT_ARGS to call the server's main with those arguments.
func TestVerifyAuditMain(t *testing.T) {
	args := os.Getenv("KYC_VERIFY_AUDIT_ARGS")
	if args == "" {
		t.Skip("only run by TestAuditVerifier")
	}
	os.Args = append([]string{"server"}, strings.Split(args, "\x1f")...)
	main()
}
