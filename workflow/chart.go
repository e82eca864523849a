// Package workflow is the KYC statechart and the review rules: pure Go, no I/O. The API
// enforces it in its mutation resolvers and serves it to clients as data, so the rules are
// written exactly once.
package workflow

import (
	"io"
	"strings"
)

// State is a collection state of the statechart. The spellings are part of the public API.
type State string

// The collection states, in order.
const (
	Welcome           State = "welcome"
	DocumentSelection State = "document_selection"
	DocumentPhoto     State = "document_photo"
	DocumentReview    State = "document_review"
	Selfie            State = "selfie"
	SelfieReview      State = "selfie_review"
	Final             State = "final"
)

// States lists every state in flow order.
var States = []State{Welcome, DocumentSelection, DocumentPhoto, DocumentReview, Selfie, SelfieReview, Final}

// Values lists the states (for ent).
func (State) Values() []string {
	out := make([]string, len(States))
	for i, s := range States {
		out[i] = string(s)
	}
	return out
}

// MarshalGQL implements graphql.Marshaler (states are GraphQL strings).
func (s State) MarshalGQL(w io.Writer) { writeEnum(w, s) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (s *State) UnmarshalGQL(v any) error { return unmarshalEnum(s, v, "state") }

// Event is something the applicant asks the statechart to do.
type Event string

// The applicant's events.
const (
	UserNextStep Event = "USER_NEXT_STEP"
	UserPrevStep Event = "USER_PREV_STEP"
)

// MarshalGQL implements graphql.Marshaler (events are GraphQL strings).
func (e Event) MarshalGQL(w io.Writer) { writeEnum(w, e) }

// UnmarshalGQL implements graphql.Unmarshaler.
func (e *Event) UnmarshalGQL(v any) error {
	s, _ := v.(string)
	*e = Event(s)
	return nil
}

// chart is the whole collection flow: from → event → to. A pair that is not listed is refused.
var chart = map[State]map[Event]State{
	Welcome:           {UserNextStep: DocumentSelection},
	DocumentSelection: {UserNextStep: DocumentPhoto, UserPrevStep: Welcome},
	DocumentPhoto:     {UserNextStep: DocumentReview, UserPrevStep: DocumentSelection},
	DocumentReview:    {UserNextStep: Selfie, UserPrevStep: DocumentPhoto},
	Selfie:            {UserNextStep: SelfieReview, UserPrevStep: DocumentReview},
	SelfieReview:      {UserNextStep: Final, UserPrevStep: Selfie},
	Final:             {},
}

// Persisted states are checkpoints: saved when entered, where a resumed session starts.
var persisted = map[State]bool{DocumentSelection: true, DocumentReview: true, Final: true}

// The submit state: leaving it forward needs the backend to have recorded the document photo.
const submitState = DocumentPhoto

// Definition is the statechart as data, served by the `workflow` query.
type Definition struct {
	ID      string
	Version int
	Initial State
	States  []StateDef
}

// StateDef is one state of the Definition.
type StateDef struct {
	Name      State
	Persisted bool
	Submit    bool
	Final     bool
	On        []Transition
}

// Transition is an edge of the Definition.
type Transition struct {
	Event  Event
	Target State
}

// Chart returns the statechart as data, states in flow order, next before back.
func Chart() Definition {
	def := Definition{ID: "kyc", Version: 1, Initial: Welcome}
	for _, s := range States {
		sd := StateDef{Name: s, Persisted: persisted[s], Submit: s == submitState, Final: s == Final, On: []Transition{}}
		for _, ev := range []Event{UserNextStep, UserPrevStep} {
			if to, ok := chart[s][ev]; ok {
				sd.On = append(sd.On, Transition{Event: ev, Target: to})
			}
		}
		def.States = append(def.States, sd)
	}
	return def
}

// Persisted reports whether s is a checkpoint state.
func (s State) Persisted() bool { return persisted[s] }

func (s State) index() int {
	for i, x := range States {
		if x == s {
			return i
		}
	}
	return -1
}

// Facts are what the guards need to know about a case; the caller reads them from storage.
type Facts struct {
	Status Status
	// SelectedType is the identity document type chosen earlier ("" when none).
	SelectedType DocType
	// ChosenType is the document type sent with this event ("" when none).
	ChosenType DocType
	// HasDocumentPhoto: the current revision of the selected type's front exists and is
	// usable, and its back side, optional, is not one a reviewer refused.
	HasDocumentPhoto bool
	// HasSelfie: the current selfie exists and is usable.
	HasSelfie bool
	// Floor is, during a resubmission, the earliest state the applicant may go back to.
	Floor State
	// DocumentPhotoFail and SelfieFail say why the current document photo (either side) or
	// selfie FAILed an automatic check ("" when it passed or warned): the applicant cannot
	// leave that photo's step, nor submit, until it is retaken.
	DocumentPhotoFail, SelfieFail string
}

// Move is an accepted transition.
type Move struct {
	From, To State
	// SelectType is set when the move chooses the identity document type.
	SelectType DocType
	// Submits is true when the move enters the final state: the case goes to review.
	Submits bool
}

// Next decides whether the applicant may send ev from state from.
func Next(from State, ev Event, f Facts) (Move, error) {
	if !f.Status.Collecting() {
		return Move{}, Errorf(EInvalidTransition, "the case is %s: the applicant cannot move it", f.Status)
	}
	to, ok := chart[from][ev]
	if !ok {
		return Move{}, Errorf(EInvalidTransition, "cannot %s from %s", ev, from)
	}
	m := Move{From: from, To: to}
	if ev == UserPrevStep && f.Floor != "" && to.index() < f.Floor.index() {
		return Move{}, Errorf(EInvalidTransition, "cannot go back before %s while resubmitting", f.Floor)
	}
	if ev == UserNextStep {
		switch from {
		case DocumentSelection:
			switch {
			case f.ChosenType == "" && f.SelectedType == "":
				return Move{}, Errorf(EBadUserInput, "choose a document type to continue")
			case f.ChosenType != "" && !f.ChosenType.Identity():
				return Move{}, Errorf(EBadUserInput, "%s is not an identity document type", f.ChosenType)
			case f.ChosenType != "":
				m.SelectType = f.ChosenType
			}
		case DocumentPhoto:
			if !f.HasDocumentPhoto {
				return Move{}, Errorf(EInvalidTransition, "upload a photo of your document (and re-take any side sent back) to continue")
			}
			if f.DocumentPhotoFail != "" {
				return Move{}, photoCheckFailed("document photo", f.DocumentPhotoFail)
			}
		case Selfie:
			if !f.HasSelfie {
				return Move{}, Errorf(EInvalidTransition, "take a selfie to continue")
			}
			if f.SelfieFail != "" {
				return Move{}, photoCheckFailed("selfie", f.SelfieFail)
			}
		}
		m.Submits = to == Final
		if m.Submits && f.DocumentPhotoFail != "" {
			return Move{}, photoCheckFailed("document photo", f.DocumentPhotoFail)
		}
		if m.Submits && f.SelfieFail != "" {
			return Move{}, photoCheckFailed("selfie", f.SelfieFail)
		}
	}
	return m, nil
}

// photoCheckFailed is the refusal to leave a photo's step, or to submit, while the photo has a
// FAIL check: why, in the check's own words, e.g. "Your selfie did not pass the checks: the
// photo is too dark. Please retake it in a brighter place."
func photoCheckFailed(what, why string) error {
	if why != "" {
		why = strings.ToLower(why[:1]) + why[1:]
	}
	return Errorf(EPhotoCheckFailed, "Your %s did not pass the checks: %s", what, why)
}

// AvailableEvents lists the events Next would accept now, given the facts (a document type
// sent with USER_NEXT_STEP from document_selection is assumed).
func AvailableEvents(from State, f Facts) []Event {
	out := []Event{}
	for _, ev := range []Event{UserNextStep, UserPrevStep} {
		probe := f
		if from == DocumentSelection && probe.SelectedType == "" {
			probe.ChosenType = DocIDCard
		}
		if _, err := Next(from, ev, probe); err == nil {
			out = append(out, ev)
		}
	}
	return out
}

// UploadFacts are what the upload rule needs to know.
type UploadFacts struct {
	Status       Status
	State        State
	SelectedType DocType
	// Flagged lists the document types a reviewer asked to resubmit (resubmissions only).
	Flagged map[DocType]bool
}

// CanUpload decides whether a document of type t may be uploaded now.
func CanUpload(t DocType, f UploadFacts) error {
	if !f.Status.Collecting() {
		return Errorf(EInvalidTransition, "the case is %s: uploads are closed", f.Status)
	}
	switch {
	case f.State == DocumentPhoto && t.Identity():
		if t != f.SelectedType {
			return Errorf(EBadUserInput, "upload a %s: that is the document type you chose", f.SelectedType)
		}
	case f.State == Selfie && t == DocSelfie:
	case f.State == DocumentPhoto || f.State == Selfie:
		return Errorf(EBadUserInput, "a %s cannot be uploaded in %s", t, f.State)
	default:
		return Errorf(EInvalidTransition, "uploads are accepted in %s or %s, not in %s", DocumentPhoto, Selfie, f.State)
	}
	if f.Status == StatusResubmissionRequested && !f.Flagged[t] {
		return Errorf(EInvalidTransition, "only the documents the reviewer flagged can be re-taken")
	}
	return nil
}
