package photocheck

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"math/bits"
	"slices"

	"github.com/corona10/goimagehash"
	"github.com/google/uuid"
)

// Kind is what the photo shows, which sets the resolution minimum and whether glare counts.
type Kind int

// The kinds of photo.
const (
	Document Kind = iota + 1
	Selfie
)

// Grey is the small grey copy of a photo the checks run on, with the photo's own size.
type Grey struct {
	Width, Height int         // of the photo
	Img           *image.Gray // at most WorkSide on its longer side
}

// TooSmall reports whether a w×h photo is below MinSide, to be refused before it is stored.
func TooSmall(w, h int) bool { return min(w, h) < MinSide }

// Shrink makes the grey copy of img: luma, area-averaged by the smallest whole factor that
// brings the longer side to WorkSide or less. One pass over the pixels; for a JPEG (YCbCr)
// only the luma plane is read.
func Shrink(img image.Image) *Grey {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	f := max(1, (max(w, h)+WorkSide-1)/WorkSide)
	gw, gh := max(1, w/f), max(1, h/f)
	sums := make([]uint32, gw)
	out := image.NewGray(image.Rect(0, 0, gw, gh))
	row := make([]uint8, w)
	n := uint32(f * f)
	for gy := 0; gy < gh; gy++ {
		clear(sums)
		for dy := 0; dy < f; dy++ {
			src := lumaRow(img, b, gy*f+dy, row)[:gw*f]
			i := 0
			for gx := range sums {
				var s uint32
				for _, v := range src[i : i+f] {
					s += uint32(v)
				}
				sums[gx] += s
				i += f
			}
		}
		o := out.Pix[gy*out.Stride:]
		for gx, s := range sums {
			o[gx] = uint8((s + n/2) / n)
		}
	}
	return &Grey{Width: w, Height: h, Img: out}
}

// lumaRow returns the luma of row y (relative to b) of img: the image's own luma plane when it
// has one, else written into dst.
func lumaRow(img image.Image, b image.Rectangle, y int, dst []uint8) []uint8 {
	switch m := img.(type) {
	case *image.YCbCr:
		off := m.YOffset(b.Min.X, b.Min.Y+y)
		return m.Y[off : off+len(dst)]
	case *image.Gray:
		off := m.PixOffset(b.Min.X, b.Min.Y+y)
		return m.Pix[off : off+len(dst)]
	case *image.RGBA:
		p := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range dst {
			dst[x] = luma(p[4*x], p[4*x+1], p[4*x+2])
		}
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range dst {
			// Transparent pixels show on white, as the stored JPEG does.
			a := uint32(p[4*x+3])
			blend := func(c uint8) uint8 { return uint8((uint32(c)*a + 255*(255-a) + 127) / 255) }
			dst[x] = luma(blend(p[4*x]), blend(p[4*x+1]), blend(p[4*x+2]))
		}
	default:
		for x := range dst {
			dst[x] = color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)).(color.Gray).Y
		}
	}
	return dst
}

// luma is ITU-R BT.601 luma, as JPEG's Y.
func luma(r, g, b uint8) uint8 {
	return uint8((19595*uint32(r) + 38470*uint32(g) + 7471*uint32(b) + 1<<15) >> 16)
}

// Analysis is what the checks of one photo found.
type Analysis struct {
	// Checks are RESOLUTION, SHARPNESS, EXPOSURE and, for documents, GLARE.
	Checks []Check
	// Hash is the 64-bit perceptual hash (DCT pHash of the grey copy).
	Hash uint64
	// Sharpness is the sharpness score (see SharpnessWarn).
	Sharpness float64
}

// Analyze runs the checks that need only the photo itself.
func Analyze(g *Grey, kind Kind) Analysis {
	pct := percentiles(g.Img)
	sharp := sharpness(g.Img, pct[98]-pct[2])
	a := Analysis{Sharpness: sharp, Hash: Hash(g.Img)}
	a.Checks = append(a.Checks, resolution(g, kind), sharpnessCheck(sharp), exposure(pct))
	if kind == Document {
		a.Checks = append(a.Checks, glare(g.Img))
	}
	return a
}

func score(v float64) *float64 {
	v = math.Round(v*1000) / 1000
	return &v
}

