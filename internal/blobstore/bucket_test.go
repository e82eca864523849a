package blobstore

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/blobstore/blobstoretest"
)

func TestBucketBlobs(t *testing.T) {
	store := blobstoretest.FakeS3(t)
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
