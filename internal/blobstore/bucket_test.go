package blobstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// fakeS3 starts an S3-compatible server in the process and returns a DOCUMENT_STORE URL for
// a fresh bucket on it, with credentials in the AWS environment.
func fakeS3(t *testing.T) string {
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

func TestBucketBlobs(t *testing.T) {
	store := fakeS3(t)
	ctx := context.Background()
	blobs, closeFn, err := Open(ctx, store, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = closeFn() }()
	body := bytes.Repeat([]byte("photo"), 1000)
	n, sum, err := blobs.Put(ctx, "documents/c1/d1.jpg", bytes.NewReader(body))
	want := sha256.Sum256(body)
	if err != nil || n != int64(len(body)) || sum != hex.EncodeToString(want[:]) {
		t.Fatalf("Put = %d, %s, %v", n, sum, err)
	}
	r, err := blobs.Open(ctx, "documents/c1/d1.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Seek(5, io.SeekStart); err != nil {
		t.Fatalf("Seek: %v", err)
	}
	rest, _ := io.ReadAll(r)
	r.Close()
	if !bytes.Equal(rest, body[5:]) {
		t.Fatal("read after Seek differs")
	}
	var keys []string
	if err := blobs.List(ctx, "documents/", func(b Info) error { keys = append(keys, b.Key); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 || keys[0] != "documents/c1/d1.jpg" {
		t.Fatalf("List = %v", keys)
	}
	if err := blobs.Delete(ctx, "documents/c1/d1.jpg"); err != nil {
		t.Fatal(err)
	}
	if err := blobs.Delete(ctx, "documents/c1/d1.jpg"); err != nil {
		t.Fatalf("deleting a missing key: %v", err)
	}
	if _, err := blobs.Open(ctx, "documents/c1/d1.jpg"); err == nil {
		t.Fatal("a deleted object opened")
	}
}
