package workflow

import (
	"io"
	"strings"
	"time"
)

// ReasonCode is a preset reason a reviewer gives for refusing a document or a case. Each
// has a wording fit for the applicant; whatever is meant for the team alone goes to a note.
type ReasonCode string

// Reason codes. UnableToVerify is the neutral one for a refusal whose real cause is for
// the team only (e.g. suspected fraud): the applicant reads no accusation.
const (
	ReasonBlurry         ReasonCode = "BLURRY"
	ReasonGlare          ReasonCode = "GLARE"
	ReasonCutOff         ReasonCode = "CUT_OFF"
	ReasonExpired        ReasonCode = "EXPIRED"
	ReasonWrongDocument  ReasonCode = "WRONG_DOCUMENT"
	ReasonFaceNotVisible ReasonCode = "FACE_NOT_VISIBLE"
	ReasonDoesNotMatch   ReasonCode = "DOES_NOT_MATCH"
	ReasonUnableToVerify ReasonCode = "UNABLE_TO_VERIFY"
	ReasonOther          ReasonCode = "OTHER"
)

// applicantWording is the English text the applicant reads for each code; the KYC app shows
// the same in the applicant's language. OTHER has none: the reviewer writes it.
var applicantWording = map[ReasonCode]string{
	ReasonBlurry:         "The photo is blurry — the text must be readable.",
	ReasonGlare:          "Light reflects on the document — take the photo without glare so that every detail is visible.",
	ReasonCutOff:         "Part of the document is cut off — all four corners must be in the photo.",
	ReasonExpired:        "The document has expired — please use a valid one.",
	ReasonWrongDocument:  "This is not the document you selected — please photograph the right one.",
	ReasonFaceNotVisible: "Your face is not clearly visible — look into the camera in good light, without sunglasses or a hat.",
	ReasonDoesNotMatch:   "The person in the selfie does not match the photo on the document.",
	ReasonUnableToVerify: "We could not verify your identity with the information provided.",
}

// Values lists the reason codes (for ent and the API).
func (ReasonCode) Values() []string {
	return []string{"BLURRY", "GLARE", "CUT_OFF", "EXPIRED", "WRONG_DOCUMENT", "FACE_NOT_VISIBLE", "DOES_NOT_MATCH", "UNABLE_TO_VERIFY", "OTHER"}
}

// ApplicantText is the code's English wording for the applicant ("" for OTHER).
func (c ReasonCode) ApplicantText() string { return applicantWording[c] }

// MarshalGQL implements graphql.Marshaler.
func (c ReasonCode) MarshalGQL(w io.Writer) { writeEnum(w, c) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (c *ReasonCode) UnmarshalGQL(v any) error { return unmarshalEnum(c, v, "ReasonCode") }

// ApplicantReason is the reason text to record for a decision: what the applicant is shown.
// Without a code it is the reviewer's text (the rules of the decision then say whether one is
// required). With a code, the reviewer's text when there is one (it says more than the preset),
// else the code's wording; OTHER needs the text, since it has no wording of its own. An
// approval takes no code.
func ApplicantReason(d Decision, code *ReasonCode, text string) (string, error) {
	text = strings.TrimSpace(text)
	if code == nil {
		return text, nil
	}
	if d == DecisionApprove {
		return "", Errorf(EBadUserInput, "an approval takes no reason code")
	}
	if *code == ReasonOther && text == "" {
		return "", Errorf(EBadUserInput, "reason OTHER needs a text for the applicant saying what to do")
	}
	if text != "" {
		return text, nil
	}
	return code.ApplicantText(), nil
}

// DefaultReviewSLA is how long a submitted case may wait for review before the queue
// highlights it.
const DefaultReviewSLA = 24 * time.Hour

// ClearDocumentDecision checks that a reviewer may take back the decision on a document (for
// one flagged for resubmission but not yet sent to the applicant): only while the case is in
// review, and only for a document that was decided.
func ClearDocumentDecision(caseStatus Status, doc DocStatus) error {
	if caseStatus != StatusPendingReview {
		return Errorf(EInvalidTransition, "a document decision can be taken back only while the case is %s, not %s", StatusPendingReview, caseStatus)
	}
	if doc == DocPending {
		return Errorf(EInvalidTransition, "this document has no decision to take back")
	}
	return nil
}
