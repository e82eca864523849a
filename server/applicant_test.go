package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"image/jpeg"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent/caseevent"
	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The whole applicant flow, from startCase to PENDING_REVIEW, with the events the server
// offers at every step, a version bump on every change, and the uploaded document served back.
func TestApplicantFlow(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Ada", "Lovelace", "ada@example.com")
		if c.State != "welcome" || c.Status != "IN_PROGRESS" || c.Revision != 0 || c.SubmittedAt != nil {
			t.Fatalf("new case: %+v", c)
		}
		id := c.ID
		version := c.Version
		expect := func(got caseView, state string, events ...string) {
			t.Helper()
			if got.State != state {
				t.Fatalf("state %s, want %s", got.State, state)
			}
			if !sameSet(got.AvailableEvents, events) {
				t.Fatalf("in %s availableEvents %v, want %v", state, got.AvailableEvents, events)
			}
			if got.Version != version+1 {
				t.Fatalf("in %s version %d, want %d (one bump per change)", state, got.Version, version+1)
			}
			version = got.Version
			if mc := app.myCase(); mc.Version != got.Version || mc.State != got.State {
				t.Fatalf("myCase %s v%d, the mutation returned %s v%d", mc.State, mc.Version, got.State, got.Version)
			}
		}
		if !sameSet(c.AvailableEvents, []string{"USER_NEXT_STEP"}) {
			t.Fatalf("welcome availableEvents %v", c.AvailableEvents)
		}

		expect(app.step(id, "USER_NEXT_STEP", ""), "document_selection", "USER_NEXT_STEP", "USER_PREV_STEP")
		c = app.step(id, "USER_NEXT_STEP", "PASSPORT")
		expect(c, "document_photo", "USER_PREV_STEP")
		if c.SelectedDocumentType == nil || *c.SelectedDocumentType != "PASSPORT" {
			t.Fatalf("selectedDocumentType %v, want PASSPORT", c.SelectedDocumentType)
		}
		// Back and forth keeps the chosen type.
		expect(app.step(id, "USER_PREV_STEP", ""), "document_selection", "USER_NEXT_STEP", "USER_PREV_STEP")
		expect(app.step(id, "USER_NEXT_STEP", ""), "document_photo", "USER_PREV_STEP")

		jpg := testJPEG(t)
		doc := app.mustUpload(id, "PASSPORT", file{name: "passport.jpg", contentType: "image/jpeg", body: jpg})
		// Size and sha256 describe the stored (re-encoded) copy: checked against the served bytes below.
		if doc.Type != "PASSPORT" || doc.Status != "PENDING" || doc.Revision != 1 || doc.ContentType != "image/jpeg" ||
			doc.Size <= 0 || len(doc.Sha256) != 64 || doc.Width == nil || *doc.Width != fixtureJPEGW || *doc.Height != fixtureJPEGH {
			t.Fatalf("uploaded document: %+v", doc)
		}
		expect(app.myCase(), "document_photo", "USER_NEXT_STEP", "USER_PREV_STEP")

		expect(app.step(id, "USER_NEXT_STEP", ""), "document_review", "USER_NEXT_STEP", "USER_PREV_STEP")
		expect(app.step(id, "USER_NEXT_STEP", ""), "selfie", "USER_PREV_STEP")
		app.mustUpload(id, "SELFIE", pngFile(t))
		expect(app.myCase(), "selfie", "USER_NEXT_STEP", "USER_PREV_STEP")
		expect(app.step(id, "USER_NEXT_STEP", ""), "selfie_review", "USER_NEXT_STEP", "USER_PREV_STEP")
		c = app.step(id, "USER_NEXT_STEP", "")
		expect(c, "final")
		if c.Status != "PENDING_REVIEW" || c.Revision != 1 || c.SubmittedAt == nil {
			t.Fatalf("submitted case: status %s revision %d submittedAt %v", c.Status, c.Revision, c.SubmittedAt)
		}
		if len(c.Documents) != 2 || c.Documents[0].Type != "PASSPORT" || c.Documents[1].Type != "SELFIE" {
			t.Fatalf("documents %+v, want the passport then the selfie", c.Documents)
		}

		rc := ts.rita(t).reviewCase(id)
		if n := rc.eventCount("CASE_SUBMITTED"); n != 1 {
			t.Fatalf("%d CASE_SUBMITTED events, want 1", n)
		}
		if n := rc.eventCount("DOCUMENT_UPLOADED"); n != 2 {
			t.Fatalf("%d DOCUMENT_UPLOADED events, want 2", n)
		}
		if rc.Events[0].Type != "CASE_STARTED" {
			t.Fatalf("first event %s, want CASE_STARTED", rc.Events[0].Type)
		}

		// The signed link serves the stored copy to anyone who holds it (an <img> has no header):
		// the same picture, re-encoded, with the size and sha256 the document reports.
		anon := ts.anon(t)
		status, body := anon.get(doc.URL)
		if status != 200 || len(body) != doc.Size {
			t.Fatalf("GET %s: %d, %d bytes, want 200 and the document's %d bytes", doc.URL, status, len(body), doc.Size)
		}
		if cfg, err := jpeg.DecodeConfig(bytes.NewReader(body)); err != nil || cfg.Width != fixtureJPEGW || cfg.Height != fixtureJPEGH {
			t.Fatalf("served bytes: %v, %+v; want the uploaded %d×%d JPEG", err, cfg, fixtureJPEGW, fixtureJPEGH)
		}
		got := sha256.Sum256(body)
		if hex.EncodeToString(got[:]) != doc.Sha256 {
			t.Fatal("served bytes do not match the document's sha256")
		}
		u, _ := url.Parse(doc.URL)
		q := u.Query()
		sig := []byte(q.Get("sig"))
		if sig[0] == 'a' {
			sig[0] = 'b'
		} else {
			sig[0] = 'a'
		}
		q.Set("sig", string(sig))
		if status, _ := anon.get(u.Path + "?" + q.Encode()); status != 404 {
			t.Fatalf("tampered signature: %d, want 404", status)
		}
		q = u.Query()
		q.Set("exp", "99999999999")
		if status, _ := anon.get(u.Path + "?" + q.Encode()); status != 404 {
			t.Fatalf("extended expiry: %d, want 404", status)
		}
		if status, _ := anon.get(u.Path); status != 404 {
			t.Fatalf("no signature, no credentials: %d, want 404", status)
		}
		if status, _ := anon.get("/documents/" + uuid.NewString() + "?" + u.RawQuery); status != 404 {
			t.Fatalf("another id with this signature: %d, want 404", status)
		}
	})
}

