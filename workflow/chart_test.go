package workflow_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// allFacts satisfy every guard: a type is chosen, a photo and a selfie are stored.
var allFacts = workflow.Facts{
	Status:           workflow.StatusInProgress,
	SelectedType:     workflow.DocPassport,
	ChosenType:       workflow.DocPassport,
	HasDocumentPhoto: true,
	HasSelfie:        true,
}

func TestStates(t *testing.T) {
	want := []workflow.State{welcome, selection, photo, docReview, selfie, selfieRev, final}
	if !slices.Equal(workflow.States, want) {
		t.Fatalf("States = %v, want %v", workflow.States, want)
	}
	names := []string{"welcome", "document_selection", "document_photo", "document_review", "selfie", "selfie_review", "final"}
	if got := workflow.State("").Values(); !slices.Equal(got, names) {
		t.Errorf("State.Values() = %v, want %v", got, names)
	}
	if len(spec) != len(workflow.States) {
		t.Errorf("the test spec has %d states, the package %d", len(spec), len(workflow.States))
	}
	for _, s := range workflow.States {
		want := s == selection || s == docReview || s == final
		if s.Persisted() != want {
			t.Errorf("%s.Persisted() = %v, want %v", s, s.Persisted(), want)
		}
	}
	if workflow.State("nowhere").Persisted() {
		t.Errorf("an unknown state is persisted")
	}
}

// TestNext walks every (state, event) pair with facts that satisfy all guards.
func TestNext(t *testing.T) {
	for _, from := range workflow.States {
		for _, ev := range events {
			t.Run(fmt.Sprintf("%s/%s", from, ev), func(t *testing.T) {
				m, err := workflow.Next(from, ev, allFacts)
				to, ok := spec[from][ev]
				if !ok {
					wantCode(t, err, invalid)
					if m != (workflow.Move{}) {
						t.Errorf("a refused move returned %+v", m)
					}
					return
				}
				if err != nil {
					t.Fatalf("Next(%s, %s) = %v, want %s", from, ev, err, to)
				}
				want := workflow.Move{From: from, To: to, Submits: to == final}
				if from == selection && ev == next {
					want.SelectType = workflow.DocPassport
				}
				if m != want {
					t.Errorf("Next(%s, %s) = %+v, want %+v", from, ev, m, want)
				}
			})
		}
	}
}

func TestNext_unknownState(t *testing.T) {
	for _, from := range []workflow.State{"", "nowhere", "WELCOME"} {
		for _, ev := range events {
			_, err := workflow.Next(from, ev, allFacts)
			wantCode(t, err, invalid)
		}
	}
}

// TestNext_status: only IN_PROGRESS and RESUBMISSION_REQUESTED let the applicant move;
// every other status refuses every event, even one the chart allows.
func TestNext_status(t *testing.T) {
	statuses := append(slices.Clone(allStatuses), "")
	for _, st := range statuses {
		collecting := st == inProgress || st == resubmit
		if st.Collecting() != collecting {
			t.Errorf("%q.Collecting() = %v, want %v", st, st.Collecting(), collecting)
		}
		for _, from := range workflow.States {
			for _, ev := range events {
				t.Run(fmt.Sprintf("%s/%s/%s", st, from, ev), func(t *testing.T) {
					f := allFacts
					f.Status = st
					m, err := workflow.Next(from, ev, f)
					to, allowed := spec[from][ev]
					if !collecting || !allowed {
						wantCode(t, err, invalid)
						return
					}
					if err != nil || m.To != to {
						t.Errorf("Next = %+v, %v; want %s", m, err, to)
					}
				})
			}
		}
	}
}

