package graph

import "testing"

// The event types are stored and hashed into every audit chain: typing them must not change
// one stored string, or existing chains would no longer read as they were written.
func TestEventTypesKeepTheirStoredStrings(t *testing.T) {
	for typ, stored := range map[EventType]string{
		EvCaseStarted: "CASE_STARTED", EvStateChanged: "STATE_CHANGED", EvDocumentUploaded: "DOCUMENT_UPLOADED",
		EvCaseSubmitted: "CASE_SUBMITTED", EvCaseAssigned: "CASE_ASSIGNED", EvCaseUnassigned: "CASE_UNASSIGNED",
		EvDocumentDecided: "DOCUMENT_DECIDED", EvCaseDecided: "CASE_DECIDED", EvNoteAdded: "NOTE_ADDED",
		EvTokenRevoked: "TOKEN_REVOKED", EvAuditChainKeyed: "AUDIT_CHAIN_KEYED",
		EvDecisionProposed: "DECISION_PROPOSED", EvDecisionConfirmed: "DECISION_CONFIRMED", EvDecisionReturned: "DECISION_RETURNED",
		EvDocumentDecisionCleared: "DOCUMENT_DECISION_CLEARED",
	} {
		if string(typ) != stored {
			t.Errorf("event type %q, stored as %q", typ, stored)
		}
	}
}
