package mrz

import (
	"errors"
	"image"
	"math"
	"slices"
	"sort"
	"time"
)

// ErrNotFound is returned by [Read] when the image shows no MRZ: no two or
// three parallel lines of 30, 36 or 44 evenly spaced characters.
var ErrNotFound = errors.New("mrz: no machine-readable zone found")

// CodeUncertain is the problem [Read] adds when a character of a field that
// no check digit covers (document code, countries, names, sex) was told from
// its nearest rival by too small a margin to trust.
const CodeUncertain Code = "uncertain"

// Result is what [Read] found on a photo.
type Result struct {
	// Format is the layout found.
	Format Format
	// Lines are the MRZ lines read, after the check digits and the field
	// character classes decided between look-alikes.
	Lines []string
	// Confidence holds, per line and character, how much better the chosen
	// glyph matched than the best other glyph the position allows (the
	// difference of normalised cross-correlations, 0 to 2; below about
	// 0.05 means a near tie).
	Confidence [][]float64
	// Score holds, per line and character, the normalised
	// cross-correlation of the chosen glyph with its template (-1 to 1).
	Score [][]float64
	// Box is the MRZ band's corners in image coordinates: top-left,
	// top-right, bottom-right, bottom-left, as the text reads.
	Box [4]image.Point
	// Angle is the band's angle in degrees, positive when the lines fall
	// to the right (image y grows downwards).
	Angle float64
	// Data and Problems are [ParseAt] of Lines, plus CodeUncertain
	// problems. Trust Data only when Problems is empty.
	Data     Data
	Problems []Problem
}

// Read finds and reads the MRZ on a document photo as of today (see
// [ReadAt]).
func Read(img image.Image) (Result, error) {
	return ReadAt(img, time.Now())
}

// ReadAt finds the MRZ band anywhere on img (passports carry it at the
// bottom of the data page, TD1 cards on the back), deskews it (±10°), splits
// it into lines and fixed-pitch characters and classifies each against the
// OCR-B templates; now resolves two-digit years as in [ParseAt]. It returns
// ErrNotFound when there is no MRZ; a Result whose Problems are not empty
// when there is one but it did not read cleanly.
func ReadAt(img image.Image, now time.Time) (Result, error) {
	g := grayOf(img)
	comps := components(g)
	lines := findLines(comps, g.h)
	band, ok := findBand(lines)
	if !ok {
		return Result{}, ErrNotFound
	}
	res := readBand(g, band)
	res.Data, res.Problems = ParseAt(res.Lines, now)
	res.Problems = append(res.Problems, uncertain(res)...)
	return res, nil
}

// gray is an 8-bit luminance image.
type gray struct {
	pix  []uint8
	w, h int
}

func grayOf(img image.Image) gray {
	b := img.Bounds()
	g := gray{pix: make([]uint8, b.Dx()*b.Dy()), w: b.Dx(), h: b.Dy()}
	switch m := img.(type) {
	case *image.YCbCr:
		for y := range g.h {
			copy(g.pix[y*g.w:(y+1)*g.w], m.Y[m.YOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.Gray:
		for y := range g.h {
			copy(g.pix[y*g.w:(y+1)*g.w], m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):])
		}
	case *image.RGBA:
		for y := range g.h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := range g.w {
				r, gg, bb := int(row[4*x]), int(row[4*x+1]), int(row[4*x+2])
				g.pix[y*g.w+x] = uint8((299*r + 587*gg + 114*bb + 500) / 1000)
			}
		}
	default:
		for y := range g.h {
			for x := range g.w {
				r, gg, bb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				g.pix[y*g.w+x] = uint8((299*r + 587*gg + 114*bb + 500) / 1000 >> 8)
			}
		}
	}
	return g
}

