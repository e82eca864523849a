package mrz_test

import (
	"errors"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
	"github.com/openkyc/kyc-manual-review/internal/mrz/mrztest"
)

func loadFont(t *testing.T) *mrztest.Font {
	t.Helper()
	f, err := mrztest.LoadFont(fontPath)
	if err != nil {
		t.Skipf("the OCR-B font %s is needed to render photos: %v", fontPath, err)
	}
	return f
}

// TestReadNotFound: what carries no MRZ yields ErrNotFound, not a read.
func TestReadNotFound(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 1600, 1200))
	for i := range blank.Pix {
		blank.Pix[i] = 200
	}
	// A test pattern: a checkerboard, bars and a grid of dots.
	pattern := image.NewGray(image.Rect(0, 0, 1600, 1200))
	for y := range 1200 {
		for x := range 1600 {
			v := uint8(230)
			switch {
			case y < 400 && (x/80+y/80)%2 == 0:
				v = 20
			case y >= 400 && y < 800 && (x/40)%2 == 0:
				v = uint8(x * 255 / 1600)
			case y >= 800 && x%30 < 12 && y%30 < 16:
				v = 30
			}
			pattern.SetGray(x, y, color.Gray{Y: v})
		}
	}
	for name, img := range map[string]image.Image{"blank": blank, "test pattern": pattern} {
		if res, err := mrz.ReadAt(img, now); !errors.Is(err, mrz.ErrNotFound) {
			t.Errorf("%s: got %v, %+v; want ErrNotFound", name, err, res.Lines)
		}
	}
}

// TestReadDeskew reads a passport and a card turned to 9.5° and -9.5° in
// all (the reader deskews ±10°) and checks the geometry it reports.
func TestReadDeskew(t *testing.T) {
	font := loadFont(t)
	for i, tc := range []struct {
		f     mrz.Format
		total float64
	}{{mrz.TD3, 9.5}, {mrz.TD1, -9.5}, {mrz.TD1, 9.5}, {mrz.TD3, -9.5}} {
		p, err := mrztest.NewPhoto(rand.New(rand.NewPCG(3, uint64(i))), font, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		img := mrztest.Rotate(p.Image, tc.total-p.Angle)
		res, err := mrz.ReadAt(img, now)
		if err != nil {
			t.Fatalf("%s turned %.1f°: %v", tc.f, tc.total, err)
		}
		truth, _ := mrz.ParseAt(p.Lines, now)
		if len(res.Problems) > 0 || !reflect.DeepEqual(res.Data, truth) {
			t.Errorf("%s turned %.1f°: read %q, problems %v; want %q", tc.f, tc.total, res.Lines, res.Problems, p.Lines)
		}
		if res.Format != tc.f || len(res.Confidence) != len(p.Lines) || len(res.Confidence[0]) != len(p.Lines[0]) {
			t.Errorf("format %s, confidence %d lines", res.Format, len(res.Confidence))
		}
		// The perspective (corners moved by up to 3 %) tilts the bottom lines
		// by up to about 3° from the card's angle.
		if d := res.Angle - tc.total; math.Abs(d) > 3.5 {
			t.Errorf("%s: angle %.2f°, card turned %.2f°", tc.f, res.Angle, tc.total)
		}
		top, bottom := res.Box[1].X-res.Box[0].X, res.Box[2].X-res.Box[3].X
		if top < 700 || bottom < 700 {
			t.Errorf("%s: band box %v is too narrow", tc.f, res.Box)
		}
	}
}
