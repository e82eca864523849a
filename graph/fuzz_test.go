package graph

// Fuzz targets for the hand-written parsers that anonymous input reaches: the upload
// inspector, page cursors and signed document links. scripts/test-all.sh runs each briefly;
// run one longer with e.g. go test ./graph -run '^$' -fuzz '^FuzzPrepareImage$' -fuzztime 5m.

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// fuzzMaxPixels keeps each fuzz input cheap to decode.
const fuzzMaxPixels = 1 << 18

// FuzzPrepareImage: the inspector never panics, refuses only with the API's two upload
// codes, and whatever it accepts it has re-encoded into a file that decodes, in the type and
// size it reports, within the pixel bound.
func FuzzPrepareImage(f *testing.F) {
	small := testphoto.Photo(96, 64, 1)
	jpg := testphoto.JPEG(small)
	f.Add(jpg)
	f.Add(testphoto.WithEXIF(jpg, 6))
	f.Add(testphoto.WithEXIF(jpg, 7))
	f.Add(testphoto.PNG(small))
	f.Add(testphoto.PNG(image.NewGray(image.Rect(0, 0, 40, 30))))
	alpha := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	for i := range alpha.Pix {
		alpha.Pix[i] = uint8(i * 7)
	}
	f.Add(testphoto.PNG(alpha))
	pal := image.NewPaletted(image.Rect(0, 0, 16, 16), []color.Color{color.Black, color.White})
	f.Add(testphoto.PNG(pal))
	var gray bytes.Buffer
	_ = jpeg.Encode(&gray, image.NewGray(image.Rect(0, 0, 24, 24)), nil)
	f.Add(gray.Bytes())
	var cmyk bytes.Buffer
	_ = jpeg.Encode(&cmyk, image.NewCMYK(image.Rect(0, 0, 16, 16)), nil)
	f.Add(cmyk.Bytes())
	if webp, err := os.ReadFile("testdata/tiny.webp"); err == nil {
		f.Add(webp)
		f.Add(append(webp, "<html>"...))
	}
	f.Add(append(append([]byte{}, jpg...), "<script>alert(1)</script>"...))
	f.Add(append(append([]byte{}, jpg...), jpg...))
	f.Add(jpg[:len(jpg)/2])
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("<html><body>hello</body></html>"))
	f.Add([]byte{})

	ctx := context.Background()
	f.Fuzz(func(t *testing.T, b []byte) {
		got, err := prepareImage(ctx, b, fuzzMaxPixels)
		if err != nil {
			var we *workflow.Error
			if !errors.As(err, &we) || (we.Code != workflow.EUnsupportedMediaType && we.Code != workflow.EPayloadTooLarge) {
				t.Fatalf("refused with %v (%T): want UNSUPPORTED_MEDIA_TYPE or PAYLOAD_TOO_LARGE", err, err)
			}
			return
		}
		if got.Width <= 0 || got.Height <= 0 || got.Width*got.Height > fuzzMaxPixels {
			t.Fatalf("accepted %d×%d", got.Width, got.Height)
		}
		var img image.Image
		switch got.ContentType {
		case "image/jpeg":
			img, err = jpeg.Decode(bytes.NewReader(got.Data))
		case "image/png":
			img, err = png.Decode(bytes.NewReader(got.Data))
		default:
			t.Fatalf("stored content type %q", got.ContentType)
		}
		if err != nil {
			t.Fatalf("the stored copy does not decode as %s: %v", got.ContentType, err)
		}
		if img.Bounds().Dx() != got.Width || img.Bounds().Dy() != got.Height {
			t.Fatalf("stored copy is %v, reported %d×%d", img.Bounds(), got.Width, got.Height)
		}
		if bytes.Contains(got.Data, []byte("Exif\x00\x00")) {
			t.Fatal("the stored copy holds EXIF")
		}
	})
}

// FuzzScanJPEG: the marker walk never panics and never reports an end beyond the input.
func FuzzScanJPEG(f *testing.F) {
	jpg := testphoto.JPEG(testphoto.Photo(32, 24, 2))
	f.Add(jpg)
	f.Add(testphoto.WithEXIF(jpg, 8))
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xD9})
	f.Add([]byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x02, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0x00, 0xFF, 0xD9})
	f.Fuzz(func(t *testing.T, b []byte) {
		end, o, err := scanJPEG(b)
		if err == nil && (end < 4 || end > len(b) || o < 1 || o > 8 || b[end-2] != 0xFF || b[end-1] != 0xD9) {
			t.Fatalf("end %d of %d, orientation %d", end, len(b), o)
		}
		end, err = scanPNG(b)
		if err == nil && (end > len(b) || !bytes.Equal(b[end-8:end-4], []byte("IEND"))) {
			t.Fatalf("PNG end %d of %d", end, len(b))
		}
		end, err = scanRIFF(b)
		if err == nil && (end > len(b) || end < 12) {
			t.Fatalf("RIFF end %d of %d", end, len(b))
		}
	})
}

