package face

import (
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"math"
	"testing"
	"testing/fstest"
)

func TestLoad_notBuilt(t *testing.T) {
	_, err := Load(fstest.MapFS{".gitkeep": {}})
	if !errors.Is(err, ErrNotBuilt) {
		t.Fatalf("Load(empty) = %v, want ErrNotBuilt", err)
	}
	if got := err.Error(); got != "load face models: face models not built into this binary: run pnpm -r build" {
		t.Errorf("message %q", got)
	}
}

func TestReadWeights(t *testing.T) {
	f32 := make([]byte, 8)
	binary.LittleEndian.PutUint32(f32, math.Float32bits(1.5))
	binary.LittleEndian.PutUint32(f32[4:], math.Float32bits(-2))
	fsys := fstest.MapFS{
		"m-weights_manifest.json": {Data: []byte(`[{"paths":["a.bin","b.bin"],"weights":[
			{"name":"q","shape":[3],"dtype":"float32","quantization":{"dtype":"uint8","scale":0.5,"min":-1}},
			{"name":"f","shape":[2,1],"dtype":"float32"}]}]`)},
		"a.bin": {Data: []byte{0, 2, 255, f32[0]}}, // shards are concatenated: f starts in a.bin
		"b.bin": {Data: f32[1:]},
	}
	w, err := readWeights(fsys, "m")
	if err != nil {
		t.Fatal(err)
	}
	if got := w.get("q", 3); got[0] != -1 || got[1] != 0 || got[2] != 126.5 {
		t.Errorf("q = %v, want q·0.5 − 1 = [-1 0 126.5]", got)
	}
	if got := w.get("f", 2, 1); got[0] != 1.5 || got[1] != -2 {
		t.Errorf("f = %v, want [1.5 -2]", got)
	}
	w.get("f", 2)
	if w.err == nil {
		t.Error("a wrong shape is not an error")
	}
}

func TestDetect_noFace(t *testing.T) {
	m := testModels(t)
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	draw.Draw(img, img.Rect, image.NewUniform(color.RGBA{128, 128, 128, 255}), image.Point{}, draw.Src)
	for _, d := range []Detector{SSDMobileNetV1, TinyFaceDetector} {
		faces, err := m.DetectWith(img, d)
		if err != nil || len(faces) != 0 {
			t.Errorf("%v on a grey image: %d faces, %v", d, len(faces), err)
		}
	}
	if _, err := m.Detect(image.NewRGBA(image.Rectangle{})); err == nil {
		t.Error("an empty image is not an error")
	}
}

// A sub-image (bounds not at the origin) gives the faces of the same pixels, in its own frame.
func TestDetect_subImage(t *testing.T) {
	m := testModels(t)
	img := toRGBA(readPhoto(t, "photos/sample2.jpg"))
	sub := img.SubImage(image.Rect(1200, 0, 1920, 700))
	faces, err := m.Detect(sub)
	if err != nil || len(faces) != 1 {
		t.Fatalf("%d faces, %v; want the right-hand face", len(faces), err)
	}
	crop := Crop(sub, faces[0], 96)
	if b := crop.Bounds(); b.Dx() != 96 || b.Dy() != 96 {
		t.Errorf("crop bounds %v", b)
	}
	if s := Similarity(faces[0].Descriptor, faces[0].Descriptor); s != 1 {
		t.Errorf("self-similarity %v", s)
	}
	if s := Similarity(faces[0].Descriptor, Descriptor{}); s < 0 || s > 1 {
		t.Errorf("similarity %v out of 0..1", s)
	}
}
