package mrztest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"math/rand/v2"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
)

// Photo is a generated photo of a document and what it shows.
type Photo struct {
	// Image is the decoded JPEG, as a server would receive it.
	Image image.Image
	// JPEG is the encoded photo.
	JPEG []byte
	// Identity is what the document says; Lines is its MRZ.
	Identity Identity
	Lines    []string
	// Angle is the card's rotation in degrees, Sigma the Gaussian blur in
	// pixels, Quality the JPEG quality.
	Angle, Sigma float64
	Quality      int
}

// PhotoWidth is the width of generated photos, in pixels.
const PhotoWidth = 1600

// card geometry in millimetres, after ICAO Doc 9303 Parts 4 and 5: the
// character pitch is 2.54 mm (10 per inch).
type cardLayout struct {
	w, h      float64 // card size
	mrzX      float64 // left edge of the MRZ
	baselines []float64
	portrait  [4]float64 // x0, y0, x1, y1
	textX     float64
	textY     float64
}

var layouts = map[mrz.Format]cardLayout{
	mrz.TD3: {w: 125, h: 88, mrzX: 6.6, baselines: []float64{77.4, 83.6}, portrait: [4]float64{5, 17, 38, 62}, textX: 44, textY: 18},
	mrz.TD1: {w: 85.6, h: 54, mrzX: 4.7, baselines: []float64{39.6, 44.4, 49.2}, portrait: [4]float64{3.5, 5, 25, 32}, textX: 29, textY: 7},
}

const mrzPitch = 2.54 // mm

// NewPhoto renders a random identity of format f (TD1 or TD3) on a card
// with a portrait block, printed text and its MRZ in OCR-B, photographs it
// on a table: the card 70–88 % of the 1,600-pixel width, rotated by up to
// ±5°, its corners moved by up to 3 % (perspective), lit unevenly, with
// sensor noise, blurred with σ 0.3–1.5 px and saved as JPEG of quality
// 60–90.
func NewPhoto(r *rand.Rand, ocrb *Font, f mrz.Format) (Photo, error) {
	id := RandomIdentity(r, f)
	lines := Lines(id)
	lay, ok := layouts[f]
	if !ok {
		return Photo{}, fmt.Errorf("mrztest: no card layout for %s", f)
	}
	photoH := PhotoWidth * 3 / 4
	fill := 0.70 + 0.18*r.Float64()
	pxPerMM := PhotoWidth * fill / lay.w
	card, err := renderCard(r, ocrb, lay, id, lines, pxPerMM)
	if err != nil {
		return Photo{}, err
	}

	// Where the card's corners land in the photo.
	angle := (r.Float64()*2 - 1) * 5
	cw, ch := float64(card.Bounds().Dx()), float64(card.Bounds().Dy())
	cx := PhotoWidth/2 + (r.Float64()*2-1)*PhotoWidth*(1-fill)*0.3
	cy := float64(photoH)/2 + (r.Float64()*2-1)*float64(photoH)*0.06
	sin, cos := math.Sincos(angle * math.Pi / 180)
	var src, dst [4][2]float64
	for i, c := range [4][2]float64{{0, 0}, {cw, 0}, {cw, ch}, {0, ch}} {
		src[i] = c
		x, y := c[0]-cw/2, c[1]-ch/2
		jx, jy := (r.Float64()*2-1)*0.03*cw, (r.Float64()*2-1)*0.03*cw
		dst[i] = [2]float64{cx + x*cos - y*sin + jx, cy + x*sin + y*cos + jy}
	}
	hinv, err := homography(dst, src) // photo → card
	if err != nil {
		return Photo{}, err
	}
	photo := warp(r, card, hinv, PhotoWidth, photoH)
	sigma := 0.3 + 1.2*r.Float64()
	blur(photo, sigma)
	quality := 60 + r.IntN(31)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo, &jpeg.Options{Quality: quality}); err != nil {
		return Photo{}, err
	}
	img, err := jpeg.Decode(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return Photo{}, err
	}
	return Photo{Image: img, JPEG: buf.Bytes(), Identity: id, Lines: lines, Angle: angle, Sigma: sigma, Quality: quality}, nil
}

