// Package migrate owns the database schema's versioned migrations: it runs the files of
// ent/migrate/migrations (Atlas's format, one directory per dialect) that a database has not
// run, records them in kyc_schema_revisions, adopts a database of the release before
// versioned migrations, and checks that the migrated schema is what ent's schema describes.
//
// Each file runs in its own transaction, except a PostgreSQL file that starts with
// "-- atlas:txmode none": it runs statement by statement in autocommit, which a migration of a
// large table needs (CREATE INDEX CONCURRENTLY; back-fills in batches that each commit), and
// must then be safe to run again from the start. TestLargeTableMigrationsDoNotLock holds
// every PostgreSQL file to that.
//
// It may import ent's generated migrate package, the migration files and Atlas; never
// graph or server (depguard holds this).
package migrate
