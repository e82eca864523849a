package graph

// The resolvers' clock and small helpers.

import (
	"time"
)

// now is the resolvers' clock, in UTC at the microsecond, what both databases store, so that
// a case built in memory after an update equals the row read back.
func (r *Resolver) now() time.Time { return r.Now().UTC().Truncate(time.Microsecond) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func ptr[T any](v T) *T { return &v }
