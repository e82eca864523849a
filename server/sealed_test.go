package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/graph"
)

func testKEK(b byte) string { return base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{b}, 32)) }

func readAll(t *testing.T, s graph.Blobs, key string) []byte {
	t.Helper()
	r, err := s.Open(context.Background(), key)
	if err != nil {
		t.Fatalf("open %s: %v", key, err)
	}
	defer r.Close()
	b, _ := io.ReadAll(r)
	return b
}

// Photos are stored encrypted on both stores; served, they are the photo.
func TestDocumentsEncryptedAtRest(t *testing.T) {
	for _, store := range []string{"dir", "s3"} {
		t.Run(store, func(t *testing.T) {
			ts := newTestServerWith(t, testDB{name: "sqlite"}, nil)
			if store == "s3" {
				cfg := ts.cfg
				cfg.DataDir, cfg.DocumentStore = t.TempDir(), fakeS3(t)
				ts = startTestServer(t, cfg, nil)
			}
			c, app := ts.startCase(t, "Ada", "Lovelace", "")
			app.step(c.ID, "USER_NEXT_STEP", "")
			app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
			doc := app.mustUpload(c.ID, "ID_CARD", jpegFile(t))
			d, err := ts.app.client.Document.Get(context.Background(), mustUUID(t, doc.ID))
			if err != nil {
				t.Fatal(err)
			}
			stored := readAll(t, ts.app.res.Blobs.(sealedBlobs).inner, d.StorageKey)
			status, served := app.get(doc.URL)
			if status != 200 || !bytes.HasPrefix(served, []byte("\xff\xd8\xff")) {
				t.Fatalf("served: %d, % x", status, served[:min(8, len(served))])
			}
			// No JPEG start of image right after the seal's header, and no piece of the photo
			// anywhere (the ciphertext of a realistic photo holds the three bytes ff d8 ff by
			// chance once in a few dozen uploads, so the pieces looked for are 16 bytes long).
			if !bytes.HasPrefix(stored, []byte(sealMagic)) || bytes.HasPrefix(stored[len(sealMagic):], []byte("\xff\xd8\xff")) {
				t.Fatalf("stored bytes look like a photo: % x…", stored[:16])
			}
			for _, at := range []int{0, len(served) / 3, len(served) / 2, len(served) - 16} {
				if bytes.Contains(stored, served[at:at+16]) {
					t.Fatalf("the stored bytes hold the photo's bytes %d–%d in the clear", at, at+16)
				}
			}
			if _, _, err := image.Decode(bytes.NewReader(stored)); err == nil {
				t.Fatal("the stored bytes decode as an image")
			}
			if store == "dir" {
				files, _ := filepath.Glob(filepath.Join(ts.cfg.DataDir, "files", "documents", c.ID, "*"))
				for _, f := range files {
					b, _ := os.ReadFile(f)
					if !bytes.HasPrefix(b, []byte(sealMagic)) {
						t.Fatalf("%s is stored plain", f)
					}
				}
			}
		})
	}
}

func TestKeyRotationAndMigration(t *testing.T) {
	ctx := context.Background()
	dir := dirBlobs{root: t.TempDir()}
	oldKEK, err := parseKEKs(testKEK(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	old := sealedBlobs{inner: dir, keks: oldKEK}
	photo := bytes.Repeat([]byte("a photo "), 500)
	if _, _, err := old.Put(ctx, "documents/c/sealed.jpg", bytes.NewReader(photo)); err != nil {
		t.Fatal(err)
	}
	// A file from before encryption, stored plain.
	if _, _, err := dir.Put(ctx, "documents/c/plain.jpg", bytes.NewReader(photo)); err != nil {
		t.Fatal(err)
	}
	// Rotation: the new key first, the old kept for reading.
	both, err := parseKEKs(testKEK(2)+","+testKEK(1), nil)
	if err != nil {
		t.Fatal(err)
	}
	rotated := sealedBlobs{inner: dir, keks: both}
	for _, k := range []string{"documents/c/sealed.jpg", "documents/c/plain.jpg"} {
		if got := readAll(t, rotated, k); !bytes.Equal(got, photo) {
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
	newOnly, _ := parseKEKs(testKEK(2), nil)
	for _, k := range []string{"documents/c/sealed.jpg", "documents/c/plain.jpg"} {
		if got := readAll(t, sealedBlobs{inner: dir, keks: newOnly}, k); !bytes.Equal(got, photo) {
			t.Fatalf("%s with the new key alone reads differently", k)
		}
	}
	// Without the right KEK, an object does not open, and says why.
	if _, err := (sealedBlobs{inner: dir, keks: oldKEK}).Open(ctx, "documents/c/sealed.jpg"); err == nil || !strings.Contains(err.Error(), "not configured") {
		t.Fatalf("opening with a missing KEK: %v", err)
	}
	// Altered bytes, or an object moved to another key, do not open.
	stored := readAll(t, dir, "documents/c/sealed.jpg")
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
	if _, err := parseKEKs("not-base64!", nil); err == nil {
		t.Fatal("a malformed KEK was accepted")
	}
}

func TestMigrateCommand(t *testing.T) {
	dir := t.TempDir()
	env := func(k string) string {
		return map[string]string{"DATA_DIR": dir, "SECRET_KEY": "cli-test-secret-0123456789abcdef0123"}[k]
	}
	plain := filepath.Join(dir, "files", "documents", "c", "old.jpg")
	_ = os.MkdirAll(filepath.Dir(plain), 0o750)
	if err := os.WriteFile(plain, []byte("\xff\xd8\xff plain photo"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"migrate"}, env, &out, &errs); err != nil {
		t.Fatalf("migrate: %v (%s)", err, errs.String())
	}
	if !strings.Contains(out.String(), "1 documents encrypted") {
		t.Fatalf("migrate printed %q", out.String())
	}
	b, _ := os.ReadFile(plain)
	if !bytes.HasPrefix(b, []byte(sealMagic)) {
		t.Fatal("the plain file was not encrypted")
	}
}

func mustUUID(t *testing.T, s string) uuid.UUID {
	t.Helper()
	id, err := uuid.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
