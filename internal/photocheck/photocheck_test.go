package photocheck

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
)

// A labelled synthetic photo: what each check must answer on it.
type sample struct {
	name                        string
	img                         image.Image
	sharp, expo, glare          Outcome // "" when the sample says nothing about that check
	sharpScore, p2, p50, p98, g float64
}

var samples = sync.OnceValue(func() []sample {
	var ss []sample
	add := func(name string, img image.Image, sharp, expo, gl Outcome) {
		ss = append(ss, sample{name: name, img: img, sharp: sharp, expo: expo, glare: gl})
	}
	for v := uint64(0); v < 2; v++ {
		s := scene(v)
		add(fmt.Sprintf("sharp scene %d", v), s, Pass, Pass, Pass)
		add(fmt.Sprintf("blur σ1 %d", v), blurred(s, 1, v), Pass, Pass, Pass)
		add(fmt.Sprintf("blur σ1.5 %d", v), blurred(s, 1.5, v), Warn, Pass, Pass)
		add(fmt.Sprintf("blur σ2 %d", v), blurred(s, 2, v), Warn, Pass, Pass)
		add(fmt.Sprintf("blur σ3 %d", v), blurred(s, 3, v), Fail, Pass, Pass)
		add(fmt.Sprintf("light ×0.5 %d", v), darkened(s, 0.5, v), "", Warn, Pass)
		add(fmt.Sprintf("light ×0.3 %d", v), darkened(s, 0.3, v), "", Warn, Pass)
		add(fmt.Sprintf("light ×0.2 %d", v), darkened(s, 0.2, v), "", Fail, Pass)
		add(fmt.Sprintf("light ×0.1 %d", v), darkened(s, 0.1, v), "", Fail, Pass)
		add(fmt.Sprintf("blacks lifted 100 %d", v), washedOut(s, 100, v), "", Warn, Pass)
		add(fmt.Sprintf("blacks lifted 200 %d", v), washedOut(s, 200, v), "", Fail, "")
		add(fmt.Sprintf("glare r=3%% %d", v), withGlare(s, 0.03), Pass, Pass, Pass)
		add(fmt.Sprintf("glare r=6%% %d", v), withGlare(s, 0.06), Pass, Pass, Warn)
		add(fmt.Sprintf("glare r=10%% %d", v), withGlare(s, 0.10), "", Pass, Warn)
		add(fmt.Sprintf("glare r=20%% %d", v), withGlare(s, 0.20), "", Pass, Fail)
	}
	add("black", flat(0, 1), "", Fail, Pass)
	add("grey", flat(128, 2), "", Fail, Pass)
	add("white", flat(255, 3), "", Fail, "")
	for i := range ss {
		g := Shrink(ss[i].img)
		p := percentiles(g.Img)
		ss[i].sharpScore = sharpness(g.Img, p[98]-p[2])
		ss[i].p2, ss[i].p50, ss[i].p98 = p[2], p[50], p[98]
		ss[i].g = glareShare(g.Img)
	}
	return ss
})

func outcomeOf(checks []Check, name string) Outcome {
	for _, c := range checks {
		if c.Name == name {
			return c.Outcome
		}
	}
	return ""
}

// Every labelled photo gets the outcome it should from each check: both outcomes of
// SHARPNESS, EXPOSURE and GLARE, on photos drawn by the test.
func TestChecksOnSyntheticPhotos(t *testing.T) {
	for _, s := range samples() {
		a := Analyze(Shrink(s.img), Document)
		for _, want := range []struct {
			name string
			out  Outcome
		}{{Sharpness, s.sharp}, {Exposure, s.expo}, {Glare, s.glare}} {
			if want.out == "" {
				continue
			}
			if got := outcomeOf(a.Checks, want.name); got != want.out {
				t.Errorf("%s: %s %s, want %s (sharpness %.2f, p2 %.2f p50 %.2f p98 %.2f, glare %.3f)",
					s.name, want.name, got, want.out, s.sharpScore, s.p2, s.p50, s.p98, s.g)
			}
		}
		for _, c := range a.Checks {
			if (c.Outcome == Pass) != (c.Detail == "") {
				t.Errorf("%s: %s %s with detail %q: a finding says what it is, a pass says nothing", s.name, c.Name, c.Outcome, c.Detail)
			}
		}
	}
	// A selfie has no GLARE check.
	if a := Analyze(Shrink(scene(0)), Selfie); outcomeOf(a.Checks, Glare) != "" {
		t.Errorf("selfie checks %+v include GLARE", a.Checks)
	}
}

