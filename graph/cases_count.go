package graph

import (
	"context"

	entgo "entgo.io/ent"

	"github.com/openkyc/kyc-manual-review/ent"
)

// maxExactCount is how far the case list counts: past it, totalCount says 10,000 and
// totalCountCapped is true. Counting a million rows to print a number costs more than the
// page itself (and nobody pages through 10,000 cases).
const maxExactCount = 10_000

// cappedCount makes a case query's Count (the one ent's Paginate runs for totalCount and
// pageInfo) read at most max+1 ids instead of counting every match, when the context
// carries one (withCappedCount).
type cappedCount struct {
	max    int
	capped bool
}

type cappedCountKey struct{}

func withCappedCount(ctx context.Context, c *cappedCount) context.Context {
	return context.WithValue(ctx, cappedCountKey{}, c)
}

// CappedCounts is the case client's interceptor that caps the counts of the case list
// (registered with client.KycCase.Intercept where the client is opened).
func CappedCounts() ent.Interceptor {
	return ent.InterceptFunc(func(next ent.Querier) ent.Querier {
		return ent.QuerierFunc(func(ctx context.Context, q ent.Query) (ent.Value, error) {
			c, _ := ctx.Value(cappedCountKey{}).(*cappedCount)
			kq, ok := q.(*ent.KycCaseQuery)
			if qc := entgo.QueryFromContext(ctx); c == nil || !ok || qc == nil || qc.Op != entgo.OpQueryCount {
				return next.Query(ctx, q)
			}
			// A query context of its own (ent keeps the first one it finds, which says
			// Count), and none of the cap: the ids query is not capped again.
			ctx = context.WithValue(ctx, cappedCountKey{}, (*cappedCount)(nil))
			ctx = entgo.NewQueryContext(ctx, &entgo.QueryContext{Type: ent.TypeKycCase, Op: entgo.OpQueryIDs})
			ids, err := kq.Clone().Limit(c.max + 1).IDs(ctx)
			if err != nil {
				return nil, err
			}
			if len(ids) > c.max {
				c.capped = true
				return c.max, nil
			}
			return len(ids), nil
		})
	})
}
