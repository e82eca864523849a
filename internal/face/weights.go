package face

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
)

// manifestGroup is one entry of a tfjs weights manifest (<model>-weights_manifest.json): the
// shards that, concatenated, hold the listed weights in order.
type manifestGroup struct {
	Paths   []string         `json:"paths"`
	Weights []manifestWeight `json:"weights"`
}

type manifestWeight struct {
	Name         string        `json:"name"`
	Shape        []int         `json:"shape"`
	Dtype        string        `json:"dtype"`
	Quantization *quantization `json:"quantization"`
}

// quantization is tfjs's affine weight quantization: value = q·scale + min.
type quantization struct {
	Dtype string  `json:"dtype"`
	Scale float64 `json:"scale"`
	Min   float64 `json:"min"`
}

type weight struct {
	shape []int
	data  []float32
}

// weights is one model's named weights, dequantized to float32. Its getters record the first
// missing or mis-shaped weight in err, so a network's loader reads like a list of its layers.
type weights struct {
	model string
	m     map[string]weight
	err   error
}

// readWeights reads the manifest <model>-weights_manifest.json in fsys and its shards.
func readWeights(fsys fs.FS, model string) (*weights, error) {
	manifest, err := fs.ReadFile(fsys, model+"-weights_manifest.json")
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotBuilt
	}
	if err != nil {
		return nil, err
	}
	var groups []manifestGroup
	if err := json.Unmarshal(manifest, &groups); err != nil {
		return nil, fmt.Errorf("%s manifest: %w", model, err)
	}
	w := &weights{model: model, m: map[string]weight{}}
	for _, g := range groups {
		var buf []byte
		for _, p := range g.Paths {
			b, err := fs.ReadFile(fsys, path.Clean(p))
			if err != nil {
				return nil, fmt.Errorf("%s shard: %w", model, err)
			}
			buf = append(buf, b...)
		}
		for _, mw := range g.Weights {
			n := 1
			for _, d := range mw.Shape {
				n *= d
			}
			data, size, err := decode(buf, n, mw)
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", model, mw.Name, err)
			}
			w.m[mw.Name] = weight{shape: mw.Shape, data: data}
			buf = buf[size:]
		}
	}
	return w, nil
}

// decode reads n values of one weight from the front of buf and returns them as float32 with
// the number of bytes they took.
func decode(buf []byte, n int, mw manifestWeight) ([]float32, int, error) {
	out := make([]float32, n)
	if q := mw.Quantization; q != nil {
		size := map[string]int{"uint8": 1, "uint16": 2}[q.Dtype]
		if size == 0 {
			return nil, 0, fmt.Errorf("unsupported quantization %q", q.Dtype)
		}
		if len(buf) < n*size {
			return nil, 0, errShort(mw.Name)
		}
		for i := range out {
			v := float64(buf[i])
			if size == 2 {
				v = float64(binary.LittleEndian.Uint16(buf[2*i:]))
			}
			out[i] = float32(v*q.Scale + q.Min) // as tfjs's decodeWeights: in float64, stored as float32
		}
		return out, n * size, nil
	}
	if len(buf) < 4*n {
		return nil, 0, errShort(mw.Name)
	}
	for i := range out {
		u := binary.LittleEndian.Uint32(buf[4*i:])
		switch mw.Dtype {
		case "float32":
			out[i] = math.Float32frombits(u)
		case "int32":
			out[i] = float32(int32(u))
		default:
			return nil, 0, fmt.Errorf("unsupported dtype %q", mw.Dtype)
		}
	}
	return out, 4 * n, nil
}

func errShort(name string) error {
	return fmt.Errorf("weight %s runs past the end of its shards", name)
}

// get returns the named weight's values if its shape is shape, or records an error.
func (w *weights) get(name string, shape ...int) []float32 {
	v, ok := w.m[name]
	switch {
	case w.err != nil:
		return nil
	case !ok:
		w.err = fmt.Errorf("%s: weight %s missing", w.model, name)
	case !slices.Equal(v.shape, shape):
		w.err = fmt.Errorf("%s: weight %s has shape %v, want %v", w.model, name, v.shape, shape)
	}
	return v.data
}

// shape returns the named weight's shape, or nil if it is missing (get then records why).
func (w *weights) shape(name string) []int { return w.m[name].shape }

// conv reads a convolution's filters (any [kh, kw, cin, cout]) and, unless biasName is "", its bias.
func (w *weights) conv(filtersName, biasName string) conv {
	s := w.shape(filtersName)
	if len(s) != 4 {
		w.get(filtersName, 0, 0, 0, 0) // records the error
		return conv{}
	}
	l := conv{kh: s[0], kw: s[1], cin: s[2], cout: s[3], filters: w.get(filtersName, s...)}
	if biasName != "" {
		l.bias = w.get(biasName, l.cout)
	}
	return l
}
