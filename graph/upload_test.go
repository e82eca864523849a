package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/internal/testphoto"
	"github.com/openkyc/kyc-manual-review/workflow"
)

const testMaxPixels = 25_000_000

// codeOf returns the workflow code of err ("" when it is not a refusal).
func codeOf(err error) workflow.Code {
	var we *workflow.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

// pngHeaderOnly is a 65-byte PNG whose header claims w×h pixels and whose data is empty.
func pngHeaderOnly(t testing.TB, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		b.Write(n[:])
		td := append([]byte(typ), data...)
		b.Write(td)
		binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE(td))
		b.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	if b.Len() != 65 {
		t.Fatalf("header-only PNG is %d bytes, want 65", b.Len())
	}
	return b.Bytes()
}

// scanStart is where a JPEG's first scan's data starts: everything before it is the header
// (dimensions, tables, the SOS segment) that DecodeConfig reads.
func scanStart(t testing.TB, jpg []byte) int {
	t.Helper()
	i := bytes.Index(jpg, []byte{0xFF, 0xDA})
	if i < 0 {
		t.Fatal("no SOS in test JPEG")
	}
	return i + 2 + int(binary.BigEndian.Uint16(jpg[i+2:]))
}

// withPNGText inserts a tEXt chunk (metadata a PNG may carry) before IEND.
func withPNGText(b []byte, key, text string) []byte {
	data := append(append([]byte(key), 0), text...)
	var c []byte
	c = binary.BigEndian.AppendUint32(c, uint32(len(data)))
	td := append([]byte("tEXt"), data...)
	c = append(c, td...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(td))
	end := len(b) - 12 // IEND
	return append(append(append([]byte{}, b[:end]...), c...), b[end:]...)
}

var html = []byte("<!doctype html><html><body><script>fetch('/graphql',{credentials:'include'})</script></body></html>\n")

func TestPrepareImageRefusesAttacks(t *testing.T) {
	ctx := context.Background()
	photo := testphoto.JPEG(testphoto.Photo(1600, 1200, 1))
	pngPhoto := testphoto.PNG(testphoto.Photo(1200, 900, 2))
	webpPhoto, err := os.ReadFile("testdata/photo.webp")
	if err != nil {
		t.Fatal(err)
	}
	headerThenHTML := append(append([]byte{}, photo[:scanStart(t, photo)]...), bytes.Repeat(html, 200)...)
	if _, err := jpeg.DecodeConfig(bytes.NewReader(headerThenHTML)); err != nil {
		t.Fatalf("the JPEG header + HTML attack needs a readable header: %v", err)
	}
	// Same, but with enough HTML that the file is not refused for its size alone.
	bigHeaderThenHTML := append(append([]byte{}, photo[:scanStart(t, photo)]...), bytes.Repeat(html, 20000)...)
	truncated := photo[:len(photo)*2/3]

	cases := []struct {
		name string
		b    []byte
		want workflow.Code
	}{
		{"JPEG header followed by HTML", headerThenHTML, workflow.EUnsupportedMediaType},
		{"JPEG header followed by 2 MB of HTML", bigHeaderThenHTML, workflow.EUnsupportedMediaType},
		{"65-byte PNG claiming 6000×6000", pngHeaderOnly(t, 6000, 6000), workflow.EPayloadTooLarge},
		{"65-byte PNG claiming 4000×3000", pngHeaderOnly(t, 4000, 3000), workflow.EUnsupportedMediaType},
		{"JPEG with HTML appended", append(append([]byte{}, photo...), html...), workflow.EUnsupportedMediaType},
		{"36-megapixel black PNG", testphoto.BlackPNG(6000, 6000), workflow.EPayloadTooLarge},
		{"PNG with HTML after IEND", append(append([]byte{}, pngPhoto...), html...), workflow.EUnsupportedMediaType},
		{"WebP with HTML after the RIFF container", append(append([]byte{}, webpPhoto...), html...), workflow.EUnsupportedMediaType},
		{"truncated JPEG", truncated, workflow.EUnsupportedMediaType},
		{"HTML", html, workflow.EUnsupportedMediaType},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), workflow.EUnsupportedMediaType},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := prepareImage(ctx, c.b, testMaxPixels)
			if codeOf(err) != c.want {
				t.Fatalf("prepareImage: %d bytes out, err %v; want %s", len(got.Data), err, c.want)
			}
		})
	}
}

// The pixel bound is checked from the header, before anything is decoded: a 36-megapixel
// PNG is refused without allocating its pixels.
func TestPrepareImageRefusesBombsCheaply(t *testing.T) {
	bomb := testphoto.BlackPNG(6000, 6000)
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := prepareImage(context.Background(), bomb, testMaxPixels); codeOf(err) != workflow.EPayloadTooLarge {
			t.Fatalf("err %v", err)
		}
	})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _ = prepareImage(context.Background(), bomb, testMaxPixels)
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Fatalf("refusing a 36-megapixel bomb allocated %d bytes (%v allocations): it was decoded", grew, allocs)
	}
}

