package face

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// tensor is one image's activations in height × width × channels order (tfjs's NHWC with N=1).
type tensor struct {
	h, w, c int
	data    []float32
}

func newTensor(h, w, c int) *tensor {
	return &tensor{h: h, w: w, c: c, data: make([]float32, h*w*c)}
}

// activation applied after a convolution's bias.
type activation int

const (
	linear activation = iota
	relu
	relu6
)

func (a activation) apply(v []float32) {
	switch a {
	case relu:
		for i, x := range v {
			v[i] = max(x, 0)
		}
	case relu6:
		for i, x := range v {
			v[i] = min(max(x, 0), 6)
		}
	case linear:
	}
}

// conv is a convolution's filters in tfjs's [kh, kw, cin, cout] layout — which is also the
// row-major (kh·kw·cin) × cout matrix that multiplies an im2col matrix — and its bias (may be nil).
type conv struct {
	kh, kw, cin, cout int
	filters           []float32
	bias              []float32
}

// outSize is TensorFlow's output size and leading padding for one axis: "same" pads
// (out−1)·stride + k − in in total, the smaller half first; "valid" pads nothing.
func outSize(in, k, stride int, same bool) (out, padBefore int) {
	if !same {
		return (in-k)/stride + 1, 0
	}
	out = (in + stride - 1) / stride
	pad := max((out-1)*stride+k-in, 0)
	return out, pad / 2
}

// forward convolves x (im2col + GEMM), adds the bias and applies act.
func (l *conv) forward(x *tensor, stride int, same bool, act activation) *tensor {
	oh, pt := outSize(x.h, l.kh, stride, same)
	ow, pl := outSize(x.w, l.kw, stride, same)
	out := newTensor(oh, ow, l.cout)
	k := l.kh * l.kw * l.cin
	var cols []float32
	if l.kh == 1 && l.kw == 1 && stride == 1 {
		cols = x.data // a 1×1 convolution is a plain matrix product
	} else {
		cols = im2col(x, l.kh, l.kw, stride, oh, ow, pt, pl)
	}
	blas32.Gemm(blas.NoTrans, blas.NoTrans, 1,
		blas32.General{Rows: oh * ow, Cols: k, Stride: k, Data: cols},
		blas32.General{Rows: k, Cols: l.cout, Stride: l.cout, Data: l.filters},
		0, blas32.General{Rows: oh * ow, Cols: l.cout, Stride: l.cout, Data: out.data})
	if l.bias != nil {
		for i := 0; i < len(out.data); i += l.cout {
			row := out.data[i : i+l.cout]
			for j, b := range l.bias {
				row[j] += b
			}
		}
	}
	act.apply(out.data)
	return out
}

// im2col lays out every receptive field of x as one row (ky, kx, channel order), with zeros
// where the field reaches into the padding.
func im2col(x *tensor, kh, kw, stride, oh, ow, pt, pl int) []float32 {
	c := x.c
	cols := make([]float32, oh*ow*kh*kw*c)
	i := 0
	for oy := range oh {
		for ox := range ow {
			for ky := range kh {
				iy := oy*stride + ky - pt
				for kx := range kw {
					ix := ox*stride + kx - pl
					if iy >= 0 && iy < x.h && ix >= 0 && ix < x.w {
						copy(cols[i:i+c], x.data[(iy*x.w+ix)*c:])
					}
					i += c
				}
			}
		}
	}
	return cols
}

// depthwise is a depthwise convolution's filters ([kh, kw, c, 1]) and an optional per-channel
// affine (scale, shift) applied after it — a folded batch norm — or nil for none.
type depthwise struct {
	kh, kw, c    int
	filters      []float32
	scale, shift []float32
}

// forward convolves each channel of x with its own filter ("same" padding), then applies the
// affine and act.
func (l *depthwise) forward(x *tensor, stride int, act activation) *tensor {
	oh, pt := outSize(x.h, l.kh, stride, true)
	ow, pl := outSize(x.w, l.kw, stride, true)
	c := x.c
	out := newTensor(oh, ow, c)
	for oy := range oh {
		for ox := range ow {
			o := out.data[(oy*ow+ox)*c : (oy*ow+ox+1)*c]
			for ky := range l.kh {
				iy := oy*stride + ky - pt
				if iy < 0 || iy >= x.h {
					continue
				}
				for kx := range l.kw {
					ix := ox*stride + kx - pl
					if ix < 0 || ix >= x.w {
						continue
					}
					in := x.data[(iy*x.w+ix)*c : (iy*x.w+ix+1)*c]
					f := l.filters[(ky*l.kw+kx)*c : (ky*l.kw+kx+1)*c]
					for ch, v := range in {
						o[ch] += v * f[ch]
					}
				}
			}
			if l.scale != nil {
				for ch := range o {
					o[ch] = o[ch]*l.scale[ch] + l.shift[ch]
				}
			}
		}
	}
	act.apply(out.data)
	return out
}

// pool is a "valid" max or average pooling of k×k windows.
func pool(x *tensor, k, stride int, isMax bool) *tensor {
	oh, _ := outSize(x.h, k, stride, false)
	ow, _ := outSize(x.w, k, stride, false)
	c := x.c
	out := newTensor(oh, ow, c)
	inv := 1 / float32(k*k)
	for oy := range oh {
		for ox := range ow {
			o := out.data[(oy*ow+ox)*c : (oy*ow+ox+1)*c]
			if isMax {
				for ch := range o {
					o[ch] = float32(math.Inf(-1))
				}
			}
			for ky := range k {
				for kx := range k {
					in := x.data[((oy*stride+ky)*x.w+ox*stride+kx)*c:][:c]
					for ch, v := range in {
						if isMax {
							o[ch] = max(o[ch], v)
						} else {
							o[ch] += v
						}
					}
				}
			}
			if !isMax {
				for ch := range o {
					o[ch] *= inv
				}
			}
		}
	}
	return out
}

// add returns a + b element-wise (same shapes), into a.
func add(a, b *tensor) *tensor {
	for i, v := range b.data {
		a.data[i] += v
	}
	return a
}
