//go:build ignore

// decode writes a photo's pixels as Go's image/jpeg decodes them (the decoder the server uses,
// converted to RGBA as internal/face does) to stdout: "width height\n" then width·height·3 RGB
// bytes. reference.mjs and bench.mjs feed face-api these pixels, so that the reference test
// compares the networks and the glue between them, not two JPEG decoders (jpeg-js and Go's
// differ by ±1–3 levels on up to half the pixels; see bench/face.md).
//
//	go run decode.go photo.jpg
package main

import (
	"bufio"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg"
	"os"
)

func main() {
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return err
	}
	b := img.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Rect, img, b.Min, draw.Src)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "%d %d\n", b.Dx(), b.Dy())
	for i := 0; i < len(rgba.Pix); i += 4 {
		w.Write(rgba.Pix[i : i+3])
	}
	return w.Flush()
}
