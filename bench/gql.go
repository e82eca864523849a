package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// caseFields is the applicant SDK's CaseFields fragment (apps/sdk/src/operations.ts): what the
// real app asks for on every transition and every caseUpdated notice.
const caseFields = `fragment CaseFields on Case {
  id state status version availableEvents selectedDocumentType reason revision
  submittedAt decidedAt updatedAt
  applicant { firstName lastName email }
  documents { id type side status reason revision url contentType size createdAt }
}`

const (
	qStartCase     = `mutation StartCase($input: StartCaseInput) { startCase(input: $input) { token resumeUrl case { ...CaseFields } } } ` + caseFields
	qSendCaseEvent = `mutation SendCaseEvent($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { ...CaseFields } } ` + caseFields
	qUpload        = `mutation UploadDocument($input: UploadDocumentInput!) { uploadDocument(input: $input) { id type side status revision url contentType size createdAt } }`
	qCaseUpdated   = `subscription CaseUpdated($caseId: ID!) { caseUpdated(caseId: $caseId) { ...CaseFields } } ` + caseFields
	qLogin         = `mutation Login($input: LoginInput!) { login(input: $input) { id email name } }`
	qDecideCase    = `mutation DecideCase($input: DecideCaseInput!) { decideCase(input: $input) { id status version } }`
	qTypename      = `{ __typename }`
	// qListCases is the backoffice's ListCases query with its CaseListItem fragment
	// (apps/backoffice/src/features/cases/api/list-cases.ts).
	qListCases = `query ListCases($first: Int, $after: String, $last: Int, $before: String, $filter: CaseFilter, $orderBy: CaseOrder) {
  cases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    totalCountCapped
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { ...CaseListItem } }
  }
}
fragment CaseListItem on Case {
  id status version revision
  applicant { firstName lastName email }
  assignee { id name email }
  documents { id type status }
  createdAt updatedAt submittedAt
}`
)

// caseView is the part of CaseFields the benchmark reads.
type caseView struct {
	ID      string `json:"id"`
	State   string `json:"state"`
	Status  string `json:"status"`
	Version int    `json:"version"`
}

// client speaks GraphQL over HTTP to one server.
type client struct {
	base string // http://127.0.0.1:PORT
	hc   *http.Client
}

func newClient(base string, maxConns int) *client {
	tr := &http.Transport{
		MaxIdleConns:        maxConns * 2,
		MaxIdleConnsPerHost: maxConns * 2,
		MaxConnsPerHost:     0,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}
	return &client{base: base, hc: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

func (c *client) close() { c.hc.CloseIdleConnections() }

// auth is how a request authenticates: an applicant token or a reviewer session cookie.
type auth struct {
	token  string
	cookie string
}

func (a auth) apply(h http.Header) {
	if a.token != "" {
		h.Set("Authorization", "Bearer "+a.token)
	}
	if a.cookie != "" {
		h.Set("Cookie", a.cookie)
	}
}

type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code string `json:"code"`
	} `json:"extensions"`
}

type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

func (r *gqlResponse) err() error {
	if len(r.Errors) == 0 {
		return nil
	}
	msgs := make([]string, len(r.Errors))
	for i, e := range r.Errors {
		msgs[i] = e.Extensions.Code + ": " + e.Message
	}
	return errors.New(strings.Join(msgs, "; "))
}

// do posts one operation as JSON and decodes data into out (when not nil).
func (c *client) do(ctx context.Context, a auth, query string, vars map[string]any, out any) ([]*http.Cookie, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/graphql", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	a.apply(req.Header)
	return c.send(req, out)
}

// send posts req, decodes the data into out (when not nil) and returns the cookies set.
func (c *client) send(req *http.Request, out any) ([]*http.Cookie, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	cookies := resp.Cookies()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 32<<20))
	if err != nil {
		return cookies, err
	}
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		return cookies, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, b)
	}
	if err := r.err(); err != nil {
		return cookies, err
	}
	if out != nil {
		return cookies, json.Unmarshal(r.Data, out)
	}
	return cookies, nil
}

