// Package ent holds the generated ent client. Regenerate with `go generate ./...` from the
// module root: ent first, then gqlgen (which reads the generated ent types).
package ent

//go:generate go run -mod=mod entc.go
//go:generate go -C .. tool gqlgen generate
