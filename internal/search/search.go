// Package search is the one place that says how the backoffice search matches a case: the
// text stored with each case (written by the API, back-filled at start-up by the server) and
// the query it is matched against are normalised here, the same way.
package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
)

// Text is what the backoffice search matches: the applicant's names and email, lower-cased
// (in Go, so non-ASCII letters fold too, on both databases), joined by spaces so that
// "anna lindqvist" finds Anna Lindqvist. Missing and empty parts are skipped.
func Text(parts ...*string) string {
	var b strings.Builder
	for _, p := range parts {
		if p != nil && *p != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.ToLower(*p))
		}
	}
	return b.String()
}

// Query is what a search string is matched against Text with (as a substring); "" matches
// every case, so callers skip the filter then.
func Query(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// MinIndexed is the shortest query an index answers: both indexes are of trigrams (SQLite
// FTS5's trigram tokenizer, PostgreSQL's pg_trgm), so shorter queries scan the column.
const MinIndexed = 3

// Predicate selects the cases whose search text contains q (a Query), as a substring: the
// same rows on both databases, through an index where there is one. PostgreSQL's planner
// answers `search_text LIKE '%q%'` from the pg_trgm GIN index or the (status, search_text)
// index by itself, from its statistics. SQLite has no statistics (nothing runs ANALYZE), so
// the choice is made here: a page names the FTS5 trigram table (migration
// case_search_index), as a phrase so that FTS5's syntax (AND, *, quotes) is text like any
// other, and the planner walks the page's order index checking each case against the
// matches, stopping at the page's end; a count within statuses (withinStatus, marked by
// Counting) scans the covering (status, search_text, id) index instead, which costs less
// per row than looking up each match.
func Predicate(q string, withinStatus bool) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() != dialect.SQLite || utf8.RuneCountInString(q) < MinIndexed ||
			(withinStatus && s.Context() != nil && s.Context().Value(countingKey{}) != nil) {
			s.Where(sql.Contains(s.C("search_text"), q))
			return
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.Ident(s.C("id")).WriteString(" IN (SELECT r.case_id FROM kyc_cases_fts JOIN kyc_cases_fts_rows r ON r.id = kyc_cases_fts.rowid WHERE kyc_cases_fts MATCH ")
			b.Arg(`"` + strings.ReplaceAll(q, `"`, `""`) + `"`)
			b.WriteString(")")
		}))
	}
}

type countingKey struct{}

// Counting marks a query that counts the matches rather than reading a page of them.
func Counting(ctx context.Context) context.Context {
	return context.WithValue(ctx, countingKey{}, true)
}
