package mrz

import (
	_ "embed" // templates.bin
	"encoding/binary"
	"image"
	"math"
	"sync"
)

// templates.bin holds the 37 glyphs rendered from OCR-B by cmd/gentemplates.
//
//go:embed templates.bin
var templatesBin []byte

// alphabet is the MRZ's 37 characters, in the order of the template file.
const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"

// Tuned on the photos of seed 1 (TestTune), scored on seed 2 (TestAccuracy).
const (
	// templateBlur is the Gaussian sigma, in template pixels, the sharp
	// templates are blurred with to look like photographed print.
	templateBlur = 0.8
	// shiftRange is how far, in template pixels, a glyph may sit from where
	// the line fit puts it.
	shiftRange = 3
	// minMargin is the least margin between the best and the next allowed
	// glyph below which a character no check digit covers is uncertain.
	minMargin = 0.04
	// rivalGap is how close (in correlation) a rival glyph must come to be
	// tried when a check digit fails.
	rivalGap = 0.15
)

type templateSet struct {
	w, h     int
	refY     float64 // template row of the glyph-centre reference
	glyphs   [len(alphabet)][]float32
	pitchEms float64
}

var loadTemplates = sync.OnceValue(func() *templateSet {
	b := templatesBin
	if len(b) < 10 || string(b[:4]) != "MRZT" {
		panic("mrz: templates.bin is not a template file")
	}
	t := &templateSet{w: int(b[4]), h: int(b[5])}
	baseline := float64(binary.BigEndian.Uint16(b[6:8])) / 10
	t.pitchEms = float64(binary.BigEndian.Uint16(b[8:10])) / 1000
	em := float64(t.w) / t.pitchEms
	// The reference is the middle of the glyphs' ink, 0.37 em above the
	// baseline (caps reach 0.71 em, digits 0.77, '<' spans 0.06–0.70).
	t.refY = baseline - 0.37*em
	n := t.w * t.h
	off := 10
	for k := range alphabet {
		if b[off] != alphabet[k] {
			panic("mrz: templates.bin glyphs out of order")
		}
		raw := make([]float64, n)
		for i := range n {
			raw[i] = float64(b[off+1+i])
		}
		off += 1 + n
		t.glyphs[k] = normalise(blurred(raw, t.w, t.h, templateBlur))
	}
	return t
})

// blurred returns v (w×h) convolved with a Gaussian of the given sigma.
func blurred(v []float64, w, h int, sigma float64) []float64 {
	if sigma <= 0 {
		return v
	}
	rad := int(math.Ceil(3 * sigma))
	k := make([]float64, 2*rad+1)
	var s float64
	for i := range k {
		d := float64(i - rad)
		k[i] = math.Exp(-d * d / (2 * sigma * sigma))
		s += k[i]
	}
	tmp := make([]float64, len(v))
	out := make([]float64, len(v))
	for y := range h {
		for x := range w {
			var a float64
			for j, kv := range k {
				xx := x + j - rad
				if xx >= 0 && xx < w {
					a += kv * v[y*w+xx]
				}
			}
			tmp[y*w+x] = a / s
		}
	}
	for y := range h {
		for x := range w {
			var a float64
			for j, kv := range k {
				yy := y + j - rad
				if yy >= 0 && yy < h {
					a += kv * tmp[yy*w+x]
				}
			}
			out[y*w+x] = a / s
		}
	}
	return out
}

// normalise returns v less its mean, scaled to unit length.
func normalise(v []float64) []float32 {
	var mean float64
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	norm := math.Sqrt(ss)
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32((x - mean) / norm)
	}
	return out
}

// cell is one character position of the band and its glyph scores.
type cell struct {
	scores [len(alphabet)]float64
}

