package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent/document"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The automatic photo checks through the API (issue 13), on photos the test draws.

func jpegOf(name string, body []byte) file {
	return file{name: name, contentType: "image/jpeg", body: body}
}

// checkOf returns the check called name of a document, failing the test without one.
func checkOf(t *testing.T, d docView, name string) checkView {
	t.Helper()
	for _, c := range d.Checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("document %s revision %d has no %s check: %+v", d.Type, d.Revision, name, d.Checks)
	return checkView{}
}

func hasCheck(d docView, name string) bool {
	for _, c := range d.Checks {
		if c.Name == name {
			return true
		}
	}
	return false
}

func wantCheck(t *testing.T, d docView, name, outcome string) checkView {
	t.Helper()
	c := checkOf(t, d, name)
	if c.Outcome != outcome {
		t.Fatalf("%s revision %d: %s %s (%v), want %s; all: %+v", d.Type, d.Revision, name, c.Outcome, val(c.Detail), outcome, d.Checks)
	}
	return c
}

func val[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// wantRefused sends USER_NEXT_STEP, which must be refused with PHOTO_CHECK_FAILED and message.
func wantCheckRefusal(t *testing.T, app *client, caseID, message string) {
	t.Helper()
	r := app.sendEvent(caseID, "USER_NEXT_STEP", "")
	if r.code() != "PHOTO_CHECK_FAILED" || len(r.Errors) == 0 || r.Errors[0].Message != message {
		t.Fatalf("USER_NEXT_STEP with a failed photo: %+v, want PHOTO_CHECK_FAILED %q", r.Errors, message)
	}
	if c := app.myCase(); contains(c.AvailableEvents, "USER_NEXT_STEP") {
		t.Fatalf("availableEvents %v offer USER_NEXT_STEP with a failed photo", c.AvailableEvents)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Every check, both outcomes, through uploadDocument; a tiny photo refused before it is stored;
// a FAIL keeps the applicant on the step until a good photo replaces it.
func TestPhotoChecksOnUpload(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		c, app := ts.startCase(t, "Ada", "Lovelace", "")
		id := c.ID
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "ID_CARD")

		files := ts.countFiles(t)
		r := app.upload(id, "ID_CARD", jpegOf("tiny.jpg", testphoto.JPEG(testphoto.Scene(190, 150, 40))), false)
		if r.code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "too small (190×150 pixels)") {
			t.Fatalf("a 190×150 photo: %+v, want BAD_USER_INPUT too small", r.Errors)
		}
		if n := ts.countFiles(t); n != files {
			t.Fatalf("the refused photo left %d files behind", n-files)
		}
		if got := app.myCase(); len(got.Documents) != 0 || got.Version != c.Version+2 {
			t.Fatalf("after the refusal: %d documents, version %d", len(got.Documents), got.Version)
		}

		dark := app.mustUpload(id, "ID_CARD", jpegOf("dark.jpg", testphoto.JPEG(testphoto.Darkened(testphoto.Scene(1600, 1200, 41), 0.1, 1))))
		wantCheck(t, dark, "EXPOSURE", "FAIL")
		wantCheck(t, dark, "RESOLUTION", "PASS")
		wantCheckRefusal(t, app, id, "Your document photo did not pass the checks: the photo is too dark. Please retake it in a brighter place.")
		if s := app.myCase().CheckSummary; s.Fails != 1 || s.Warnings != 0 {
			t.Fatalf("checkSummary %+v, want 1 fail", s)
		}

		small := app.mustUpload(id, "ID_CARD", jpegOf("small.jpg", testphoto.JPEG(testphoto.Scene(800, 560, 42))))
		if c := wantCheck(t, small, "RESOLUTION", "FAIL"); val(c.Score) != 560 {
			t.Fatalf("RESOLUTION score %v, want the shorter side 560", val(c.Score))
		}
		wantCheckRefusal(t, app, id, "Your document photo did not pass the checks: the photo is too small (800×560 pixels): the text on the document cannot be read. Please retake it with your camera.")

		glare := app.mustUpload(id, "ID_CARD", jpegOf("glare.jpg", testphoto.JPEG(testphoto.WithGlare(testphoto.Scene(1600, 1200, 43), 0.2))))
		wantCheck(t, glare, "GLARE", "FAIL")
		wantCheckRefusal(t, app, id, "Your document photo did not pass the checks: a large part of the document is hidden by glare. Tilt it away from the light and retake the photo.")

		blurred := app.mustUpload(id, "ID_CARD", jpegOf("blurred.jpg", testphoto.JPEG(testphoto.Blurred(testphoto.Scene(1600, 1200, 44), 2, 1))))
		wantCheck(t, blurred, "SHARPNESS", "WARN")
		for _, n := range []string{"RESOLUTION", "EXPOSURE", "GLARE", "SAME_AS_PREVIOUS"} {
			wantCheck(t, blurred, n, "PASS")
		}
		if s := app.myCase().CheckSummary; s.Fails != 0 || s.Warnings != 1 {
			t.Fatalf("checkSummary %+v, want 1 warning", s)
		}
		// A WARN does not block: the applicant confirmed in the app.
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")

		darkSelfie := app.mustUpload(id, "SELFIE", jpegOf("selfie.jpg", testphoto.JPEG(testphoto.Darkened(testphoto.Scene(1280, 960, 45), 0.1, 2))))
		wantCheck(t, darkSelfie, "EXPOSURE", "FAIL")
		if hasCheck(darkSelfie, "GLARE") {
			t.Fatalf("a selfie has a GLARE check: %+v", darkSelfie.Checks)
		}
		wantCheckRefusal(t, app, id, "Your selfie did not pass the checks: the photo is too dark. Please retake it in a brighter place.")
		good := app.mustUpload(id, "SELFIE", pngFile(t))
		for _, ch := range good.Checks {
			if ch.Outcome != "PASS" {
				t.Fatalf("a good selfie: %+v", good.Checks)
			}
		}
		app.step(id, "USER_NEXT_STEP", "")
		if c := app.step(id, "USER_NEXT_STEP", ""); c.Status != "PENDING_REVIEW" {
			t.Fatalf("submitted: %s", c.Status)
		}
	})
}

