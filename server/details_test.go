package main

// Tests of the applicant's personal details (issue 14 item 6): checked by the server, stored on
// the case, shown to reviewers, editable until the first submission, erased with the rest.

import (
	"testing"
	"time"
)

const detailsMutation = `mutation($in: ApplicantDetailsInput!){ updateMyDetails(input:$in){ version applicant{ firstName lastName dateOfBirth email } } }`

type applicantView struct{ FirstName, LastName, DateOfBirth, Email *string }

func (a applicantView) String() string {
	s := func(p *string) string {
		if p == nil {
			return "<nil>"
		}
		return *p
	}
	return s(a.FirstName) + "|" + s(a.LastName) + "|" + s(a.DateOfBirth) + "|" + s(a.Email)
}

func TestApplicantDetails(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "", "", "")
		in := func(m map[string]any) map[string]any {
			out := map[string]any{"caseId": c.ID, "firstName": "Ada", "lastName": "Lovelace", "dateOfBirth": "1990-12-10", "email": "ada@example.com"}
			for k, v := range m {
				out[k] = v
			}
			return map[string]any{"in": out}
		}
		// Each rule refuses with BAD_USER_INPUT and names the field.
		for field, bad := range map[string]map[string]any{
			"firstName":   {"firstName": " "},
			"lastName":    {"lastName": ""},
			"dateOfBirth": {"dateOfBirth": "2001-02-30"},
			"email":       {"email": "not-an-email"},
		} {
			r := app.wantCode("BAD_USER_INPUT", detailsMutation, in(bad))
			if got := r.Errors[0].Extensions["field"]; got != field {
				t.Errorf("%v: extensions.field = %v, want %s", bad, got, field)
			}
		}
		tooYoung := time.Now().UTC().AddDate(-15, 0, 0).Format("2006-01-02")
		app.wantCode("BAD_USER_INPUT", detailsMutation, in(map[string]any{"dateOfBirth": tooYoung}))
		app.wantCode("BAD_USER_INPUT", detailsMutation, in(map[string]any{"dateOfBirth": time.Now().UTC().AddDate(0, 0, 1).Format("2006-01-02")}))

		var out struct {
			UpdateMyDetails struct{ Applicant applicantView }
		}
		app.mustDo(detailsMutation, in(map[string]any{"firstName": "  Ada ", "email": nil}), &out)
		if got := out.UpdateMyDetails.Applicant.String(); got != "Ada|Lovelace|1990-12-10|<nil>" {
			t.Fatalf("applicant after update: %s", got)
		}
		// Another applicant cannot set them; a reviewer sees them and the audit event.
		_, other := ts.startCase(t, "Eve", "", "")
		other.wantCode("FORBIDDEN", detailsMutation, in(nil))
		got := rita.reviewCase(c.ID)
		if got.eventCount("DETAILS_UPDATED") != 1 {
			t.Fatalf("DETAILS_UPDATED events: %d", got.eventCount("DETAILS_UPDATED"))
		}
		var node struct {
			Node struct{ Applicant applicantView }
		}
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { applicant{ firstName lastName dateOfBirth email } } } }`, map[string]any{"id": c.ID}, &node)
		if s := node.Node.Applicant.String(); s != "Ada|Lovelace|1990-12-10|<nil>" {
			t.Fatalf("reviewer reads %s", s)
		}
		// The backoffice search finds the new name.
		var list struct{ Cases struct{ TotalCount int } }
		rita.mustDo(`{ cases(filter:{search:"lovelace"}){ totalCount } }`, nil, &list)
		if list.Cases.TotalCount != 1 {
			t.Fatalf("search lovelace: %d cases", list.Cases.TotalCount)
		}

		// Editable until submission, refused after.
		app.mustDo(detailsMutation, in(map[string]any{"lastName": "King"}), &out)
		submitCase(t, app, c.ID)
		app.wantCode("INVALID_TRANSITION", detailsMutation, in(map[string]any{"lastName": "Byron"}))
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { applicant{ firstName lastName dateOfBirth email } } } }`, map[string]any{"id": c.ID}, &node)
		if s := node.Node.Applicant.String(); s != "Ada|King|1990-12-10|ada@example.com" {
			t.Fatalf("after a refused change: %s", s)
		}

		// Erasure takes the date of birth with the other details.
		rita.mustDo(eraseMutation, map[string]any{"id": c.ID, "r": "asked by email"}, nil)
		rita.mustDo(`query($id:ID!){ node(id:$id){ ... on Case { applicant{ firstName lastName dateOfBirth email } } } }`, map[string]any{"id": c.ID}, &node)
		if s := node.Node.Applicant.String(); s != "<nil>|<nil>|<nil>|<nil>" {
			t.Fatalf("after erasure: %s", s)
		}
	})
}

func TestStartCaseChecksDetails(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		start := `mutation($in: StartCaseInput){ startCase(input:$in){ case { applicant{ firstName lastName dateOfBirth email } } } }`
		// The example: "not-an-email" was accepted and became the case's name.
		r := ts.anon(t).wantCode("BAD_USER_INPUT", start, map[string]any{"in": map[string]any{"firstName": "Ada", "email": "not-an-email"}})
		if r.Errors[0].Extensions["field"] != "email" {
			t.Fatalf("extensions: %v", r.Errors[0].Extensions)
		}
		ts.anon(t).wantCode("BAD_USER_INPUT", start, map[string]any{"in": map[string]any{"dateOfBirth": "1990-13-01"}})
		var out struct {
			StartCase struct {
				Case struct{ Applicant applicantView }
			}
		}
		ts.anon(t).mustDo(start, map[string]any{"in": map[string]any{"firstName": " Grace ", "lastName": "Hopper", "dateOfBirth": "1906-12-09", "email": "grace@example.com"}}, &out)
		if s := out.StartCase.Case.Applicant.String(); s != "Grace|Hopper|1906-12-09|grace@example.com" {
			t.Fatalf("started with %s", s)
		}
		// None is required when starting (an integrator may open the case first).
		ts.anon(t).mustDo(start, map[string]any{"in": map[string]any{}}, &out)
	})
}
