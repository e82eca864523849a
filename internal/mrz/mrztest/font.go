package mrztest

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"os"

	gtfont "github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/vector"
)

// Font draws text in an OpenType font. It exists because the OCR-B font of
// Debian's fonts-ocr-b draws '8' and '<' with the CFF flex1 operator, which
// golang.org/x/image/font/sfnt does not implement; go-text/typesetting does.
type Font struct {
	face *gtfont.Face
	upem float32
}

// LoadFont reads an OpenType (CFF or TrueType) font file.
func LoadFont(path string) (*Font, error) {
	b, err := os.ReadFile(path) //nolint:gosec // a font file the test or generator names
	if err != nil {
		return nil, err
	}
	face, err := gtfont.ParseTTF(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &Font{face: face, upem: float32(face.Upem())}, nil
}

// Advance returns the advance width of r in ems.
func (f *Font) Advance(r rune) float64 {
	g, ok := f.face.NominalGlyph(r)
	if !ok {
		return 0
	}
	return float64(f.face.HorizontalAdvance(g) / f.upem)
}

// Bounds returns the ink box of r in ems, y up from the baseline.
func (f *Font) Bounds(r rune) (x0, y0, x1, y1 float64, ok bool) {
	g, ok := f.face.NominalGlyph(r)
	if !ok {
		return 0, 0, 0, 0, false
	}
	return f.bounds(g)
}

// Draw draws text onto dst with its baseline origin at (x, y), em pixels
// per em, each character advancing by its own advance (or by pitch pixels
// when pitch > 0), anti-aliased, in colour c. It returns the x after the text.
func (f *Font) Draw(dst draw.Image, x, y, em, pitch float64, text string, c color.Color) float64 {
	src := image.NewUniform(c)
	for _, r := range text {
		g, ok := f.face.NominalGlyph(r)
		adv := pitch
		if adv <= 0 {
			adv = f.Advance(r) * em
		}
		if ok {
			f.drawGlyph(dst, g, x, y, em, src)
		}
		x += adv
	}
	return x
}

func (f *Font) drawGlyph(dst draw.Image, g gtfont.GID, x, y, em float64, src image.Image) {
	data, ok := f.face.GlyphData(g).(gtfont.GlyphOutline)
	if !ok || len(data.Segments) == 0 {
		return
	}
	s := float32(em) / f.upem
	// The glyph's box in dst, with a pixel of margin.
	x0, y0, x1, y1, _ := f.bounds(g)
	minX := int(x+x0*em) - 2
	minY := int(y-y1*em) - 2
	maxX := int(x+x1*em) + 3
	maxY := int(y-y0*em) + 3
	r := image.Rect(minX, minY, maxX, maxY)
	if !r.Overlaps(dst.Bounds()) {
		return
	}
	ox, oy := float32(x)-float32(minX), float32(y)-float32(minY)
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	pt := func(p ot.SegmentPoint) (float32, float32) { return ox + p.X*s, oy - p.Y*s }
	for _, seg := range data.Segments {
		switch seg.Op {
		case ot.SegmentOpMoveTo:
			z.MoveTo(pt(seg.Args[0]))
		case ot.SegmentOpLineTo:
			z.LineTo(pt(seg.Args[0]))
		case ot.SegmentOpQuadTo:
			ax, ay := pt(seg.Args[0])
			bx, by := pt(seg.Args[1])
			z.QuadTo(ax, ay, bx, by)
		case ot.SegmentOpCubeTo:
			ax, ay := pt(seg.Args[0])
			bx, by := pt(seg.Args[1])
			cx, cy := pt(seg.Args[2])
			z.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	z.ClosePath()
	z.Draw(dst, r, src, image.Point{})
}

func (f *Font) bounds(g gtfont.GID) (x0, y0, x1, y1 float64, ok bool) {
	ext, ok := f.face.GlyphExtents(g)
	if !ok {
		return 0, -0.3, 1, 1, false
	}
	u := float64(f.upem)
	return float64(ext.XBearing) / u, float64(ext.YBearing+ext.Height) / u,
		float64(ext.XBearing+ext.Width) / u, float64(ext.YBearing) / u, true
}
