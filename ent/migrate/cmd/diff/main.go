// Command diff writes a new versioned migration: the changes that bring the database the
// migration directory describes up to the ent schema, computed by ent and Atlas on a dev
// database (the directory is replayed there first, so the dev database must be empty).
//
//	go run ./ent/migrate/cmd/diff -dialect sqlite <name>                 (SQLite in memory)
//	go run ./ent/migrate/cmd/diff -dialect postgres -dev <url> <name>    (an empty PostgreSQL)
//	go run ./ent/migrate/cmd/diff -dialect postgres -new <name>          (an empty file for SQL by hand)
//	go run ./ent/migrate/cmd/diff -dialect postgres -hash                (re-sum after editing a file)
//
// scripts/migration.sh <name> runs it for both dialects.
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"

	atlasmigrate "ariga.io/atlas/sql/migrate"
	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/schema"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"

	"github.com/openkyc/kyc-manual-review/ent/migrate"
)

func main() {
	dia := flag.String("dialect", "sqlite", "sqlite or postgres")
	dev := flag.String("dev", "", "URL of an empty PostgreSQL database to plan on (postgres only)")
	root := flag.String("dir", "ent/migrate/migrations", "the migrations folder (one sub-folder per dialect)")
	empty := flag.Bool("new", false, "write an empty migration file to fill by hand, then run -hash")
	hash := flag.Bool("hash", false, "only rewrite atlas.sum (after editing a migration file by hand)")
	flag.Parse()
	if err := run(context.Background(), *dia, *dev, filepath.Join(*root, *dia), flag.Arg(0), *empty, *hash); err != nil {
		log.Fatalf("migration diff (%s): %v", *dia, err)
	}
}

func run(ctx context.Context, dia, dev, path, name string, empty, hash bool) error {
	if err := os.MkdirAll(path, 0o755); err != nil {
		return err
	}
	dir, err := atlasmigrate.NewLocalDir(path)
	if err != nil {
		return err
	}
	if hash {
		sum, err := dir.Checksum()
		if err != nil {
			return err
		}
		return atlasmigrate.WriteSumFile(dir, sum)
	}
	if name == "" {
		return errors.New("give the migration a name, e.g. add_case_birth_date")
	}
	if empty {
		if err := dir.WriteFile(atlasmigrate.NewVersion()+"_"+name+".sql", []byte("-- "+name+": write the SQL here, then run scripts/migration.sh -hash\n")); err != nil {
			return err
		}
		sum, err := dir.Checksum()
		if err != nil {
			return err
		}
		return atlasmigrate.WriteSumFile(dir, sum)
	}
	var db *sql.DB
	label := dia
	switch dia {
	case "sqlite":
		dia = dialect.SQLite
		db, err = sql.Open("sqlite", "file:dev?mode=memory&_pragma=foreign_keys(1)")
		if err == nil {
			db.SetMaxOpenConns(1) // one connection: the in-memory database lives with it
		}
	case "postgres":
		dia = dialect.Postgres
		if dev == "" {
			return errors.New("-dev: the URL of an empty PostgreSQL database")
		}
		db, err = sql.Open("pgx", dev)
	default:
		return fmt.Errorf("unknown dialect %q", dia)
	}
	if err != nil {
		return err
	}
	defer db.Close()
	before, err := dir.Files()
	if err != nil {
		return err
	}
	m, err := schema.NewMigrate(entsql.OpenDB(dia, db),
		schema.WithDir(dir),
		schema.WithDialect(dia),
		schema.WithMigrationMode(schema.ModeReplay),
		schema.WithFormatter(atlasmigrate.DefaultFormatter),
	)
	if err != nil {
		return err
	}
	if err := m.NamedDiff(ctx, name, migrate.Tables...); err != nil {
		return err
	}
	after, err := dir.Files()
	if err != nil {
		return err
	}
	if len(after) == len(before) {
		fmt.Printf("%s: the migrations already match the ent schema; nothing written\n", label)
		return nil
	}
	fmt.Printf("%s: wrote %s\n", label, filepath.Join(path, after[len(after)-1].Name()))
	return nil
}
