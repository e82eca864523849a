package face

import (
	"fmt"
	"math"
	"sort"
)

// ssdInputSize is the side of the square SSD MobileNet v1 sees the photo at.
const ssdInputSize = 512

// ssdAnchors is the number of anchor boxes: 32²·3 + (16² + 8² + 4² + 2² + 1²)·6.
const ssdAnchors = 5118

// bnEpsilon is the batch norm epsilon of face-api's mobileNetV1.
const bnEpsilon = 0.0010000000474974513

// ssdMobilenetV1 is face-api's face detector: a MobileNet v1 backbone (a 3×3 convolution, then
// 13 depthwise + pointwise pairs, ReLU6 throughout), eight extra convolutions, and six box
// predictors over the feature maps of 32², 16², 8², 4², 2² and 1² cells.
type ssdMobilenetV1 struct {
	conv0    conv
	dw       [13]depthwise
	pw       [13]conv
	extra    [8]conv
	boxEnc   [6]conv
	class    [6]conv
	anchors  []float32 // ssdAnchors × (ymin, xmin, ymax, xmax)
	strideDW [13]int
}

func loadSSD(w *weights) (*ssdMobilenetV1, error) {
	n := &ssdMobilenetV1{}
	n.conv0 = w.conv("MobilenetV1/Conv2d_0_pointwise/weights", "MobilenetV1/Conv2d_0_pointwise/convolution_bn_offset")
	for i := range 13 {
		p := fmt.Sprintf("MobilenetV1/Conv2d_%d_depthwise/", i+1)
		f := w.conv(p+"depthwise_weights", "")
		c := f.cin
		gamma, beta := w.get(p+"BatchNorm/gamma", c), w.get(p+"BatchNorm/beta", c)
		mean, variance := w.get(p+"BatchNorm/moving_mean", c), w.get(p+"BatchNorm/moving_variance", c)
		d := depthwise{kh: f.kh, kw: f.kw, c: c, filters: f.filters, scale: make([]float32, c), shift: make([]float32, c)}
		if w.err == nil {
			for ch := range c {
				// (x − mean)·gamma/√(var + ε) + beta, folded into x·scale + shift.
				s := float64(gamma[ch]) / math.Sqrt(float64(variance[ch])+bnEpsilon)
				d.scale[ch] = float32(s)
				d.shift[ch] = float32(float64(beta[ch]) - float64(mean[ch])*s)
			}
		}
		n.dw[i] = d
		p = fmt.Sprintf("MobilenetV1/Conv2d_%d_pointwise/", i+1)
		n.pw[i] = w.conv(p+"weights", p+"convolution_bn_offset")
		n.strideDW[i] = 1
		if i+1 == 2 || i+1 == 4 || i+1 == 6 || i+1 == 12 {
			n.strideDW[i] = 2
		}
	}
	for i := range n.extra {
		p := fmt.Sprintf("Prediction/Conv2d_%d_pointwise/", i)
		n.extra[i] = w.conv(p+"weights", p+"convolution_bn_offset")
	}
	for i := range 6 {
		p := fmt.Sprintf("Prediction/BoxPredictor_%d/", i)
		n.boxEnc[i] = w.conv(p+"BoxEncodingPredictor/weights", p+"BoxEncodingPredictor/biases")
		n.class[i] = w.conv(p+"ClassPredictor/weights", p+"ClassPredictor/biases")
	}
	n.anchors = w.get("Output/extra_dim", 1, ssdAnchors, 4)
	return n, w.err
}

// forward runs the network on x (512×512×3, scaled to −1..1) and returns, per anchor, the
// decoded box (ymin, xmin, ymax, xmax, relative to the 512² input) and the face score.
func (n *ssdMobilenetV1) forward(x *tensor) (boxes [][4]float32, scores []float32) {
	out := n.conv0.forward(x, 2, true, relu6)
	var conv11 *tensor
	for i := range 13 {
		out = n.dw[i].forward(out, n.strideDW[i], relu6)
		out = n.pw[i].forward(out, 1, true, relu6)
		if i+1 == 11 {
			conv11 = out
		}
	}
	feats := [6]*tensor{conv11, out}
	e := out
	for i := range n.extra {
		e = n.extra[i].forward(e, 1+i%2, true, relu6) // 1×1 stride 1, then 3×3 stride 2
		if i%2 == 1 {
			feats[2+i/2] = e
		}
	}
	boxes = make([][4]float32, 0, ssdAnchors)
	scores = make([]float32, 0, ssdAnchors)
	for i, f := range feats {
		enc := n.boxEnc[i].forward(f, 1, true, linear).data // cells × anchors × 4
		cls := n.class[i].forward(f, 1, true, linear).data  // cells × anchors × 3 classes
		for a := range len(enc) / 4 {
			boxes = append(boxes, [4]float32(enc[4*a:4*a+4]))
			scores = append(scores, sigmoid(cls[3*a+1]))
		}
	}
	for i := range boxes {
		boxes[i] = decodeBox([4]float32(n.anchors[4*i:4*i+4]), boxes[i])
	}
	return boxes, scores
}

func sigmoid(x float32) float32 { return float32(1 / (1 + math.Exp(-float64(x)))) }

// decodeBox applies the SSD box coder (scale factors 10, 10, 5, 5) to an anchor's encoding.
func decodeBox(anchor, enc [4]float32) [4]float32 {
	h, w := anchor[2]-anchor[0], anchor[3]-anchor[1]
	cy, cx := anchor[0]+h/2, anchor[1]+w/2
	halfH := float32(math.Exp(float64(enc[2]/5))) * h / 2
	halfW := float32(math.Exp(float64(enc[3]/5))) * w / 2
	y := enc[0]/10*h + cy
	x := enc[1]/10*w + cx
	return [4]float32{y - halfH, x - halfW, y + halfH, x + halfW}
}

// nonMaxSuppression is face-api's greedy suppression: candidates above minScore by descending
// score, each kept unless it overlaps a kept box by IoU > iouThreshold; at most maxResults.
func nonMaxSuppression(boxes [][4]float32, scores []float32, maxResults int, iouThreshold, minScore float64) []int {
	var cand []int
	for i, s := range scores {
		if float64(s) > minScore {
			cand = append(cand, i)
		}
	}
	sort.SliceStable(cand, func(a, b int) bool { return scores[cand[a]] > scores[cand[b]] })
	var kept []int
	for _, c := range cand {
		if len(kept) >= maxResults {
			break
		}
		ok := true
		for j := len(kept) - 1; j >= 0; j-- {
			if boxIoU(boxes[c], boxes[kept[j]]) > iouThreshold {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, c)
		}
	}
	return kept
}

// boxIoU is the intersection over union of two (ymin, xmin, ymax, xmax) boxes.
func boxIoU(a, b [4]float32) float64 {
	ay0, ax0 := float64(min(a[0], a[2])), float64(min(a[1], a[3]))
	ay1, ax1 := float64(max(a[0], a[2])), float64(max(a[1], a[3]))
	by0, bx0 := float64(min(b[0], b[2])), float64(min(b[1], b[3]))
	by1, bx1 := float64(max(b[0], b[2])), float64(max(b[1], b[3]))
	areaA, areaB := (ay1-ay0)*(ax1-ax0), (by1-by0)*(bx1-bx0)
	if areaA <= 0 || areaB <= 0 {
		return 0
	}
	inter := max(min(ay1, by1)-max(ay0, by0), 0) * max(min(ax1, bx1)-max(ax0, bx0), 0)
	return inter / (areaA + areaB - inter)
}