// Sending back the photo a reviewer asked to retake FAILs SAME_AS_PREVIOUS, also re-compressed;
// a new photo passes.
func TestPhotoCheckSameAfterResubmission(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		c, app := ts.startCase(t, "Alan", "Turing", "")
		id := c.ID
		photo := testphoto.Scene(1600, 1200, 50)
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "ID_CARD")
		first := app.mustUpload(id, "ID_CARD", jpegOf("id.jpg", testphoto.JPEG(photo)))
		wantCheck(t, first, "SAME_AS_PREVIOUS", "PASS")
		app.step(id, "USER_NEXT_STEP", "")
		app.step(id, "USER_NEXT_STEP", "")
		app.mustUpload(id, "SELFIE", pngFile(t))
		app.step(id, "USER_NEXT_STEP", "")
		c = app.step(id, "USER_NEXT_STEP", "")
		rita.mustDecideCase(map[string]any{"caseId": id, "decision": "REQUEST_RESUBMISSION", "expectedVersion": c.Version,
			"documents": []any{map[string]any{"documentId": first.ID, "reason": "Blurry image"}}})

		const refused = "Your document photo did not pass the checks: this is the same photo as the one we asked you to retake. Please take a new photo."
		again := app.mustUpload(id, "ID_CARD", jpegOf("id.jpg", testphoto.JPEG(photo)))
		if c := wantCheck(t, again, "SAME_AS_PREVIOUS", "FAIL"); val(c.Score) != 0 {
			t.Fatalf("the same bytes: distance %v, want 0", val(c.Score))
		}
		wantCheckRefusal(t, app, id, refused)
		recompressed := app.mustUpload(id, "ID_CARD", jpegOf("id.jpg", testphoto.JPEG(testphoto.Darkened(photo, 0.97, 3))))
		wantCheck(t, recompressed, "SAME_AS_PREVIOUS", "FAIL")
		wantCheckRefusal(t, app, id, refused)

		retaken := app.mustUpload(id, "ID_CARD", jpegOf("id.jpg", testphoto.JPEG(testphoto.Scene(1600, 1200, 51))))
		wantCheck(t, retaken, "SAME_AS_PREVIOUS", "PASS")
		if c := app.step(id, "USER_NEXT_STEP", ""); c.State != "document_review" {
			t.Fatalf("after a new photo: %s", c.State)
		}
	})
}

