// Package migrations holds the versioned migration files, one folder per dialect, each with
// its atlas.sum integrity file. They are written by scripts/migration.sh (ent + Atlas, see
// ent/migrate/cmd/diff) and may be edited by hand (then re-sum: scripts/migration.sh -hash).
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"ariga.io/atlas/sql/migrate"
)

//go:embed sqlite/*.sql sqlite/atlas.sum postgres/*.sql postgres/atlas.sum
var files embed.FS

// Dir returns the migration directory of a dialect ("sqlite" or "postgres"), read-only.
func Dir(dialect string) (migrate.Dir, error) {
	sub, err := fs.Sub(files, dialect)
	if err != nil {
		return nil, err
	}
	if _, err := fs.Stat(sub, migrate.HashFileName); err != nil {
		return nil, fmt.Errorf("no migrations for %q: %w", dialect, err)
	}
	return dir{sub}, nil
}

// dir is an Atlas migration directory over an fs.FS (the embedded files).
type dir struct{ fs.FS }

func (dir) WriteFile(string, []byte) error {
	return fmt.Errorf("the embedded migrations are read-only")
}

func (d dir) Files() ([]migrate.File, error) {
	names, err := fs.Glob(d.FS, "*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migrate.File, 0, len(names))
	for _, n := range names {
		if strings.HasSuffix(n, ".sql") {
			b, err := fs.ReadFile(d.FS, n)
			if err != nil {
				return nil, err
			}
			out = append(out, migrate.NewLocalFile(n, b))
		}
	}
	return out, nil
}

func (d dir) Checksum() (migrate.HashFile, error) {
	fs, err := d.Files()
	if err != nil {
		return nil, err
	}
	return migrate.NewHashFile(fs)
}
