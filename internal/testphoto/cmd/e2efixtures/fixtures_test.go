package main

import (
	"bytes"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/photocheck"
)

// The committed e2e fixtures are what the browser tests count on: the document and its re-take
// and the selfie pass every check, the blurred one only warns (so the applicant may go on after
// confirming), and the black one fails (so the applicant cannot go on).
func TestFixturesMeetTheChecks(t *testing.T) {
	want := map[string]struct {
		kind  photocheck.Kind
		worst photocheck.Outcome
		check string // the check that gives the worst outcome, when not PASS
	}{
		"document.jpg":        {photocheck.Document, photocheck.Pass, ""},
		"document-retake.jpg": {photocheck.Document, photocheck.Pass, ""},
		"selfie.jpg":          {photocheck.Selfie, photocheck.Pass, ""},
		"blurred.jpg":         {photocheck.Document, photocheck.Warn, "SHARPNESS"},
		"black.jpg":           {photocheck.Document, photocheck.Fail, "EXPOSURE"},
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "e2e", "fixtures", name))
			if err != nil {
				t.Fatal(err)
			}
			img, err := jpeg.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if s := img.Bounds(); min(s.Dx(), s.Dy()) < 1200 || len(b) > 600<<10 {
				t.Errorf("%s is %d×%d, %d bytes: want ≥ 1,200 px and < 600 KB", name, s.Dx(), s.Dy(), len(b))
			}
			checks := photocheck.Analyze(photocheck.Shrink(img), w.kind).Checks
			if got := photocheck.Worst(checks); got != w.worst {
				t.Fatalf("worst outcome %s, want %s: %+v", got, w.worst, checks)
			}
			for _, c := range checks {
				if c.Outcome != photocheck.Pass && c.Name != w.check {
					t.Errorf("%s: %s %s, want only %s to be flagged", name, c.Name, c.Outcome, w.check)
				}
			}
		})
	}
}