func TestPrepareImageReencodesPhotos(t *testing.T) {
	ctx := context.Background()
	src := testphoto.Photo(1600, 1200, 3)
	webpPhoto, err := os.ReadFile("testdata/photo.webp")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, wantType string
		b, metadata    []byte // the upload, and metadata in it that must not be stored
	}{
		{"JPEG", "image/jpeg", testphoto.WithEXIF(testphoto.JPEG(src), 1), testphoto.GPSBytes()},
		{"PNG", "image/png", withPNGText(testphoto.PNG(src), "Comment", "taken at 48.8582N 2.2945E"), []byte("48.8582N")},
		{"WebP", "image/jpeg", webpPhoto, []byte("WEBP")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !bytes.Contains(c.b, c.metadata) {
				t.Fatal("the test upload lacks its metadata")
			}
			got, err := prepareImage(ctx, c.b, testMaxPixels)
			if err != nil {
				t.Fatal(err)
			}
			if got.ContentType != c.wantType || got.Width != 1600 || got.Height != 1200 {
				t.Fatalf("got %s %d×%d, want %s 1600×1200", got.ContentType, got.Width, got.Height, c.wantType)
			}
			if bytes.Contains(got.Data, c.metadata) {
				t.Fatal("the stored copy keeps the upload's metadata")
			}
			img, format, err := image.Decode(bytes.NewReader(got.Data))
			if err != nil || "image/"+format != c.wantType {
				t.Fatalf("stored copy: format %q, err %v", format, err)
			}
			if img.Bounds().Dx() != 1600 || img.Bounds().Dy() != 1200 {
				t.Fatalf("stored copy is %v", img.Bounds())
			}
			// Same picture: the red corner mark is still red, the card still light.
			assertColor(t, img, 20, 20, src.RGBAAt(20, 20))
			assertColor(t, img, 1400, 500, src.RGBAAt(1400, 500))
		})
	}
}

// assertColor checks the pixel at x,y is within 40 per channel of want (lossy encodings and
// the scene's lighting and noise move it a little).
func assertColor(t *testing.T, img image.Image, x, y int, want color.RGBA) {
	t.Helper()
	r, g, b, _ := img.At(x, y).RGBA()
	d := func(a uint32, w uint8) int { return max(int(a>>8)-int(w), int(w)-int(a>>8)) }
	if d(r, want.R) > 40 || d(g, want.G) > 40 || d(b, want.B) > 40 {
		t.Fatalf("pixel %d,%d is %d,%d,%d; want about %v", x, y, r>>8, g>>8, b>>8, want)
	}
}

// EXIF (with the GPS position) is gone from the stored copy, and its orientation was applied.
func TestPrepareImageStripsEXIFAndTurnsUpright(t *testing.T) {
	photo := testphoto.Photo(1600, 1200, 4)
	mark := photo.RGBAAt(20, 20)
	src := testphoto.JPEG(photo)
	for _, o := range []struct {
		orientation  uint16
		w, h         int
		markX, markY int // where the top-left red mark must end up
		wantRotation string
	}{
		{1, 1600, 1200, 20, 20, "none"},
		{3, 1600, 1200, 1580, 1180, "180°"},
		{6, 1200, 1600, 1180, 20, "90° clockwise"},
		{8, 1200, 1600, 20, 1580, "90° counter-clockwise"},
	} {
		up := testphoto.WithEXIF(src, o.orientation)
		if !bytes.Contains(up, testphoto.GPSBytes()) || !bytes.Contains(up, []byte("Exif\x00\x00")) {
			t.Fatal("the test upload lacks its EXIF GPS position")
		}
		if cfg, err := jpeg.DecodeConfig(bytes.NewReader(up)); err != nil || cfg.Width != 1600 {
			t.Fatalf("the test upload does not decode: %v", err)
		}
		got, err := prepareImage(context.Background(), up, testMaxPixels)
		if err != nil {
			t.Fatalf("orientation %d: %v", o.orientation, err)
		}
		if bytes.Contains(got.Data, testphoto.GPSBytes()) || bytes.Contains(got.Data, []byte("Exif")) ||
			bytes.Contains(got.Data, []byte("KYC Phone")) {
			t.Fatalf("orientation %d: the stored copy still holds EXIF", o.orientation)
		}
		img, err := jpeg.Decode(bytes.NewReader(got.Data))
		if err != nil {
			t.Fatal(err)
		}
		if got.Width != o.w || got.Height != o.h || img.Bounds().Dx() != o.w || img.Bounds().Dy() != o.h {
			t.Fatalf("orientation %d: reported %d×%d, stored %v; want %d×%d", o.orientation, got.Width, got.Height, img.Bounds(), o.w, o.h)
		}
		assertColor(t, img, o.markX, o.markY, mark)
	}
}

