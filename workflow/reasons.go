package workflow

import (
	"io"
	"slices"
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

// ReasonTarget is what a preset reason is offered for: deciding a document (flagging it for
// resubmission or rejecting it) or rejecting a whole case.
type ReasonTarget string

// Reason targets.
const (
	TargetDocument ReasonTarget = "DOCUMENT"
	TargetCase     ReasonTarget = "CASE"
)

// Values lists the reason targets (for the API).
func (ReasonTarget) Values() []string { return []string{"DOCUMENT", "CASE"} }

// MarshalGQL implements graphql.Marshaler.
func (t ReasonTarget) MarshalGQL(w io.Writer) { writeEnum(w, t) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (t *ReasonTarget) UnmarshalGQL(v any) error { return unmarshalEnum(t, v, "ReasonTarget") }

// ReasonPreset is a reason code with the English text the applicant reads (what the server
// stores as the decision's reason when the reviewer adds none) and what the backoffice offers
// it for. The server does not refuse a code outside AppliesTo: that is the reviewer's choice.
type ReasonPreset struct {
	Code          ReasonCode
	ApplicantText string
	AppliesTo     []ReasonTarget
}

var (
	forDocument = []ReasonTarget{TargetDocument}
	forCase     = []ReasonTarget{TargetCase}
	forBoth     = []ReasonTarget{TargetDocument, TargetCase}
)

// reasonPresets is the one source of the applicant's English wording of each code, in the
// order of Values: the backoffice reads it through the API (reasonPresets), and a test holds
// the KYC app's English catalog (reasons.*) to it; the app shows it in the applicant's
// language. OTHER has none: the reviewer writes it.
var reasonPresets = []ReasonPreset{
	{ReasonBlurry, "The photo is blurry — the text must be readable.", forDocument},
	{ReasonGlare, "Light reflects on the document — take the photo without glare so that every detail is visible.", forDocument},
	{ReasonCutOff, "Part of the document is cut off — all four corners must be in the photo.", forDocument},
	{ReasonExpired, "The document has expired — please use a valid one.", forBoth},
	{ReasonWrongDocument, "This is not the document you selected — please photograph the right one.", forDocument},
	{ReasonFaceNotVisible, "Your face is not clearly visible — look into the camera in good light, without sunglasses or a hat.", forDocument},
	{ReasonDoesNotMatch, "The person in the selfie does not match the photo on the document.", forBoth},
	{ReasonUnableToVerify, "We could not verify your identity with the information provided.", forCase},
	{ReasonOther, "", forBoth},
}

// ReasonPresets returns every reason code with its wording and targets, in the order of Values.
func ReasonPresets() []*ReasonPreset {
	out := make([]*ReasonPreset, len(reasonPresets))
	for i, p := range reasonPresets {
		p.AppliesTo = slices.Clone(p.AppliesTo)
		out[i] = &p
	}
	return out
}

// Values lists the reason codes (for ent and the API).
func (ReasonCode) Values() []string {
	return []string{"BLURRY", "GLARE", "CUT_OFF", "EXPIRED", "WRONG_DOCUMENT", "FACE_NOT_VISIBLE", "DOES_NOT_MATCH", "UNABLE_TO_VERIFY", "OTHER"}
}

// ApplicantText is the code's English wording for the applicant ("" for OTHER).
func (c ReasonCode) ApplicantText() string {
	for _, p := range reasonPresets {
		if p.Code == c {
			return p.ApplicantText
		}
	}
	return ""
}

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
