package workflow

import (
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Details are the applicant's personal details, as given on the welcome step.
// DateOfBirth is a calendar date, "YYYY-MM-DD" (no time, no zone).
type Details struct {
	FirstName   string
	LastName    string
	DateOfBirth string
	Email       string
}

// The bounds of the details. The age bounds are the applicant's age in whole years on the
// day the details are given: at least MinAge (the usual lower bound for opening an account
// without a guardian) and at most MaxAge (a date earlier than that is a typing error).
const (
	MinAge            = 16
	MaxAge            = 120
	MaxNameLen        = 200 // characters, as the name columns
	MaxEmailLen       = 320 // characters, as the email column
	DateOfBirthLayout = "2006-01-02"
)

// FieldError is a refusal of one input field: BAD_USER_INPUT whose message and
// extensions.field name the field (the API's name, e.g. "dateOfBirth").
type FieldError struct {
	Field string
	Err   *Error
}

func (e *FieldError) Error() string { return e.Err.Message }

// Unwrap gives the coded error (errors.As finds the *Error and its code).
func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field, what string) *FieldError {
	return &FieldError{Field: field, Err: Errorf(EBadUserInput, "invalid input: %s %s", field, what)}
}

// CheckDetails validates the details and returns them normalised (trimmed, inner spaces of
// names collapsed). With required, first name, last name and date of birth must be given (the
// welcome step's form); without, a field left empty stays unset and only given ones are checked
// (startCase, where an integrator may open a case before the applicant fills them in). The email
// is optional either way. now is the day the age is counted on (the server's clock, in UTC).
func CheckDetails(d Details, now time.Time, required bool) (Details, error) {
	out := Details{
		FirstName:   collapse(d.FirstName),
		LastName:    collapse(d.LastName),
		DateOfBirth: strings.TrimSpace(d.DateOfBirth),
		Email:       strings.TrimSpace(d.Email),
	}
	for _, f := range []struct{ name, value string }{{"firstName", out.FirstName}, {"lastName", out.LastName}} {
		switch {
		case f.value == "" && required:
			return Details{}, fieldErr(f.name, "is required")
		case utf8.RuneCountInString(f.value) > MaxNameLen:
			return Details{}, fieldErr(f.name, "is too long")
		case strings.IndexFunc(f.value, unicode.IsControl) >= 0:
			return Details{}, fieldErr(f.name, "must not contain control characters")
		}
	}
	if out.DateOfBirth == "" {
		if required {
			return Details{}, fieldErr("dateOfBirth", "is required")
		}
	} else if err := checkDateOfBirth(out.DateOfBirth, now); err != nil {
		return Details{}, err
	}
	if out.Email != "" {
		if err := checkEmail(out.Email); err != nil {
			return Details{}, err
		}
	}
	return out, nil
}

// checkDateOfBirth: a real calendar date, written YYYY-MM-DD, in the past, for an age between
// MinAge and MaxAge.
func checkDateOfBirth(s string, now time.Time) error {
	dob, err := time.Parse(DateOfBirthLayout, s) // refuses 2001-02-30 and other non-dates
	if err != nil {
		return fieldErr("dateOfBirth", "must be a real date written YYYY-MM-DD")
	}
	today := now.UTC()
	if !dob.Before(time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)) {
		return fieldErr("dateOfBirth", "must be in the past")
	}
	switch age := AgeOn(dob, today); {
	case age < MinAge:
		return fieldErr("dateOfBirth", "is too recent: the applicant must be at least 16 years old")
	case age > MaxAge:
		return fieldErr("dateOfBirth", "is too long ago: the applicant must be at most 120 years old")
	}
	return nil
}

// AgeOn is the age in whole years on the given day of someone born on dob (someone born on
// 29 February turns a year older on 1 March in common years).
func AgeOn(dob, day time.Time) int {
	age := day.Year() - dob.Year()
	if day.Month() < dob.Month() || (day.Month() == dob.Month() && day.Day() < dob.Day()) {
		age--
	}
	return age
}

// checkEmail: one bare address (no display name, no list), with a dot in its domain.
func checkEmail(s string) error {
	if utf8.RuneCountInString(s) > MaxEmailLen {
		return fieldErr("email", "is too long")
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return fieldErr("email", "must be an email address like name@example.com")
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return fieldErr("email", "must be an email address like name@example.com")
	}
	return nil
}

// CanEditDetails says whether the applicant may still change their details: until the case is
// first submitted (the reviewer then reviews what was submitted).
func CanEditDetails(s Status) error {
	if s != StatusInProgress {
		return Errorf(EInvalidTransition, "your details can be changed only until the verification is submitted")
	}
	return nil
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
