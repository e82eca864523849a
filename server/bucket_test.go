package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/blobstore/blobstoretest"
)

// Two replicas with their own data folders share PostgreSQL and an S3 bucket: a photo
// uploaded through one is served by the other, and the orphan sweep works on the bucket.
func TestObjectStoreAcrossReplicas(t *testing.T) {
	store := blobstoretest.FakeS3(t)
	db := testDB{name: "postgres"}
	ts := startS3Server(t, db, store)
	twin := ts.twin(t) // cfg copied: the same DATABASE_URL and DOCUMENT_STORE, another DATA_DIR
	c, app := ts.startCase(t, "Ada", "Lovelace", "")
	app.step(c.ID, "USER_NEXT_STEP", "")
	app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")
	doc := app.mustUpload(c.ID, "ID_CARD", jpegFile(t))
	status, body := twin.applicant(t, app.token).get(doc.URL)
	if status != 200 || !strings.HasPrefix(string(body[:3]), "\xff\xd8\xff") {
		t.Fatalf("the other replica served the photo: status %d, %d bytes", status, len(body))
	}
	if ts.countFiles(t) != 0 || twin.countFiles(t) != 0 {
		t.Fatal("a replica wrote document files to its data folder")
	}
	// An object without a row (an upload cut short by a crash) is swept; the document stays.
	ctx := context.Background()
	if _, _, err := ts.app.res.Blobs.Put(ctx, "documents/"+c.ID+"/orphan.jpg", strings.NewReader("x")); err != nil {
		t.Fatal(err)
	}
	sweep := newOrphanSweep(ts.app.res.Blobs, ts.app.client, ts.app.log)
	sweep.minAge = 0
	sweep.now = func() time.Time { return time.Now().Add(time.Minute) }
	if _, err := sweep.Sweep(ctx); err != nil {
		t.Fatal(err)
	}
	var keys []string
	_ = ts.app.res.Blobs.List(ctx, "documents/", func(b graph.BlobInfo) error { keys = append(keys, b.Key); return nil })
	if len(keys) != 1 || strings.Contains(keys[0], "orphan") {
		t.Fatalf("after the sweep: %v, want only the document", keys)
	}
}

// startS3Server is newTestServer with DOCUMENT_STORE set.
func startS3Server(t *testing.T, db testDB, store string) *testServer {
	t.Helper()
	cfg := config{
		DataDir:          t.TempDir(),
		DatabaseURL:      db.databaseURL(t),
		DocumentStore:    store,
		ReviewerEmail:    testReviewerEmail,
		ReviewerPassword: testReviewerPassword,
		SecretKey:        "test-secret-key-0123456789abcdef0123456789",
		Playground:       true,
		MaxUploadMB:      10,
	}
	return startTestServer(t, cfg, nil)
}
