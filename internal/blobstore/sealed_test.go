package blobstore

import (
	"bytes"
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/blobstore/blobstoretest"
)

func testKEK(b byte) string { return base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{b}, 32)) }

func TestKeyRotationAndMigration(t *testing.T) {
	ctx := context.Background()
	dir := Dir{Root: t.TempDir()}
	oldKEK, err := ParseKEKs(testKEK(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := Sealed{Inner: dir, keks: oldKEK}
	photo := bytes.Repeat([]byte("a photo "), 500)
	if _, _, err := old.Put(ctx, "documents/c/sealed.jpg", bytes.NewReader(photo)); err != nil {
		t.Fatal(err)
	}
	// A file from before encryption, stored plain.
	if _, _, err := dir.Put(ctx, "documents/c/plain.jpg", bytes.NewReader(photo)); err != nil {
		t.Fatal(err)
	}
	// Rotation: the new key first, the old kept for reading.
	both, err := ParseKEKs(testKEK(2)+","+testKEK(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	rotated := Sealed{Inner: dir, keks: both}
	for _, k := range []string{"documents/c/sealed.jpg", "documents/c/plain.jpg"} {
		if got := blobstoretest.ReadAll(t, rotated, k); !bytes.Equal(got, photo) {
			t.Fatalf("%s after rotation reads differently", k)
		}
	}
	// migrate: both are sealed under the new key; again, nothing to do.
	if n, err := rotated.SealAll(ctx, "documents/"); err != nil || n != 2 {
		t.Fatalf("SealAll = %d, %v; want 2", n, err)
	}
	if n, err := rotated.SealAll(ctx, "documents/"); err != nil || n != 0 {
		t.Fatalf("SealAll again = %d, %v; want 0 (idempotent)", n, err)
	}
	newOnly, _ := ParseKEKs(testKEK(2), nil)
	for _, k := range []string{"documents/c/sealed.jpg", "documents/c/plain.jpg"} {
		if got := blobstoretest.ReadAll(t, Sealed{Inner: dir, keks: newOnly}, k); !bytes.Equal(got, photo) {
			t.Fatalf("%s with the new key alone reads differently", k)
		}
	}
	// Without the right KEK, an object does not open, and says why.
	if _, err := (Sealed{Inner: dir, keks: oldKEK}).Open(ctx, "documents/c/sealed.jpg"); err == nil || !strings.Contains(err.Error(), "not configured") {
		t.Fatalf("opening with a missing KEK: %v", err)
	}
	// Altered bytes, or an object moved to another key, do not open.
	stored := blobstoretest.ReadAll(t, dir, "documents/c/sealed.jpg")
	stored[len(stored)-1] ^= 1
	_, _, _ = dir.Put(ctx, "documents/c/altered.jpg", bytes.NewReader(stored))
	if _, err := rotated.Open(ctx, "documents/c/altered.jpg"); err == nil {
		t.Fatal("an altered object opened")
	}
	stored[len(stored)-1] ^= 1
	_, _, _ = dir.Put(ctx, "documents/c/moved.jpg", bytes.NewReader(stored))
	if _, err := rotated.Open(ctx, "documents/c/moved.jpg"); err == nil {
		t.Fatal("an object copied to another key opened")
	}
	if _, err := ParseKEKs("not-base64!", nil); err == nil {
		t.Fatal("a malformed KEK was accepted")
	}
}
