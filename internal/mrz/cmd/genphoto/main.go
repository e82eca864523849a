// Command genphoto writes generated document photos (mrztest.NewPhoto) as
// JPEG files, to look at what the accuracy test reads: photo i of a seed is
// the test's photo i of that seed (seed 1 tunes, seed 2 scores).
//
//	go run ./internal/mrz/cmd/genphoto [-n 4] [-seed 1] [-o /tmp]
package main

import (
	"bytes"
	"flag"
	"fmt"
	pngenc "image/png"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/openkyc/kyc-manual-review/internal/mrz"
	"github.com/openkyc/kyc-manual-review/internal/mrz/mrztest"
)

func main() {
	n := flag.Int("n", 4, "number of photos")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", os.TempDir(), "output folder")
	fontPath := flag.String("font", "internal/mrz/testdata/ocrb/OCRB.otf", "OCR-B font file")
	png := flag.Bool("png", false, "also write each photo as PNG")
	flag.Parse()
	f, err := mrztest.LoadFont(*fontPath)
	if err != nil {
		log.Fatal(err)
	}
	for i := range *n {
		format := []mrz.Format{mrz.TD1, mrz.TD3}[i%2]
		// Photo i of a seed is the accuracy test's photo i of that seed.
		p, err := mrztest.NewPhoto(rand.New(rand.NewPCG(*seed, uint64(i))), f, format)
		if err != nil {
			log.Fatal(err)
		}
		name := filepath.Join(*out, fmt.Sprintf("mrz-%d-%d.jpg", *seed, i))
		if err := os.WriteFile(name, p.JPEG, 0o644); err != nil { //nolint:gosec // files for people to look at
			log.Fatal(err)
		}
		if *png {
			var b bytes.Buffer
			if err := pngenc.Encode(&b, p.Image); err != nil {
				log.Fatal(err)
			}
			if err := os.WriteFile(strings.TrimSuffix(name, ".jpg")+".png", b.Bytes(), 0o644); err != nil { //nolint:gosec // files for people to look at
				log.Fatal(err)
			}
		}
		fmt.Printf("%s %s angle %.1f° σ %.2f q %d\n%s\n", name, format, p.Angle, p.Sigma, p.Quality, strings.Join(p.Lines, "\n"))
	}
}