// Events the chart does not allow are refused with INVALID_TRANSITION and change nothing.
func TestIllegalEventsChangeNothing(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Bob", "", "")
		id := c.ID
		rita := ts.rita(t)
		refuse := func(code, event, docType string) {
			t.Helper()
			before := rita.reviewCase(id)
			r := app.sendEvent(id, event, docType)
			if r.code() != code {
				t.Fatalf("%s %s in %s: got %+v, want %s", event, docType, before.State, r.Errors, code)
			}
			after := rita.reviewCase(id)
			if after.Version != before.Version || after.State != before.State || after.Status != before.Status ||
				len(after.Events) != len(before.Events) {
				t.Fatalf("refused %s changed the case: %s v%d (%d events) → %s v%d (%d events)", event,
					before.State, before.Version, len(before.Events), after.State, after.Version, len(after.Events))
			}
		}
		refuse("INVALID_TRANSITION", "USER_PREV_STEP", "")
		refuse("INVALID_TRANSITION", "JUMP_TO_FINAL", "")
		app.step(id, "USER_NEXT_STEP", "")
		refuse("BAD_USER_INPUT", "USER_NEXT_STEP", "")       // no document type
		refuse("BAD_USER_INPUT", "USER_NEXT_STEP", "SELFIE") // not an identity document
		app.step(id, "USER_NEXT_STEP", "ID_CARD")
		refuse("INVALID_TRANSITION", "USER_NEXT_STEP", "") // no photo yet
		// A stale expectedVersion is a CONFLICT, even for an allowed event.
		cur := app.myCase()
		r := app.do(sendEventMutation, map[string]any{"in": map[string]any{"caseId": id, "event": "USER_PREV_STEP", "expectedVersion": cur.Version - 1}})
		if r.code() != "CONFLICT" {
			t.Fatalf("stale expectedVersion: %+v, want CONFLICT", r.Errors)
		}
		if got := app.myCase(); got.Version != cur.Version || got.State != cur.State {
			t.Fatalf("a CONFLICT changed the case: %s v%d", got.State, got.Version)
		}

		app.mustUpload(id, "ID_CARD", jpegFile(t))
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		refuse("INVALID_TRANSITION", "USER_NEXT_STEP", "") // no selfie yet
		app.mustUpload(id, "SELFIE", jpegFile(t))
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		// After submission the applicant cannot move the case at all.
		refuse("INVALID_TRANSITION", "USER_PREV_STEP", "")
		refuse("INVALID_TRANSITION", "USER_NEXT_STEP", "")
		if r := app.upload(id, "SELFIE", jpegFile(t), false); r.code() != "INVALID_TRANSITION" {
			t.Fatalf("upload after submission: %+v, want INVALID_TRANSITION", r.Errors)
		}
		if got := app.myCase(); got.Status != "PENDING_REVIEW" || len(got.AvailableEvents) != 0 {
			t.Fatalf("submitted case: %s availableEvents %v", got.Status, got.AvailableEvents)
		}
	})
}

