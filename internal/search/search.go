// Package search is the one place that says how the backoffice search matches a case: the
// text stored with each case (written by the API, back-filled at start-up by the server) and
// the query it is matched against are normalised here, the same way.
package search

import "strings"

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