// readBand samples every character cell of the band and classifies it.
func readBand(g gray, b band) Result {
	t := loadTemplates()
	nLines, nChars := b.format.Shape()
	a := b.lines[0].angle
	var pitch float64
	for _, l := range b.lines {
		pitch += l.pitch
	}
	pitch /= float64(len(b.lines))
	sin, cos := math.Sincos(a)
	t0 := math.Inf(1)
	for _, l := range b.lines {
		f := l.members[0]
		t0 = math.Min(t0, f.cx*cos+f.cy*sin)
	}
	res := Result{Format: b.format, Angle: a * 180 / math.Pi}
	cells := make([][]cell, nLines)
	var corners [4][2]float64
	for li, l := range b.lines {
		fx, fy := fitLine(l, t0, pitch, sin, cos, nChars)
		cells[li] = make([]cell, nChars)
		for i := range nChars {
			x, y := fx.at(float64(i)), fy.at(float64(i))
			dx, dy := fx.slope(float64(i)), fy.slope(float64(i))
			cells[li][i] = classify(g, t, x, y, dx, dy)
		}
		// The band's box: half a pitch beyond the end characters, the
		// glyph height above the top line and below the bottom one.
		ext := func(i float64, up float64) [2]float64 {
			x, y := fx.at(i), fy.at(i)
			dx, dy := fx.slope(i), fy.slope(i)
			n := math.Hypot(dx, dy)
			return [2]float64{x - dy/n*up*pitch, y + dx/n*up*pitch}
		}
		if li == 0 {
			corners[0], corners[1] = ext(-0.5, -0.7), ext(float64(nChars)-0.5, -0.7)
		}
		if li == len(b.lines)-1 {
			corners[2], corners[3] = ext(float64(nChars)-0.5, 0.7), ext(-0.5, 0.7)
		}
	}
	for i, c := range corners {
		res.Box[i] = image.Pt(int(math.Round(c[0])), int(math.Round(c[1])))
	}
	res.Lines, res.Score, res.Confidence = decide(b.format, cells)
	return res
}