// What phones append after a JPEG's end is tolerated (and dropped); other data is not.
func TestPrepareImagePhoneTrailers(t *testing.T) {
	photo := testphoto.JPEG(testphoto.Photo(1280, 960, 5))
	gainMap := testphoto.JPEG(testphoto.Photo(320, 240, 6))
	mp4 := append([]byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), bytes.Repeat([]byte{1, 2, 3}, 400)...)
	sef := append(bytes.Repeat([]byte("Image_UTC_Data1700000000000"), 3), "\x00\x00\x00\x40SEFT"...)
	for name, trailer := range map[string][]byte{
		"Ultra HDR gain map": gainMap,
		"Motion Photo video": mp4,
		"Samsung trailer":    sef,
		"zero padding":       make([]byte, 4096),
		"a newline":          []byte("\r\n"),
	} {
		got, err := prepareImage(context.Background(), append(append([]byte{}, photo...), trailer...), testMaxPixels)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if bytes.Contains(got.Data, trailer) {
			t.Fatalf("%s: kept in the stored copy", name)
		}
	}
}

// Decodes wait for a slot, and give up when the request does.
func TestPrepareImageWaitsForASlot(t *testing.T) {
	for range cap(decodeSlots) {
		decodeSlots <- struct{}{}
	}
	release := func() {
		for range cap(decodeSlots) {
			<-decodeSlots
		}
	}
	photo := testphoto.JPEG(testphoto.Photo(1200, 900, 8))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := prepareImage(ctx, photo, testMaxPixels)
	if !errors.Is(err, context.DeadlineExceeded) {
		release()
		t.Fatalf("with every slot taken: %v, want the context's deadline", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := prepareImage(context.Background(), photo, testMaxPixels)
		done <- err
	}()
	select {
	case err := <-done:
		release()
		t.Fatalf("decoded while every slot was taken (err %v)", err)
	case <-time.After(100 * time.Millisecond):
	}
	release()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a freed slot did not let the waiting decode run")
	}
}

func TestDocumentKeys(t *testing.T) {
	c, id := uuid.New(), uuid.New()
	key := DocumentKey(c, id, ".jpg")
	if got, ok := ParseDocumentKey(key); !ok || got != id {
		t.Fatalf("ParseDocumentKey(%q) = %v, %v", key, got, ok)
	}
	for _, k := range []string{"documents/" + c.String() + "/.upload-123", "exports/" + id.String() + ".csv", id.String() + ".jpg"} {
		if _, ok := ParseDocumentKey(k); ok {
			t.Fatalf("ParseDocumentKey(%q) accepted a key that names no document", k)
		}
	}
}

func TestExifOrientationIgnoresMalformed(t *testing.T) {
	good := testphoto.WithEXIF(testphoto.JPEG(image.NewGray(image.Rect(0, 0, 8, 8))), 6)
	_, o, err := scanJPEG(good)
	if err != nil || o != 6 {
		t.Fatalf("scanJPEG: orientation %d, err %v; want 6", o, err)
	}
	seg := good[6 : 6+int(good[4])<<8|int(good[5])-2]
	for n := range len(seg) {
		if o, ok := exifOrientation(seg[:n]); ok && o != 6 {
			t.Fatalf("a segment cut at %d read orientation %d", n, o)
		}
	}
	if _, ok := exifOrientation([]byte(strings.Replace(string(seg), "II*", "XX*", 1))); ok {
		t.Fatal("read an orientation without a byte order")
	}
}

// BenchmarkPrepareImage12MP measures decode + re-encode of a 12-megapixel phone photo
// (4000×3000 JPEG, 90 %), with and without an EXIF turn, and a 12-megapixel PNG.
func BenchmarkPrepareImage12MP(b *testing.B) {
	photo := testphoto.Photo(4000, 3000, 9)
	jpg := testphoto.JPEG(photo)
	inputs := []struct {
		name string
		data []byte
	}{
		{"jpeg", jpg},
		{"jpeg-rotated", testphoto.WithEXIF(jpg, 6)},
		{"png", testphoto.PNG(photo)},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			start := cpuTime()
			for b.Loop() {
				if _, err := prepareImage(context.Background(), in.data, testMaxPixels); err != nil {
					b.Fatal(err)
				}
			}
			// CPU time (all threads, GC included) tells the cost on a busy machine, where
			// ns/op (wall clock) also counts waiting for a core.
			b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time this process used so far (user + system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
