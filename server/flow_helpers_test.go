package main

import (
	"encoding/json"
	"slices"
	"testing"
)

// caseFields is what the tests read of a case (applicant-visible fields only).
const caseFields = `id state status version revision availableEvents selectedDocumentType submittedAt decidedAt reason
	documents { id type side status reason revision url contentType size sha256 width height ` + checkFields + ` }
	checkSummary { warnings fails }`

// checkFields are the automatic checks of a document, as the tests read them.
const checkFields = `checks { name outcome score detail relatedCaseId }`

type checkView struct {
	Name          string   `json:"name"`
	Outcome       string   `json:"outcome"`
	Score         *float64 `json:"score"`
	Detail        *string  `json:"detail"`
	RelatedCaseID *string  `json:"relatedCaseId"`
}

type docView struct {
	ID          string      `json:"id"`
	Type        string      `json:"type"`
	Side        *string     `json:"side"`
	Status      string      `json:"status"`
	Reason      *string     `json:"reason"`
	Revision    int         `json:"revision"`
	URL         string      `json:"url"`
	ContentType string      `json:"contentType"`
	Size        int         `json:"size"`
	Sha256      string      `json:"sha256"`
	Width       *int        `json:"width"`
	Height      *int        `json:"height"`
	Checks      []checkView `json:"checks"`
}

type eventView struct {
	ID        string  `json:"id"`
	CaseID    string  `json:"caseId"`
	Type      string  `json:"type"`
	Actor     string  `json:"actor"`
	FromState *string `json:"fromState"`
	ToState   *string `json:"toState"`
	Data      *string `json:"data"`
	Hash      string  `json:"hash"`
}

type caseView struct {
	ID                   string      `json:"id"`
	State                string      `json:"state"`
	Status               string      `json:"status"`
	Version              int         `json:"version"`
	Revision             int         `json:"revision"`
	AvailableEvents      []string    `json:"availableEvents"`
	SelectedDocumentType *string     `json:"selectedDocumentType"`
	SubmittedAt          *string     `json:"submittedAt"`
	DecidedAt            *string     `json:"decidedAt"`
	Reason               *string     `json:"reason"`
	Documents            []docView   `json:"documents"`
	DocumentHistory      []docView   `json:"documentHistory"`
	Events               []eventView `json:"events"`
	CheckSummary         struct {
		Warnings int `json:"warnings"`
		Fails    int `json:"fails"`
	} `json:"checkSummary"`
}

// docOf returns the current document of type typ.
func (c caseView) docOf(t *testing.T, typ string) docView {
	t.Helper()
	for _, d := range c.Documents {
		if d.Type == typ {
			return d
		}
	}
	t.Fatalf("case %s has no current %s document: %+v", c.ID, typ, c.Documents)
	return docView{}
}

func (c caseView) eventCount(typ string) int {
	n := 0
	for _, e := range c.Events {
		if e.Type == typ {
			n++
		}
	}
	return n
}

// startCase opens a case and returns it with the applicant's client.
func (ts *testServer) startCase(t *testing.T, first, last, email string) (caseView, *client) {
	t.Helper()
	in := map[string]any{}
	if first != "" {
		in["firstName"] = first
	}
	if last != "" {
		in["lastName"] = last
	}
	if email != "" {
		in["email"] = email
	}
	var out struct {
		StartCase struct {
			Case      caseView `json:"case"`
			Token     string   `json:"token"`
			ResumeURL string   `json:"resumeUrl"`
		} `json:"startCase"`
	}
	ts.anon(t).mustDo(`mutation($in: StartCaseInput){ startCase(input:$in){ token resumeUrl case { `+caseFields+` } } }`,
		map[string]any{"in": in}, &out)
	if len(out.StartCase.Token) < 22 { // 128 bits in base64
		t.Fatalf("token %q is too short", out.StartCase.Token)
	}
	return out.StartCase.Case, ts.applicant(t, out.StartCase.Token)
}