// at samples g bilinearly at (x, y), pixel centres at half-integers.
func (g gray) at(x, y float64) float64 {
	x -= 0.5
	y -= 0.5
	if x < 0 {
		x = 0
	}
	if y < 0 {
		y = 0
	}
	if x > float64(g.w-1)-1e-6 {
		x = float64(g.w-1) - 1e-6
	}
	if y > float64(g.h-1)-1e-6 {
		y = float64(g.h-1) - 1e-6
	}
	x0, y0 := int(x), int(y)
	ax, ay := x-float64(x0), y-float64(y0)
	i := y0*g.w + x0
	if x0+1 >= g.w || y0+1 >= g.h {
		return float64(g.pix[i])
	}
	p00, p10 := float64(g.pix[i]), float64(g.pix[i+1])
	p01, p11 := float64(g.pix[i+g.w]), float64(g.pix[i+g.w+1])
	return (p00*(1-ax)+p10*ax)*(1-ay) + (p01*(1-ax)+p11*ax)*ay
}

// comp is a connected component of dark pixels: a character candidate.
type comp struct {
	x0, y0, x1, y1 int // inclusive box
	n              int
	cx, cy         float64 // box centre
}

func (c comp) w() int { return c.x1 - c.x0 + 1 }
func (c comp) h() int { return c.y1 - c.y0 + 1 }

// components binarises g against its local mean (dark text on a lighter
// ground) and returns the connected components (8-connected, found run by
// run) whose size could be an MRZ character.
func components(g gray) []comp {
	w, h := g.w, g.h
	// Integral image for the local mean.
	ii := make([]uint32, (w+1)*(h+1))
	for y := range h {
		var row uint32
		for x := range w {
			row += uint32(g.pix[y*w+x])
			ii[(y+1)*(w+1)+x+1] = ii[y*(w+1)+x+1] + row
		}
	}
	rad := max(12, w/50)
	type run struct{ x0, x1, label int32 }
	parent := []int32{}
	find := func(a int32) int32 {
		for parent[a] != a {
			parent[a] = parent[parent[a]]
			a = parent[a]
		}
		return a
	}
	union := func(a, b int32) {
		a, b = find(a), find(b)
		if a != b {
			if a < b {
				parent[b] = a
			} else {
				parent[a] = b
			}
		}
	}
	var prev, cur []run
	runs := make([][]run, h) // per row
	for y := range h {
		cur = cur[:0:0]
		y0, y1 := max(0, y-rad), min(h, y+rad+1)
		inRun := false
		var start int
		for x := 0; x <= w; x++ {
			dark := false
			if x < w {
				x0, x1 := max(0, x-rad), min(w, x+rad+1)
				sum := ii[y1*(w+1)+x1] - ii[y0*(w+1)+x1] - ii[y1*(w+1)+x0] + ii[y0*(w+1)+x0]
				mean := float64(sum) / float64((x1-x0)*(y1-y0))
				dark = float64(g.pix[y*w+x]) < mean-math.Max(10, 0.12*mean)
			}
			if dark && !inRun {
				inRun, start = true, x
			} else if !dark && inRun {
				inRun = false
				l := int32(len(parent))
				parent = append(parent, l)
				cur = append(cur, run{int32(start), int32(x - 1), l})
			}
		}
		// Union with the previous row's overlapping runs (8-connected).
		j := 0
		for i := range cur {
			for j < len(prev) && prev[j].x1 < cur[i].x0-1 {
				j++
			}
			for k := j; k < len(prev) && prev[k].x0 <= cur[i].x1+1; k++ {
				union(cur[i].label, prev[k].label)
			}
		}
		runs[y] = cur
		prev = cur
	}
	stats := make(map[int32]*comp)
	for y, rs := range runs {
		for _, r := range rs {
			root := find(r.label)
			c := stats[root]
			if c == nil {
				c = &comp{x0: int(r.x0), y0: y, x1: int(r.x1), y1: y}
				stats[root] = c
			}
			c.x0 = min(c.x0, int(r.x0))
			c.x1 = max(c.x1, int(r.x1))
			c.y1 = max(c.y1, y)
			c.n += int(r.x1 - r.x0 + 1)
		}
	}
	maxH := max(20, h/10)
	out := make([]comp, 0, len(stats))
	for _, c := range stats {
		ch, cw := c.h(), c.w()
		if ch < 8 || ch > maxH || cw > 2*ch || c.n < 12 {
			continue
		}
		c.cx = float64(c.x0+c.x1+1) / 2
		c.cy = float64(c.y0+c.y1+1) / 2
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].cx < out[j].cx })
	return out
}

