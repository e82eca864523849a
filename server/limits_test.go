package main

import (
	"slices"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The limits query serves the bounds uploadDocument enforces, from the server's own settings
// (the SDK reads them instead of keeping a copy): anyone may read them, and a photo just over
// a served bound is refused with the code the schema names.
func TestLimitsQuery(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		const maxPixels = 1_500_000 // below the realistic photo used here
		ts := newTestServerWith(t, db, func(a *app) { a.res.MaxPixels = maxPixels })
		var out struct {
			Limits struct {
				MaxUploadBytes int64    `json:"maxUploadBytes"`
				MaxPixels      int      `json:"maxPixels"`
				AcceptedTypes  []string `json:"acceptedTypes"`
			} `json:"limits"`
		}
		ts.anon(t).mustDo(`{ limits { maxUploadBytes maxPixels acceptedTypes } }`, nil, &out)
		l := out.Limits
		if l.MaxUploadBytes != int64(ts.cfg.MaxUploadMB)<<20 || l.MaxUploadBytes != ts.app.res.MaxUploadBytes {
			t.Fatalf("maxUploadBytes %d, want the configured %d MiB", l.MaxUploadBytes, ts.cfg.MaxUploadMB)
		}
		if l.MaxPixels != maxPixels {
			t.Fatalf("maxPixels %d, want the server's %d", l.MaxPixels, maxPixels)
		}
		if want := []string{"image/jpeg", "image/png", "image/webp"}; !slices.Equal(l.AcceptedTypes, want) {
			t.Fatalf("acceptedTypes %v, want %v", l.AcceptedTypes, want)
		}

		c, app := ts.startCase(t, "Lena", "Limits", "")
		app.step(c.ID, "USER_NEXT_STEP", "")
		app.step(c.ID, "USER_NEXT_STEP", "PASSPORT")
		over := testphoto.JPEG(testphoto.Photo(1600, 1200, 21)) // 1.92 MP, over the served bound
		if r := app.upload(c.ID, "PASSPORT", file{name: "passport.jpg", contentType: "image/jpeg", body: over}, false); r.code() != "PAYLOAD_TOO_LARGE" {
			t.Fatalf("a %d-pixel photo against maxPixels %d: %+v, want PAYLOAD_TOO_LARGE", 1600*1200, l.MaxPixels, r.Errors)
		}
		within := testphoto.JPEG(testphoto.Photo(1400, 1050, 22)) // 1.47 MP
		if r := app.upload(c.ID, "PASSPORT", file{name: "passport.jpg", contentType: "image/jpeg", body: within}, false); len(r.Errors) > 0 {
			t.Fatalf("a photo within the served limits was refused: %+v", r.Errors)
		}
	})
}
