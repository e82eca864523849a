package graph

// The audit events the resolvers write; the chain they are appended to is internal/audit's.

import (
	"context"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/internal/audit"
)

// EventType is what an audit event records (case_events.type, CaseEvent.type in the API).
// The strings are stored and hashed into the chain: add types, never change one.
type EventType = audit.EventType

// The audit event types.
const (
	EvCaseStarted      EventType = "CASE_STARTED"
	EvStateChanged     EventType = "STATE_CHANGED"
	EvDocumentUploaded EventType = "DOCUMENT_UPLOADED"
	EvCaseSubmitted    EventType = "CASE_SUBMITTED"
	EvCaseAssigned     EventType = "CASE_ASSIGNED"
	EvCaseUnassigned   EventType = "CASE_UNASSIGNED"
	EvDocumentDecided  EventType = "DOCUMENT_DECIDED"
	EvCaseDecided      EventType = "CASE_DECIDED"
	EvNoteAdded        EventType = "NOTE_ADDED"
	EvTokenRevoked     EventType = "TOKEN_REVOKED"
)

// EvAuditChainKeyed records that start-up re-hashed a case's chain with the server's key (audit).
const EvAuditChainKeyed = audit.EvAuditChainKeyed

// change is one accepted change of a case: its audit event (audit.Change).
type change = audit.Change

// AuditKeyVersion marks a case whose chain is keyed with AuditKey (kyc_cases.audit_key_version).
const AuditKeyVersion = audit.KeyVersion

// ChainCheck is the verdict on one case's audit chain (audit.ChainCheck).
type ChainCheck = audit.ChainCheck

// actor names the caller in the audit trail.
func actor(ctx context.Context) string {
	v := ViewerFrom(ctx)
	switch {
	case v.Reviewer != nil:
		return "reviewer:" + v.Reviewer.Email
	case v.CaseID != uuid.Nil:
		return "applicant"
	}
	return "system"
}

// auditChainOf presents a check for the API.
func auditChainOf(chk ChainCheck) *model.AuditChainCheck {
	out := &model.AuditChainCheck{Valid: chk.Valid, CheckedEvents: chk.Checked}
	if chk.Broken != nil {
		out.FirstBrokenEventID = &chk.Broken.ID
	}
	if !chk.Valid {
		out.Detail = &chk.Detail
	}
	return out
}