// textLine is a chain of components along a straight line: a candidate MRZ
// line.
type textLine struct {
	members []comp  // left to right
	angle   float64 // radians
	pitch   float64 // pixels between character centres
	height  float64 // median component height
	count   int     // characters spanned: (last-first)/pitch + 1
}

// findLines links each component to its nearest right neighbour of similar
// height within ±15° (mutually), joins the chains that continue each other,
// and keeps those that span at least 20 evenly spaced characters.
func findLines(cs []comp, h int) []textLine {
	n := len(cs)
	right := make([]int, n)
	left := make([]int, n)
	for i := range n {
		right[i], left[i] = -1, -1
	}
	bestD := make([]float64, n)
	for i := range n {
		bestD[i] = math.Inf(1)
	}
	for i := range n {
		hi := float64(cs[i].h())
		best, bd := -1, math.Inf(1)
		for j := i + 1; j < n; j++ {
			dx := cs[j].cx - cs[i].cx
			hm := math.Max(hi, float64(cs[j].h()))
			if dx > 2*hm {
				if dx > 2*float64(maxH(h)) {
					break
				}
				continue
			}
			dy := cs[j].cy - cs[i].cy
			if dx <= 0 || math.Abs(dy) > dx*0.27 {
				continue
			}
			ratio := float64(cs[j].h()) / hi
			if ratio < 0.6 || ratio > 1/0.6 {
				continue
			}
			d := math.Hypot(dx, dy)
			if d < 0.55*hm {
				continue
			}
			if d < bd {
				best, bd = j, d
			}
		}
		if best >= 0 && bd < bestD[best] {
			if left[best] >= 0 {
				right[left[best]] = -1
			}
			left[best], bestD[best] = i, bd
			right[i] = best
		}
	}
	var chains []textLine
	for i := range n {
		if left[i] >= 0 || right[i] < 0 {
			continue
		}
		var m []comp
		for k := i; k >= 0; k = right[k] {
			m = append(m, cs[k])
		}
		if len(m) >= 6 {
			chains = append(chains, lineOf(m))
		}
	}
	// Join chains that continue each other (a merged or broken glyph
	// breaks a chain).
	sort.Slice(chains, func(i, j int) bool { return chains[i].members[0].cx < chains[j].members[0].cx })
	for joined := true; joined; {
		joined = false
		for i := 0; i < len(chains) && !joined; i++ {
			for j := 0; j < len(chains) && !joined; j++ {
				if i != j && continues(chains[i], chains[j]) {
					chains[i] = lineOf(append(slices.Clone(chains[i].members), chains[j].members...))
					chains = slices.Delete(chains, j, j+1)
					joined = true
				}
			}
		}
	}
	var out []textLine
	for _, c := range chains {
		if c.count >= 20 && len(c.members) >= 15 {
			out = append(out, c)
		}
	}
	return out
}

func maxH(h int) int { return max(20, h/10) }

// continues reports whether b goes on where a ends: same angle and pitch,
// on a's line, starting within a few pitches after a's end.
func continues(a, b textLine) bool {
	if math.Abs(a.angle-b.angle) > 3*math.Pi/180 || math.Abs(a.pitch-b.pitch) > 0.15*a.pitch {
		return false
	}
	end, start := a.members[len(a.members)-1], b.members[0]
	dx, dy := start.cx-end.cx, start.cy-end.cy
	sin, cos := math.Sincos(a.angle)
	along := dx*cos + dy*sin
	across := -dx*sin + dy*cos
	return along > 0.5*a.pitch && along < 4.5*a.pitch && math.Abs(across) < 0.35*a.height
}