// The same photo in two applicants' cases: the reviewer sees DUPLICATE_ELSEWHERE naming the
// other case, the applicant never sees it, and the case.submitted webhook carries the checks.
func TestPhotoCheckDuplicateElsewhere(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := webhookServer(t, db, func(a *app) {
			a.hooks.Stop(context.Background()) // the outbox row is read, nothing is sent
			a.res.Webhooks = nil
		})
		rita := ts.rita(t)
		recv := newReceiver(t, 0)
		rita.endpoint(recv.srv.URL, "case.submitted")
		photo := testphoto.JPEG(testphoto.Scene(1600, 1200, 60))

		first, appA := ts.startCase(t, "First", "Applicant", "")
		appA.step(first.ID, "USER_NEXT_STEP", "")
		appA.step(first.ID, "USER_NEXT_STEP", "PASSPORT")
		if d := appA.mustUpload(first.ID, "PASSPORT", jpegOf("p.jpg", photo)); hasCheck(d, "DUPLICATE_ELSEWHERE") {
			t.Fatalf("the applicant is shown DUPLICATE_ELSEWHERE: %+v", d.Checks)
		}

		second, appB := ts.startCase(t, "Second", "Applicant", "")
		appB.step(second.ID, "USER_NEXT_STEP", "")
		appB.step(second.ID, "USER_NEXT_STEP", "ID_CARD")
		up := appB.mustUpload(second.ID, "ID_CARD", jpegOf("p.jpg", photo))
		if hasCheck(up, "DUPLICATE_ELSEWHERE") {
			t.Fatalf("the applicant is shown DUPLICATE_ELSEWHERE: %+v", up.Checks)
		}
		appB.step(second.ID, "USER_NEXT_STEP", "") // a WARN never blocks
		appB.step(second.ID, "USER_NEXT_STEP", "")
		appB.mustUpload(second.ID, "SELFIE", pngFile(t))
		appB.step(second.ID, "USER_NEXT_STEP", "")
		appB.step(second.ID, "USER_NEXT_STEP", "")
		mine := appB.myCase()
		if hasCheck(mine.docOf(t, "ID_CARD"), "DUPLICATE_ELSEWHERE") || mine.CheckSummary.Warnings != 0 {
			t.Fatalf("the applicant's case shows the duplicate: %+v %+v", mine.docOf(t, "ID_CARD").Checks, mine.CheckSummary)
		}

		seen := rita.reviewCase(second.ID)
		dup := wantCheck(t, seen.docOf(t, "ID_CARD"), "DUPLICATE_ELSEWHERE", "WARN")
		if val(dup.RelatedCaseID) != first.ID || val(dup.Score) != 0 {
			t.Fatalf("DUPLICATE_ELSEWHERE for the reviewer: %+v, want case %s", dup, first.ID)
		}
		if seen.CheckSummary.Warnings != 1 {
			t.Fatalf("reviewer's checkSummary %+v, want 1 warning", seen.CheckSummary)
		}
		// An API key sees the check, not the other case (it may be another integrator's).
		key, _ := rita.apiKey("backend")
		var byKey struct{ Node *caseView }
		key.mustDo(`query($id: ID!){ node(id:$id){ ... on Case { `+caseFields+` } } }`, map[string]any{"id": second.ID}, &byKey)
		if byKey.Node == nil {
			t.Fatal("the API key cannot read the case")
		}
		if c := wantCheck(t, byKey.Node.docOf(t, "ID_CARD"), "DUPLICATE_ELSEWHERE", "WARN"); c.RelatedCaseID != nil {
			t.Fatalf("the API key is told the other case: %+v", c)
		}
		// The first case's photo was uploaded before the second: it found nothing then.
		wantCheck(t, rita.reviewCase(first.ID).docOf(t, "PASSPORT"), "DUPLICATE_ELSEWHERE", "PASS")

		// Erasing the first case clears the perceptual hash with the photo: nothing of it is
		// found again.
		rita.mustDo(eraseMutation, map[string]any{"id": first.ID, "r": "the applicant asked"}, nil)
		left, err := ts.app.client.Document.Query().Where(document.CaseID(uuid.MustParse(first.ID)), document.PhashNotNil()).Count(context.Background())
		if err != nil || left != 0 {
			t.Fatalf("%d perceptual hashes left after the erasure (%v)", left, err)
		}
		third, appC := ts.startCase(t, "Third", "Applicant", "")
		appC.step(third.ID, "USER_NEXT_STEP", "")
		appC.step(third.ID, "USER_NEXT_STEP", "ID_CARD")
		appC.mustUpload(third.ID, "ID_CARD", jpegOf("p.jpg", photo))
		if c := wantCheck(t, rita.reviewCase(third.ID).docOf(t, "ID_CARD"), "DUPLICATE_ELSEWHERE", "WARN"); val(c.RelatedCaseID) != second.ID {
			t.Fatalf("after the erasure the duplicate names %v, want the second case %s", val(c.RelatedCaseID), second.ID)
		}

		d, err := ts.app.client.WebhookDelivery.Query().Only(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var p struct {
			Data struct {
				CaseID    string
				Documents []struct {
					Type   string
					Checks []struct {
						Name, Outcome string
						Score         *float64
						RelatedCaseID *string `json:"relatedCaseId"`
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(d.Payload), &p); err != nil {
			t.Fatal(err)
		}
		if p.Data.CaseID != second.ID || len(p.Data.Documents) != 2 {
			t.Fatalf("payload: %s", d.Payload)
		}
		found := false
		for _, doc := range p.Data.Documents {
			for _, c := range doc.Checks {
				if doc.Type == "ID_CARD" && c.Name == "DUPLICATE_ELSEWHERE" && c.Outcome == "WARN" && c.RelatedCaseID == nil {
					found = true
				}
			}
			if len(doc.Checks) < 5 {
				t.Fatalf("webhook checks of %s: %+v", doc.Type, doc.Checks)
			}
		}
		if !found {
			t.Fatalf("the webhook does not carry DUPLICATE_ELSEWHERE (without the other case): %s", d.Payload)
		}
	})
}