// TestThresholdTable prints, for each threshold and a few values around it, how many of the
// photos that should be flagged are (true positives) and how many that should not be are
// (false positives): the ROC-ish table of bench/RESULTS.md. Run with -v to see it.
func TestThresholdTable(t *testing.T) {
	ss := samples()
	type rule struct {
		name      string
		chosen    float64
		values    []float64
		positive  func(s sample) (bool, bool) // is it a positive, does it count at all
		flagged   func(s sample, th float64) bool
		direction string
	}
	worse := func(o, than Outcome) bool { return o == than || (than == Warn && o == Fail) }
	rules := []rule{
		{"SHARPNESS WARN below", SharpnessWarn, []float64{3, 4, 4.5, 5, 6, 8},
			func(s sample) (bool, bool) { return worse(s.sharp, Warn), s.sharp != "" },
			func(s sample, th float64) bool { return s.sharpScore < th }, ""},
		{"SHARPNESS FAIL below", SharpnessFail, []float64{1.5, 1.8, 2.1, 2.5, 3},
			func(s sample) (bool, bool) { return s.sharp == Fail, s.sharp != "" },
			func(s sample, th float64) bool { return s.sharpScore < th }, ""},
		{"EXPOSURE FAIL dark, p98 below", DarkFailP98, []float64{0.15, 0.2, 0.22, 0.3, 0.4},
			func(s sample) (bool, bool) {
				return s.expo == Fail && s.p2 < 0.5, s.expo != "" && !strings.HasPrefix(s.name, "grey") && !strings.HasPrefix(s.name, "white")
			},
			func(s sample, th float64) bool { return s.p98 < th }, ""},
		{"EXPOSURE WARN dark, median below", DarkWarnMedian, []float64{0.15, 0.2, 0.25, 0.3, 0.35},
			func(s sample) (bool, bool) {
				return s.expo != Pass && s.p2 < 0.3, s.expo != "" && s.p98-s.p2 >= FlatSpread
			},
			func(s sample, th float64) bool { return s.p50 < th }, ""},
		{"EXPOSURE FAIL bright, p2 above", BrightFailP2, []float64{0.5, 0.6, 0.7, 0.8, 0.9},
			func(s sample) (bool, bool) {
				return s.expo == Fail && s.p2 > 0.3, s.expo != "" && s.p98-s.p2 >= FlatSpread
			},
			func(s sample, th float64) bool { return s.p2 > th }, ""},
		{"EXPOSURE WARN bright, p2 above", BrightWarnP2, []float64{0.3, 0.4, 0.45, 0.55, 0.7},
			func(s sample) (bool, bool) {
				return s.expo != Pass && s.p2 > 0.3, s.expo != "" && s.p98-s.p2 >= FlatSpread
			},
			func(s sample, th float64) bool { return s.p2 > th }, ""},
		{"GLARE WARN from", GlareWarn, []float64{0.002, 0.005, 0.01, 0.02, 0.05},
			func(s sample) (bool, bool) { return worse(s.glare, Warn), s.glare != "" },
			func(s sample, th float64) bool { return s.g >= th }, ""},
		{"GLARE FAIL from", GlareFail, []float64{0.03, 0.05, 0.12, 0.2, 0.3},
			func(s sample) (bool, bool) { return s.glare == Fail, s.glare != "" },
			func(s sample, th float64) bool { return s.g >= th }, ""},
	}
	var out strings.Builder
	fmt.Fprintf(&out, "| rule | threshold | true positives | false positives |\n|---|---|---|---|\n")
	for _, r := range rules {
		for _, th := range r.values {
			tp, fp, pos, neg := 0, 0, 0, 0
			for _, s := range ss {
				isPos, counts := r.positive(s)
				if !counts {
					continue
				}
				f := r.flagged(s, th)
				if isPos {
					pos++
					if f {
						tp++
					}
				} else {
					neg++
					if f {
						fp++
					}
				}
			}
			mark := ""
			if th == r.chosen {
				mark = " **(chosen)**"
				if tp != pos || fp != 0 {
					t.Errorf("%s %v: %d/%d true positives, %d/%d false positives", r.name, th, tp, pos, fp, neg)
				}
			}
			fmt.Fprintf(&out, "| %s | %v%s | %d/%d | %d/%d |\n", r.name, th, mark, tp, pos, fp, neg)
		}
	}
	t.Log("\n" + out.String())
}

func TestResolution(t *testing.T) {
	for _, c := range []struct {
		w, h int
		kind Kind
		want Outcome
	}{
		{1600, 1200, Document, Pass}, {1200, 800, Document, Pass}, {1000, 750, Document, Warn},
		{800, 599, Document, Fail}, {599, 2000, Document, Fail},
		{1280, 720, Selfie, Pass}, {640, 480, Selfie, Warn}, {600, 479, Selfie, Fail},
	} {
		g := &Grey{Width: c.w, Height: c.h, Img: image.NewGray(image.Rect(0, 0, 8, 8))}
		if got := resolution(g, c.kind); got.Outcome != c.want || *got.Score != float64(min(c.w, c.h)) {
			t.Errorf("%d×%d kind %d: %+v, want %s", c.w, c.h, c.kind, got, c.want)
		}
	}
	for _, c := range []struct {
		w, h  int
		small bool
	}{{199, 4000, true}, {4000, 199, true}, {10, 10, true}, {200, 200, false}, {1600, 1200, false}} {
		if TooSmall(c.w, c.h) != c.small {
			t.Errorf("TooSmall(%d, %d) = %v", c.w, c.h, !c.small)
		}
	}
}