func TestNext_guards(t *testing.T) {
	facts := func(edit func(*workflow.Facts)) workflow.Facts {
		f := allFacts
		edit(&f)
		return f
	}
	tests := []struct {
		name     string
		from     workflow.State
		ev       workflow.Event
		facts    workflow.Facts
		wantCode workflow.Code // "" when the move is accepted
		want     workflow.Move
	}{
		{
			name: "selection without a type", from: selection, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", "" }),
			wantCode: badInput,
		},
		{
			name: "selection with the selfie as chosen type", from: selection, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", workflow.DocSelfie }),
			wantCode: badInput,
		},
		{
			name: "selection with the selfie over an earlier type", from: selection, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = workflow.DocIDCard, workflow.DocSelfie }),
			wantCode: badInput,
		},
		{
			name: "selection with an unknown chosen type", from: selection, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", "PAYSLIP" }),
			wantCode: badInput,
		},
		{
			name: "selection with a chosen type", from: selection, ev: next,
			facts: facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", workflow.DocDriversLicense }),
			want:  workflow.Move{From: selection, To: photo, SelectType: workflow.DocDriversLicense},
		},
		{
			name: "selection changing an earlier type", from: selection, ev: next,
			facts: facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = workflow.DocIDCard, workflow.DocVoterID }),
			want:  workflow.Move{From: selection, To: photo, SelectType: workflow.DocVoterID},
		},
		{
			name: "selection with an earlier type and no new one", from: selection, ev: next,
			facts: facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = workflow.DocIDCard, "" }),
			want:  workflow.Move{From: selection, To: photo},
		},
		{
			name: "selection back needs no type", from: selection, ev: prev,
			facts: facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", "" }),
			want:  workflow.Move{From: selection, To: welcome},
		},
		{
			name: "a chosen type elsewhere selects nothing", from: welcome, ev: next,
			facts: facts(func(f *workflow.Facts) { f.SelectedType, f.ChosenType = "", workflow.DocIDCard }),
			want:  workflow.Move{From: welcome, To: selection},
		},
		{
			name: "photo forward without a photo", from: photo, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.HasDocumentPhoto = false }),
			wantCode: invalid,
		},
		{
			name: "photo back without a photo", from: photo, ev: prev,
			facts: facts(func(f *workflow.Facts) { f.HasDocumentPhoto = false }),
			want:  workflow.Move{From: photo, To: selection},
		},
		{
			name: "document review forward without a photo is not guarded", from: docReview, ev: next,
			facts: facts(func(f *workflow.Facts) { f.HasDocumentPhoto = false }),
			want:  workflow.Move{From: docReview, To: selfie},
		},
		{
			name: "selfie forward without a selfie", from: selfie, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.HasSelfie = false }),
			wantCode: invalid,
		},
		{
			name: "selfie back without a selfie", from: selfie, ev: prev,
			facts: facts(func(f *workflow.Facts) { f.HasSelfie = false }),
			want:  workflow.Move{From: selfie, To: docReview},
		},
		{
			name: "selfie forward with only a document photo", from: selfie, ev: next,
			facts:    facts(func(f *workflow.Facts) { f.HasSelfie, f.HasDocumentPhoto = false, true }),
			wantCode: invalid,
		},
		{
			name: "entering final submits", from: selfieRev, ev: next,
			facts: allFacts,
			want:  workflow.Move{From: selfieRev, To: final, Submits: true},
		},
		{
			name: "entering final submits a resubmission", from: selfieRev, ev: next,
			facts: facts(func(f *workflow.Facts) { f.Status, f.Floor = resubmit, photo }),
			want:  workflow.Move{From: selfieRev, To: final, Submits: true},
		},
		{
			name: "leaving selfie_review back does not submit", from: selfieRev, ev: prev,
			facts: allFacts,
			want:  workflow.Move{From: selfieRev, To: selfie},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := workflow.Next(tt.from, tt.ev, tt.facts)
			if tt.wantCode != "" {
				wantCode(t, err, tt.wantCode)
				if m != (workflow.Move{}) {
					t.Errorf("a refused move returned %+v", m)
				}
				return
			}
			if err != nil {
				t.Fatalf("Next(%s, %s) = %v, want %+v", tt.from, tt.ev, err, tt.want)
			}
			if m != tt.want {
				t.Errorf("Next(%s, %s) = %+v, want %+v", tt.from, tt.ev, m, tt.want)
			}
		})
	}
}

