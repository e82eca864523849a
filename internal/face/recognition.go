package face

import (
	"fmt"
	"strings"
)

// recognitionInputSize is the side of the square aligned crop FaceRecognitionNet sees.
const recognitionInputSize = 150

// DescriptorSize is the length of a face descriptor.
const DescriptorSize = 128

// scaledConv is a convolution with a bias followed by a per-channel scale layer (x·w + b), as
// dlib's converted ResNet has them in place of batch norms.
type scaledConv struct {
	conv
	scaleW, scaleB []float32
}

func (l *scaledConv) forward(x *tensor, stride int, same bool, act activation) *tensor {
	out := l.conv.forward(x, stride, same, linear)
	c := out.c
	for i := 0; i < len(out.data); i += c {
		row := out.data[i : i+c]
		for j := range row {
			row[j] = row[j]*l.scaleW[j] + l.scaleB[j]
		}
	}
	act.apply(out.data)
	return out
}

// residual is one residual block (two 3×3 convolutions); a down block halves the size with a
// "valid" stride-2 first convolution and a 2×2 average pool on the shortcut.
type residual struct {
	conv1, conv2 scaledConv
	down         bool
}

func (r *residual) forward(x *tensor) *tensor {
	var out *tensor
	if r.down {
		out = r.conv1.forward(x, 2, false, relu)
	} else {
		out = r.conv1.forward(x, 1, true, relu)
	}
	out = r.conv2.forward(out, 1, true, linear)
	if !r.down {
		add(out, x)
		relu.apply(out.data)
		return out
	}
	// Shortcut: average-pool x, pad its channels with zeros to out's; where the pooled map is a
	// cell larger than out (odd sizes), out is padded with a zero row and column at the end.
	pooled := pool(x, 2, 2, false)
	sum := newTensor(pooled.h, pooled.w, out.c)
	for y := range pooled.h {
		for xx := range pooled.w {
			o := sum.data[(y*sum.w+xx)*sum.c:][:sum.c]
			copy(o, pooled.data[(y*pooled.w+xx)*pooled.c:][:pooled.c])
			if y < out.h && xx < out.w {
				for ch, v := range out.data[(y*out.w+xx)*out.c:][:out.c] {
					o[ch] = o[ch] + v
				}
			}
		}
	}
	relu.apply(sum.data)
	return sum
}

// recognitionNet is FaceRecognitionNet, dlib's ResNet-34-like metric network: a 7×7 stride-2
// convolution, a 3×3 max pool, residual blocks of 32, 64, 128 and 256 channels, a global
// average and a 256 × 128 projection.
type recognitionNet struct {
	conv0  scaledConv
	blocks []residual
	fc     []float32 // 256 × 128
}

func loadRecognition(w *weights) (*recognitionNet, error) {
	sc := func(p string) scaledConv {
		c := w.conv(p+"/conv/filters", p+"/conv/bias")
		return scaledConv{conv: c, scaleW: w.get(p+"/scale/weights", c.cout), scaleB: w.get(p+"/scale/biases", c.cout)}
	}
	n := &recognitionNet{conv0: sc("conv32_down")}
	for _, name := range []string{
		"conv32_1", "conv32_2", "conv32_3",
		"conv64_down", "conv64_1", "conv64_2", "conv64_3",
		"conv128_down", "conv128_1", "conv128_2",
		"conv256_down", "conv256_1", "conv256_2", "conv256_down_out",
	} {
		n.blocks = append(n.blocks, residual{
			conv1: sc(name + "/conv1"),
			conv2: sc(name + "/conv2"),
			down:  strings.Contains(name, "_down"),
		})
	}
	n.fc = w.get("fc", 256, DescriptorSize)
	if w.err != nil {
		return nil, w.err
	}
	if len(n.blocks) != 14 {
		return nil, fmt.Errorf("recognition net: %d blocks", len(n.blocks))
	}
	return n, nil
}

// forward returns the 128-d descriptor of x (150×150×3, mean-subtracted, ÷255).
func (n *recognitionNet) forward(x *tensor) [DescriptorSize]float32 {
	out := n.conv0.forward(x, 2, false, relu)
	out = pool(out, 3, 2, true)
	for i := range n.blocks {
		out = n.blocks[i].forward(out)
	}
	mean := make([]float32, out.c)
	for i := 0; i < len(out.data); i += out.c {
		for ch := range mean {
			mean[ch] += out.data[i+ch]
		}
	}
	for ch := range mean {
		mean[ch] /= float32(out.h * out.w)
	}
	return [DescriptorSize]float32(fullyConnectedNoBias(mean, n.fc, DescriptorSize))
}
