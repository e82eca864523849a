package photocheck

import (
	"image"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The synthetic photos the checks are tuned and tested on: testphoto scenes (a sharp, lit ID
// card on a desk) and what goes wrong with a phone photo, each made from a scene.

const synthW, synthH = 1600, 1200

var sceneCache sync.Map // variant → *image.RGBA

func scene(variant uint64) *image.RGBA {
	if v, ok := sceneCache.Load(variant); ok {
		return v.(*image.RGBA)
	}
	img := testphoto.Scene(synthW, synthH, variant)
	sceneCache.Store(variant, img)
	return img
}

// mapPixels returns a copy of img with f applied to every colour value, then sensor noise of
// standard deviation noise (a camera adds it after the optics blur and the exposure).
func mapPixels(img *image.RGBA, noise float64, seed uint64, f func(v float64) float64) *image.RGBA {
	out := image.NewRGBA(img.Rect)
	rng := rand.New(rand.NewPCG(seed, 7))
	for i := 0; i < len(img.Pix); i += 4 {
		n := rng.NormFloat64() * noise
		for k := 0; k < 3; k++ {
			out.Pix[i+k] = clamp8(f(float64(img.Pix[i+k])) + n)
		}
		out.Pix[i+3] = 255
	}
	return out
}

func clamp8(v float64) uint8 { return uint8(math.Max(0, math.Min(255, math.Round(v)))) }

// blurred is img through a Gaussian blur of standard deviation sigma pixels.
func blurred(img *image.RGBA, sigma float64, seed uint64) *image.RGBA {
	return testphoto.Blurred(img, sigma, seed)
}

// darkened scales the light by gain (0.1: a photo in a dim room).
func darkened(img *image.RGBA, gain float64, seed uint64) *image.RGBA {
	return mapPixels(img, 2, seed, func(v float64) float64 { return v * gain })
}

// washedOut lifts the blacks towards white: v → lift + v·(1 − lift/255).
func washedOut(img *image.RGBA, lift float64, seed uint64) *image.RGBA {
	return mapPixels(img, 2, seed, func(v float64) float64 { return lift + v*(1-lift/255) })
}

// withGlare adds a burnt-out spot (testphoto.WithGlare).
func withGlare(img *image.RGBA, frac float64) *image.RGBA { return testphoto.WithGlare(img, frac) }

// flat is a uniform image of grey level v with sensor noise.
func flat(v float64, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, synthW, synthH))
	return mapPixels(img, 2, seed, func(float64) float64 { return v })
}

// shrunk is img scaled down by a whole factor (as the KYC app or a messenger would).
func shrunk(img *image.RGBA, f int) *image.RGBA {
	w, h := img.Rect.Dx()/f, img.Rect.Dy()/f
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			for c := 0; c < 4; c++ {
				var s int
				for dy := 0; dy < f; dy++ {
					for dx := 0; dx < f; dx++ {
						s += int(img.Pix[(y*f+dy)*img.Stride+4*(x*f+dx)+c])
					}
				}
				out.Pix[y*out.Stride+4*x+c] = uint8(s / (f * f))
			}
		}
	}
	return out
}
