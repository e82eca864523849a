package face

import (
	"errors"
	"fmt"
	"image"
	"image/draw"
	"io/fs"
	"math"
)

// ErrNotBuilt is returned by [Load] when fsys holds no weights: the binary was built before
// `pnpm -r build` copied them into internal/face/models.
var ErrNotBuilt = errors.New("face models not built into this binary: run pnpm -r build")

// Detector settings: face-api's defaults.
const (
	// MinScore is the detection score a face must exceed (both detectors).
	MinScore = 0.5
	// MaxFaces is the most faces one photo yields (SSD's maxResults; face-api does not cap the
	// tiny detector, this package does, at the same number).
	MaxFaces = 100
	// nmsIoU is the overlap above which SSD drops the lower-scored of two detections.
	nmsIoU = 0.5
)

// Models holds the networks: two detectors, the landmark and the recognition net. It is read-only after [Load], so one value serves any
// number of goroutines.
type Models struct {
	ssd         *ssdMobilenetV1
	tiny        *tinyFaceDetector
	landmarks   *landmarkNet
	recognition *recognitionNet
}

// Load reads the weights of the two detectors, the landmark and the recognition net from fsys,
// which holds face-api's tfjs manifests and shards (ssd_mobilenetv1_model,
// tiny_face_detector_model, face_landmark_68_model, face_recognition_model) at its root.
func Load(fsys fs.FS) (*Models, error) {
	var m Models
	for _, step := range []struct {
		model string
		load  func(*weights) error
	}{
		{"ssd_mobilenetv1_model", func(w *weights) (err error) { m.ssd, err = loadSSD(w); return err }},
		{"tiny_face_detector_model", func(w *weights) (err error) { m.tiny, err = loadTiny(w); return err }},
		{"face_landmark_68_model", func(w *weights) (err error) { m.landmarks, err = loadLandmarks(w); return err }},
		{"face_recognition_model", func(w *weights) (err error) { m.recognition, err = loadRecognition(w); return err }},
	} {
		w, err := readWeights(fsys, step.model)
		if err != nil {
			return nil, fmt.Errorf("load face models: %w", err)
		}
		if err := step.load(w); err != nil {
			return nil, fmt.Errorf("load face models: %w", err)
		}
	}
	return &m, nil
}

// Point is a position in the photo, in pixels.
type Point struct {
	X, Y float64
}

// Box is an axis-aligned rectangle in the photo, in pixels.
type Box struct {
	X, Y, Width, Height float64
}