// TestNext_floor: while resubmitting, the applicant cannot go back before the floor that the
// reviewer's request set; going forward and going back above the floor are unaffected.
func TestNext_floor(t *testing.T) {
	t.Run("document_photo/back from document_photo", func(t *testing.T) {
		f := allFacts
		f.Status, f.Floor = resubmit, photo
		_, err := workflow.Next(photo, prev, f)
		wantCode(t, err, invalid)
	})
	t.Run("document_photo/back from document_review", func(t *testing.T) {
		f := allFacts
		f.Status, f.Floor = resubmit, photo
		m, err := workflow.Next(docReview, prev, f)
		if err != nil || m.To != photo {
			t.Errorf("Next = %+v, %v; want document_photo", m, err)
		}
	})
	t.Run("selfie/back from selfie", func(t *testing.T) {
		f := allFacts
		f.Status, f.Floor = resubmit, selfie
		_, err := workflow.Next(selfie, prev, f)
		wantCode(t, err, invalid)
	})
	t.Run("selfie/back from selfie_review", func(t *testing.T) {
		f := allFacts
		f.Status, f.Floor = resubmit, selfie
		m, err := workflow.Next(selfieRev, prev, f)
		if err != nil || m.To != selfie {
			t.Errorf("Next = %+v, %v; want selfie", m, err)
		}
	})

	// Every floor × every pair of the chart.
	for _, floor := range []workflow.State{"", photo, selfie} {
		for _, from := range workflow.States {
			for ev, to := range spec[from] {
				name := fmt.Sprintf("floor %q/%s/%s", floor, from, ev)
				t.Run(name, func(t *testing.T) {
					f := allFacts
					f.Status, f.Floor = resubmit, floor
					m, err := workflow.Next(from, ev, f)
					if floor != "" && ev == prev && index(to) < index(floor) {
						wantCode(t, err, invalid)
						return
					}
					if err != nil || m.To != to {
						t.Errorf("Next = %+v, %v; want %s", m, err, to)
					}
				})
			}
		}
	}
}

// TestAvailableEvents: the list served to the applicant is exactly what Next accepts.
func TestAvailableEvents(t *testing.T) {
	noFacts := workflow.Facts{Status: inProgress}
	floorPhoto := workflow.Facts{Status: resubmit, SelectedType: workflow.DocIDCard, Floor: photo}
	floorSelfie := workflow.Facts{Status: resubmit, SelectedType: workflow.DocIDCard, HasDocumentPhoto: true, Floor: selfie}
	both := []workflow.Event{next, prev}
	cases := []struct {
		name  string
		facts workflow.Facts
		want  map[workflow.State][]workflow.Event
	}{
		{"all facts", allFacts, map[workflow.State][]workflow.Event{
			welcome: {next}, selection: both, photo: both, docReview: both, selfie: both, selfieRev: both, final: {},
		}},
		// Without a selected type, USER_NEXT_STEP from document_selection is offered: the
		// client sends the type with it.
		{"no facts", noFacts, map[workflow.State][]workflow.Event{
			welcome: {next}, selection: both, photo: {prev}, docReview: both, selfie: {prev}, selfieRev: both, final: {},
		}},
		// Below the floor (states the applicant cannot reach while resubmitting) back is refused too.
		{"resubmission floor document_photo", floorPhoto, map[workflow.State][]workflow.Event{
			welcome: {next}, selection: {next}, photo: {}, docReview: both, selfie: {prev}, selfieRev: both, final: {},
		}},
		{"resubmission floor selfie", floorSelfie, map[workflow.State][]workflow.Event{
			welcome: {next}, selection: {next}, photo: {next}, docReview: {next}, selfie: {}, selfieRev: both, final: {},
		}},
	}
	for _, st := range notCollecting {
		for _, facts := range []workflow.Facts{allFacts, noFacts} {
			facts.Status = st
			cases = append(cases, struct {
				name  string
				facts workflow.Facts
				want  map[workflow.State][]workflow.Event
			}{fmt.Sprintf("status %q", st), facts, map[workflow.State][]workflow.Event{}})
		}
	}
	for _, tc := range cases {
		for _, from := range workflow.States {
			t.Run(fmt.Sprintf("%s/%s", tc.name, from), func(t *testing.T) {
				got := workflow.AvailableEvents(from, tc.facts)
				if got == nil {
					t.Errorf("AvailableEvents returned nil, want an empty list (GraphQL [String!]!)")
				}
				want := tc.want[from]
				if want == nil {
					want = []workflow.Event{}
				}
				if !slices.Equal(got, want) {
					t.Errorf("AvailableEvents(%s) = %v, want %v", from, got, want)
				}
				// Each listed event is accepted by Next, each unlisted one refused (a type
				// sent with USER_NEXT_STEP from document_selection when none was selected).
				for _, ev := range events {
					probe := tc.facts
					if from == selection && ev == next && probe.SelectedType == "" {
						probe.ChosenType = workflow.DocIDCard
					}
					_, err := workflow.Next(from, ev, probe)
					if listed := slices.Contains(got, ev); listed != (err == nil) {
						t.Errorf("%s: listed=%v but Next error=%v", ev, listed, err)
					}
				}
			})
		}
	}
}

