// Package casestore owns how a change reaches the database on PostgreSQL with the fewest
// round trips: LazyTx, a driver whose transactions send BEGIN only before their first write
// (plain reads before it run on the pool, at READ COMMITTED the same rows and no locks), and
// FinalStatement, which runs a transaction's one write in autocommit. The rules it relies on
// are written down in docs/architecture.md ("The write path's rules"); the rest of the write
// path (mutateCase, the one-statement update and audit append, the kept rows) is still the
// resolvers' (graph/tx.go, onestatement.go, caserows.go) and moves here next.
//
// It may import ent's dialect packages and the standard library; never graph or server
// (depguard holds this).
package casestore