func resolution(g *Grey, kind Kind) Check {
	fail, warn, what := DocumentFailSide, DocumentWarnSide, "the text on the document"
	if kind == Selfie {
		fail, warn, what = SelfieFailSide, SelfieWarnSide, "your face"
	}
	side := min(g.Width, g.Height)
	c := Check{Name: Resolution, Outcome: Pass, Score: score(float64(side))}
	switch {
	case side < fail:
		c.Outcome, c.Detail = Fail, fmt.Sprintf("The photo is too small (%d×%d pixels): %s cannot be read. Please retake it with your camera.", g.Width, g.Height, what)
	case side < warn:
		c.Outcome, c.Detail = Warn, fmt.Sprintf("The photo is small (%d×%d pixels): details may be hard to read.", g.Width, g.Height)
	}
	return c
}

// percentiles returns the brightness (0–1) at each percentile 0–100 of the grey copy.
func percentiles(img *image.Gray) [101]float64 {
	var hist [256]int
	for y := 0; y < img.Rect.Dy(); y++ {
		for _, v := range img.Pix[y*img.Stride : y*img.Stride+img.Rect.Dx()] {
			hist[v]++
		}
	}
	total := img.Rect.Dx() * img.Rect.Dy()
	var out [101]float64
	seen, v := 0, 0
	for p := 0; p <= 100; p++ {
		target := (total*p + 99) / 100
		for v < 255 && seen+hist[v] < max(1, target) {
			seen += hist[v]
			v++
		}
		out[p] = float64(v) / 255
	}
	return out
}

// sharpness is the variance of the 4-neighbour Laplacian of img, divided by the square of its
// contrast (brightness spread 0–1, taken as 255 levels), times 1,000.
func sharpness(img *image.Gray, contrast float64) float64 {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w < 3 || h < 3 {
		return 0
	}
	var sum, sq float64
	for y := 1; y < h-1; y++ {
		up, row, down := img.Pix[(y-1)*img.Stride:], img.Pix[y*img.Stride:], img.Pix[(y+1)*img.Stride:]
		for x := 1; x < w-1; x++ {
			l := float64(int(up[x]) + int(down[x]) + int(row[x-1]) + int(row[x+1]) - 4*int(row[x]))
			sum += l
			sq += l * l
		}
	}
	n := float64((w - 2) * (h - 2))
	variance := sq/n - (sum/n)*(sum/n)
	c := math.Max(contrast, FlatSpread) * 255
	return 1000 * variance / (c * c)
}

func sharpnessCheck(s float64) Check {
	c := Check{Name: Sharpness, Outcome: Pass, Score: score(s / SharpnessWarn)}
	switch {
	case s < SharpnessFail:
		c.Outcome, c.Detail = Fail, "The photo is blurred: the text must be readable. Hold the phone still and let it focus."
	case s < SharpnessWarn:
		c.Outcome, c.Detail = Warn, "Your photo looks blurry — the text must be readable."
	}
	return c
}

func exposure(p [101]float64) Check {
	var mean float64
	for _, v := range p {
		mean += v
	}
	mean /= float64(len(p))
	c := Check{Name: Exposure, Outcome: Pass, Score: score(mean)}
	switch {
	case p[98] < DarkFailP98:
		c.Outcome, c.Detail = Fail, "The photo is too dark. Please retake it in a brighter place."
	case p[2] > BrightFailP2:
		c.Outcome, c.Detail = Fail, "The photo is washed out: it is too bright to read. Please retake it out of direct light."
	case p[98]-p[2] < FlatSpread:
		c.Outcome, c.Detail = Fail, "The photo is almost one flat colour: nothing can be seen on it. Please retake it."
	case p[50] < DarkWarnMedian:
		c.Outcome, c.Detail = Warn, "The photo is dark: details may be hard to see."
	case p[2] > BrightWarnP2:
		c.Outcome, c.Detail = Warn, "The photo is very bright: details may be hard to see."
	}
	return c
}