// TestChart checks the Definition served by the `workflow` query against API.md.
func TestChart(t *testing.T) {
	def := workflow.Chart()
	if def.ID != "kyc" {
		t.Errorf("ID = %q, want kyc", def.ID)
	}
	if def.Version < 1 {
		t.Errorf("Version = %d, want ≥ 1", def.Version)
	}
	if def.Initial != welcome {
		t.Errorf("Initial = %q, want welcome", def.Initial)
	}
	var names []workflow.State
	for _, s := range def.States {
		names = append(names, s.Name)
	}
	want := []workflow.State{welcome, selection, photo, docReview, selfie, selfieRev, final}
	if !slices.Equal(names, want) {
		t.Fatalf("states = %v, want %v", names, want)
	}
	var persisted, submit, finals []workflow.State
	for _, s := range def.States {
		if s.Persisted {
			persisted = append(persisted, s.Name)
		}
		if s.Submit {
			submit = append(submit, s.Name)
		}
		if s.Final {
			finals = append(finals, s.Name)
		}
	}
	if w := []workflow.State{selection, docReview, final}; !slices.Equal(persisted, w) {
		t.Errorf("persisted = %v, want %v", persisted, w)
	}
	if w := []workflow.State{photo}; !slices.Equal(submit, w) {
		t.Errorf("submit = %v, want %v", submit, w)
	}
	if w := []workflow.State{final}; !slices.Equal(finals, w) {
		t.Errorf("final = %v, want %v", finals, w)
	}

	for _, s := range def.States {
		t.Run(string(s.Name), func(t *testing.T) {
			if s.On == nil {
				t.Errorf("On is nil, want a list (GraphQL [WorkflowTransition!]!)")
			}
			// Exactly the pairs of the spec, next before back, and each one accepted by Next.
			var wantOn []workflow.Transition
			for _, ev := range []workflow.Event{next, prev} {
				if to, ok := spec[s.Name][ev]; ok {
					wantOn = append(wantOn, workflow.Transition{Event: ev, Target: to})
				}
			}
			if !slices.Equal(s.On, wantOn) {
				t.Errorf("On = %v, want %v", s.On, wantOn)
			}
			for _, tr := range s.On {
				m, err := workflow.Next(s.Name, tr.Event, allFacts)
				if err != nil || m.To != tr.Target {
					t.Errorf("%s: Next = %+v, %v; the chart says %s", tr.Event, m, err, tr.Target)
				}
			}
			for _, ev := range events {
				if _, err := workflow.Next(s.Name, ev, allFacts); err == nil &&
					!slices.ContainsFunc(s.On, func(tr workflow.Transition) bool { return tr.Event == ev }) {
					t.Errorf("Next accepts %s but the chart does not list it", ev)
				}
			}
		})
	}

	// Every target is a state of the chart, and every state but welcome is reachable.
	reached := map[workflow.State]bool{def.Initial: true}
	for _, s := range def.States {
		for _, tr := range s.On {
			if index(tr.Target) < 0 {
				t.Errorf("%s --%s--> unknown state %q", s.Name, tr.Event, tr.Target)
			}
			reached[tr.Target] = true
		}
	}
	for _, s := range workflow.States {
		if !reached[s] {
			t.Errorf("%s is unreachable", s)
		}
	}

	// The definition is a fresh value: a caller editing it cannot change the rules.
	def.States[0].On[0].Target = final
	if again := workflow.Chart(); again.States[0].On[0].Target != selection {
		t.Errorf("editing a returned Definition changed the chart")
	}
	if m, err := workflow.Next(welcome, next, allFacts); err != nil || m.To != selection {
		t.Errorf("editing a returned Definition changed Next: %+v, %v", m, err)
	}
}

