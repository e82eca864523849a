package migrate

import (
	"regexp"
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/ent/migrate/migrations"
)

var (
	createTable = regexp.MustCompile(`(?is)^CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?`)
	createIndex = regexp.MustCompile(`(?is)^CREATE (?:UNIQUE )?INDEX (CONCURRENTLY )?.*? ON "?(\w+)"?`)
	bulkWrite   = regexp.MustCompile(`(?is)^(?:UPDATE|DELETE FROM|INSERT INTO) "?(\w+)"?`)
)

// stripComments drops the -- comment lines of a statement as Atlas splits the file.
func stripComments(stmt string) string {
	var b strings.Builder
	for _, line := range strings.Split(stmt, "\n") {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "--") {
			b.WriteString(line + "\n")
		}
	}
	return strings.TrimSpace(b.String())
}

// A PostgreSQL migration must not lock a large table for the length of a scan (issue 23): an
// index on a table that already exists is built CONCURRENTLY, which needs the file to run
// outside a transaction (txmode none); rows of an existing table are changed only in batches
// that each commit (a DO block with COMMIT, in a txmode-none file), never by one statement
// over the whole table. Tables the file creates itself are empty and exempt.
func TestLargeTableMigrationsDoNotLock(t *testing.T) {
	dir, err := migrations.Dir("postgres")
	if err != nil {
		t.Fatal(err)
	}
	files, err := dir.Files()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		stmts, err := f.Stmts()
		if err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		outside := noTransaction(f)
		created := map[string]bool{}
		for _, raw := range stmts {
			s := stripComments(raw)
			if m := createTable.FindStringSubmatch(s); m != nil {
				created[m[1]] = true
			}
			if m := createIndex.FindStringSubmatch(s); len(m) == 3 && !created[m[2]] {
				if m[1] == "" || !outside {
					t.Errorf("%s: an index on the existing table %s must be built CONCURRENTLY in a %q file:\n%s", f.Name(), m[2], txModeNone, s)
				}
			}
			if m := bulkWrite.FindStringSubmatch(s); len(m) == 2 && !created[m[1]] {
				t.Errorf("%s: one statement changes every row of the existing table %s: batch it (a DO block that COMMITs each batch, in a %q file):\n%s", f.Name(), m[1], txModeNone, s)
			}
			upper := strings.ToUpper(s)
			if strings.HasPrefix(upper, "DO ") && regexp.MustCompile(`\b(UPDATE|DELETE|INSERT)\b`).MatchString(upper) {
				if !outside || !strings.Contains(upper, "COMMIT;") {
					t.Errorf("%s: a DO block that writes rows must COMMIT each batch, in a %q file:\n%s", f.Name(), txModeNone, s)
				}
			}
		}
	}
}
