package testphoto

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
)

// Photo draws a w×h scene: a bright, slightly vignetted desk with wood-like grain, a light
// ID card with a portrait block, text lines and a red corner mark at the scene's top-left
// (so tests can tell how the image is turned), and mild noise. seed varies the noise.
func Photo(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := float64(w)/2, float64(h)/2
	maxd := math.Hypot(cx, cy)
	// The card covers the middle 70 % × 60 %.
	x0, x1 := w*15/100, w*85/100
	y0, y1 := h*20/100, h*80/100
	lineH := max(4, (y1-y0)/24)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			light := 1 - 0.25*math.Hypot(float64(x)-cx, float64(y)-cy)/maxd
			grain := 12 * math.Sin(float64(x)/7+3*math.Sin(float64(y)/41))
			r, g, b := 190+grain, 150+grain, 110+grain // wood
			if x >= x0 && x < x1 && y >= y0 && y < y1 {
				r, g, b = 236, 238, 242 // card
				px, py := x-x0, y-y0
				cw, ch := x1-x0, y1-y0
				switch {
				case px > cw/20 && px < cw*3/10 && py > ch/6 && py < ch*5/6: // portrait
					d := math.Hypot(float64(px-cw*17/100), float64(py-ch/2)*0.8)
					tone := 200 - 90*math.Max(0, 1-d/float64(cw/9))
					r, g, b = tone, tone*0.85, tone*0.75
				case px > cw*35/100 && px < cw*95/100 && py > ch/6 && (py/lineH)%2 == 0 &&
					(px/(lineH+1))%7 != 3 && py < ch*5/6: // text lines
					r, g, b = 40, 44, 60
				case py < ch/10: // header band
					r, g, b = 30, 90, 160
				}
			}
			if x < w/20 && y < h/20 {
				r, g, b = 220, 20, 20 // corner mark
			}
			n := rng.NormFloat64() * 3
			img.SetRGBA(x, y, color.RGBA{clamp(r*light + n), clamp(g*light + n), clamp(b*light + n), 255})
		}
	}
	return img
}

func clamp(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

// JPEG encodes img at quality 90, as a phone would.
func JPEG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// PNG encodes img as PNG.
func PNG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// BlackPNG is a valid, fully decodable w×h black PNG: a few kilobytes that decode to w×h bytes.
func BlackPNG(w, h int) []byte {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// GPS positions written by WithEXIF, as EXIF rationals: 48°51'29.64"N 2°17'40.20"E.
var (
	Latitude  = [3][2]uint32{{48, 1}, {51, 1}, {2964, 100}}
	Longitude = [3][2]uint32{{2, 1}, {17, 1}, {4020, 100}}
)

// GPSBytes is the latitude as it is laid out in the EXIF written by WithEXIF (little-endian
// rationals): if these bytes are in a file, its GPS position is too.
func GPSBytes() []byte {
	return rationals(Latitude)
}

func rationals(v [3][2]uint32) []byte {
	b := make([]byte, 0, 24)
	for _, r := range v {
		b = binary.LittleEndian.AppendUint32(b, r[0])
		b = binary.LittleEndian.AppendUint32(b, r[1])
	}
	return b
}

// WithEXIF returns the JPEG with an APP1 Exif segment after SOI holding IFD0 (Make,
// Orientation, a GPS IFD pointer) and a GPS IFD with the position above, as a phone writes it.
func WithEXIF(jpg []byte, orientation uint16) []byte {
	le := binary.LittleEndian
	// TIFF header, IFD0 at 8.
	t := []byte("II*\x00")
	t = le.AppendUint32(t, 8)
	type entry struct {
		tag, typ    uint16
		count, val  uint32
		inlineShort bool
	}
	const (
		ifd0Entries = 3
		ifd0Size    = 2 + 12*ifd0Entries + 4
		makeOff     = 8 + ifd0Size
		makeText    = "KYC Phone\x00" // 10 bytes
		gpsOff      = makeOff + len(makeText)
		gpsEntries  = 4
		gpsSize     = 2 + 12*gpsEntries + 4
		latOff      = gpsOff + gpsSize
		lonOff      = latOff + 24
	)
	writeIFD := func(es []entry) {
		t = le.AppendUint16(t, uint16(len(es)))
		for _, e := range es {
			t = le.AppendUint16(t, e.tag)
			t = le.AppendUint16(t, e.typ)
			t = le.AppendUint32(t, e.count)
			if e.inlineShort {
				t = le.AppendUint16(t, uint16(e.val))
				t = le.AppendUint16(t, 0)
			} else {
				t = le.AppendUint32(t, e.val)
			}
		}
		t = le.AppendUint32(t, 0) // no next IFD
	}
	writeIFD([]entry{
		{tag: 0x010F, typ: 2, count: uint32(len(makeText)), val: makeOff}, // Make
		{tag: 0x0112, typ: 3, count: 1, val: uint32(orientation), inlineShort: true},
		{tag: 0x8825, typ: 4, count: 1, val: uint32(gpsOff)}, // GPS IFD
	})
	t = append(t, makeText...)
	writeIFD([]entry{
		{tag: 0x0001, typ: 2, count: 2, val: uint32('N')}, // GPSLatitudeRef "N\0" inline
		{tag: 0x0002, typ: 5, count: 3, val: uint32(latOff)},
		{tag: 0x0003, typ: 2, count: 2, val: uint32('E')},
		{tag: 0x0004, typ: 5, count: 3, val: uint32(lonOff)},
	})
	t = append(t, rationals(Latitude)...)
	t = append(t, rationals(Longitude)...)

	seg := append([]byte("Exif\x00\x00"), t...)
	out := make([]byte, 0, len(jpg)+len(seg)+4)
	out = append(out, jpg[:2]...) // SOI
	out = append(out, 0xFF, 0xE1)
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, jpg[2:]...)
}

// Scene draws a w×h photo of an ID card on a desk like Photo, but with a layout chosen by
// variant: where the card lies and how large it is, which side holds the portrait, the
// header's colour, the text's line height and the desk's tone. Different variants are
// different photos (a perceptual hash tells them apart), not the same one with other noise,
// so that tests can re-take a photo without it being the same as the one before.
func Scene(w, h int, variant uint64) *image.RGBA {
	lay := rand.New(rand.NewPCG(variant, 0x5eed^variant*0x9e3779b97f4a7c15))
	rng := rand.New(rand.NewPCG(variant^0xabcdef, variant))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cx, cy := float64(w)/2, float64(h)/2
	maxd := math.Hypot(cx, cy)
	cwF := 0.5 + 0.3*lay.Float64() // card width, share of w
	chF := 0.45 + 0.3*lay.Float64()
	x0 := int(float64(w) * (1 - cwF) * lay.Float64())
	y0 := int(float64(h) * (1 - chF) * lay.Float64())
	x1, y1 := x0+int(float64(w)*cwF), y0+int(float64(h)*chF)
	portraitRight := lay.IntN(2) == 1
	header := [3]float64{20 + 200*lay.Float64(), 40 + 120*lay.Float64(), 60 + 160*lay.Float64()}
	desk := [3]float64{120 + 90*lay.Float64(), 90 + 80*lay.Float64(), 60 + 70*lay.Float64()}
	grainF := 5 + 10*lay.Float64()
	lineH := max(4, (y1-y0)/(16+lay.IntN(16)))
	cw, ch := x1-x0, y1-y0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			light := 1 - 0.25*math.Hypot(float64(x)-cx, float64(y)-cy)/maxd
			grain := 12 * math.Sin(float64(x)/grainF+3*math.Sin(float64(y)/41))
			r, g, b := desk[0]+grain, desk[1]+grain, desk[2]+grain
			if x >= x0 && x < x1 && y >= y0 && y < y1 {
				r, g, b = 236, 238, 242
				px, py := x-x0, y-y0
				if portraitRight {
					px = cw - 1 - px
				}
				switch {
				case px > cw/20 && px < cw*3/10 && py > ch/6 && py < ch*5/6:
					d := math.Hypot(float64(px-cw*17/100), float64(py-ch/2)*0.8)
					tone := 200 - 90*math.Max(0, 1-d/float64(cw/9))
					r, g, b = tone, tone*0.85, tone*0.75
				case px > cw*35/100 && px < cw*95/100 && py > ch/6 && (py/lineH)%2 == 0 &&
					(px/(lineH+1))%7 != 3 && py < ch*5/6:
					r, g, b = 40, 44, 60
				case py < ch/10:
					r, g, b = header[0], header[1], header[2]
				}
			}
			n := rng.NormFloat64() * 3
			img.SetRGBA(x, y, color.RGBA{clamp(r*light + n), clamp(g*light + n), clamp(b*light + n), 255})
		}
	}
	return img
}

