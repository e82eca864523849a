package main

import (
	"bytes"
	"image"
	"image/jpeg"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

// The CPU cost of the automatic photo checks (issue 13's budget: ≤ 100 ms for a 12-megapixel
// photo on one core) against the JPEG decode every upload already does, in the same process:
//
//	go test ./bench -run '^$' -bench PhotoCheck -cpu 1 -benchtime 20x
//
// Results are in bench/RESULTS.md ("Photo checks").

var photo12MP = sync.OnceValue(func() []byte {
	return testphoto.JPEG(testphoto.Scene(4000, 3000, 7)) // 12 MP, as a phone's main camera
})

// cpuTime is the CPU time this process has used (user and system): on a shared machine the
// wall-clock time per operation includes waiting for a core, the CPU time does not.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU runs the benchmark loop and reports the CPU milliseconds per operation.
func reportCPU(b *testing.B, op func()) {
	start := cpuTime(b)
	n := 0
	for b.Loop() {
		op()
		n++
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
}

func decode12MP(b *testing.B) image.Image {
	img, err := jpeg.Decode(bytes.NewReader(photo12MP()))
	if err != nil {
		b.Fatal(err)
	}
	return img
}

// BenchmarkPhotoCheckDecodeBaseline decodes the 12-MP JPEG: the baseline.
func BenchmarkPhotoCheckDecodeBaseline(b *testing.B) {
	decode12MP(b)
	b.ResetTimer()
	reportCPU(b, func() { decode12MP(b) })
}

// BenchmarkPhotoCheck12MP runs every check of one photo on the decoded 12-MP image: the grey
// copy (one pass over the luma), sharpness, exposure, glare and the perceptual hash.
func BenchmarkPhotoCheck12MP(b *testing.B) {
	img := decode12MP(b)
	b.ResetTimer()
	reportCPU(b, func() {
		a := photocheck.Analyze(photocheck.Shrink(img), photocheck.Document)
		if len(a.Checks) != 4 {
			b.Fatal(a.Checks)
		}
	})
}
