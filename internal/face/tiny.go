package face

import (
	"cmp"
	"fmt"
	"image"
	"math"
	"slices"
)

// tinyInputSize is the side of the square the tiny face detector sees the photo at (face-api's
// default; any multiple of 32 works, smaller is faster and misses smaller faces).
const tinyInputSize = 416

// tinyIoU is the overlap above which the tiny detector drops the lower-scored of two boxes.
const tinyIoU = 0.4

// tinyAnchors are the widths and heights, in grid cells, of the five anchor boxes.
var tinyAnchors = [5][2]float64{
	{1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308},
}

// tinyMeanRGB is the per-channel mean the tiny detector subtracts (then ÷255).
var tinyMeanRGB = [3]float32{117.001, 114.697, 97.404}

// tinyFaceDetector is face-api's TinyFaceDetector: a Tiny YOLO v2 with depthwise separable
// convolutions (a 3×3 convolution, five separable ones with 2×2 max pools between, leaky ReLU),
// predicting five anchor boxes on a 13×13 grid.
type tinyFaceDetector struct {
	conv0 conv
	sep   [5]separable
	conv8 conv
}

func loadTiny(w *weights) (*tinyFaceDetector, error) {
	n := &tinyFaceDetector{conv0: w.conv("conv0/filters", "conv0/bias"), conv8: w.conv("conv8/filters", "conv8/bias")}
	for i := range n.sep {
		p := fmt.Sprintf("conv%d", i+1)
		d := w.conv(p+"/depthwise_filter", "")
		n.sep[i] = separable{
			dw: depthwise{kh: d.kh, kw: d.kw, c: d.cin, filters: d.filters},
			pw: w.conv(p+"/pointwise_filter", p+"/bias"),
		}
	}
	return n, w.err
}

// leaky is face-api's leaky ReLU, computed as it does: relu(x − 0.1x) + 0.1x.
func leaky(t *tensor) *tensor {
	for i, x := range t.data {
		m := x * 0.1
		t.data[i] = max(x-m, 0) + m
	}
	return t
}

// forward returns the 13×13×25 grid: per cell, five anchors × (x, y, w, h, objectness).
func (n *tinyFaceDetector) forward(x *tensor) *tensor {
	out := leaky(n.conv0.forward(x, 1, false, linear))
	for i := range n.sep {
		out = leaky(n.sep[i].forward(maxPoolSame(out, 2), 1))
	}
	out = maxPoolSame(out, 1)
	return n.conv8.forward(out, 1, false, linear)
}

// maxPoolSame is a 2×2 max pool with "same" padding (the padding never wins).
func maxPoolSame(x *tensor, stride int) *tensor {
	oh, ow := (x.h+stride-1)/stride, (x.w+stride-1)/stride
	c := x.c
	out := newTensor(oh, ow, c)
	for oy := range oh {
		for ox := range ow {
			o := out.data[(oy*ow+ox)*c:][:c]
			copy(o, x.data[((oy*stride)*x.w+ox*stride)*c:][:c])
			for ky := range 2 {
				for kx := range 2 {
					iy, ix := oy*stride+ky, ox*stride+kx
					if iy >= x.h || ix >= x.w {
						continue
					}
					for ch, v := range x.data[(iy*x.w+ix)*c:][:c] {
						o[ch] = max(o[ch], v)
					}
				}
			}
		}
	}
	return out
}

// detectTiny runs the tiny face detector and decodes its grid as face-api's TinyYolov2Base
// does: boxes relative to the photo, those scoring above MinScore, then greedy suppression.
func (m *Models) detectTiny(src *image.RGBA) []detection {
	w, h := src.Rect.Dx(), src.Rect.Dy()
	x := netInput(src, src.Rect, tinyInputSize, false, normalizeTiny)
	grid := m.tiny.forward(x)
	scale := float64(tinyInputSize) / float64(max(w, h))
	corrX := float64(tinyInputSize) / math.Round(float64(w)*scale)
	corrY := float64(tinyInputSize) / math.Round(float64(h)*scale)
	cells := float64(grid.h)
	sig := func(v float32) float64 { return 1 / (1 + math.Exp(-float64(v))) }
	type cand struct {
		score                    float64
		left, top, right, bottom float64 // relative to the photo
	}
	var cands []cand
	for row := range grid.h {
		for col := range grid.w {
			for a, anchor := range tinyAnchors {
				e := grid.data[(row*grid.w+col)*grid.c+5*a:][:5]
				score := sig(e[4])
				if score <= MinScore {
					continue
				}
				cx := (float64(col) + sig(e[0])) / cells * corrX
				cy := (float64(row) + sig(e[1])) / cells * corrY
				bw := math.Exp(float64(e[2])) * anchor[0] / cells * corrX
				bh := math.Exp(float64(e[3])) * anchor[1] / cells * corrY
				x0, y0 := cx-bw/2, cy-bh/2
				cands = append(cands, cand{score, x0, y0, x0 + bw, y0 + bh})
			}
		}
	}
	// face-api sorts ascending (stably) and pops from the end: highest score first, and of equal
	// scores the later one.
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(cands[a].score, cands[b].score) })
	s := float64(tinyInputSize)
	iou := func(a, b cand) float64 { // on the boxes scaled to the input size, as face-api
		ab := Box{X: a.left * s, Y: a.top * s, Width: (a.right - a.left) * s, Height: (a.bottom - a.top) * s}
		bb := Box{X: b.left * s, Y: b.top * s, Width: (b.right - b.left) * s, Height: (b.bottom - b.top) * s}
		return ab.IoU(bb)
	}
	var out []detection
	for len(order) > 0 {
		cur := cands[order[len(order)-1]]
		order = order[:len(order)-1]
		out = append(out, detection{
			box:   Box{X: cur.left * float64(w), Y: cur.top * float64(h), Width: (cur.right - cur.left) * float64(w), Height: (cur.bottom - cur.top) * float64(h)},
			score: cur.score,
		})
		order = slices.DeleteFunc(order, func(i int) bool { return iou(cur, cands[i]) > tinyIoU })
	}
	if len(out) > MaxFaces {
		out = out[:MaxFaces]
	}
	return out
}
