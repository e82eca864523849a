package face

import "fmt"

// landmarkInputSize is the side of the square crop FaceLandmark68Net sees.
const landmarkInputSize = 112

// meanRGB is the per-channel mean the landmark and recognition nets subtract (then ÷255).
var meanRGB = [3]float32{122.782, 117.001, 104.298}

// separable is a depthwise 3×3 convolution followed by a pointwise one with a bias (tfjs's
// separableConv2d + bias).
type separable struct {
	dw depthwise
	pw conv
}

func (s *separable) forward(x *tensor, stride int) *tensor {
	return s.pw.forward(s.dw.forward(x, stride, linear), 1, true, linear)
}

// denseBlock is face-api's 4-convolution dense block: each convolution sees the ReLU of the sum
// of all outputs before it.
type denseBlock struct {
	first   conv // only in the first block: a plain 3×3 convolution
	conv0   separable
	conv1   separable
	conv2   separable
	conv3   separable
	isFirst bool
}

func (b *denseBlock) forward(x *tensor) *tensor {
	var out1 *tensor
	if b.isFirst {
		out1 = b.first.forward(x, 2, true, relu)
	} else {
		out1 = b.conv0.forward(x, 2)
		relu.apply(out1.data)
	}
	out2 := b.conv1.forward(out1, 1)
	in3 := sumReLU(out1, out2)
	out3 := b.conv2.forward(in3, 1)
	in4 := sumReLU(out1, out2, out3)
	out4 := b.conv3.forward(in4, 1)
	return sumReLU(out1, out2, out3, out4)
}

// sumReLU returns relu(Σ ts) in a new tensor; the sum runs from the last term to the first, as
// face-api nests its tf.add calls.
func sumReLU(ts ...*tensor) *tensor {
	out := newTensor(ts[0].h, ts[0].w, ts[0].c)
	copy(out.data, ts[len(ts)-1].data)
	for i := len(ts) - 2; i >= 0; i-- {
		for j, v := range ts[i].data {
			out.data[j] = v + out.data[j]
		}
	}
	relu.apply(out.data)
	return out
}

// landmarkNet is FaceLandmark68Net: four dense blocks (112 → 7), a 7×7 average pool and a fully
// connected layer to 68 (x, y) pairs relative to the crop.
type landmarkNet struct {
	blocks [4]denseBlock
	fcW    []float32 // 256 × 136
	fcB    []float32
}

func loadLandmarks(w *weights) (*landmarkNet, error) {
	n := &landmarkNet{}
	sep := func(p string) separable {
		d := w.conv(p+"/depthwise_filter", "")
		return separable{
			dw: depthwise{kh: d.kh, kw: d.kw, c: d.cin, filters: d.filters},
			pw: w.conv(p+"/pointwise_filter", p+"/bias"),
		}
	}
	for i := range n.blocks {
		p := fmt.Sprintf("dense%d", i)
		b := &n.blocks[i]
		if i == 0 {
			b.isFirst = true
			b.first = w.conv(p+"/conv0/filters", p+"/conv0/bias")
		} else {
			b.conv0 = sep(p + "/conv0")
		}
		b.conv1, b.conv2, b.conv3 = sep(p+"/conv1"), sep(p+"/conv2"), sep(p+"/conv3")
	}
	n.fcW = w.get("fc/weights", 256, 136)
	n.fcB = w.get("fc/bias", 136)
	return n, w.err
}

// forward returns the 136 outputs (x0, y0, x1, y1, …), in units of the padded 112² input.
func (n *landmarkNet) forward(x *tensor) []float32 {
	for i := range n.blocks {
		x = n.blocks[i].forward(x)
	}
	x = pool(x, 7, 2, false)
	return fullyConnected(x.data, n.fcW, n.fcB)
}

// fullyConnected returns x·W + b.
func fullyConnected(x, w, b []float32) []float32 {
	out := fullyConnectedNoBias(x, w, len(b))
	for i := range out {
		out[i] += b[i]
	}
	return out
}

func fullyConnectedNoBias(x, w []float32, n int) []float32 {
	out := make([]float32, n)
	for i, v := range x {
		row := w[i*n : (i+1)*n]
		for j, f := range row {
			out[j] += v * f
		}
	}
	return out
}