// Refused uploads store nothing: no Document row, no file, no version bump, no event.
func TestUploadRefusals(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "", "", "")
		id := c.ID
		caseID := uuid.MustParse(id)
		ctx := context.Background()
		refuse := func(what, code, docType string, f file) {
			t.Helper()
			before := app.myCase()
			events, _ := ts.app.client.CaseEvent.Query().Where(caseevent.CaseID(caseID)).Count(ctx)
			r := app.upload(id, docType, f, false)
			if r.code() != code {
				t.Fatalf("%s: status %d errors %+v, want %s", what, r.Status, r.Errors, code)
			}
			if strings.Contains(strings.ToLower(r.Errors[0].Message), "/tmp") {
				t.Fatalf("%s: the message leaks a path: %q", what, r.Errors[0].Message)
			}
			after := app.myCase()
			if after.Version != before.Version || len(after.Documents) != 0 {
				t.Fatalf("%s changed the case: v%d → v%d, documents %+v", what, before.Version, after.Version, after.Documents)
			}
			if n, _ := ts.app.client.Document.Query().Where(document.CaseID(caseID)).Count(ctx); n != 0 {
				t.Fatalf("%s: %d Document rows stored", what, n)
			}
			if n, _ := ts.app.client.CaseEvent.Query().Where(caseevent.CaseID(caseID)).Count(ctx); n != events {
				t.Fatalf("%s: %d events, want %d", what, n, events)
			}
			if n := ts.countFiles(t); n != 0 {
				t.Fatalf("%s: %d files left in the data folder", what, n)
			}
		}

		refuse("upload in welcome", "INVALID_TRANSITION", "ID_CARD", jpegFile(t))
		app.step(id, "USER_NEXT_STEP", "")
		refuse("upload in document_selection", "INVALID_TRANSITION", "ID_CARD", jpegFile(t))
		app.step(id, "USER_NEXT_STEP", "ID_CARD")

		jpg := testJPEG(t)
		big := append(append([]byte{}, jpg...), make([]byte, 10<<20+100<<10-len(jpg))...) // a valid JPEG padded to 10.1 MiB
		refuse("10.1 MiB upload", "PAYLOAD_TOO_LARGE", "ID_CARD", file{name: "big.jpg", contentType: "image/jpeg", body: big})
		huge := append(append([]byte{}, jpg...), make([]byte, 12<<20)...) // over the request limit too
		refuse("12 MiB request", "PAYLOAD_TOO_LARGE", "ID_CARD", file{name: "huge.jpg", contentType: "image/jpeg", body: huge})
		refuse("text named photo.jpg", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.jpg", contentType: "image/jpeg", body: []byte(strings.Repeat("this is not a photo\n", 50))})
		refuse("PNG header only", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.png", contentType: "image/png", body: []byte("\x89PNG\r\n\x1a\n")})
		refuse("50 megapixels", "PAYLOAD_TOO_LARGE", "ID_CARD",
			file{name: "wide.png", contentType: "image/png", body: hugePNGHeader(10000, 5000)})
		// Files that pass a header check but are not (only) a photo: decoded whole and refused.
		photo := testphoto.JPEG(testphoto.Photo(1600, 1200, 11))
		html := []byte("<!doctype html><html><body><script>fetch('/graphql',{credentials:'include'})</script></body></html>\n")
		sos := bytes.Index(photo, []byte{0xFF, 0xDA})
		header := photo[:sos+2+int(photo[sos+2])<<8|int(photo[sos+3])] // up to the first scan's data
		refuse("JPEG header followed by HTML", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.jpg", contentType: "image/jpeg", body: append(append([]byte{}, header...), bytes.Repeat(html, 2000)...)})
		refuse("65-byte PNG claiming 6000×6000", "PAYLOAD_TOO_LARGE", "ID_CARD",
			file{name: "photo.png", contentType: "image/png", body: hugePNGHeader(6000, 6000)})
		refuse("65-byte PNG claiming 4000×3000", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.png", contentType: "image/png", body: hugePNGHeader(4000, 3000)})
		refuse("JPEG with HTML appended", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.jpg", contentType: "image/jpeg", body: append(append([]byte{}, photo...), html...)})
		refuse("36-megapixel black PNG", "PAYLOAD_TOO_LARGE", "ID_CARD",
			file{name: "black.png", contentType: "image/png", body: testphoto.BlackPNG(6000, 6000)})
		refuse("PNG with HTML after IEND", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.png", contentType: "image/png", body: append(testPNG(t), html...)})
		refuse("truncated JPEG", "UNSUPPORTED_MEDIA_TYPE", "ID_CARD",
			file{name: "photo.jpg", contentType: "image/jpeg", body: photo[:len(photo)/2]})
		refuse("SELFIE in document_photo", "BAD_USER_INPUT", "SELFIE", jpegFile(t))
		refuse("another document type than chosen", "BAD_USER_INPUT", "PASSPORT", jpegFile(t))

		// Control: the same request shapes are accepted when the content is right, including
		// a PNG under the pixel limit and a file whose client type is wrong but bytes are fine.
		doc := app.mustUpload(id, "ID_CARD", file{name: "scan.txt", contentType: "text/plain", body: testPNG(t)})
		if doc.ContentType != "image/png" {
			t.Fatalf("contentType %s, want image/png sniffed from the bytes", doc.ContentType)
		}
		if n := ts.countFiles(t); n != 1 {
			t.Fatalf("%d files stored after one accepted upload", n)
		}
	})
}

// A phone photo's EXIF (GPS position included) never reaches the store: the server keeps a
// re-encoded copy, turned upright, and serves that copy with the size, hash and dimensions
// the document reports.
func TestUploadStoresCleanCopy(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "", "", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "ID_CARD")

		// A 1600×1200 photo stored sideways with orientation 6, as phones store portrait shots.
		up := testphoto.WithEXIF(testphoto.JPEG(testphoto.Photo(1600, 1200, 12)), 6)
		if !bytes.Contains(up, testphoto.GPSBytes()) {
			t.Fatal("the test upload lacks its GPS position")
		}
		doc := app.mustUpload(c.ID, "ID_CARD", file{name: "IMG_0001.jpg", contentType: "image/jpeg", body: up})
		if doc.ContentType != "image/jpeg" || doc.Width == nil || *doc.Width != 1200 || *doc.Height != 1600 {
			t.Fatalf("document %+v, want an upright 1200×1600 JPEG", doc)
		}
		status, body := app.get(doc.URL)
		if status != 200 {
			t.Fatalf("GET %s: %d", doc.URL, status)
		}
		if bytes.Contains(body, testphoto.GPSBytes()) || bytes.Contains(body, []byte("Exif")) || bytes.Contains(body, []byte("KYC Phone")) {
			t.Fatal("the served document still holds the upload's EXIF")
		}
		sum := sha256.Sum256(body)
		if len(body) != doc.Size || hex.EncodeToString(sum[:]) != doc.Sha256 {
			t.Fatalf("served %d bytes with sha256 %x; the document says %d bytes, %s", len(body), sum, doc.Size, doc.Sha256)
		}
		img, err := jpeg.Decode(bytes.NewReader(body))
		if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 1600 {
			t.Fatalf("served bytes decode to %v, %v; want a 1200×1600 JPEG", img.Bounds(), err)
		}
		if n := ts.countFiles(t); n != 1 {
			t.Fatalf("%d files stored after one upload", n)
		}

		// A realistic PNG is kept as PNG, a WebP is stored as JPEG.
		pngDoc := app.mustUpload(c.ID, "ID_CARD", file{name: "scan.png", contentType: "image/png",
			body: testphoto.PNG(testphoto.Photo(1280, 960, 13))})
		if pngDoc.ContentType != "image/png" || *pngDoc.Width != 1280 || pngDoc.Revision != 2 {
			t.Fatalf("PNG document %+v", pngDoc)
		}
		webp, err := os.ReadFile("../graph/testdata/photo.webp")
		if err != nil {
			t.Fatal(err)
		}
		webpDoc := app.mustUpload(c.ID, "ID_CARD", file{name: "photo.webp", contentType: "image/webp", body: webp})
		if webpDoc.ContentType != "image/jpeg" || *webpDoc.Width != 1600 || *webpDoc.Height != 1200 {
			t.Fatalf("WebP document %+v, want a 1600×1200 JPEG", webpDoc)
		}
		if _, body := app.get(webpDoc.URL); !bytes.HasPrefix(body, []byte{0xFF, 0xD8, 0xFF}) {
			t.Fatal("the WebP upload is not served as JPEG")
		}
	})
}
