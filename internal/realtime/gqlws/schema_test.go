package gqlws_test

import (
	"bytes"
	"context"
	"errors"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
)

// testSchema is a hand-written graphql.ExecutableSchema that runs its subscriptions through
// graphql.ResolveFieldStream, as gqlgen's generated code does, so the transport is tested
// against gqlgen's real executor.
//
//	ticks:  calls gqlws.Ready (notify-driven); a negative value panics while it is marshaled,
//	        13 comes with an error
//	legacy: does not call Ready (the fallback goroutine)
//	denied: fails
//	readyThenFail: calls Ready, then fails
//	eager:  calls Ready and sends 1 and 2 before it returns
type testSchema struct {
	schema *ast.Schema
	feeds  chan *feed // every subscription resolver's stream, for the test to drive
}

const testSDL = `
type Query { hello: String! }
type Subscription { ticks: Int!  legacy: Int!  denied: Int!  readyThenFail: Int!  eager: Int! }
`

func newTestSchema() *testSchema {
	return &testSchema{
		schema: gqlparser.MustLoadSchema(&ast.Source{Input: testSDL}),
		feeds:  make(chan *feed, 1000),
	}
}

// feed is the resolver's side of one subscription.
type feed struct {
	field  string
	ctx    context.Context
	ch     chan int
	notify func()        // nil when the resolver did not (or could not) call Ready
	ended  chan struct{} // closed when ctx ends, through context.AfterFunc as real resolvers do
}

// send puts v on the channel, then notifies, as the Ready contract asks.
func (f *feed) send(v int) {
	f.ch <- v
	if f.notify != nil {
		f.notify()
	}
}

func (f *feed) close() {
	close(f.ch)
	if f.notify != nil {
		f.notify()
	}
}

func (s *testSchema) Schema() *ast.Schema { return s.schema }

func (s *testSchema) Complexity(context.Context, string, string, int, map[string]any) (int, bool) {
	return 0, false
}

func (s *testSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	switch oc.Operation.Operation {
	case ast.Query:
		fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query"})
		var once sync.Once
		return func(ctx context.Context) *graphql.Response {
			var resp *graphql.Response
			once.Do(func() {
				var buf bytes.Buffer
				buf.WriteByte('{')
				for i, f := range fields {
					if i > 0 {
						buf.WriteByte(',')
					}
					graphql.MarshalString(f.Alias).MarshalGQL(&buf)
					buf.WriteByte(':')
					graphql.MarshalString("world").MarshalGQL(&buf)
				}
				buf.WriteByte('}')
				resp = &graphql.Response{Data: buf.Bytes()}
			})
			return resp
		}
	case ast.Subscription:
		fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Subscription"})
		ctx = graphql.WithFieldContext(ctx, &graphql.FieldContext{Object: "Subscription"})
		if len(fields) != 1 {
			graphql.AddErrorf(ctx, "must subscribe to exactly one stream")
			return nil
		}
		field := fields[0]
		next := graphql.ResolveFieldStream(ctx, oc, field,
			func(ctx context.Context, field graphql.CollectedField) (*graphql.FieldContext, error) {
				return &graphql.FieldContext{Object: "Subscription", Field: field, IsMethod: true, IsResolver: true}, nil
			},
			func(ctx context.Context) (any, error) { return s.resolve(ctx, field.Name) },
			nil,
			func(ctx context.Context, _ ast.SelectionSet, v int) graphql.Marshaler {
				if v < 0 {
					panic("negative tick")
				}
				if v == 13 {
					graphql.AddErrorf(ctx, "unlucky")
				}
				return graphql.MarshalInt(v)
			},
			true, true)
		var buf bytes.Buffer
		return func(ctx context.Context) *graphql.Response {
			buf.Reset()
			data := next(ctx)
			if data == nil {
				return nil
			}
			data.MarshalGQL(&buf)
			return &graphql.Response{Data: buf.Bytes()}
		}
	default:
		return graphql.OneShot(graphql.ErrorResponse(ctx, "unsupported GraphQL operation"))
	}
}

func (s *testSchema) resolve(ctx context.Context, field string) (<-chan int, error) {
	f := &feed{field: field, ctx: ctx, ch: make(chan int, 16), ended: make(chan struct{})}
	switch field {
	case "denied":
		return nil, errors.New("denied")
	case "readyThenFail":
		gqlws.Ready(ctx)
		return nil, errors.New("failed after Ready")
	case "ticks":
		f.notify = gqlws.Ready(ctx)
	case "eager":
		f.notify = gqlws.Ready(ctx)
		f.send(1)
		f.send(2)
	}
	context.AfterFunc(ctx, func() { close(f.ended) })
	s.feeds <- f
	return f.ch, nil
}