// Shrink reads JPEG luma, RGBA and transparent NRGBA alike.
func TestShrinkFormats(t *testing.T) {
	src := scene(4)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	ycc, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	a, b := Shrink(src), Shrink(ycc)
	if a.Img.Rect != b.Img.Rect || a.Width != 1600 || a.Img.Rect.Dx() != WorkSide || a.Img.Rect.Dy() != 600 {
		t.Fatalf("sizes %v %v", a.Img.Rect, b.Img.Rect)
	}
	var diff int
	for i := range a.Img.Pix {
		d := int(a.Img.Pix[i]) - int(b.Img.Pix[i])
		diff += max(d, -d)
	}
	if mean := float64(diff) / float64(len(a.Img.Pix)); mean > 2 {
		t.Fatalf("JPEG and RGBA grey copies differ by %.2f on average", mean)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 300, 300)) // fully transparent: white, as stored
	if g := Shrink(clear); g.Img.Pix[0] != 255 {
		t.Fatalf("a transparent pixel reads %d, want white", g.Img.Pix[0])
	}
	pal := image.NewPaletted(image.Rect(0, 0, 300, 300), color.Palette{color.Gray{Y: 10}})
	if g := Shrink(pal); g.Img.Pix[0] != 10 {
		t.Fatalf("a paletted pixel reads %d, want 10", g.Img.Pix[0])
	}
}

func reencode(t *testing.T, img image.Image, q int) image.Image {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	out, err := jpeg.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// The perceptual hash finds the same photo re-compressed or shrunk, and tells different
// scenes and a sharp re-take of a blurred photo apart.
func TestSamePhoto(t *testing.T) {
	analyze := func(img image.Image) Analysis { return Analyze(Shrink(img), Document) }
	prior := func(a Analysis, flagged bool) Prior {
		return Prior{Hash: a.Hash, Sharpness: SharpnessScore(a.Checks), Flagged: flagged}
	}
	orig := analyze(scene(0))
	var hashes []uint64
	for v := uint64(0); v < 8; v++ {
		hashes = append(hashes, analyze(scene(v)).Hash)
	}
	minDiff := 64
	for i := range hashes {
		for j := i + 1; j < len(hashes); j++ {
			minDiff = min(minDiff, Distance(hashes[i], hashes[j]))
		}
	}
	if minDiff <= SameMaxDistance {
		t.Errorf("two different scenes are %d bits apart, within SameMaxDistance %d", minDiff, SameMaxDistance)
	}
	t.Logf("different scenes: at least %d bits apart", minDiff)
	for _, c := range []struct {
		name string
		img  image.Image
		same bool
	}{
		{"re-encoded at quality 70", reencode(t, scene(0), 70), true},
		{"shrunk to half", shrunk(scene(0), 2), true},
		{"another scene", scene(5), false},
		{"sharp re-take of a blurred photo", blurred(scene(0), 2, 0), false},
	} {
		a := analyze(c.img)
		same, d := Same(a.Hash, "", *SharpnessScore(a.Checks), prior(orig, true))
		if same != c.same {
			t.Errorf("%s: same %v (%d bits apart, sharpness %.2f vs %.2f), want %v", c.name, same, d, *SharpnessScore(a.Checks), *SharpnessScore(orig.Checks), c.same)
		}
		t.Logf("%s: %d bits apart", c.name, d)
	}
	// The outcomes: PASS against other photos, WARN against an earlier one, FAIL against the
	// one a reviewer asked to retake; identical stored bytes are the same whatever the hash.
	again := analyze(reencode(t, scene(0), 85))
	other := analyze(scene(6))
	for _, c := range []struct {
		name    string
		a       Analysis
		sha     string
		earlier []Prior
		want    Outcome
	}{
		{"first upload", again, "", nil, Pass},
		{"another photo", other, "", []Prior{prior(orig, true)}, Pass},
		{"same as an earlier revision", again, "", []Prior{prior(orig, false)}, Warn},
		{"same as the flagged revision", again, "", []Prior{prior(other, false), prior(orig, true)}, Fail},
		{"identical bytes", other, "abc", []Prior{{Hash: ^other.Hash, SHA256: "abc", Flagged: true}}, Fail},
	} {
		got := CompareWithEarlier(c.a, c.sha, c.earlier)
		if got.Outcome != c.want || got.Name != SameAsPrevious {
			t.Errorf("%s: %+v, want %s", c.name, got, c.want)
		}
	}
}

// Two hashes within SameMaxDistance share a band, so the lookup by band misses none.
func TestBandsPigeonhole(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		h := rng.Uint64()
		o := h
		for range rng.IntN(SameMaxDistance + 1) {
			o ^= 1 << rng.IntN(64)
		}
		a, b := Bands(h), Bands(o)
		if a[0] != b[0] && a[1] != b[1] && a[2] != b[2] && a[3] != b[3] {
			t.Fatalf("%016x and %016x (%d bits apart) share no band", h, o, Distance(h, o))
		}
		var back uint64
		for _, v := range a {
			back = back<<16 | uint64(v)
		}
		if back != h {
			t.Fatalf("bands %v of %016x do not make it up again", a, h)
		}
	}
}
