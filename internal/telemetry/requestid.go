package telemetry

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
)

// Request ids: each request carries one (a sane X-Request-Id from the proxy, or a new one),
// echoed in the response and added to every log line written with the request's context.
type requestIDKey struct{}

var saneRequestID = regexp.MustCompile(`^[A-Za-z0-9._:-]{1,64}$`)

// WithRequestID gives each request an id (the proxy's sane X-Request-Id, or a new one),
// echoed in the response header.
func WithRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !saneRequestID.MatchString(id) {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), requestIDKey{}, id)))
	})
}

// RequestIDHandler adds the request id of a log record's context to the record.
type RequestIDHandler struct{ slog.Handler }

// Handle adds the request id of ctx, if any, then hands the record on.
func (h RequestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id, ok := RequestID(ctx); ok {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps the request id on a handler with attributes.
func (h RequestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return RequestIDHandler{h.Handler.WithAttrs(attrs)}
}

// WithGroup keeps the request id on a handler with a group.
func (h RequestIDHandler) WithGroup(name string) slog.Handler {
	return RequestIDHandler{h.Handler.WithGroup(name)}
}

// RequestID returns the id of ctx's request.
func RequestID(ctx context.Context) (string, bool) {
	id, ok := ctx.Value(requestIDKey{}).(string)
	return id, ok
}
