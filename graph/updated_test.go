package graph

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/ent/kyccase"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Every column of kyc_cases has its struct field, so that no field an update sets falls back
// to reading the row (or, worse, is missed).
func TestUpdatedKnowsEveryCaseColumn(t *testing.T) {
	for _, col := range kyccase.Columns {
		if _, ok := caseFields()[col]; !ok {
			t.Errorf("column %s has no ent.KycCase field for updated()", col)
		}
	}
}

// The case updated() builds from the staged mutation equals the row read back, for an update
// that sets and clears fields of every kind (nillable, JSON, enum, time), the newer ones too.
func TestUpdatedEqualsTheRowReadBack(t *testing.T) {
	r, client := testResolver(t)
	ctx := context.Background()
	rv := client.Reviewer.Create().SetEmail("rita@example.com").SetName("Rita").SetPasswordHash("x").SaveX(ctx)
	c := client.KycCase.Create().SetTokenHash("t").SetReason("blurred").SetAssigneeID(rv.ID).SaveX(ctx)
	c = client.KycCase.GetX(ctx, c.ID)
	now := r.now()
	upd := client.KycCase.Update().Where(kyccase.ID(c.ID)).
		SetVersion(c.Version + 1).SetUpdatedAt(now).
		SetState(workflow.State("document_photo")).SetStatus(workflow.StatusPendingReview).
		SetSelectedDocumentType(workflow.DocPassport).SetResubmissionTypes([]workflow.DocType{workflow.DocSelfie}).
		SetFirstName("Ada").SetEmail("ada@example.com").SetSearchText("ada ada@example.com").
		SetMetadata(map[string]any{"ref": "x-1"}).SetSubmittedAt(now).SetTokenRenewedAt(now).
		SetProposal(&workflow.Proposal{Decision: workflow.DecisionApprove, By: rv.ID.String(), At: now}).
		SetLastEventSeq(3).SetLastEventHash("h").
		ClearReason().ClearAssigneeID()
	if _, err := upd.Save(ctx); err != nil {
		t.Fatal(err)
	}
	got, ok := updated(c, upd.Mutation())
	if !ok {
		t.Fatalf("updated() gave up on fields %v, cleared %v", upd.Mutation().Fields(), upd.Mutation().ClearedFields())
	}
	want := client.KycCase.GetX(ctx, c.ID)
	gv, wv := reflect.ValueOf(*got), reflect.ValueOf(*want)
	for col, i := range caseFields() {
		if !sameValue(gv.Field(i).Interface(), wv.Field(i).Interface()) {
			t.Errorf("%s: updated() has %#v, the row %#v", col, gv.Field(i).Interface(), wv.Field(i).Interface())
		}
	}

	// Adding to a number is the database's sum: updated() declines, the caller reads the row.
	add := client.KycCase.Update().Where(kyccase.ID(c.ID)).AddRevision(1)
	add.SaveX(ctx)
	if _, ok := updated(want, add.Mutation()); ok {
		t.Fatal("updated() applied an addition")
	}
}

// sameValue compares field values, times as instants (the database keeps microseconds in UTC).
func sameValue(a, b any) bool {
	ta, aok := a.(time.Time)
	tb, bok := b.(time.Time)
	if aok && bok {
		return ta.Equal(tb)
	}
	pa, aok := a.(*time.Time)
	pb, bok := b.(*time.Time)
	if aok && bok {
		return (pa == nil) == (pb == nil) && (pa == nil || pa.Equal(*pb))
	}
	if pa, ok := a.(*workflow.Proposal); ok {
		pb := b.(*workflow.Proposal)
		if (pa == nil) != (pb == nil) {
			return false
		}
		if pa == nil {
			return true
		}
		x, y := *pa, *pb
		if !x.At.Equal(y.At) {
			return false
		}
		x.At, y.At = time.Time{}, time.Time{}
		return reflect.DeepEqual(x, y)
	}
	return reflect.DeepEqual(a, b)
}
