package workflow_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/workflow"
)

func TestCheckDetails(t *testing.T) {
	now := time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)
	ok := workflow.Details{FirstName: "Ada", LastName: "Lovelace", DateOfBirth: "1990-12-10", Email: "ada@example.com"}
	with := func(f func(*workflow.Details)) workflow.Details { d := ok; f(&d); return d }
	tests := []struct {
		name     string
		in       workflow.Details
		required bool
		field    string // "" = accepted
	}{
		{"complete", ok, true, ""},
		{"no email is fine", with(func(d *workflow.Details) { d.Email = "" }), true, ""},
		{"first name required", with(func(d *workflow.Details) { d.FirstName = "  " }), true, "firstName"},
		{"last name required", with(func(d *workflow.Details) { d.LastName = "" }), true, "lastName"},
		{"date of birth required", with(func(d *workflow.Details) { d.DateOfBirth = "" }), true, "dateOfBirth"},
		{"nothing is fine without required", workflow.Details{}, false, ""},
		{"given fields are checked without required", workflow.Details{Email: "not-an-email"}, false, "email"},
		{"not an email", with(func(d *workflow.Details) { d.Email = "not-an-email" }), true, "email"},
		{"no dot in the domain", with(func(d *workflow.Details) { d.Email = "ada@localhost" }), true, "email"},
		{"a display name is no address", with(func(d *workflow.Details) { d.Email = "Ada <ada@example.com>" }), true, "email"},
		{"two addresses", with(func(d *workflow.Details) { d.Email = "a@example.com, b@example.com" }), true, "email"},
		{"email too long", with(func(d *workflow.Details) { d.Email = strings.Repeat("a", 310) + "@example.com" }), true, "email"},
		{"name too long", with(func(d *workflow.Details) { d.LastName = strings.Repeat("é", 201) }), true, "lastName"},
		{"name of 200 characters", with(func(d *workflow.Details) { d.LastName = strings.Repeat("é", 200) }), true, ""},
		{"control character", with(func(d *workflow.Details) { d.FirstName = "Ada\x00" }), true, "firstName"},
		{"not a date", with(func(d *workflow.Details) { d.DateOfBirth = "10/12/1990" }), true, "dateOfBirth"},
		{"no 30 February", with(func(d *workflow.Details) { d.DateOfBirth = "2001-02-30" }), true, "dateOfBirth"},
		{"today is not in the past", with(func(d *workflow.Details) { d.DateOfBirth = "2026-11-27" }), true, "dateOfBirth"},
		{"in the future", with(func(d *workflow.Details) { d.DateOfBirth = "2030-01-01" }), true, "dateOfBirth"},
		{"16 today", with(func(d *workflow.Details) { d.DateOfBirth = "2010-11-27" }), true, ""},
		{"16 tomorrow", with(func(d *workflow.Details) { d.DateOfBirth = "2010-11-28" }), true, "dateOfBirth"},
		{"120 years old", with(func(d *workflow.Details) { d.DateOfBirth = "1906-11-27" }), true, ""},
		{"121 years old", with(func(d *workflow.Details) { d.DateOfBirth = "1905-11-26" }), true, "dateOfBirth"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := workflow.CheckDetails(tt.in, now, tt.required)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe *workflow.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("err = %v, want a refusal of %s", err, tt.field)
			}
			var we *workflow.Error
			if !errors.As(err, &we) || we.Code != workflow.EBadUserInput || !strings.Contains(we.Message, tt.field) {
				t.Fatalf("err = %#v, want BAD_USER_INPUT naming %s", we, tt.field)
			}
		})
	}
}

func TestCheckDetailsNormalises(t *testing.T) {
	got, err := workflow.CheckDetails(workflow.Details{FirstName: "  Ada  Augusta ", LastName: "\tLovelace", DateOfBirth: " 1990-12-10 ", Email: " ada@example.com "}, time.Now(), true)
	if err != nil {
		t.Fatal(err)
	}
	want := workflow.Details{FirstName: "Ada Augusta", LastName: "Lovelace", DateOfBirth: "1990-12-10", Email: "ada@example.com"}
	if got != want {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestAgeOn(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse("2006-01-02", s); return v }
	tests := []struct {
		dob, day string
		age      int
	}{
		{"2000-02-29", "2016-02-28", 15},
		{"2000-02-29", "2016-02-29", 16},
		{"2000-02-29", "2017-02-28", 16},
		{"2000-02-29", "2017-03-01", 17},
		{"1990-12-10", "2026-12-09", 35},
		{"1990-12-10", "2026-12-10", 36},
	}
	for _, tt := range tests {
		if got := workflow.AgeOn(d(tt.dob), d(tt.day)); got != tt.age {
			t.Errorf("AgeOn(%s, %s) = %d, want %d", tt.dob, tt.day, got, tt.age)
		}
	}
}

func TestCanEditDetails(t *testing.T) {
	for _, s := range []workflow.Status{inProgress, pending, resubmit, workflow.StatusApproved, workflow.StatusRejected} {
		err := workflow.CanEditDetails(s)
		var we *workflow.Error
		if s == inProgress {
			if err != nil {
				t.Errorf("%s: refused: %v", s, err)
			}
		} else if !errors.As(err, &we) || we.Code != workflow.EInvalidTransition {
			t.Errorf("%s: err = %v, want INVALID_TRANSITION", s, err)
		}
	}
}
