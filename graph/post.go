package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// Media types of GraphQL over HTTP responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// PostTransport serves `POST /graphql` with a JSON body as the GraphQL over HTTP specification
// says (gqlgen's POST transport answers 422 to a validation error under application/json,
// which clients such as Apollo treat as a network failure, hiding the message):
//   - a body that is not JSON, or parameters of the wrong type: 400;
//   - under application/json (also for */* or no Accept): parse, validation and variable
//     errors are 200 with the errors;
//   - under application/graphql-response+json: those are 400 and the body has no `data`.
type PostTransport struct{}

var _ graphql.Transport = PostTransport{}

// Supports implements graphql.Transport.
func (PostTransport) Supports(r *http.Request) bool {
	if r.Method != http.MethodPost || r.Header.Get("Upgrade") != "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == mediaJSON
}

// Do implements graphql.Transport.
func (PostTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	ctx := r.Context()
	media := responseMedia(r.Header.Get("Accept"))
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	start := graphql.Now()

	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			WriteErrors(w, http.StatusRequestEntityTooLarge, CodedError(workflow.EPayloadTooLarge,
				fmt.Sprintf("the request is larger than %d KiB", tooBig.Limit>>10)))
			return
		}
		WriteErrors(w, http.StatusBadRequest, CodedError(workflow.EBadUserInput, "the request body could not be read"))
		return
	}
	params, perr := decodeParams(body)
	if perr != nil {
		WriteErrors(w, http.StatusBadRequest, perr)
		return
	}
	params.Headers = r.Header
	params.ReadTime = graphql.TraceTiming{Start: start, End: graphql.Now()}

	rc, errs := exec.CreateOperationContext(ctx, params)
	if errs != nil {
		resp := exec.DispatchError(graphql.WithOperationContext(ctx, rc), errs)
		status := http.StatusOK
		if media == mediaGraphQLResponse {
			status = http.StatusBadRequest
		}
		WriteErrors(w, status, resp.Errors...)
		return
	}
	responses, ctx := exec.DispatchOperation(ctx, rc)
	b, err := json.Marshal(responses(ctx))
	if err != nil {
		WriteErrors(w, http.StatusInternalServerError, CodedError(workflow.EInternal, "internal error"))
		return
	}
	_, _ = w.Write(b)
}

// responseMedia picks the response type from Accept: the first of ours it names, application/json
// for */*, application/* or no Accept header.
func responseMedia(accept string) string {
	if strings.TrimSpace(accept) == "" {
		return mediaJSON
	}
	for part := range strings.SplitSeq(accept, ",") {
		mt, _, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			return mediaGraphQLResponse
		case mediaJSON, "*/*", "application/*":
			return mediaJSON
		}
	}
	return mediaJSON
}

// wireParams is the request body with each parameter kept raw, so that its type can be checked.
type wireParams struct {
	Query         json.RawMessage `json:"query"`
	OperationName json.RawMessage `json:"operationName"`
	Variables     json.RawMessage `json:"variables"`
	Extensions    json.RawMessage `json:"extensions"`
}

// decodeParams reads a GraphQL request body: query a string; operationName a string or null;
// variables and extensions objects or null. Anything else is a 400 error.
func decodeParams(body []byte) (*graphql.RawParams, *gqlerror.Error) {
	var w wireParams
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, CodedError(workflow.EBadUserInput, "the request body is not a JSON object")
	}
	p := &graphql.RawParams{}
	if isNull(w.Query) || json.Unmarshal(w.Query, &p.Query) != nil {
		return nil, CodedError(workflow.EBadUserInput, "the request needs a `query` string")
	}
	if !isNull(w.OperationName) && json.Unmarshal(w.OperationName, &p.OperationName) != nil {
		return nil, CodedError(workflow.EBadUserInput, "`operationName` must be a string")
	}
	for _, obj := range []struct {
		name string
		raw  json.RawMessage
		dst  *map[string]any
	}{{"variables", w.Variables, &p.Variables}, {"extensions", w.Extensions, &p.Extensions}} {
		if isNull(obj.raw) {
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(obj.raw))
		dec.UseNumber()
		if bytes.TrimSpace(obj.raw)[0] != '{' || dec.Decode(obj.dst) != nil {
			return nil, CodedError(workflow.EBadUserInput, "`"+obj.name+"` must be an object")
		}
	}
	return p, nil
}

func isNull(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

// CodedError is a GraphQL error with code in extensions.code.
func CodedError(code workflow.Code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": string(code)}}
}

// WriteErrors writes a response of errors only: no `data` entry, as the specification asks of
// a request that did not execute.
func WriteErrors(w http.ResponseWriter, status int, errs ...*gqlerror.Error) {
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", mediaJSON+"; charset=utf-8")
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(struct {
		Errors gqlerror.List `json:"errors"`
	}{errs})
}

// CodedTransportErrors gives a code to the errors gqlgen's multipart transport writes on its own
// (a malformed form, a body over the limit): PAYLOAD_TOO_LARGE when the body limit was hit,
// BAD_USER_INPUT otherwise, so that clients see only the codes of the contract.
func CodedTransportErrors(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
			next.ServeHTTP(w, r)
			return
		}
		body := &limitSpy{ReadCloser: r.Body}
		r.Body = body
		cw := &codingWriter{ResponseWriter: w}
		next.ServeHTTP(cw, r)
		if cw.status == 0 {
			return
		}
		var resp struct {
			Errors []*gqlerror.Error `json:"errors"`
		}
		_ = json.Unmarshal(cw.buf.Bytes(), &resp)
		status, code, msg := cw.status, workflow.EBadUserInput, "the upload could not be read"
		if len(resp.Errors) > 0 && resp.Errors[0].Message != "" {
			msg = resp.Errors[0].Message
		}
		if body.hitLimit {
			status, code, msg = http.StatusRequestEntityTooLarge, workflow.EPayloadTooLarge, "the upload is larger than allowed"
		}
		if len(resp.Errors) > 0 && resp.Errors[0].Extensions["code"] != nil {
			_, _ = w.Write(cw.buf.Bytes()) // already coded (the error presenter ran)
			return
		}
		WriteErrors(w, status, CodedError(code, msg))
	})
}

// limitSpy notes whether reading the body hit http.MaxBytesReader's limit.
type limitSpy struct {
	io.ReadCloser
	hitLimit bool
}

func (l *limitSpy) Read(p []byte) (int, error) {
	n, err := l.ReadCloser.Read(p)
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		l.hitLimit = true
	}
	return n, err
}

// codingWriter holds back an error response (status >= 400) so that CodedTransportErrors can
// rewrite it; anything else passes through.
type codingWriter struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (c *codingWriter) WriteHeader(status int) {
	if status >= 400 {
		c.status = status
		return
	}
	c.ResponseWriter.WriteHeader(status)
}

func (c *codingWriter) Write(b []byte) (int, error) {
	if c.status != 0 {
		return c.buf.Write(b)
	}
	return c.ResponseWriter.Write(b)
}

func (c *codingWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }
