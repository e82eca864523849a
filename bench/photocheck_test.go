package main

import (
	"bytes"
	"image"
	"image/jpeg"
	"sync"
	"testing"

	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The CPU cost of the automatic photo checks (issue 13's budget: ≤ 100 ms for a 12-megapixel
// photo on one core) against the JPEG decode every upload already does, in the same process:
//
//	go test ./bench -run '^$' -bench PhotoCheck -cpu 1 -benchtime 20x
//
// Results are in bench/RESULTS.md ("Photo checks").

var photo12MP = sync.OnceValue(func() []byte {
	return testphoto.JPEG(testphoto.Scene(4000, 3000, 7)) // 12 MP, as a phone's main camera
})

func decode12MP(b *testing.B) image.Image {
	img, err := jpeg.Decode(bytes.NewReader(photo12MP()))
	if err != nil {
		b.Fatal(err)
	}
	return img
}

// BenchmarkPhotoCheckDecodeBaseline decodes the 12-MP JPEG: the baseline.
func BenchmarkPhotoCheckDecodeBaseline(b *testing.B) {
	decode12MP(b)
	b.ResetTimer()
	for b.Loop() {
		decode12MP(b)
	}
}

// BenchmarkPhotoCheck12MP runs every check of one photo on the decoded 12-MP image: the grey
// copy (one pass over the luma), sharpness, exposure, glare and the perceptual hash.
func BenchmarkPhotoCheck12MP(b *testing.B) {
	img := decode12MP(b)
	b.ResetTimer()
	for b.Loop() {
		a := photocheck.Analyze(photocheck.Shrink(img), photocheck.Document)
		if len(a.Checks) != 4 {
			b.Fatal(a.Checks)
		}
	}
}
