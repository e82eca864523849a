package face

import (
	"image"

	xdraw "golang.org/x/image/draw"
)

// Crop returns f's aligned face — the square the descriptor was computed from, centred on the
// eyes and mouth and sized by their distance — scaled to size×size, so that two faces shown side
// by side are framed alike. Crops of faces at the photo's edge are the clipped, non-square
// rectangle, stretched.
func Crop(img image.Image, f Face, size int) image.Image {
	dst := image.NewRGBA(image.Rect(0, 0, size, size))
	src := f.Aligned.Add(img.Bounds().Min)
	xdraw.CatmullRom.Scale(dst, dst.Rect, img, src, xdraw.Src, nil)
	return dst
}