// TestCanUpload: identity documents in document_photo (the selected type only), the selfie in
// selfie, nothing elsewhere, nothing once collection is over.
func TestCanUpload(t *testing.T) {
	types := []workflow.DocType{workflow.DocIDCard, workflow.DocPassport, workflow.DocDriversLicense, workflow.DocVoterID, workflow.DocSelfie}
	for _, state := range workflow.States {
		for _, typ := range types {
			t.Run(fmt.Sprintf("%s/%s", state, typ), func(t *testing.T) {
				err := workflow.CanUpload(typ, workflow.UploadFacts{Status: inProgress, State: state, SelectedType: workflow.DocPassport})
				switch {
				case state == photo && typ == workflow.DocPassport, state == selfie && typ == workflow.DocSelfie:
					if err != nil {
						t.Errorf("CanUpload = %v, want nil", err)
					}
				case state == photo || state == selfie:
					wantCode(t, err, badInput) // the right place, the wrong document
				default:
					wantCode(t, err, invalid)
				}
			})
		}
	}

	t.Run("unknown type in document_photo", func(t *testing.T) {
		err := workflow.CanUpload("PAYSLIP", workflow.UploadFacts{Status: inProgress, State: photo, SelectedType: workflow.DocPassport})
		wantCode(t, err, badInput)
	})
	t.Run("no selected type in document_photo", func(t *testing.T) {
		err := workflow.CanUpload(workflow.DocIDCard, workflow.UploadFacts{Status: inProgress, State: photo})
		if err == nil {
			t.Errorf("an identity document was accepted before a type was selected")
		}
	})

	for _, st := range notCollecting {
		for _, c := range []struct {
			state workflow.State
			typ   workflow.DocType
		}{{photo, workflow.DocPassport}, {selfie, workflow.DocSelfie}, {final, workflow.DocSelfie}} {
			t.Run(fmt.Sprintf("status %q/%s/%s", st, c.state, c.typ), func(t *testing.T) {
				all := map[workflow.DocType]bool{workflow.DocPassport: true, workflow.DocSelfie: true}
				err := workflow.CanUpload(c.typ, workflow.UploadFacts{Status: st, State: c.state, SelectedType: workflow.DocPassport, Flagged: all})
				wantCode(t, err, invalid)
			})
		}
	}

	// During a resubmission only the flagged types may be re-taken.
	flags := map[string]map[workflow.DocType]bool{
		"none":     nil,
		"identity": {workflow.DocPassport: true},
		"selfie":   {workflow.DocSelfie: true},
		"both":     {workflow.DocPassport: true, workflow.DocSelfie: true},
	}
	for name, flagged := range flags {
		for _, c := range []struct {
			state workflow.State
			typ   workflow.DocType
		}{{photo, workflow.DocPassport}, {selfie, workflow.DocSelfie}} {
			t.Run(fmt.Sprintf("resubmission flagged %s/%s", name, c.typ), func(t *testing.T) {
				err := workflow.CanUpload(c.typ, workflow.UploadFacts{Status: resubmit, State: c.state, SelectedType: workflow.DocPassport, Flagged: flagged})
				if flagged[c.typ] {
					if err != nil {
						t.Errorf("CanUpload = %v, want nil", err)
					}
					return
				}
				wantCode(t, err, invalid)
			})
			t.Run(fmt.Sprintf("in progress ignores flags %s/%s", name, c.typ), func(t *testing.T) {
				err := workflow.CanUpload(c.typ, workflow.UploadFacts{Status: inProgress, State: c.state, SelectedType: workflow.DocPassport, Flagged: flagged})
				if err != nil {
					t.Errorf("CanUpload = %v, want nil", err)
				}
			})
		}
	}
	t.Run("resubmission of another identity type", func(t *testing.T) {
		err := workflow.CanUpload(workflow.DocIDCard, workflow.UploadFacts{
			Status: resubmit, State: photo, SelectedType: workflow.DocPassport,
			Flagged: map[workflow.DocType]bool{workflow.DocPassport: true, workflow.DocIDCard: true},
		})
		if err == nil {
			t.Errorf("a type other than the selected one was accepted")
		}
	})
}
