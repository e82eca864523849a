package model

import "github.com/openkyc/kyc-manual-review/ent"

// CaseConnection is a page of cases (ent's Relay connection) whose totalCount stops at a cap:
// TotalCountCapped says there are more than TotalCount.
type CaseConnection struct {
	*ent.CaseConnection
	TotalCountCapped bool
}
