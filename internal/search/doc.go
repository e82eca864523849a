// Package search is the one place that says how the backoffice search matches a case: the
// text stored with each case (written by the API, back-filled at start-up by the server) and
// the query it is matched against are normalised here, the same way.
//
// Imports the standard library and ent's SQL builder (the predicate it adds to a query, per
// dialect); never ent's generated packages, graph or server.
package search
