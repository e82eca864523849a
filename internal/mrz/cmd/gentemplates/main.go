// Command gentemplates renders the 37 MRZ glyphs (A–Z, 0–9, '<') of the OCR-B
// font into the templates package mrz classifies characters against, and
// writes them to internal/mrz/templates.bin (embedded in the package, so the
// server needs no font at run time).
//
//	go run ./internal/mrz/cmd/gentemplates [-font internal/mrz/testdata/ocrb/OCRB.otf] [-o internal/mrz/templates.bin]
//
// Each template is one character cell of the font: the advance width wide,
// from 0.82 em above the baseline to 0.06 em below it, rendered at 8×8
// supersampling and averaged down (anti-aliased ink coverage, 0 white to 255
// black). The file is "MRZT", width, height, the baseline row ×10 (uint16,
// big-endian), ems per pitch ×1000 (uint16), then per glyph its character and
// width×height bytes, row by row.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/color"
	"log"
	"os"

	"github.com/openkyc/kyc-manual-review/internal/mrz/mrztest"
)

const (
	alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
	width    = 20   // pixels per character pitch
	above    = 0.82 // ems above the baseline
	below    = 0.06 // ems below the baseline
	super    = 8
)

func main() {
	fontPath := flag.String("font", "internal/mrz/testdata/ocrb/OCRB.otf", "OCR-B font file")
	out := flag.String("o", "internal/mrz/templates.bin", "output file")
	flag.Parse()
	f, err := mrztest.LoadFont(*fontPath)
	if err != nil {
		log.Fatal(err)
	}
	adv := f.Advance('A')
	em := width / adv // pixels per em
	height := int(float64(width)*(above+below)/adv + 0.5)
	baseline := above * em

	var b bytes.Buffer
	b.WriteString("MRZT")
	b.WriteByte(width)
	b.WriteByte(byte(height))
	_ = binary.Write(&b, binary.BigEndian, uint16(baseline*10+0.5))
	_ = binary.Write(&b, binary.BigEndian, uint16(adv*1000+0.5))
	for _, r := range alphabet {
		if f.Advance(r) != adv {
			log.Fatalf("%c: advance %v, want the fixed pitch %v", r, f.Advance(r), adv)
		}
		big := image.NewGray(image.Rect(0, 0, width*super, height*super))
		for i := range big.Pix {
			big.Pix[i] = 255
		}
		f.Draw(big, 0, baseline*super, em*super, 0, string(r), color.Black)
		b.WriteByte(byte(r))
		for y := range height {
			for x := range width {
				sum := 0
				for dy := range super {
					row := big.Pix[(y*super+dy)*big.Stride+x*super:]
					for dx := range super {
						sum += 255 - int(row[dx])
					}
				}
				b.WriteByte(byte(sum / (super * super)))
			}
		}
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil { //nolint:gosec // a data file in the repository
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "wrote %d templates of %d×%d to %s\n", len(alphabet), width, height, *out)
}