// glareShare is the share of GlareBlock squares of img that are burnt out.
func glareShare(img *image.Gray) float64 {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	bw, bh := w/GlareBlock, h/GlareBlock
	if bw == 0 || bh == 0 {
		return 0
	}
	need := int(math.Ceil(GlareSquareShare * GlareBlock * GlareBlock))
	counts := make([]int, bw)
	burnt := 0
	for by := 0; by < bh; by++ {
		clear(counts)
		for y := by * GlareBlock; y < (by+1)*GlareBlock; y++ {
			row := img.Pix[y*img.Stride:]
			for bx := range counts {
				for _, v := range row[bx*GlareBlock : (bx+1)*GlareBlock] {
					if v >= GlareLevel {
						counts[bx]++
					}
				}
			}
		}
		for _, n := range counts {
			if n >= need {
				burnt++
			}
		}
	}
	return float64(burnt) / float64(bw*bh)
}

func glare(img *image.Gray) Check {
	s := glareShare(img)
	c := Check{Name: Glare, Outcome: Pass, Score: score(s)}
	switch {
	case s >= GlareFail:
		c.Outcome, c.Detail = Fail, "A large part of the document is hidden by glare. Tilt it away from the light and retake the photo."
	case s >= GlareWarn:
		c.Outcome, c.Detail = Warn, "There is glare on the document: make sure every detail is readable."
	}
	return c
}

// Hash is the 64-bit perceptual hash of a grey copy (goimagehash's DCT pHash).
func Hash(img *image.Gray) uint64 {
	h, err := goimagehash.PerceptionHash(img)
	if err != nil { // only for a nil image
		return 0
	}
	return h.GetHash()
}

// Distance is the number of bits in which two perceptual hashes differ (0–64).
func Distance(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// Bands splits a hash into four 16-bit bands, the indexed columns of the lookup: two hashes
// within SameMaxDistance (3) of each other have at least one band equal.
func Bands(h uint64) [4]int {
	return [4]int{int(h >> 48 & 0xffff), int(h >> 32 & 0xffff), int(h >> 16 & 0xffff), int(h & 0xffff)}
}

// Prior is an earlier photo to compare with: an earlier revision of the same document, or a
// current photo of another case.
type Prior struct {
	Hash      uint64
	SHA256    string   // of the stored bytes
	Sharpness *float64 // the SHARPNESS score stored with it (nil when unknown)
	// Flagged: a reviewer asked for this revision to be retaken (SAME_AS_PREVIOUS then FAILs).
	Flagged bool
	CaseID  uuid.UUID // for DUPLICATE_ELSEWHERE
}

// Same reports whether a photo (hash, sha256 of its stored bytes, sharpness score as stored
// in its SHARPNESS check) is the same picture as p, and how far apart their hashes are.
func Same(hash uint64, sha string, sharpScore float64, p Prior) (bool, int) {
	d := Distance(hash, p.Hash)
	if sha != "" && sha == p.SHA256 {
		return true, 0
	}
	if d > SameMaxDistance {
		return false, d
	}
	if p.Sharpness != nil && *p.Sharpness > 0 && sharpScore > 0 {
		r := sharpScore / *p.Sharpness
		if r > SameSharpnessRatio || r < 1/SameSharpnessRatio {
			return false, d
		}
	}
	return true, d
}

// SharpnessScore returns the score of the SHARPNESS check among checks (nil without one).
func SharpnessScore(checks []Check) *float64 {
	i := slices.IndexFunc(checks, func(c Check) bool { return c.Name == Sharpness })
	if i < 0 {
		return nil
	}
	return checks[i].Score
}

// CompareWithEarlier compares a photo with the earlier revisions of its document: PASS when it
// matches none, WARN when it is the same picture as one, FAIL when that one was flagged for
// a retake (the applicant sent back the photo the reviewer refused).
func CompareWithEarlier(a Analysis, sha string, earlier []Prior) Check {
	c := Check{Name: SameAsPrevious, Outcome: Pass}
	best := 64
	sharp := *score(a.Sharpness / SharpnessWarn)
	for _, p := range earlier {
		same, d := Same(a.Hash, sha, sharp, p)
		best = min(best, d)
		if !same {
			continue
		}
		if p.Flagged {
			c.Outcome, c.Detail = Fail, "This is the same photo as the one we asked you to retake. Please take a new photo."
			break
		}
		c.Outcome, c.Detail = Warn, "This is the same photo as one you sent before."
	}
	if len(earlier) > 0 {
		c.Score = score(float64(best))
	}
	return c
}
