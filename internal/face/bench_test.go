package face

import (
	"image"
	"testing"
)

// benchPhoto is the benchmark's photo: face-api's sample1.jpg (1920×1280, three faces).
const benchPhoto = "photos/sample1.jpg"

// BenchmarkDetect is detection + landmarks + descriptors of every face in one photo; run with
// GOMAXPROCS=1 (go test -bench Detect -cpu 1) for the CPU cost per photo on one core.
func BenchmarkDetect(b *testing.B) {
	m := testModels(b)
	img := readPhoto(b, benchPhoto)
	b.ResetTimer()
	for b.Loop() {
		if _, err := m.Detect(img); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStages splits BenchmarkDetect: the detector alone, then one face's landmarks and
// descriptor — a selfie's cost is roughly the first plus one of the second.
func BenchmarkStages(b *testing.B) {
	m := testModels(b)
	src := toRGBA(readPhoto(b, benchPhoto))
	faces, err := m.Detect(src)
	if err != nil || len(faces) == 0 {
		b.Fatal("no face", err)
	}
	f := faces[0]
	b.Run("detector", func(b *testing.B) {
		for b.Loop() {
			m.detectSSD(src)
		}
	})
	b.Run("landmarks", func(b *testing.B) {
		crop := clipAtBorders(f.Box, src.Rect.Dx(), src.Rect.Dy())
		var g Face
		for b.Loop() {
			m.placeLandmarks(src, crop, f.Box, &g)
		}
	})
	b.Run("descriptor", func(b *testing.B) {
		for b.Loop() {
			m.recognition.forward(netInput(src, f.Aligned, recognitionInputSize, true, normalizeMean))
		}
	})
	b.Run("toRGBA", func(b *testing.B) {
		img := readPhoto(b, benchPhoto)
		for b.Loop() {
			toRGBA(img.(*image.YCbCr))
		}
	})
}
