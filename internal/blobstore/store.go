package blobstore

import (
	"context"
	"io"
	"time"
)

// Store stores document bytes outside the database.
type Store interface {
	// Put stores r under key and returns its size and hex SHA-256.
	Put(ctx context.Context, key string, r io.Reader) (size int64, sha256 string, err error)
	// Open returns the bytes stored under key.
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
	// Delete removes key; deleting a missing key is not an error.
	Delete(ctx context.Context, key string) error
	// List calls fn with every stored key under prefix (and anything the store left behind
	// there, such as an unfinished write), in no particular order, until fn returns an error.
	List(ctx context.Context, prefix string, fn func(Info) error) error
}

// Info describes one stored object.
type Info struct {
	Key      string
	Size     int64
	Modified time.Time
}