func renderCard(r *rand.Rand, ocrb *Font, lay cardLayout, id Identity, lines []string, s float64) (*image.RGBA, error) {
	w, h := int(lay.w*s+0.5), int(lay.h*s+0.5)
	card := image.NewRGBA(image.Rect(0, 0, w, h))
	// Paper: a light tint with a guilloche of faint waves.
	base := [3]float64{225 + 25*r.Float64(), 225 + 25*r.Float64(), 215 + 30*r.Float64()}
	ink := [3]float64{base[0] - 35 - 20*r.Float64(), base[1] - 25 - 20*r.Float64(), base[2] - 15 - 20*r.Float64()}
	freq := (0.8 + 0.6*r.Float64()) / s // waves per mm
	phase := r.Float64() * 10
	rowSin, colSin := make([]float64, h), make([]float64, w)
	for y := range rowSin {
		rowSin[y] = math.Sin(float64(y)*freq + phase)
	}
	for x := range colSin {
		colSin[x] = math.Sin(float64(x) * freq * 0.7)
	}
	for y := range h {
		for x := range w {
			v := fastSin(float64(x)*freq*2+6*rowSin[y]) * fastSin(float64(y)*freq*1.3+4*colSin[x])
			t := 0.0
			if v > 0.9 {
				t = (v - 0.9) * 6 // thin bright-ink lines, at most 0.6 of the tint
			}
			i := card.PixOffset(x, y)
			for c := range 3 {
				card.Pix[i+c] = uint8(base[c] + (ink[c]-base[c])*t)
			}
			card.Pix[i+3] = 255
		}
	}
	// Portrait: a grey block with a head and shoulders.
	p := lay.portrait
	px0, py0, px1, py1 := int(p[0]*s), int(p[1]*s), int(p[2]*s), int(p[3]*s)
	bg := uint8(150 + r.IntN(80))
	skin := uint8(90 + r.IntN(100))
	hair := uint8(20 + r.IntN(80))
	pcx, pcy := float64(px0+px1)/2, float64(py0)+float64(py1-py0)*0.42
	rx, ry := float64(px1-px0)*0.23, float64(py1-py0)*0.22
	for y := py0; y < py1; y++ {
		for x := px0; x < px1; x++ {
			v := bg
			dx, dy := (float64(x)-pcx)/rx, (float64(y)-pcy)/ry
			switch {
			case dx*dx+dy*dy < 1 && dy < -0.55:
				v = hair
			case dx*dx+dy*dy < 1:
				v = skin
			case float64(y) > pcy+ry*1.1 && math.Abs(float64(x)-pcx) < rx*2.2*(float64(y)-pcy)/(float64(py1)-pcy):
				v = hair / 2
			}
			card.SetRGBA(x, y, color.RGBA{v, v, v, 255})
		}
	}
	// Printed text: labels and values in Go's sans-serif fonts.
	labelFace, err := goFace(goregular.TTF, 1.6*s)
	if err != nil {
		return nil, err
	}
	valueFace, err := goFace(gobold.TTF, 2.6*s)
	if err != nil {
		return nil, err
	}
	dark := image.NewUniform(color.RGBA{uint8(20 + r.IntN(40)), uint8(20 + r.IntN(40)), uint8(30 + r.IntN(40)), 255})
	label := image.NewUniform(color.RGBA{uint8(ink[0] - 40), uint8(ink[1] - 40), uint8(ink[2] - 30), 255})
	y := lay.textY
	step := (lay.baselines[0] - 4 - lay.textY) / 6
	put := func(face font.Face, src image.Image, x, y float64, text string) {
		d := font.Drawer{Dst: card, Src: src, Face: face, Dot: fixed.P(int(x*s), int(y*s))}
		d.DrawString(text)
	}
	title := "PASSPORT / PASS / PASSEPORT"
	if id.Format == mrz.TD1 {
		title = "IDENTITY CARD / CARTE D'IDENTITE"
	}
	put(labelFace, label, lay.textX, y-3.5, title)
	for _, f := range [][2]string{
		{"Surname / Nom", id.Surname},
		{"Given names / Prenoms", id.GivenNames},
		{"Nationality", id.Nationality + "   Sex " + string(id.Sex)},
		{"Date of birth", prettyDate(id.DateOfBirth)},
		{"Document no.", id.DocumentNumber},
		{"Date of expiry", prettyDate(id.ExpiryDate)},
	} {
		put(labelFace, label, lay.textX, y, f[0])
		put(valueFace, dark, lay.textX, y+step*0.62, f[1])
		y += step
	}
	// The MRZ, in OCR-B at 2.54 mm pitch.
	em := mrzPitch / ocrb.Advance('A') * s
	mrzInk := color.RGBA{uint8(10 + r.IntN(40)), uint8(10 + r.IntN(40)), uint8(10 + r.IntN(40)), 255}
	for i, l := range lines {
		ocrb.Draw(card, lay.mrzX*s, lay.baselines[i]*s, em, mrzPitch*s, l, mrzInk)
	}
	return card, nil
}

