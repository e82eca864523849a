package workflow

import "fmt"

// Code is a stable, machine-readable error category. Clients switch on it (it is sent as
// GraphQL `extensions.code`), never on message text.
type Code string

// The error codes of the public API.
const (
	EUnauthenticated      Code = "UNAUTHENTICATED"
	EForbidden            Code = "FORBIDDEN"
	ENotFound             Code = "NOT_FOUND"
	EBadUserInput         Code = "BAD_USER_INPUT"
	EInvalidTransition    Code = "INVALID_TRANSITION"
	EConflict             Code = "CONFLICT"
	EPayloadTooLarge      Code = "PAYLOAD_TOO_LARGE"
	EUnsupportedMediaType Code = "UNSUPPORTED_MEDIA_TYPE"
	// ERateLimited: too many attempts from this client (sign-ins, new cases, subscriptions);
	// the message says when to try again.
	ERateLimited Code = "RATE_LIMITED"
	EInternal    Code = "INTERNAL"
	// EPhotoCheckFailed: leaving a photo step, or submitting, while the current photo of the
	// step has a FAIL check; the message says which and asks for a retake.
	EPhotoCheckFailed Code = "PHOTO_CHECK_FAILED"
)

// Error is a refusal with a code and a message fit to show to the caller.
type Error struct {
	Code    Code
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf builds an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}
