package graph

import (
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
)

// caseRows keeps, on PostgreSQL, each case as this replica last wrote it, with the row's
// xmin: the id of the transaction that wrote that version of the row, which every UPDATE
// changes (a change from any replica, a start-up fix, a foreign key's SET NULL), versioned
// or not. mutateCase decides a change on the kept case instead of reading it, and its one
// statement updates the row only WHERE xmin is still that one, so a change is written only
// when it was decided on the row as stored; otherwise it is decided again from a fresh read
// (mutateCase). A step of an applicant is then one round trip.
type caseRows struct{ m lruMap[uuid.UUID, *caseRow] }

type caseRow struct {
	c    ent.KycCase
	xmin string // as text: xid has no Go type of its own in the driver
}

// caseRowsSize bounds the cases kept (a case is ≈ 1 KB).
const caseRowsSize = 10_000

// get returns a copy of the kept case and its xmin, or nil.
func (k *caseRows) get(id uuid.UUID) *caseRow {
	row, ok := k.m.get(id)
	if !ok {
		return nil
	}
	cp := *row
	return &cp
}

// set keeps c as written by the transaction xmin.
func (k *caseRows) set(c *ent.KycCase, xmin string) {
	k.m.set(c.ID, &caseRow{c: *c, xmin: xmin}, caseRowsSize)
}

// forget drops what is kept of the case.
func (k *caseRows) forget(id uuid.UUID) {
	if row, ok := k.m.get(id); ok {
		k.m.drop(id, row)
	}
}