// noiseTable holds standard normal samples: drawing from it is much cheaper
// than NormFloat64 per pixel.
var noiseTable = func() (t [1 << 16]float64) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range t {
		t[i] = r.NormFloat64()
	}
	return t
}()

var sinTable = func() (t [4096]float64) {
	for i := range t {
		t[i] = math.Sin(float64(i) * 2 * math.Pi / 4096)
	}
	return t
}()

// fastSin is sin by table, good to about 1e-3: enough for a paper pattern.
func fastSin(x float64) float64 {
	i := int(x*4096/(2*math.Pi)) & 4095
	return sinTable[i]
}

func prettyDate(yymmdd string) string {
	return yymmdd[4:6] + "." + yymmdd[2:4] + "." + yymmdd[0:2]
}

func goFace(ttf []byte, px float64) (font.Face, error) {
	f, err := opentype.Parse(ttf)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
}

// homography returns the 3×3 projective map taking from[i] to to[i].
func homography(from, to [4][2]float64) ([9]float64, error) {
	var a [8][9]float64
	for i := range 4 {
		x, y, u, v := from[i][0], from[i][1], to[i][0], to[i][1]
		a[2*i] = [9]float64{x, y, 1, 0, 0, 0, -u * x, -u * y, u}
		a[2*i+1] = [9]float64{0, 0, 0, x, y, 1, -v * x, -v * y, v}
	}
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if math.Abs(a[p][c]) < 1e-12 {
			return [9]float64{}, fmt.Errorf("mrztest: degenerate homography")
		}
		a[c], a[p] = a[p], a[c]
		for r := range 8 {
			if r == c {
				continue
			}
			k := a[r][c] / a[c][c]
			for j := c; j < 9; j++ {
				a[r][j] -= k * a[c][j]
			}
		}
	}
	var h [9]float64
	for i := range 8 {
		h[i] = a[i][8] / a[i][i]
	}
	h[8] = 1
	return h, nil
}

// warp photographs card: each photo pixel samples the card through hinv
// (bilinear); outside the card is a table with a soft gradient. Light falls
// unevenly and the sensor adds noise.
func warp(r *rand.Rand, card *image.RGBA, hinv [9]float64, w, h int) *image.RGBA {
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	table := [3]float64{40 + 120*r.Float64(), 40 + 110*r.Float64(), 40 + 100*r.Float64()}
	gx, gy := (r.Float64()*2-1)*0.15/float64(w), (r.Float64()*2-1)*0.15/float64(h)
	noise := 1.5 + 2*r.Float64()
	cw, ch := card.Bounds().Dx(), card.Bounds().Dy()
	for y := range h {
		for x := range w {
			light := 0.95 + gx*float64(x-w/2) + gy*float64(y-h/2)
			fx, fy := float64(x)+0.5, float64(y)+0.5
			d := hinv[6]*fx + hinv[7]*fy + hinv[8]
			u := (hinv[0]*fx+hinv[1]*fy+hinv[2])/d - 0.5
			v := (hinv[3]*fx+hinv[4]*fy+hinv[5])/d - 0.5
			var px [3]float64
			if u >= 0 && v >= 0 && u < float64(cw-1) && v < float64(ch-1) {
				x0, y0 := int(u), int(v)
				ax, ay := u-float64(x0), v-float64(y0)
				i := card.PixOffset(x0, y0)
				for c := range 3 {
					p00, p10 := float64(card.Pix[i+c]), float64(card.Pix[i+4+c])
					p01, p11 := float64(card.Pix[i+card.Stride+c]), float64(card.Pix[i+card.Stride+4+c])
					px[c] = (p00*(1-ax)+p10*ax)*(1-ay) + (p01*(1-ax)+p11*ax)*ay
				}
			} else {
				px = table
			}
			o := out.PixOffset(x, y)
			n := noiseTable[r.Uint32()&(1<<16-1)] * noise
			for c := range 3 {
				out.Pix[o+c] = clamp8(px[c]*light + n)
			}
			out.Pix[o+3] = 255
		}
	}
	return out
}