// lineOf fits a line through members: its angle (least squares), pitch
// (median spacing, then the mean of the spacings near it) and span.
func lineOf(m []comp) textLine {
	var sx, sy, sxx, sxy float64
	for _, c := range m {
		sx += c.cx
		sy += c.cy
		sxx += c.cx * c.cx
		sxy += c.cx * c.cy
	}
	k := float64(len(m))
	slope := 0.0
	if den := k*sxx - sx*sx; den > 0 {
		slope = (k*sxy - sx*sy) / den
	}
	angle := math.Atan(slope)
	sin, cos := math.Sincos(angle)
	t := make([]float64, len(m))
	for i, c := range m {
		t[i] = c.cx*cos + c.cy*sin
	}
	steps := make([]float64, 0, len(m))
	for i := 1; i < len(t); i++ {
		steps = append(steps, t[i]-t[i-1])
	}
	hs := make([]float64, len(m))
	for i, c := range m {
		hs[i] = float64(c.h())
	}
	l := textLine{members: m, angle: angle, height: median(hs)}
	if len(steps) == 0 {
		return l
	}
	med := median(steps)
	var sum float64
	var cnt int
	for _, s := range steps {
		if s > 0.75*med && s < 1.25*med {
			sum += s
			cnt++
		}
	}
	l.pitch = sum / float64(max(cnt, 1))
	l.count = int(math.Round((t[len(t)-1]-t[0])/l.pitch)) + 1
	return l
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

// band is the MRZ found: its format and lines, top to bottom.
type band struct {
	format Format
	lines  []textLine
}

// findBand picks, among parallel lines of equal pitch stacked one under
// the other and aligned on the left, the group that makes a TD1 (3×30), TD2
// (2×36) or TD3 (2×44) with the most characters found.
func findBand(lines []textLine) (band, bool) {
	sort.Slice(lines, func(i, j int) bool { return lines[i].members[0].cy < lines[j].members[0].cy })
	var best band
	bestScore := 0
	for i := range lines {
		group := []textLine{lines[i]}
		for j := i + 1; j < len(lines) && len(group) < 3; j++ {
			if stacked(group[len(group)-1], lines[j]) {
				group = append(group, lines[j])
			}
		}
		for k := 2; k <= len(group); k++ {
			g := group[:k]
			f := formatOfGroup(g)
			if f == "" {
				continue
			}
			score := 0
			for _, l := range g {
				score += len(l.members)
			}
			if score > bestScore {
				best, bestScore = band{format: f, lines: slices.Clone(g)}, score
			}
		}
	}
	return best, bestScore > 0
}

// stacked reports whether b is the MRZ line under a.
func stacked(a, b textLine) bool {
	if math.Abs(a.angle-b.angle) > 2.5*math.Pi/180 || math.Abs(a.pitch-b.pitch) > 0.1*a.pitch {
		return false
	}
	sin, cos := math.Sincos(a.angle)
	fa, fb := a.members[0], b.members[0]
	dx, dy := fb.cx-fa.cx, fb.cy-fa.cy
	along := dx*cos + dy*sin
	across := -dx*sin + dy*cos
	return across > 1.2*a.pitch && across < 3.2*a.pitch && math.Abs(along) < 2.5*a.pitch
}

// formatOfGroup says which format lines stacked like g make: the number of
// lines and characters per line (from the group's common left and right
// ends) must match.
func formatOfGroup(g []textLine) Format {
	a := g[0]
	sin, cos := math.Sincos(a.angle)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range g {
		f, e := l.members[0], l.members[len(l.members)-1]
		lo = math.Min(lo, f.cx*cos+f.cy*sin)
		hi = math.Max(hi, e.cx*cos+e.cy*sin)
	}
	n := int(math.Round((hi-lo)/a.pitch)) + 1
	switch {
	case len(g) == 3 && n == 30:
		return TD1
	case len(g) == 2 && n == 36:
		return TD2
	case len(g) == 2 && n == 44:
		return TD3
	}
	return ""
}
