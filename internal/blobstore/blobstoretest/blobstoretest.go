// Package blobstoretest holds what tests of document stores share: an S3-compatible server in
// the process, and reading an object back whole. For tests only.
//
// It may import the blob store's test dependencies (gofakes3); never graph or server.
package blobstoretest

import (
	"context"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// FakeS3 starts an S3-compatible server in the process and returns a DOCUMENT_STORE URL for
// a fresh bucket on it, with credentials in the AWS environment.
func FakeS3(t *testing.T) string {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket("kyc-docs"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
	return "s3://kyc-docs?region=us-east-1&use_path_style=true&endpoint=" + srv.URL
}

// Opener is a store as ReadAll needs it (blobstore.Store is one).
type Opener interface {
	Open(ctx context.Context, key string) (io.ReadSeekCloser, error)
}

// ReadAll returns the bytes stored under key, failing the test when they cannot be read.
func ReadAll(t *testing.T, s Opener, key string) []byte {
	t.Helper()
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer r.Close()
	b, _ := io.ReadAll(r)
	return b
}
