package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/ent/reviewer"
)

// loaderWait is how long a loader collects keys before it fetches them: the field resolvers
// of a list's items start together, so a short wait gathers a whole page.
const loaderWait = 2 * time.Millisecond

// loaders batch the per-row lookups of one query or mutation: the assignee and the current
// documents of each case in a list are read in one statement each, not one per case. They
// live as long as the operation and cache what they read for it; a subscription gets none
// (its events must read fresh rows), and its resolvers read row by row.
type loaders struct {
	reviewers *dataloadgen.Loader[uuid.UUID, *ent.Reviewer]
	documents *dataloadgen.Loader[docKey, []*ent.Document]
}

type loadersKey struct{}

func loadersFrom(ctx context.Context) *loaders {
	l, _ := ctx.Value(loadersKey{}).(*loaders)
	return l
}

func (r *Resolver) newLoaders() *loaders {
	return &loaders{
		reviewers: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID]*ent.Reviewer, error) {
			rs, err := r.Client.Reviewer.Query().Where(reviewer.IDIn(ids...)).All(ctx)
			if err != nil {
				return nil, err
			}
			m := make(map[uuid.UUID]*ent.Reviewer, len(rs))
			for _, rv := range rs {
				m[rv.ID] = rv
			}
			missing := dataloadgen.MappedFetchError[uuid.UUID]{}
			for _, id := range ids {
				if m[id] == nil {
					missing[id] = &ent.NotFoundError{} // as Reviewer.Get answers
				}
			}
			if len(missing) > 0 {
				return m, missing
			}
			return m, nil
		}, dataloadgen.WithWait(loaderWait)),
		documents: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []docKey) (map[docKey][]*ent.Document, error) {
			ids := make([]uuid.UUID, len(keys))
			for i, k := range keys {
				ids[i] = k.id
			}
			all, err := r.Client.Document.Query().Where(document.CaseIDIn(ids...)).
				Order(ent.Desc(document.FieldRevision), ent.Desc(document.FieldCreatedAt)).All(ctx)
			if err != nil {
				return nil, err
			}
			byCase := map[uuid.UUID][]*ent.Document{}
			for _, d := range all {
				byCase[d.CaseID] = append(byCase[d.CaseID], d)
			}
			m := make(map[docKey][]*ent.Document, len(keys))
			for _, k := range keys {
				m[k] = r.docs.entries.add(k, &docEntry{pickCurrent(byCase[k.id])}, docCacheSize).docs
			}
			return m, nil
		}, dataloadgen.WithWait(loaderWait)),
	}
}

// Loaders is the gqlgen extension that gives each query and mutation its own loaders.
type Loaders struct{ Resolver *Resolver }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = Loaders{}

// ExtensionName implements graphql.HandlerExtension.
func (Loaders) ExtensionName() string { return "Loaders" }

// Validate implements graphql.HandlerExtension; there is nothing to check.
func (Loaders) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation puts fresh loaders into the context of every query and mutation.
func (l Loaders) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil && oc.Operation.Operation != ast.Subscription {
		ctx = context.WithValue(ctx, loadersKey{}, l.Resolver.newLoaders())
	}
	return next(ctx)
}

// reviewer loads a reviewer by id, batched with the other lookups of the operation.
func (r *Resolver) reviewer(ctx context.Context, id uuid.UUID) (*ent.Reviewer, error) {
	if l := loadersFrom(ctx); l != nil {
		return l.reviewers.Load(ctx, id)
	}
	return r.Client.Reviewer.Get(ctx, id)
}
