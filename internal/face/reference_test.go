package face

import (
	"encoding/json"
	"errors"
	"image"
	_ "image/jpeg" // the reference photos
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// reference is testdata/reference.json, written by scripts/face-reference/reference.mjs from
// face-api 1.7.15 itself (tfjs wasm backend) on its six demo photos, with each detector.
type reference struct {
	Faceapi string `json:"faceapi"`
	Backend string `json:"backend"`
	Photos  []struct {
		File          string `json:"file"`
		Width, Height int
		// Results are face-api's faces per detector name (Detector.String()).
		Results map[string][]referenceFace `json:"results"`
	} `json:"photos"`
}

type referenceFace struct {
	Score      float64        `json:"score"`
	Box        Box            `json:"box"`
	AlignedBox Box            `json:"alignedBox"`
	Landmarks  [68][2]float64 `json:"landmarks"`
	Descriptor Descriptor     `json:"descriptor"`
}

func readReference(t testing.TB) reference {
	t.Helper()
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	return ref
}

var loaded = sync.OnceValues(LoadEmbedded)

// testModels returns the embedded models, skipping the test when `pnpm -r build` has not run.
func testModels(t testing.TB) *Models {
	t.Helper()
	m, err := loaded()
	if errors.Is(err, ErrNotBuilt) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readPhoto(t testing.TB, file string) image.Image {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestReference is the port's proof: on every reference photo and with each detector, the same
// faces as face-api (IoU ≥ 0.9) with descriptors within Euclidean distance 0.02 of face-api's.
func TestReference(t *testing.T) {
	m := testModels(t)
	ref := readReference(t)
	photos := ref.Photos
	if testing.Short() {
		photos = photos[:2]
	}
	for _, p := range photos {
		img := readPhoto(t, p.File)
		for _, d := range []Detector{SSDMobileNetV1, TinyFaceDetector} {
			t.Run(filepath.Base(p.File)+"/"+d.String(), func(t *testing.T) {
				want, ok := p.Results[d.String()]
				if !ok {
					t.Fatalf("no %v results in reference.json", d)
				}
				faces, err := m.DetectWith(img, d)
				if err != nil {
					t.Fatal(err)
				}
				compareFaces(t, faces, want)
			})
		}
	}
}

func compareFaces(t *testing.T, faces []Face, ref []referenceFace) {
	t.Helper()
	if len(faces) != len(ref) {
		t.Errorf("found %d faces, face-api %d", len(faces), len(ref))
	}
	minIoU, maxDist, maxLandmark, maxScore := 1.0, 0.0, 0.0, 0.0
	for i, want := range ref {
		best, iou := -1, 0.0
		for j, f := range faces {
			if v := f.Box.IoU(want.Box); v > iou {
				best, iou = j, v
			}
		}
		if best < 0 || iou < 0.9 {
			t.Errorf("face %d %+v: best IoU %.3f, want ≥ 0.9", i, want.Box, iou)
			continue
		}
		got := faces[best]
		d := Distance(got.Descriptor, want.Descriptor)
		if d > 0.02 {
			t.Errorf("face %d: descriptor distance %.4f from face-api's, want ≤ 0.02 (score %.3f vs %.3f, aligned %v vs %+v)",
				i, d, got.Score, want.Score, got.Aligned, want.AlignedBox)
		}
		for k, l := range want.Landmarks {
			maxLandmark = max(maxLandmark, math.Hypot(got.Landmarks[k].X-l[0], got.Landmarks[k].Y-l[1]))
		}
		minIoU, maxDist, maxScore = min(minIoU, iou), max(maxDist, d), max(maxScore, math.Abs(got.Score-want.Score))
	}
	t.Logf("%d faces: min IoU %.6f, max descriptor distance %.1e, max landmark error %.1e px, max score difference %.1e",
		len(ref), minIoU, maxDist, maxLandmark, maxScore)
}
