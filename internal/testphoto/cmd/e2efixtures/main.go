// Command e2efixtures writes the photos the browser tests upload (e2e/fixtures/*.jpg): a sharp,
// well-lit document and selfie of a phone camera's size, and the unusable ones the photo checks
// must catch (a near-black picture, a blurred document). Run from the module root:
//
//	go run ./internal/testphoto/cmd/e2efixtures [-out e2e/fixtures]
//
// The output is deterministic (fixed seeds), so re-running it changes no committed file.
package main

import (
	"flag"
	"image"
	"image/color"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

func main() {
	out := flag.String("out", filepath.Join("e2e", "fixtures"), "folder to write the JPEGs into")
	flag.Parse()
	doc := testphoto.Photo(1600, 1200, 1)
	files := map[string]image.Image{
		// A card on a desk, 1600×1200: sharp text, even light.
		"document.jpg": doc,
		// A re-take: another card on another desk (a different photo to a perceptual hash), for
		// the flows that answer a resubmission request.
		"document-retake.jpg": testphoto.Scene(1600, 1200, 7),
		// A head and shoulders against a light wall, portrait 1200×1600.
		"selfie.jpg": selfie(1200, 1600, 2),
		// The same document slightly out of focus (a 3×3 box blur run three times, about a
		// 1.4 px Gaussian): soft enough for the sharpness check to warn, not to fail, so the
		// applicant may continue after confirming (fixtures_test.go holds it to that).
		"blurred.jpg": blur(doc, 1),
		// A photo taken with a finger over the lens: near-black, almost uniform.
		"black.jpg": dark(1600, 1200, 3),
	}
	for name, img := range files {
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, testphoto.JPEG(img), 0o644); err != nil {
			log.Fatal(err)
		}
		log.Printf("wrote %s (%d×%d)", path, img.Bounds().Dx(), img.Bounds().Dy())
	}
}

// selfie draws a lit face: a skin-toned oval head with hair, eyes, brows, nose shadow and mouth,
// a neck and shoulders in a blue top, in front of a softly graded wall, with sensor noise.
func selfie(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	fw, fh := float64(w), float64(h)
	cx, cy := fw/2, fh*0.42                            // face centre
	rx, ry := fw*0.22, fh*0.21                         // face radii
	in := func(x, y, ex, ey, ax, ay float64) float64 { // ellipse distance (1 = on the edge)
		return math.Hypot((x-ex)/ax, (y-ey)/ay)
	}
	for y := range h {
		for x := range w {
			fx, fy := float64(x), float64(y)
			// Wall: warm grey, lighter at the top left (window light).
			l := 1 - 0.2*math.Hypot(fx/fw, fy/fh)
			r, g, b := 214*l, 206*l, 196*l
			// Shoulders and top.
			if fy > fh*0.72 && in(fx, fy, cx, fh*1.05, fw*0.48, fh*0.34) < 1 {
				knit := 14 * math.Sin(fx/3) * math.Sin(fy/3) // fabric texture
				r, g, b = 40+knit, 70+knit, 130+knit
			}
			// Neck.
			if fy > cy && fy < fh*0.76 && math.Abs(fx-cx) < rx*0.45 {
				r, g, b = 200, 150, 122
			}
			// Hair behind and above the face.
			if in(fx, fy, cx, cy-ry*0.12, rx*1.12, ry*1.08) < 1 && fy < cy+ry*0.2 {
				strand := 18 * math.Sin(fx/2.5+4*math.Sin(fy/60)) // hair strands
				r, g, b = 58+strand, 40+strand, 30+strand
			}
			if d := in(fx, fy, cx, cy, rx, ry); d < 1 && !(fy < cy-ry*0.55 && d > 0.55) {
				// Skin, shaded towards the edge and lit from the left.
				shade := 1 - 0.25*d*d - 0.08*(fx-cx)/rx
				r, g, b = 232*shade, 182*shade, 150*shade
				ex := rx * 0.38
				for _, side := range []float64{-1, 1} {
					ecx := cx + side*ex
					ecy := cy - ry*0.12
					if e := in(fx, fy, ecx, ecy, rx*0.2, ry*0.085); e < 1 { // eye white
						r, g, b = 240, 238, 235
						if in(fx, fy, ecx, ecy, rx*0.085, rx*0.085) < 1 { // iris
							r, g, b = 70, 95, 60
						}
						if in(fx, fy, ecx, ecy, rx*0.04, rx*0.04) < 1 { // pupil
							r, g, b = 15, 15, 15
						}
					}
					if in(fx, fy, ecx, ecy-ry*0.2, rx*0.24, ry*0.035) < 1 { // brow
						r, g, b = 70, 50, 40
					}
				}
				if math.Abs(fx-cx-rx*0.04) < rx*0.05 && fy > cy && fy < cy+ry*0.3 { // nose shadow
					r, g, b = r*0.85, g*0.85, b*0.85
				}
				if in(fx, fy, cx, cy+ry*0.48, rx*0.34, ry*0.06) < 1 { // mouth
					r, g, b = 170, 80, 80
				}
			}
			img.SetRGBA(x, y, noisy(rng, r, g, b))
		}
	}
	return img
}

// noisy adds mild sensor noise, as a phone camera leaves it.
func noisy(rng *rand.Rand, r, g, b float64) color.RGBA {
	n := rng.NormFloat64() * 3
	return color.RGBA{clamp(r + n), clamp(g + n), clamp(b + n), 255}
}

func clamp(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}

// blur returns img smeared by a box blur of the given radius, run three times (close to a
// Gaussian, like a lens out of focus).
func blur(src *image.RGBA, radius int) *image.RGBA {
	cur := src
	for range 3 {
		cur = boxPass(boxPass(cur, radius, true), radius, false)
	}
	return cur
}

func boxPass(src *image.RGBA, r int, horizontal bool) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(b)
	w, h := b.Dx(), b.Dy()
	outer, inner := h, w
	if !horizontal {
		outer, inner = w, h
	}
	at := func(o, i int) int { // byte offset of pixel (inner i, outer o)
		if horizontal {
			return o*src.Stride + i*4
		}
		return i*src.Stride + o*4
	}
	for o := range outer {
		for c := range 3 {
			sum := 0
			n := 0
			for i := -r; i <= r; i++ {
				if i >= 0 && i < inner {
					sum += int(src.Pix[at(o, i)+c])
					n++
				}
			}
			for i := range inner {
				dst.Pix[at(o, i)+c] = uint8(sum / n)
				if j := i - r; j >= 0 {
					sum -= int(src.Pix[at(o, j)+c])
					n--
				}
				if j := i + r + 1; j < inner {
					sum += int(src.Pix[at(o, j)+c])
					n++
				}
			}
		}
		for i := range inner {
			dst.Pix[at(o, i)+3] = 255
		}
	}
	return dst
}

// dark draws a near-black frame: a faint reddish glow (light through a fingertip) and noise.
func dark(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			glow := 6 * (1 - math.Hypot(float64(x-w/2)/float64(w), float64(y-h/2)/float64(h)))
			n := rng.NormFloat64() * 1.5
			img.SetRGBA(x, y, color.RGBA{clamp(4 + glow + n), clamp(2 + glow/2 + n), clamp(2 + n), 255})
		}
	}
	return img
}