// upload sends uploadDocument as a GraphQL multipart request.
func (c *client) upload(ctx context.Context, a auth, caseID, docType string, file []byte) error {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	ops, _ := json.Marshal(map[string]any{"query": qUpload, "variables": map[string]any{
		"input": map[string]any{"caseId": caseID, "type": docType, "file": nil},
	}})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0":["variables.input.file"]}`)
	fw, err := mw.CreateFormFile("0", "photo.jpg")
	if err != nil {
		return err
	}
	if _, err := fw.Write(file); err != nil {
		return err
	}
	if err := mw.Close(); err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/graphql", &buf)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("GraphQL-Require-Preflight", "1")
	a.apply(req.Header)
	_, err = c.send(req, nil)
	return err
}

// startCase opens a case and returns it with its applicant token.
func (c *client) startCase(ctx context.Context, i int) (caseView, string, error) {
	var out struct {
		StartCase struct {
			Token string   `json:"token"`
			Case  caseView `json:"case"`
		} `json:"startCase"`
	}
	_, err := c.do(ctx, auth{}, qStartCase, map[string]any{"input": map[string]any{
		"firstName": "Bench", "lastName": fmt.Sprintf("Applicant%d", i), "email": fmt.Sprintf("bench%d@example.com", i),
	}}, &out)
	return out.StartCase.Case, out.StartCase.Token, err
}

// event sends one sendCaseEvent and returns the case after it.
func (c *client) event(ctx context.Context, token, caseID, ev, docType string) (caseView, error) {
	in := map[string]any{"caseId": caseID, "event": ev}
	if docType != "" {
		in["documentType"] = docType
	}
	var out struct {
		SendCaseEvent caseView `json:"sendCaseEvent"`
	}
	_, err := c.do(ctx, auth{token: token}, qSendCaseEvent, map[string]any{"input": in}, &out)
	return out.SendCaseEvent, err
}

// login opens a reviewer session and returns its cookie ("kyc_session=…").
func (c *client) login(ctx context.Context, email, password string) (string, error) {
	cookies, err := c.do(ctx, auth{}, qLogin, map[string]any{"input": map[string]any{"email": email, "password": password}}, nil)
	if err != nil {
		return "", err
	}
	for _, ck := range cookies {
		if ck.Name == "kyc_session" {
			return ck.Name + "=" + ck.Value, nil
		}
	}
	return "", errors.New("login set no kyc_session cookie")
}

// typename is the cheapest GraphQL round trip: the floor of every HTTP figure.
func (c *client) typename(ctx context.Context, a auth) error {
	_, err := c.do(ctx, a, qTypename, nil, nil)
	return err
}

// applicant is a case the benchmark drives as its applicant.
type applicant struct {
	token string
	c     caseView
}

// prepareToSelfieReview walks a new case through the whole flow up to selfie_review, one
// USER_NEXT_STEP short of submitting it.
func (c *client) prepareToSelfieReview(ctx context.Context, i int, photo []byte) (applicant, error) {
	cv, token, err := c.startCase(ctx, i)
	if err != nil {
		return applicant{}, fmt.Errorf("startCase: %w", err)
	}
	id := cv.ID
	steps := []func() error{
		func() (err error) { cv, err = c.event(ctx, token, id, "USER_NEXT_STEP", ""); return },         // → document_selection
		func() (err error) { cv, err = c.event(ctx, token, id, "USER_NEXT_STEP", "PASSPORT"); return }, // → document_photo
		func() error { return c.upload(ctx, auth{token: token}, id, "PASSPORT", photo) },
		func() (err error) { cv, err = c.event(ctx, token, id, "USER_NEXT_STEP", ""); return }, // → document_review
		func() (err error) { cv, err = c.event(ctx, token, id, "USER_NEXT_STEP", ""); return }, // → selfie
		func() error { return c.upload(ctx, auth{token: token}, id, "SELFIE", photo) },
		func() (err error) { cv, err = c.event(ctx, token, id, "USER_NEXT_STEP", ""); return }, // → selfie_review
	}
	for n, step := range steps {
		if err := step(); err != nil {
			return applicant{}, fmt.Errorf("flow step %d: %w", n+1, err)
		}
	}
	if cv.State != "selfie_review" {
		return applicant{}, fmt.Errorf("expected selfie_review, case is in %s", cv.State)
	}
	return applicant{token: token, c: cv}, nil
}

// testJPEG is a realistic phone photo of an ID card (1600×1200, sharp, lit), drawn once: it
// passes the upload checks, as an applicant's photo would.
var testJPEG = sync.OnceValue(func() []byte {
	return testphoto.JPEG(testphoto.Scene(1600, 1200, 1))
})