// IoU is the intersection over union of b and o: 1 for the same box, 0 for disjoint ones.
func (b Box) IoU(o Box) float64 {
	w := min(b.X+b.Width, o.X+o.Width) - max(b.X, o.X)
	h := min(b.Y+b.Height, o.Y+o.Height) - max(b.Y, o.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	inter := w * h
	return inter / (b.Width*b.Height + o.Width*o.Height - inter)
}

// Descriptor is a face's 128-dimension embedding: photos of one person lie close together.
type Descriptor [DescriptorSize]float32

// Face is one face found in a photo.
type Face struct {
	// Box is the detector's box and Score its confidence (MinScore..1). SSD's boxes are clipped
	// to the photo; the tiny detector's may reach past its edges.
	Box   Box
	Score float64
	// Landmarks are dlib's 68 points: jaw 0–16, brows 17–26, nose 27–35, eyes 36–47, mouth 48–67.
	Landmarks [68]Point
	// Aligned is the square crop the descriptor was computed from: centred on the eyes and mouth,
	// sized by their distance (face-api's dlib alignment). [Crop] shows it.
	Aligned image.Rectangle
	// Descriptor is the recognition net's embedding of the Aligned crop.
	Descriptor Descriptor
}

// Distance is the Euclidean distance between two descriptors: 0 for the same photo, below 0.6
// for the same person by dlib's threshold (99.38 % on LFW). Different people usually lie
// further, but not always: on face-api's six demo photos faces of different positions lie
// 0.44–0.90 apart, so match thresholds must be calibrated, not taken from dlib.
func Distance(a, b Descriptor) float64 {
	var s float64
	for i := range a {
		d := float64(a[i]) - float64(b[i])
		s += d * d
	}
	return math.Sqrt(s)
}

// Similarity maps [Distance] linearly onto 0..1, higher meaning more alike: 1 − d/1.2, clamped.
// It is 1 for identical descriptors, 0.5 at dlib's same-person threshold (d = 0.6) and 0 at
// d ≥ 1.2, where descriptors are as unlike as strangers' get. It is a presentation of the
// distance, monotone and explainable, not a probability.
func Similarity(a, b Descriptor) float64 {
	return min(max(1-Distance(a, b)/1.2, 0), 1)
}

// Detector chooses the network that finds faces; landmarks and descriptors are the same.
type Detector int

const (
	// SSDMobileNetV1 is face-api's default detector: a 512² SSD, the more accurate on small,
	// turned or partly hidden faces, and about six times the cost of the tiny one.
	SSDMobileNetV1 Detector = iota
	// TinyFaceDetector is a 416² Tiny YOLO v2 with separable convolutions: cheap, and its boxes
	// cover the landmarks well; it misses more small faces.
	TinyFaceDetector
)

// String returns the detector's face-api name.
func (d Detector) String() string {
	switch d {
	case SSDMobileNetV1:
		return "ssdMobilenetv1"
	case TinyFaceDetector:
		return "tinyFaceDetector"
	}
	return fmt.Sprintf("Detector(%d)", int(d))
}

// DefaultDetector is the detector [Models.Detect] uses; see bench/face.md for the choice.
const DefaultDetector = TinyFaceDetector

// Detect is DetectWith(img, DefaultDetector).
func (m *Models) Detect(img image.Image) ([]Face, error) {
	return m.DetectWith(img, DefaultDetector)
}

// DetectWith finds the faces in img with detector d (at most MaxFaces, score above MinScore,
// highest score first) and places the landmarks and computes the descriptor of each. Positions
// are in pixels from img.Bounds().Min.
func (m *Models) DetectWith(img image.Image, d Detector) ([]Face, error) {
	src := toRGBA(img)
	b := src.Rect
	if b.Dx() < 1 || b.Dy() < 1 {
		return nil, fmt.Errorf("detect faces: empty image %v", b)
	}
	var dets []detection
	switch d {
	case SSDMobileNetV1:
		dets = m.detectSSD(src)
	case TinyFaceDetector:
		dets = m.detectTiny(src)
	default:
		return nil, fmt.Errorf("detect faces: unknown %v", d)
	}
	var faces []Face
	for _, d := range dets {
		f := Face{Box: d.box, Score: d.score}
		crop := clipAtBorders(d.box, b.Dx(), b.Dy())
		if crop.Empty() {
			continue
		}
		m.placeLandmarks(src, crop, d.box, &f)
		f.Aligned = clipAtBorders(alignDlib(&f.Landmarks, crop.Dx(), crop.Dy()), b.Dx(), b.Dy())
		if f.Aligned.Empty() {
			continue
		}
		x := netInput(src, f.Aligned, recognitionInputSize, true, normalizeMean)
		f.Descriptor = m.recognition.forward(x)
		faces = append(faces, f)
	}
	return faces, nil
}

type detection struct {
	box   Box
	score float64
}

// detectSSD runs SSD MobileNet v1 on the photo padded (right or bottom) to a square and resized
// to 512², and maps the kept boxes back to the photo's pixels, as face-api's locateFaces does.
func (m *Models) detectSSD(src *image.RGBA) []detection {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	x := netInput(src, src.Rect, ssdInputSize, false, normalizeSSD)
	boxes, scores := m.ssd.forward(x)
	keep := nonMaxSuppression(boxes, scores, MaxFaces, nmsIoU, MinScore)
	// face-api scales by inputSize / the reshaped size, rounded, of the unpadded photo.
	scale := float64(ssdInputSize) / float64(max(w, h))
	padX := float64(ssdInputSize) / math.Round(float64(w)*scale)
	padY := float64(ssdInputSize) / math.Round(float64(h)*scale)
	out := make([]detection, 0, len(keep))
	for _, i := range keep {
		bx := boxes[i]
		top, bottom := max(0, float64(bx[0]))*padY, min(1, float64(bx[2]))*padY
		left, right := max(0, float64(bx[1]))*padX, min(1, float64(bx[3]))*padX
		out = append(out, detection{
			box:   Box{X: left * float64(w), Y: top * float64(h), Width: (right - left) * float64(w), Height: (bottom - top) * float64(h)},
			score: float64(scores[i]),
		})
	}
	return out
}

// placeLandmarks runs the landmark net on the detection's crop (centred-padded to a square,
// resized to 112²) and sets f.Landmarks in photo pixels. As in face-api, the crop is the box
// clipped and floored, but the landmarks are shifted by the unfloored box's corner.
func (m *Models) placeLandmarks(src *image.RGBA, crop image.Rectangle, box Box, f *Face) {
	out := m.landmarks.forward(netInput(src, crop, landmarkInputSize, true, normalizeMean))
	cw, ch := float64(crop.Dx()), float64(crop.Dy())
	scale := landmarkInputSize / max(cw, ch)
	sw, sh := float32(cw*scale), float32(ch*scale)
	var padX, padY float32
	if sw < sh {
		padX = float32(math.Abs(float64(sw-sh)) / 2)
	}
	if sh < sw {
		padY = float32(math.Abs(float64(sw-sh)) / 2)
	}
	for i := range f.Landmarks {
		rx := (out[2*i]*landmarkInputSize - padX) / sw
		ry := (out[2*i+1]*landmarkInputSize - padY) / sh
		f.Landmarks[i] = Point{X: float64(rx)*cw + box.X, Y: float64(ry)*ch + box.Y}
	}
}

// alignDlib is face-api's FaceLandmarks.alignDlib: a square whose side is the mean eye-to-mouth
// distance ÷ 0.45, placed so the centre of the eyes and mouth sits at (0.5, 0.43) of it. cropW
// and cropH are the detection crop's size, which face-api (oddly) uses to cap the side.
func alignDlib(l *[68]Point, cropW, cropH int) Box {
	center := func(from, to int) Point {
		var p Point
		for _, q := range l[from:to] {
			p.X += q.X
			p.Y += q.Y
		}
		n := float64(to - from)
		return Point{p.X / n, p.Y / n}
	}
	leftEye, rightEye, mouth := center(36, 42), center(42, 48), center(48, 68)
	dist := func(p Point) float64 { return math.Hypot(mouth.X-p.X, mouth.Y-p.Y) }
	size := math.Floor((dist(leftEye) + dist(rightEye)) / 2 / 0.45)
	refX := (leftEye.X + rightEye.X + mouth.X) / 3
	refY := (leftEye.Y + rightEye.Y + mouth.Y) / 3
	x := math.Floor(max(0, refX-0.5*size))
	y := math.Floor(max(0, refY-0.43*size))
	w := min(size, float64(cropW)+x)
	h := min(size, float64(cropH)+y)
	return Box{X: x, Y: y, Width: w, Height: h}
}

// clipAtBorders is face-api's Box.clipAtImageBorders: the box cut to the photo, then floored.
func clipAtBorders(b Box, w, h int) image.Rectangle {
	x, y := max(b.X, 0), max(b.Y, 0)
	cw := min(b.X+b.Width-x, float64(w)-x)
	ch := min(b.Y+b.Height-y, float64(h)-y)
	fx, fy := math.Floor(x), math.Floor(y)
	return image.Rect(int(fx), int(fy), int(fx+math.Floor(cw)), int(fy+math.Floor(ch)))
}

// toRGBA returns img as an *image.RGBA whose bounds start at (0, 0).
func toRGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	r := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(r, r.Rect, img, b.Min, draw.Src)
	return r
}