func dot(a, b []float32) float32 {
	var s0, s1, s2, s3 float32
	b = b[:len(a)]
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// poly is a quadratic in the character index.
type poly [3]float64

func (p poly) at(i float64) float64    { return p[0] + p[1]*i + p[2]*i*i }
func (p poly) slope(i float64) float64 { return p[1] + 2*p[2]*i }

// fitLine gives each component of l its character index along the band and
// fits the x and y of character centres as quadratics of the index (which
// follows the perspective's gradual change of pitch and angle), refitting
// once without the components that sit far from the first fit.
func fitLine(l textLine, t0, pitch, sin, cos float64, n int) (fx, fy poly) {
	// Indices by walking the chain: each step counts as many characters
	// as the local pitch (the mean of the last single steps) says, since
	// perspective changes the pitch along the line.
	t := make([]float64, len(l.members))
	for k, c := range l.members {
		t[k] = c.cx*cos + c.cy*sin
	}
	idx := make([]float64, len(l.members))
	local := pitch
	var recent []float64
	for k := 1; k < len(t); k++ {
		steps := math.Max(1, math.Round((t[k]-t[k-1])/local))
		idx[k] = idx[k-1] + steps
		if steps == 1 {
			recent = append(recent, t[k]-t[k-1])
			if len(recent) > 4 {
				recent = recent[1:]
			}
			local = 0
			for _, r := range recent {
				local += r
			}
			local /= float64(len(recent))
		}
	}
	first := pitch
	if len(t) > 4 {
		first = (t[4] - t[0]) / idx[4]
	}
	offset := math.Max(0, math.Round((t[0]-t0)/first))
	if last := idx[len(idx)-1] + offset; last > float64(n-1) {
		offset = math.Max(0, offset-(last-float64(n-1)))
	}
	for k := range idx {
		idx[k] = math.Min(float64(n-1), idx[k]+offset)
	}
	use := make([]bool, len(l.members))
	for k := range use {
		use[k] = true
	}
	for range 2 {
		var xs, ys, is []float64
		for k, c := range l.members {
			if use[k] {
				xs, ys, is = append(xs, c.cx), append(ys, c.cy), append(is, idx[k])
			}
		}
		fx, fy = fitPoly(is, xs), fitPoly(is, ys)
		for k, c := range l.members {
			use[k] = math.Hypot(fx.at(idx[k])-c.cx, fy.at(idx[k])-c.cy) < 0.3*pitch
		}
	}
	return fx, fy
}

// fitPoly fits v = p0 + p1 i + p2 i² by least squares (a line when the
// indices are too few to bend it).
func fitPoly(is, v []float64) poly {
	var m [3][4]float64
	for k, i := range is {
		pw := [3]float64{1, i, i * i}
		for r := range 3 {
			for c := range 3 {
				m[r][c] += pw[r] * pw[c]
			}
			m[r][3] += pw[r] * v[k]
		}
	}
	deg := 3
	if len(is) < 8 {
		deg = 2
	}
	for c := range deg {
		p := c
		for r := c + 1; r < deg; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-9 {
			return poly{}
		}
		m[c], m[p] = m[p], m[c]
		for r := range deg {
			if r != c {
				f := m[r][c] / m[c][c]
				for j := c; j < 4; j++ {
					m[r][j] -= f * m[c][j]
				}
			}
		}
	}
	var out poly
	for r := range deg {
		out[r] = m[r][3] / m[r][r]
	}
	return out
}

// classify samples the cell centred at (x, y), its pitch vector (dx, dy),
// at template resolution (2×2 supersampled) with a margin for shifts, and
// scores every glyph by its best normalised cross-correlation over the
// shifts.
func classify(g gray, t *templateSet, x, y, dx, dy float64) cell {
	m := shiftRange
	pw, ph := t.w+2*m, t.h+2*m
	scale := math.Hypot(dx, dy) / float64(t.w) // image pixels per template pixel
	ux, uy := dx/math.Hypot(dx, dy), dy/math.Hypot(dx, dy)
	vx, vy := -uy, ux
	patch := make([]float64, pw*ph)
	for py := range ph {
		for px := range pw {
			var s float64
			for _, o := range [4][2]float64{{0.25, 0.25}, {0.75, 0.25}, {0.25, 0.75}, {0.75, 0.75}} {
				tx := (float64(px-m) + o[0] - float64(t.w)/2) * scale
				ty := (float64(py-m) + o[1] - t.refY) * scale
				s += g.at(x+tx*ux+ty*vx, y+tx*uy+ty*vy)
			}
			patch[py*pw+px] = 255 - s/4 // ink
		}
	}
	var c cell
	for k := range c.scores {
		c.scores[k] = -1
	}
	// Coarse: every glyph at shifts of two pixels; fine: the glyphs near
	// the best at the one-pixel shifts around their own best.
	win := make([]float32, t.w*t.h)
	window := func(sx, sy int) float64 {
		var sum, ss float64
		for r := range t.h {
			row := patch[(sy+r)*pw+sx : (sy+r)*pw+sx+t.w]
			for q, v := range row {
				sum += v
				ss += v * v
				win[r*t.w+q] = float32(v)
			}
		}
		return math.Sqrt(math.Max(ss-sum*sum/float64(t.w*t.h), 0))
	}
	var at [len(alphabet)][2]int
	for sy := m - 2; sy <= m+2; sy += 2 {
		for sx := m - 2; sx <= m+2; sx += 2 {
			norm := window(sx, sy)
			if norm < 1e-6 {
				continue
			}
			for k, tm := range t.glyphs {
				if s := float64(dot(win, tm)) / norm; s > c.scores[k] {
					c.scores[k], at[k] = s, [2]int{sx, sy}
				}
			}
		}
	}
	top := -1.0
	for _, s := range c.scores {
		top = math.Max(top, s)
	}
	var near []int
	for k, s := range c.scores {
		if s >= top-0.25 {
			near = append(near, k)
		}
	}
	for _, k := range near {
		bx, by := at[k][0], at[k][1]
		for sy := by - 1; sy <= by+1; sy++ {
			for sx := bx - 1; sx <= bx+1; sx++ {
				if sx == bx && sy == by || sx < 0 || sy < 0 || sx > 2*m || sy > 2*m {
					continue
				}
				norm := window(sx, sy)
				if norm < 1e-6 {
					continue
				}
				if s := float64(dot(win, t.glyphs[k])) / norm; s > c.scores[k] {
					c.scores[k] = s
				}
			}
		}
	}
	return c
}
