package graph

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// DepthLimit refuses operations nested deeper than max selection levels. An introspection
// `ofType` does not count as a level: GraphiQL's query follows type references nine deep
// (NON_NULL of LIST of …), and a chain of ofType is one object per level, no fan-out.
func DepthLimit(max int) graphql.HandlerExtension { return depthLimit{max: max} }

type depthLimit struct{ max int }

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }
func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth(oc.Operation.SelectionSet, oc.Doc.Fragments, 0) > d.max {
		e := gqlerror.Errorf("the operation is nested deeper than %d levels", d.max)
		setCode(e, workflow.EBadUserInput)
		return e
	}
	return nil
}

func depth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 { // fragment cycles are refused by validation; this is a backstop
		return seen
	}
	best := 0
	for _, s := range set {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			switch {
			case len(s.SelectionSet) == 0:
				d = 1
			case s.Name == "ofType" && s.ObjectDefinition != nil && s.ObjectDefinition.Name == "__Type":
				d = depth(s.SelectionSet, frags, seen+1)
			default:
				d = 1 + depth(s.SelectionSet, frags, seen+1)
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				d = depth(f.SelectionSet, frags, seen+1)
			}
		}
		if d > best {
			best = d
		}
	}
	return best
}

// OperationLimits bounds the work an operation may ask for before gqlgen parses and validates
// it: validation (field merging) is quadratic in the number of fields, so an unbounded document
// of 56 KB used to pin a core for seconds. Documents already in the query cache passed these
// checks and are not looked at again. After validation it also bounds what one request may do.
type OperationLimits struct {
	// Cache is the executor's query cache (keyed by the document's text).
	Cache graphql.Cache[*ast.QueryDocument]
	// MaxBytes bounds the document's text, MaxTokens its tokens, MaxFields its fields counted
	// with every fragment spread expanded.
	MaxBytes, MaxTokens, MaxFields int
	// MaxMutationFields bounds the root fields of a mutation; Once names the root mutation
	// fields that may appear at most once per request (sign-in, case creation: each is costly
	// work an anonymous caller could otherwise multiply with aliases).
	MaxMutationFields int
	Once              []string
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
	graphql.OperationContextMutator
} = OperationLimits{}

// ExtensionName implements graphql.HandlerExtension.
func (OperationLimits) ExtensionName() string { return "OperationLimits" }

// Validate implements graphql.HandlerExtension; there is nothing to check.
func (OperationLimits) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters runs before parsing and validation.
func (l OperationLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	if len(p.Query) > l.MaxBytes {
		return limitError(workflow.EBadUserInput, "the operation is longer than %d KiB", l.MaxBytes>>10)
	}
	if l.Cache != nil {
		if _, ok := l.Cache.Get(ctx, p.Query); ok {
			return nil
		}
	}
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: p.Query}, l.MaxTokens)
	if err != nil {
		if strings.Contains(err.Error(), "token limit") {
			return limitError(workflow.EBadUserInput, "the operation has more than %d tokens", l.MaxTokens)
		}
		return nil // gqlgen reports the syntax error with its position
	}
	n, ok := expandedFields(doc, l.MaxFields)
	if !ok {
		return limitError(workflow.EBadUserInput, "the operation's fragments refer to each other in a cycle")
	}
	if n > l.MaxFields {
		return limitError(workflow.EBadUserInput, "the operation selects more than %d fields (fragments expanded)", l.MaxFields)
	}
	return nil
}

// MutateOperationContext runs after validation, before any resolver.
func (l OperationLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return nil
	}
	seen := map[string]int{}
	total := 0
	eachField(oc.Operation.SelectionSet, oc.Doc.Fragments, func(f *ast.Field) bool {
		total++
		seen[f.Name]++
		return false // root fields only
	})
	for _, name := range l.Once {
		if seen[name] > 1 {
			return limitError(workflow.EBadUserInput, "%s may appear only once in a request", name)
		}
	}
	if total > l.MaxMutationFields {
		return limitError(workflow.EBadUserInput, "a request may run at most %d mutations", l.MaxMutationFields)
	}
	return nil
}

func limitError(code workflow.Code, format string, args ...any) *gqlerror.Error {
	e := gqlerror.Errorf(format, args...)
	setCode(e, code)
	return e
}

// expandedFields counts the fields of every operation with fragment spreads expanded, stopping
// once past limit (the count of a fragment is remembered, so nesting cannot blow it up). ok is
// false when fragments spread each other in a cycle.
func expandedFields(doc *ast.QueryDocument, limit int) (n int, ok bool) {
	memo := map[string]int{}
	visiting := map[string]bool{}
	ok = true
	var count func(ast.SelectionSet) int
	count = func(set ast.SelectionSet) int {
		total := 0
		for _, s := range set {
			if total > limit || !ok {
				return total
			}
			switch s := s.(type) {
			case *ast.Field:
				total += 1 + count(s.SelectionSet)
			case *ast.InlineFragment:
				total += count(s.SelectionSet)
			case *ast.FragmentSpread:
				if c, done := memo[s.Name]; done {
					total += c
					continue
				}
				f := doc.Fragments.ForName(s.Name)
				if f == nil {
					continue // validation reports the unknown fragment
				}
				if visiting[s.Name] {
					ok = false
					return total
				}
				visiting[s.Name] = true
				c := count(f.SelectionSet)
				visiting[s.Name] = false
				memo[s.Name] = c
				total += c
			}
		}
		return total
	}
	for _, op := range doc.Operations {
		n += count(op.SelectionSet)
		if n > limit || !ok {
			break
		}
	}
	// Fragments no operation uses are validated too.
	for _, f := range doc.Fragments {
		if _, done := memo[f.Name]; !done && n <= limit && ok {
			visiting[f.Name] = true
			n += count(f.SelectionSet)
			visiting[f.Name] = false
		}
	}
	return n, ok
}

// NoIntrospection refuses __schema and __type before execution with FORBIDDEN when the
// playground (and with it introspection) is off; without it gqlgen answers each such field
// with an uncoded "introspection disabled" error. __typename stays allowed.
type NoIntrospection struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = NoIntrospection{}

// ExtensionName implements graphql.HandlerExtension.
func (NoIntrospection) ExtensionName() string { return "NoIntrospection" }

// Validate implements graphql.HandlerExtension; there is nothing to check.
func (NoIntrospection) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext implements graphql.OperationContextMutator.
func (NoIntrospection) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	found := false
	eachField(oc.Operation.SelectionSet, oc.Doc.Fragments, func(f *ast.Field) bool {
		found = found || f.Name == "__schema" || f.Name == "__type"
		return !found
	})
	if found {
		return limitError(workflow.EForbidden, "introspection is disabled on this server")
	}
	return nil
}

// eachField calls visit for each field of set, looking through inline fragments and fragment
// spreads, and into a field's own selections when visit returns true. Fragment cycles are
// refused by validation; the nesting bound is a backstop.
func eachField(set ast.SelectionSet, frags ast.FragmentDefinitionList, visit func(*ast.Field) bool) {
	var walk func(ast.SelectionSet, int)
	walk = func(set ast.SelectionSet, nesting int) {
		if nesting > 64 {
			return
		}
		for _, s := range set {
			switch s := s.(type) {
			case *ast.Field:
				if visit(s) {
					walk(s.SelectionSet, nesting+1)
				}
			case *ast.InlineFragment:
				walk(s.SelectionSet, nesting+1)
			case *ast.FragmentSpread:
				if f := frags.ForName(s.Name); f != nil {
					walk(f.SelectionSet, nesting+1)
				}
			}
		}
	}
	walk(set, 0)
}