// myCase reads the applicant's own case.
func (c *client) myCase() caseView {
	c.t.Helper()
	var out struct {
		MyCase *caseView `json:"myCase"`
	}
	c.mustDo(`{ myCase { `+caseFields+` } }`, nil, &out)
	if out.MyCase == nil {
		c.t.Fatal("myCase is null")
	}
	return *out.MyCase
}

// reviewCase reads a case as a reviewer, with its events and document history.
func (c *client) reviewCase(id string) caseView {
	c.t.Helper()
	var out struct {
		Node *caseView `json:"node"`
	}
	c.mustDo(`query($id: ID!){ node(id:$id){ ... on Case { `+caseFields+`
		documentHistory { id type status reason revision }
		events { id caseId type actor fromState toState data hash } } } }`, map[string]any{"id": id}, &out)
	if out.Node == nil {
		c.t.Fatalf("node(%s) is null for a reviewer", id)
	}
	return *out.Node
}

const sendEventMutation = `mutation($in: SendCaseEventInput!){ sendCaseEvent(input:$in){ ` + caseFields + ` } }`

func (c *client) sendEvent(caseID, event, docType string) gqlResponse {
	c.t.Helper()
	in := map[string]any{"caseId": caseID, "event": event}
	if docType != "" {
		in["documentType"] = docType
	}
	return c.do(sendEventMutation, map[string]any{"in": in})
}

// step sends an event that must be accepted and returns the case.
func (c *client) step(caseID, event, docType string) caseView {
	c.t.Helper()
	r := c.sendEvent(caseID, event, docType)
	if len(r.Errors) > 0 {
		c.t.Fatalf("%s %s: %+v", event, docType, r.Errors)
	}
	var out struct {
		SendCaseEvent caseView `json:"sendCaseEvent"`
	}
	_ = json.Unmarshal(r.Data, &out)
	return out.SendCaseEvent
}

// mustUpload uploads a document that must be accepted.
func (c *client) mustUpload(caseID, docType string, f file) docView {
	c.t.Helper()
	r := c.upload(caseID, docType, f, false)
	if len(r.Errors) > 0 {
		c.t.Fatalf("upload %s: status %d %+v", docType, r.Status, r.Errors)
	}
	var out struct {
		UploadDocument docView `json:"uploadDocument"`
	}
	_ = json.Unmarshal(r.Data, &out)
	return out.UploadDocument
}

// submitCase walks a fresh case from welcome to final with an ID card and a selfie.
func submitCase(t *testing.T, app *client, caseID string) caseView {
	t.Helper()
	app.step(caseID, "USER_NEXT_STEP", "")
	app.step(caseID, "USER_NEXT_STEP", "ID_CARD")
	app.mustUpload(caseID, "ID_CARD", jpegFile(t))
	app.step(caseID, "USER_NEXT_STEP", "")
	app.step(caseID, "USER_NEXT_STEP", "")
	app.mustUpload(caseID, "SELFIE", pngFile(t))
	app.step(caseID, "USER_NEXT_STEP", "")
	c := app.step(caseID, "USER_NEXT_STEP", "")
	if c.Status != "PENDING_REVIEW" || c.State != "final" {
		t.Fatalf("after the walk: %s/%s, want final/PENDING_REVIEW", c.State, c.Status)
	}
	return c
}

const decideCaseMutation = `mutation($in: DecideCaseInput!){ decideCase(input:$in){ ` + caseFields + ` } }`

func (c *client) decideCase(in map[string]any) gqlResponse {
	c.t.Helper()
	return c.do(decideCaseMutation, map[string]any{"in": in})
}

func (c *client) mustDecideCase(in map[string]any) caseView {
	c.t.Helper()
	r := c.decideCase(in)
	if len(r.Errors) > 0 {
		c.t.Fatalf("decideCase %v: %+v", in, r.Errors)
	}
	var out struct {
		DecideCase caseView `json:"decideCase"`
	}
	_ = json.Unmarshal(r.Data, &out)
	return out.DecideCase
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