func clamp8(v float64) uint8 {
	switch {
	case v < 0:
		return 0
	case v > 255:
		return 255
	}
	return uint8(v + 0.5)
}

// blur applies a separable Gaussian blur of the given sigma to img, in place,
// channel by channel (rows, then columns, accumulated row-wise so the inner
// loops run over contiguous memory).
func blur(img *image.RGBA, sigma float64) {
	rad := int(math.Ceil(3 * sigma))
	k := make([]float32, 2*rad+1)
	var sum float32
	for i := range k {
		d := float64(i - rad)
		k[i] = float32(math.Exp(-d * d / (2 * sigma * sigma)))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	src := make([]float32, w+2*rad)
	tmp := make([]float32, w*h)
	acc := make([]float32, w)
	for c := range 3 {
		for y := range h {
			row := img.Pix[y*img.Stride:]
			for x := range w + 2*rad {
				xx := min(max(x-rad, 0), w-1)
				src[x] = float32(row[xx*4+c])
			}
			out := tmp[y*w : (y+1)*w]
			for x := range out {
				var s float32
				win := src[x : x+len(k)]
				for j, kv := range k {
					s += kv * win[j]
				}
				out[x] = s
			}
		}
		for y := range h {
			clear(acc)
			for j, kv := range k {
				yy := min(max(y+j-rad, 0), h-1)
				in := tmp[yy*w : (yy+1)*w]
				for x, v := range in {
					acc[x] += kv * v
				}
			}
			row := img.Pix[y*img.Stride:]
			for x, v := range acc {
				row[x*4+c] = uint8(min(max(v+0.5, 0), 255))
			}
		}
	}
}

// Rotate returns img turned by degrees about its centre (positive turns
// the content clockwise on screen), same size, bilinear, the corners that
// come in from outside filled with mid grey.
func Rotate(img image.Image, degrees float64) *image.RGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	src := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(src, src.Bounds(), img, b.Min, draw.Src)
	out := image.NewRGBA(src.Bounds())
	sin, cos := math.Sincos(-degrees * math.Pi / 180)
	cx, cy := float64(w)/2, float64(h)/2
	for y := range h {
		for x := range w {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			u, v := cx+dx*cos-dy*sin-0.5, cy+dx*sin+dy*cos-0.5
			o := out.PixOffset(x, y)
			if u < 0 || v < 0 || u >= float64(w-1) || v >= float64(h-1) {
				out.Pix[o], out.Pix[o+1], out.Pix[o+2], out.Pix[o+3] = 128, 128, 128, 255
				continue
			}
			x0, y0 := int(u), int(v)
			ax, ay := u-float64(x0), v-float64(y0)
			i := src.PixOffset(x0, y0)
			for c := range 3 {
				p00, p10 := float64(src.Pix[i+c]), float64(src.Pix[i+4+c])
				p01, p11 := float64(src.Pix[i+src.Stride+c]), float64(src.Pix[i+src.Stride+4+c])
				out.Pix[o+c] = clamp8((p00*(1-ax)+p10*ax)*(1-ay) + (p01*(1-ax)+p11*ax)*ay)
			}
			out.Pix[o+3] = 255
		}
	}
	return out
}
