package graph

import (
	"context"
	"errors"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Shorthands for the refusals the resolvers raise most.
var (
	errUnauthenticated = workflow.Errorf(workflow.EUnauthenticated, "sign in, or send the case token")
	errReviewerOnly    = workflow.Errorf(workflow.EForbidden, "only reviewers can do this")
	errNotYourCase     = workflow.Errorf(workflow.EForbidden, "this case belongs to another applicant")
	errStale           = workflow.Errorf(workflow.EConflict, "the case changed since you loaded it: reload it and try again")
)

// ErrorPresenter turns every error into a GraphQL error with a stable extensions.code and a
// message without internals; unexpected errors are logged with their path.
func (r *Resolver) ErrorPresenter(ctx context.Context, err error) *gqlerror.Error {
	gerr := graphql.DefaultErrorPresenter(ctx, err)
	var we *workflow.Error
	switch {
	case errors.As(err, &we):
		gerr.Message = we.Message
		setCode(gerr, we.Code)
		if fe := (*workflow.FieldError)(nil); errors.As(err, &fe) {
			gerr.Extensions["field"] = fe.Field // the input field refused, e.g. "dateOfBirth"
		}
	case ent.IsNotFound(err):
		gerr.Message = "not found"
		setCode(gerr, workflow.ENotFound)
	case ent.IsConstraintError(err):
		gerr.Message = "the case changed concurrently: reload it and try again"
		setCode(gerr, workflow.EConflict)
	case ent.IsValidationError(err):
		gerr.Message = validationMessage(err)
		setCode(gerr, workflow.EBadUserInput)
	case gerr.Extensions["code"] == errcode.ValidationFailed || gerr.Extensions["code"] == errcode.ParseFailed:
		// A malformed operation or variable (e.g. an unknown enum value) is bad input: clients
		// only ever see the codes of API.md. The HTTP status (422) is set before this runs.
		setCode(gerr, workflow.EBadUserInput)
	case gerr.Extensions["code"] != nil:
		// gqlgen's complexity errors already carry a code of API.md.
	case isInputError(err):
		setCode(gerr, workflow.EBadUserInput)
	default:
		r.Log.ErrorContext(ctx, "resolver error", "path", gerr.Path.String(), "err", err)
		gerr.Message = "internal error"
		setCode(gerr, workflow.EInternal)
	}
	return gerr
}

// isInputError reports errors gqlgen raised itself while coercing arguments.
func isInputError(err error) bool {
	var gerr *gqlerror.Error
	if !errors.As(err, &gerr) {
		return false
	}
	return gerr.Rule != "" || gerr.Err == nil
}

func setCode(e *gqlerror.Error, c workflow.Code) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = string(c)
}

// Recover turns a panic into an INTERNAL error and logs it.
func (r *Resolver) Recover(ctx context.Context, p any) error {
	r.Log.ErrorContext(ctx, "panic in resolver", "panic", p)
	return workflow.Errorf(workflow.EInternal, "internal error")
}

var (
	errWrongCredentials = workflow.Errorf(workflow.EUnauthenticated, "wrong email or password")
	errDeactivated      = workflow.Errorf(workflow.EForbidden, "this reviewer account is deactivated: ask an admin to reactivate it")
	errAdminOnly        = workflow.Errorf(workflow.EForbidden, "only admins can do this")
	errBadInvite        = workflow.Errorf(workflow.EUnauthenticated, "this invitation link is not valid: it was used already, has expired, or was replaced by a newer one")
	errApplicantOnly    = workflow.Errorf(workflow.EForbidden, "only the applicant of this case can do this")
)

// validationMessage words an ent validation error with the API's field name, never ent's
// internal one (`ent: validator failed for field "KycCase.first_name": …`).
func validationMessage(err error) string {
	var ve *ent.ValidationError
	if !errors.As(err, &ve) {
		return "invalid input"
	}
	inner := err
	for u := errors.Unwrap(inner); u != nil; u = errors.Unwrap(inner) {
		inner = u
	}
	what := "is not valid"
	switch msg := inner.Error(); {
	case strings.Contains(msg, "greater than the required length"):
		what = "is too long"
	case strings.Contains(msg, "less than the required length"), strings.Contains(msg, "empty"):
		what = "must not be empty"
	}
	return "invalid input: " + apiName(ve.Name) + " " + what
}

// apiName turns a column name (first_name) into the API's (firstName).
func apiName(column string) string {
	parts := strings.Split(column, "_")
	for i := 1; i < len(parts); i++ {
		if p := parts[i]; p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}
