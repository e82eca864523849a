package graph

import (
	"context"
	"testing"
)

// The case list's count stops at the cap and says so; below it, and for every other count,
// it is exact.
func TestCappedCounts(t *testing.T) {
	_, client := testResolver(t)
	client.KycCase.Intercept(CappedCounts())
	ctx := context.Background()
	for i := range 5 {
		if err := client.KycCase.Create().SetTokenHash(string(rune('a' + i))).Exec(ctx); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		max, want int
		capped    bool
	}{{3, 3, true}, {4, 4, true}, {5, 5, false}, {10, 5, false}} {
		c := &cappedCount{max: tc.max}
		n, err := client.KycCase.Query().Count(withCappedCount(ctx, c))
		if err != nil || n != tc.want || c.capped != tc.capped {
			t.Errorf("cap %d: count %d, capped %v, err %v; want %d, %v", tc.max, n, c.capped, err, tc.want, tc.capped)
		}
	}
	if n, err := client.KycCase.Query().Count(ctx); n != 5 || err != nil {
		t.Errorf("without a cap: %d, %v", n, err)
	}
	// Through Paginate, as the cases resolver runs it: the count is capped, the page is not.
	c := &cappedCount{max: 2}
	first := 4
	conn, err := client.KycCase.Query().Paginate(withCappedCount(ctx, c), nil, &first, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if conn.TotalCount != 2 || !c.capped || len(conn.Edges) != 4 || !conn.PageInfo.HasNextPage {
		t.Errorf("paginate: total %d capped %v, %d edges, next %v; want 2, true, 4, true", conn.TotalCount, c.capped, len(conn.Edges), conn.PageInfo.HasNextPage)
	}
}