// Blurred is img through a Gaussian blur of standard deviation sigma pixels (separable), with
// sensor noise added afterwards.
func Blurred(img *image.RGBA, sigma float64, seed uint64) *image.RGBA {
	r := int(math.Ceil(3 * sigma))
	k := make([]float64, 2*r+1)
	var s float64
	for i := range k {
		x := float64(i - r)
		k[i] = math.Exp(-x * x / (2 * sigma * sigma))
		s += k[i]
	}
	for i := range k {
		k[i] /= s
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	tmp := make([]float64, len(img.Pix))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for c := 0; c < 3; c++ {
				var v float64
				for i, kv := range k {
					xx := min(max(x+i-r, 0), w-1)
					v += kv * float64(img.Pix[y*img.Stride+4*xx+c])
				}
				tmp[y*img.Stride+4*x+c] = v
			}
		}
	}
	out := image.NewRGBA(img.Rect)
	rng := rand.New(rand.NewPCG(seed, 9))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			n := rng.NormFloat64() * 3
			for c := 0; c < 3; c++ {
				var v float64
				for i, kv := range k {
					yy := min(max(y+i-r, 0), h-1)
					v += kv * tmp[yy*img.Stride+4*x+c]
				}
				out.Pix[y*img.Stride+4*x+c] = clamp(v + n)
			}
			out.Pix[y*img.Stride+4*x+3] = 255
		}
	}
	return out
}

// WithGlare adds a burnt-out spot (a lamp's reflection) of radius frac × width, centred on
// the image, fading out over a further half radius.
func WithGlare(img *image.RGBA, frac float64) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	copy(out.Pix, img.Pix)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	rad := frac * float64(w)
	cx, cy := float64(w)*0.55, float64(h)*0.5
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := math.Hypot(float64(x)-cx, float64(y)-cy)
			a := 1.0
			if d > rad {
				a = math.Max(0, 1-(d-rad)/(rad/2))
			}
			if a == 0 {
				continue
			}
			for c := 0; c < 3; c++ {
				i := y*out.Stride + 4*x + c
				out.Pix[i] = clamp(float64(out.Pix[i])*(1-a) + 255*a)
			}
		}
	}
	return out
}

// Darkened is img with its light scaled by gain (0.1: a photo in a dim room) and sensor noise.
func Darkened(img *image.RGBA, gain float64, seed uint64) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	rng := rand.New(rand.NewPCG(seed, 7))
	for i := 0; i < len(img.Pix); i += 4 {
		n := rng.NormFloat64() * 2
		for k := 0; k < 3; k++ {
			out.Pix[i+k] = clamp(float64(img.Pix[i+k])*gain + n)
		}
		out.Pix[i+3] = 255
	}
	return out
}
