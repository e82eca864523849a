package search

import (
	"fmt"
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

// StatusCodes are the codes SQLite's search index keeps a case's status under (the table
// kyc_cases_fts_status of migration case_search_by_status, which must say the same): a case's
// FTS5 rowid is its code shifted left by statusShift, or-ed with its kyc_cases_fts_rows.id.
var StatusCodes = map[string]int64{
	"IN_PROGRESS":            1,
	"PENDING_REVIEW":         2,
	"APPROVED":               3,
	"REJECTED":               4,
	"RESUBMISSION_REQUESTED": 5,
	"AWAITING_SECOND_REVIEW": 6,
}

const statusShift = 40

// Predicate selects the cases whose search text contains q (a Query), as a substring, and
// whose status is one of statuses (any when empty): the same rows on both databases, through
// an index. PostgreSQL's planner answers `status IN … AND search_text LIKE '%q%'` from its
// indexes by itself (pg_trgm GIN with the status beside the trigrams, through btree_gin).
// SQLite has no statistics (nothing runs ANALYZE), so the plan is written here: the FTS5
// trigram table (q as a phrase, so that FTS5's syntax is text like any other) gives the
// matching rows of those statuses only — a status is a range of the index's rowids — and the
// cases are then looked up by id, so no other case is read, whatever the page's order.
func Predicate(q string, statuses []string) func(*sql.Selector) {
	var codes []int64
	for _, st := range statuses {
		c, ok := StatusCodes[st]
		if !ok {
			codes = nil // a status the index does not know: the column is scanned
			break
		}
		codes = append(codes, c)
	}
	indexed := utf8.RuneCountInString(q) >= MinIndexed && len(codes) == len(statuses)
	return func(s *sql.Selector) {
		if s.Dialect() != dialect.SQLite || !indexed {
			if len(statuses) > 0 {
				s.Where(sql.In(s.C("status"), anys(statuses)...))
			}
			s.Where(sql.Contains(s.C("search_text"), q))
			return
		}
		s.Where(sql.P(func(b *sql.Builder) {
			b.Ident(s.C("id")).WriteString(" IN (SELECT r.case_id FROM kyc_cases_fts f JOIN kyc_cases_fts_rows r ON r.id = f.rowid & ")
			b.WriteString(fmt.Sprint(int64(1)<<statusShift - 1)).WriteString(" WHERE f.search_text MATCH ")
			b.Arg(`"` + strings.ReplaceAll(q, `"`, `""`) + `"`)
			switch {
			case len(codes) == 1: // a range FTS5 seeks to
				b.WriteString(fmt.Sprintf(" AND f.rowid BETWEEN %d AND %d", codes[0]<<statusShift, (codes[0]+1)<<statusShift-1))
			case len(codes) > 1:
				b.WriteString(" AND (f.rowid >> ").WriteString(fmt.Sprint(statusShift)).WriteString(") IN (")
				for i, c := range codes {
					if i > 0 {
						b.WriteString(", ")
					}
					b.WriteString(fmt.Sprint(c))
				}
				b.WriteString(")")
			}
			b.WriteString(")")
		}))
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