// FuzzParseCursor: cursors come from clients. Parsing never panics; an accepted cursor holds
// an ID and at most a scalar value (what the case list orders by), and survives a round trip.
func FuzzParseCursor(f *testing.F) {
	for _, c := range []ent.Cursor{
		{ID: uuid.MustParse("0b7c2f7e-7d8f-4b8f-9c59-1f1f7a3c2d11")},
		{ID: uuid.MustParse("0b7c2f7e-7d8f-4b8f-9c59-1f1f7a3c2d11"), Value: time.Date(2025, 1, 2, 3, 4, 5, 6, time.UTC)},
		{ID: uuid.MustParse("0b7c2f7e-7d8f-4b8f-9c59-1f1f7a3c2d11"), Value: "PENDING_REVIEW"},
		{ID: uuid.New(), Value: int64(42)},
		{ID: uuid.New(), Value: map[string]any{"a": []any{1, 2}}},
	} {
		var buf bytes.Buffer
		c.MarshalGQL(&buf)
		f.Add(strings.Trim(buf.String(), `"`))
	}
	f.Add("")
	f.Add("not a cursor")
	f.Add("gqFp")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseCursor(&s)
		if err != nil {
			var we *workflow.Error
			if !errors.As(err, &we) || we.Code != workflow.EBadUserInput {
				t.Fatalf("refused with %v: want BAD_USER_INPUT", err)
			}
			return
		}
		if s == "" {
			if c != nil {
				t.Fatal("an empty cursor parsed to a cursor")
			}
			return
		}
		if !scalarCursorValue(c.Value) {
			t.Fatalf("accepted a cursor value of type %T", c.Value)
		}
		var buf bytes.Buffer
		c.MarshalGQL(&buf)
		again := strings.Trim(buf.String(), `"`)
		c2, err := parseCursor(&again)
		if err != nil || c2.ID != c.ID {
			t.Fatalf("round trip: %v, %+v → %+v", err, c, c2)
		}
	})
}

// FuzzSignerVerify: Verify never panics on any query, and a link verifies only for its own
// document, only with its own signature and expiry, and only until it expires.
func FuzzSignerVerify(f *testing.F) {
	s := &Signer{Key: []byte("fuzz-key-0123456789abcdef0123456789"), TTL: 10 * time.Minute}
	doc := uuid.MustParse("6f1c1f0e-2a7b-4c1e-9d55-0d7a3b9e8c21")
	t0 := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	link, err := url.Parse(s.URL(doc, t0))
	if err != nil {
		f.Fatal(err)
	}
	genuine := link.Query()
	exp := genuine.Get("exp")
	f.Add(link.RawQuery, doc[:], int64(0))
	f.Add(link.RawQuery, doc[:], int64(3600))
	f.Add(link.RawQuery+"&sig=00", uuid.Nil[:], int64(-60))
	f.Add("exp=+"+exp+"&sig="+genuine.Get("sig"), doc[:], int64(1))
	f.Add("exp=99999999999&sig="+genuine.Get("sig"), doc[:], int64(1))
	f.Add("exp=-1&sig=", doc[:], int64(0))
	f.Add("", doc[:], int64(0))
	f.Add("exp=%zz&sig=%", doc[:], int64(0))

	f.Fuzz(func(t *testing.T, rawQuery string, idBytes []byte, offset int64) {
		now := t0.Add(time.Duration(offset%(1<<40)) * time.Millisecond)
		id, err := uuid.FromBytes(idBytes)
		if err != nil {
			id = doc
		}
		q, _ := url.ParseQuery(rawQuery)
		if s.Verify(id, q, now) {
			// Without the key, only the genuine link can verify: same document, same
			// signature, same expiry (however the number is written), not yet past.
			if id != doc || q.Get("sig") != genuine.Get("sig") {
				t.Fatalf("verified %q for %s", rawQuery, id)
			}
			if !s.Verify(doc, genuine, now) {
				t.Fatalf("verified %q at %v, after the genuine link expired", rawQuery, now)
			}
		}
		// The genuine link: valid for its own document until its expiry, never for another.
		expiry, err := strconv.ParseInt(exp, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		want := now.Unix() <= expiry
		if got := s.Verify(doc, genuine, now); got != want {
			t.Fatalf("genuine link at %v (expiry %s): %v, want %v", now, exp, got, want)
		}
		if id != doc && s.Verify(id, genuine, now) {
			t.Fatalf("the link of %s verified for %s", doc, id)
		}
	})
}
