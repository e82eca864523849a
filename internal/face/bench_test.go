package face

import (
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkDetect is detection + landmarks + descriptors of every face in each reference photo
// (face-api's demo photos, 1920 px wide, 1–5 faces), per detector. Run it on one core, as
// scripts/face-reference/bench.mjs does beside face-api in Node:
//
//	GOMAXPROCS=1 go test -run '^$' -bench Detect -cpu 1 ./internal/face/
func BenchmarkDetect(b *testing.B) {
	m := testModels(b)
	ref := readReference(b)
	for _, d := range []Detector{SSDMobileNetV1, TinyFaceDetector} {
		for _, p := range ref.Photos {
			img := toRGBA(readPhoto(b, p.File))
			name := d.String() + "/" + strings.TrimSuffix(filepath.Base(p.File), ".jpg")
			b.Run(name, func(b *testing.B) {
				var n int
				for b.Loop() {
					faces, err := m.DetectWith(img, d)
					if err != nil {
						b.Fatal(err)
					}
					n = len(faces)
				}
				b.ReportMetric(float64(n), "faces")
			})
		}
	}
}

// BenchmarkStages splits the work on sample1.jpg: each detector alone, then one face's
// landmarks and descriptor — a selfie costs about a detector plus one face.
func BenchmarkStages(b *testing.B) {
	m := testModels(b)
	img := readPhoto(b, "photos/sample1.jpg")
	src := toRGBA(img)
	faces, err := m.Detect(src)
	if err != nil || len(faces) == 0 {
		b.Fatal("no face", err)
	}
	f := faces[0]
	b.Run("toRGBA", func(b *testing.B) {
		for b.Loop() {
			toRGBA(img)
		}
	})
	b.Run("ssdMobilenetv1", func(b *testing.B) {
		for b.Loop() {
			m.detectSSD(src)
		}
	})
	b.Run("tinyFaceDetector", func(b *testing.B) {
		for b.Loop() {
			m.detectTiny(src)
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
}
