// Package search is the one place that says how the backoffice search matches a case: the
// text stored with each case (written by the API, back-filled at start-up by the server) and
// the query it is matched against are normalised here, the same way.
package search

import (
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
// answers `search_text LIKE '%q%'` from the pg_trgm GIN index by itself; on SQLite the
// query names the FTS5 trigram table (migration case_search_index), as a phrase, so that
// FTS5's own syntax (AND, *, quotes) is text like any other.
func Predicate(q string) func(*sql.Selector) {
	return func(s *sql.Selector) {
		if s.Dialect() != dialect.SQLite || utf8.RuneCountInString(q) < MinIndexed {
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
