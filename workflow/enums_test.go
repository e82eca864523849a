package workflow_test

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// gqlEnum is what gqlgen needs from a Go type bound to a GraphQL enum or string.
type gqlEnum interface {
	MarshalGQL(w io.Writer)
	Values() []string
}

// TestEnums: every value survives MarshalGQL → JSON → UnmarshalGQL; anything else is refused.
// The spellings are those of API.md.
func TestEnums(t *testing.T) {
	tests := []struct {
		name   string
		want   []string
		value  func(s string) gqlEnum
		decode func(v any) (gqlEnum, error)
	}{
		{
			name:  "CaseStatus",
			want:  []string{"IN_PROGRESS", "PENDING_REVIEW", "APPROVED", "REJECTED", "RESUBMISSION_REQUESTED", "AWAITING_SECOND_REVIEW"},
			value: func(s string) gqlEnum { return workflow.Status(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.Status
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "ReviewerRole",
			want:  []string{"ADMIN", "REVIEWER"},
			value: func(s string) gqlEnum { return workflow.Role(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.Role
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "DocumentType",
			want:  []string{"ID_CARD", "PASSPORT", "DRIVERS_LICENSE", "VOTER_ID", "SELFIE"},
			value: func(s string) gqlEnum { return workflow.DocType(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.DocType
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "DocumentSide",
			want:  []string{"FRONT", "BACK"},
			value: func(s string) gqlEnum { return workflow.Side(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.Side
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "DocumentStatus",
			want:  []string{"PENDING", "APPROVED", "REJECTED", "RESUBMISSION_REQUESTED"},
			value: func(s string) gqlEnum { return workflow.DocStatus(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.DocStatus
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "Decision",
			want:  []string{"APPROVE", "REJECT", "REQUEST_RESUBMISSION"},
			value: func(s string) gqlEnum { return workflow.Decision(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.Decision
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "ReasonTarget",
			want:  []string{"DOCUMENT", "CASE"},
			value: func(s string) gqlEnum { return workflow.ReasonTarget(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.ReasonTarget
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
		{
			name:  "State",
			want:  []string{"welcome", "document_selection", "document_photo", "document_review", "selfie", "selfie_review", "final"},
			value: func(s string) gqlEnum { return workflow.State(s) },
			decode: func(v any) (gqlEnum, error) {
				var x workflow.State
				err := x.UnmarshalGQL(v)
				return x, err
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.value("").Values(); !slices.Equal(got, tt.want) {
				t.Fatalf("Values() = %v, want %v", got, tt.want)
			}
			for _, s := range tt.want {
				var buf bytes.Buffer
				tt.value(s).MarshalGQL(&buf)
				var decoded any
				if err := json.Unmarshal(buf.Bytes(), &decoded); err != nil {
					t.Fatalf("MarshalGQL(%s) wrote %q, not JSON: %v", s, buf.String(), err)
				}
				if decoded != s {
					t.Errorf("MarshalGQL(%s) wrote %s", s, buf.String())
				}
				back, err := tt.decode(decoded)
				if err != nil {
					t.Fatalf("UnmarshalGQL(%q) = %v", s, err)
				}
				if back != tt.value(s) {
					t.Errorf("round trip of %s gave %v", s, back)
				}
			}
			bad := []any{"", "nope", 42, nil, true, []string{tt.want[0]}, " " + tt.want[0]}
			for _, s := range tt.want {
				bad = append(bad, flipCase(s))
			}
			for _, v := range bad {
				got, err := tt.decode(v)
				if err == nil {
					t.Errorf("UnmarshalGQL(%#v) accepted it as %v", v, got)
				}
				if got != tt.value("") {
					t.Errorf("UnmarshalGQL(%#v) left %v behind", v, got)
				}
			}
		})
	}
}

func flipCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c >= 'A' && c <= 'Z':
			b[i] = c - 'A' + 'a'
		}
	}
	return string(b)
}

// TestEvent: events are plain GraphQL strings, so any string decodes and Next refuses the
// unknown ones with INVALID_TRANSITION (not a decoding error).
func TestEvent(t *testing.T) {
	for _, ev := range []workflow.Event{next, prev, jump} {
		var buf bytes.Buffer
		ev.MarshalGQL(&buf)
		var s string
		if err := json.Unmarshal(buf.Bytes(), &s); err != nil || s != string(ev) {
			t.Errorf("MarshalGQL(%s) wrote %s", ev, buf.String())
		}
		var back workflow.Event
		if err := back.UnmarshalGQL(s); err != nil || back != ev {
			t.Errorf("UnmarshalGQL(%q) = %q, %v", s, back, err)
		}
	}
	if string(next) != "USER_NEXT_STEP" || string(prev) != "USER_PREV_STEP" {
		t.Errorf("events are spelled %s, %s", next, prev)
	}
	var ev workflow.Event
	_ = ev.UnmarshalGQL("JUMP")
	_, err := workflow.Next(welcome, ev, allFacts)
	wantCode(t, err, invalid)
}

func TestDocType_Identity(t *testing.T) {
	for typ, want := range map[workflow.DocType]bool{
		workflow.DocIDCard: true, workflow.DocPassport: true, workflow.DocDriversLicense: true, workflow.DocVoterID: true,
		workflow.DocSelfie: false, "": false, "PAYSLIP": false, "passport": false,
	} {
		if typ.Identity() != want {
			t.Errorf("%q.Identity() = %v, want %v", typ, typ.Identity(), want)
		}
	}
}

func TestDocStatus_Usable(t *testing.T) {
	for st, want := range map[workflow.DocStatus]bool{
		workflow.DocPending: true, workflow.DocApproved: true,
		workflow.DocRejected: false, workflow.DocResubmissionRequested: false, "": false,
	} {
		if st.Usable() != want {
			t.Errorf("%q.Usable() = %v, want %v", st, st.Usable(), want)
		}
	}
}