type normalization int

const (
	normalizeSSD  normalization = iota // x/127.5 − 1
	normalizeMean                      // (x − meanRGB)/255
	normalizeTiny                      // (x − tinyMeanRGB)/255
)

// netInput is face-api's NetInput.toBatchTensor for one crop of the photo: the crop padded
// with zeros to a square (centred, or at the right/bottom), resized to size² by tfjs's bilinear
// resize (alignCorners and halfPixelCenters false), then normalised.
func netInput(src *image.RGBA, crop image.Rectangle, size int, centred bool, norm normalization) *tensor {
	cw, ch := crop.Dx(), crop.Dy()
	side := max(cw, ch)
	diff := side - min(cw, ch)
	var before int // padding before the crop on the shorter axis
	if centred {
		before = diff - int(math.Floor(float64(diff)*0.5+0.5))
	}
	padL, padT := 0, 0
	if cw < ch {
		padL = before
	} else {
		padT = before
	}
	// pixel returns channel c at (sx, sy) of the padded square, 0 in the padding.
	pixel := func(sy, sx, c int) float32 {
		x, y := sx-padL, sy-padT
		if x < 0 || y < 0 || x >= cw || y >= ch {
			return 0
		}
		return float32(src.Pix[(crop.Min.Y+y)*src.Stride+(crop.Min.X+x)*4+c])
	}
	out := newTensor(size, size, 3)
	ratio := float32(side) / float32(size)
	for r := range size {
		fr := ratio * float32(r)
		r0 := int(math.Floor(float64(fr)))
		r1 := min(side-1, int(math.Ceil(float64(fr))))
		dr := fr - float32(r0)
		for c := range size {
			fc := ratio * float32(c)
			c0 := int(math.Floor(float64(fc)))
			c1 := min(side-1, int(math.Ceil(float64(fc))))
			dc := fc - float32(c0)
			o := out.data[(r*size+c)*3:][:3]
			for k := range 3 {
				tl, tr := pixel(r0, c0, k), pixel(r0, c1, k)
				bl, br := pixel(r1, c0, k), pixel(r1, c1, k)
				top := tl + (tr-tl)*dc
				bottom := bl + (br-bl)*dc
				v := top + (bottom-top)*dr
				switch norm {
				case normalizeSSD:
					o[k] = v/127.5 - 1
				case normalizeMean:
					o[k] = (v - meanRGB[k]) / 255
				case normalizeTiny:
					o[k] = (v - tinyMeanRGB[k]) / 255
				}
			}
		}
	}
	return out
}
