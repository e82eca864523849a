package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"io"
	"maps"
	"net/http"
	"path"
	"runtime"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/google/uuid"
	"golang.org/x/image/webp"

	"github.com/openkyc/kyc-manual-review/graph/model"
	"github.com/openkyc/kyc-manual-review/internal/photocheck"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// An upload is never stored as sent. Its type is sniffed from the bytes, its dimensions are
// read from the header and bounded before anything is decoded, the whole file is decoded and
// checked for data after the end of the image, and what is stored is a fresh encoding of the
// pixels: no metadata (EXIF with GPS positions, maker notes), no appended payload survives.

const (
	// jpegQuality is the quality of the stored JPEGs: visually lossless for document photos.
	jpegQuality = 90
	// trailerSlack is how many bytes of anything may follow the end of an image (some
	// encoders write a few bytes of padding or a newline).
	trailerSlack = 16
	// maxPixelsPerByte bounds how far a file may compress: a real photo needs far more than
	// one byte per thousand pixels, while a file that claims a large image in a few bytes is a
	// decompression bomb, refused before a buffer is allocated for it.
	maxPixelsPerByte = 1024
)

// decodeSlots bounds the images decoded and re-encoded at once: a decoded 25-megapixel photo
// takes up to 100 MB, and the work is CPU-bound, so more at once than cores only adds memory.
var decodeSlots = make(chan struct{}, runtime.GOMAXPROCS(0))

// Formats the server accepts, by sniffed content type.
var allowedTypes = map[string]imageFormat{
	"image/jpeg": formatJPEG,
	"image/png":  formatPNG,
	"image/webp": formatWebP,
}

// uploadLimits are the bounds uploadDocument enforces, served by the limits query so that
// clients need no copy of them.
func (r *Resolver) uploadLimits() *model.Limits {
	return &model.Limits{
		MaxUploadBytes: int(r.MaxUploadBytes),
		MaxPixels:      r.MaxPixels,
		AcceptedTypes:  slices.Sorted(maps.Keys(allowedTypes)),
	}
}

type imageFormat int

const (
	formatJPEG imageFormat = iota + 1
	formatPNG
	formatWebP
)

// inspectedUpload is an upload as it will be stored: a re-encoding of its pixels.
type inspectedUpload struct {
	ContentType, Ext string
	Width, Height    int
	Data             []byte
	// Grey is the small grey copy the automatic checks run on (internal/photocheck).
	Grey *photocheck.Grey
}

// Body returns the bytes to store.
func (u inspectedUpload) Body() io.Reader { return bytes.NewReader(u.Data) }

// DocumentKey is where the bytes of document id of case caseID are stored.
func DocumentKey(caseID, id uuid.UUID, ext string) string {
	return fmt.Sprintf("documents/%s/%s%s", caseID, id, ext)
}

// ParseDocumentKey returns the document id of a key made by DocumentKey.
func ParseDocumentKey(key string) (uuid.UUID, bool) {
	dir, file := path.Split(key)
	if !strings.HasPrefix(dir, "documents/") {
		return uuid.Nil, false
	}
	id, err := uuid.Parse(strings.TrimSuffix(file, path.Ext(file)))
	return id, err == nil
}

// inspectUpload reads an upload and returns what to store in its place, or refuses it with
// PAYLOAD_TOO_LARGE (too many bytes or pixels) or UNSUPPORTED_MEDIA_TYPE.
func (r *Resolver) inspectUpload(ctx context.Context, u graphql.Upload) (inspectedUpload, error) {
	if u.Size > r.MaxUploadBytes {
		return inspectedUpload{}, errTooManyBytes(r.MaxUploadBytes)
	}
	b, err := io.ReadAll(io.LimitReader(u.File, r.MaxUploadBytes+1))
	if err != nil {
		return inspectedUpload{}, fmt.Errorf("read upload: %w", err)
	}
	if int64(len(b)) > r.MaxUploadBytes {
		return inspectedUpload{}, errTooManyBytes(r.MaxUploadBytes)
	}
	return prepareImage(ctx, b, r.MaxPixels)
}

func errTooManyBytes(limit int64) error {
	return workflow.Errorf(workflow.EPayloadTooLarge, "the file is larger than %d MiB", limit>>20)
}

var (
	errNotAnImage = workflow.Errorf(workflow.EUnsupportedMediaType, "only JPEG, PNG or WebP photos are accepted")
	errUnreadable = workflow.Errorf(workflow.EUnsupportedMediaType, "the photo could not be read as an image: it is damaged or not a photo")
	errTrailer    = workflow.Errorf(workflow.EUnsupportedMediaType, "the file holds other data after the end of the image: send the photo as the camera saved it")
)

// prepareImage checks the bytes of an upload and re-encodes them: JPEG and WebP as JPEG, PNG
// as PNG, with the EXIF orientation of a JPEG applied to the pixels. Images larger than
// maxPixels are refused from their header, before anything is decoded.
func prepareImage(ctx context.Context, b []byte, maxPixels int) (inspectedUpload, error) {
	ct := http.DetectContentType(b)
	format, ok := allowedTypes[ct]
	if !ok {
		return inspectedUpload{}, errNotAnImage
	}
	var (
		cfg image.Config
		err error
	)
	switch format {
	case formatJPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(b))
	case formatPNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(b))
	case formatWebP:
		cfg, err = webp.DecodeConfig(bytes.NewReader(b))
	}
	if err != nil {
		return inspectedUpload{}, errUnreadable
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return inspectedUpload{}, errUnreadable
	}
	if pixels > int64(maxPixels) {
		return inspectedUpload{}, workflow.Errorf(workflow.EPayloadTooLarge, "the photo is larger than %d megapixels", maxPixels/1_000_000)
	}
	if pixels > int64(len(b))*maxPixelsPerByte {
		return inspectedUpload{}, errUnreadable
	}

	// The container's structure: where the image ends, and how it is oriented.
	var end, orientation int
	switch format {
	case formatJPEG:
		end, orientation, err = scanJPEG(b)
	case formatPNG:
		end, err = scanPNG(b)
	case formatWebP:
		end, err = scanRIFF(b)
	}
	if err != nil {
		return inspectedUpload{}, errUnreadable
	}
	if !harmlessTrailer(format, b[end:]) {
		return inspectedUpload{}, errTrailer
	}

	select {
	case decodeSlots <- struct{}{}:
		defer func() { <-decodeSlots }()
	case <-ctx.Done():
		return inspectedUpload{}, ctx.Err()
	}
	var img image.Image
	src := bytes.NewReader(b[:end])
	switch format {
	case formatJPEG:
		img, err = jpeg.Decode(src)
	case formatPNG:
		img, err = png.Decode(src)
	case formatWebP:
		img, err = webp.Decode(src)
	}
	if err != nil || img.Bounds().Dx() != cfg.Width || img.Bounds().Dy() != cfg.Height {
		return inspectedUpload{}, errUnreadable
	}
	img = orient(img, orientation)
	grey := photocheck.Shrink(img)

	var out bytes.Buffer
	out.Grow(len(b))
	res := inspectedUpload{Width: img.Bounds().Dx(), Height: img.Bounds().Dy(), Grey: grey}
	if format == formatPNG {
		// Fastest deflate: a 12-megapixel PNG costs 1.4 s of CPU instead of 3 s, for files
		// about a fifth larger.
		res.ContentType, res.Ext = "image/png", ".png"
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&out, img)
	} else {
		res.ContentType, res.Ext = "image/jpeg", ".jpg"
		err = jpeg.Encode(&out, opaque(img), &jpeg.Options{Quality: jpegQuality})
	}
	if err != nil {
		return inspectedUpload{}, fmt.Errorf("re-encode upload: %w", err)
	}
	res.Data = out.Bytes()
	return res, nil
}

var errStructure = errors.New("malformed image structure")

// scanJPEG walks the markers of a JPEG from SOI to EOI and returns the offset just past EOI
// and the EXIF orientation (1 when there is none). The decoder has no way to say where it
// stopped reading, so this is what finds data appended to the image.
func scanJPEG(b []byte) (end, orientation int, err error) {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xD8 {
		return 0, 0, errStructure
	}
	orientation = 1
	i := 2
	for {
		// Like libjpeg and Go's decoder, skip stray bytes between segments.
		k := bytes.IndexByte(b[i:], 0xFF)
		if k < 0 {
			return 0, 0, errStructure
		}
		i += k
		for i < len(b) && b[i] == 0xFF { // fill bytes before a marker
			i++
		}
		if i >= len(b) {
			return 0, 0, errStructure
		}
		marker := b[i]
		i++
		switch {
		case marker == 0xD9: // EOI
			return i, orientation, nil
		case marker == 0x01 || marker >= 0xD0 && marker <= 0xD7: // TEM, RSTn: no length
			continue
		case marker == 0x00 || marker == 0xD8:
			return 0, 0, errStructure
		}
		if i+2 > len(b) {
			return 0, 0, errStructure
		}
		n := int(binary.BigEndian.Uint16(b[i:]))
		if n < 2 || i+n > len(b) {
			return 0, 0, errStructure
		}
		if marker == 0xE1 && orientation == 1 { // APP1: EXIF (or XMP, which has no orientation here)
			if o, ok := exifOrientation(b[i+2 : i+n]); ok {
				orientation = o
			}
		}
		i += n
		if marker != 0xDA { // not SOS
			continue
		}
		// Entropy-coded data runs to the next marker: 0xFF followed by neither a stuffed 0x00,
		// nor a restart marker, nor another 0xFF (fill).
		for {
			k := bytes.IndexByte(b[i:], 0xFF)
			if k < 0 || i+k+1 >= len(b) {
				return 0, 0, errStructure
			}
			i += k
			next := b[i+1]
			if next == 0x00 || next >= 0xD0 && next <= 0xD7 {
				i += 2
				continue
			}
			break // a marker (possibly after fill bytes) starts at i
		}
	}
}

// exifOrientation reads tag 0x0112 from IFD0 of an APP1 Exif segment.
func exifOrientation(seg []byte) (int, bool) {
	const header = "Exif\x00\x00"
	if !bytes.HasPrefix(seg, []byte(header)) {
		return 0, false
	}
	t := seg[len(header):]
	if len(t) < 8 {
		return 0, false
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0, false
	}
	if bo.Uint16(t[2:]) != 42 {
		return 0, false
	}
	off := uint64(bo.Uint32(t[4:]))
	if off < 8 || off+2 > uint64(len(t)) {
		return 0, false
	}
	count := uint64(bo.Uint16(t[off:]))
	for k := uint64(0); k < count; k++ {
		e := off + 2 + 12*k
		if e+12 > uint64(len(t)) {
			return 0, false
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		if bo.Uint16(t[e+2:]) != 3 || bo.Uint32(t[e+4:]) != 1 { // one SHORT
			return 0, false
		}
		o := int(bo.Uint16(t[e+8:]))
		return o, o >= 1 && o <= 8
	}
	return 0, false
}

// scanPNG walks the chunks of a PNG and returns the offset just past IEND's CRC.
func scanPNG(b []byte) (int, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if !bytes.HasPrefix(b, []byte(sig)) {
		return 0, errStructure
	}
	i := uint64(len(sig))
	for {
		if i+8 > uint64(len(b)) {
			return 0, errStructure
		}
		n := uint64(binary.BigEndian.Uint32(b[i:]))
		typ := string(b[i+4 : i+8])
		next := i + 12 + n // length, type, data, CRC
		if next > uint64(len(b)) {
			return 0, errStructure
		}
		if typ == "IEND" {
			return int(next), nil
		}
		i = next
	}
}

// scanRIFF returns the end of a WebP's RIFF container (its size field, padded to even).
func scanRIFF(b []byte) (int, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return 0, errStructure
	}
	n := uint64(binary.LittleEndian.Uint32(b[4:])) + 8
	n += n & 1
	if n < 12 || n > uint64(len(b)) {
		return 0, errStructure
	}
	return int(n), nil
}

// harmlessTrailer reports whether the bytes after the end of an image may be ignored: a few
// bytes of anything, padding, or — after a JPEG — what phone cameras append: a second JPEG
// (a multi-picture file, an Ultra HDR gain map), a Motion Photo's MP4 video, or Samsung's
// trailer ending in "SEFT". None of it is stored: only the re-encoded pixels are.
func harmlessTrailer(format imageFormat, t []byte) bool {
	if len(t) <= trailerSlack {
		return true
	}
	if len(bytes.Trim(t, "\x00\xff")) == 0 {
		return true
	}
	if format != formatJPEG {
		return false
	}
	switch {
	case bytes.HasPrefix(t, []byte{0xFF, 0xD8, 0xFF}):
		return true
	case len(t) >= 12 && string(t[4:8]) == "ftyp":
		return true
	case bytes.HasSuffix(t, []byte("SEFT")):
		return true
	}
	return false
}

// orient turns img upright according to an EXIF orientation (1–8); phones store portrait
// photos as landscape pixels with orientation 6 or 8.
func orient(img image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return img
	}
	src := rgba(img)
	w, h := src.Rect.Dx(), src.Rect.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		row := src.Pix[y*src.Stride : y*src.Stride+4*w]
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // upside down
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored upside down
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // turned 90° counter-clockwise: turn clockwise
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // turned 90° clockwise: turn counter-clockwise
				dx, dy = y, w-1-x
			}
			copy(dst.Pix[dy*dst.Stride+4*dx:dy*dst.Stride+4*dx+4], row[4*x:4*x+4])
		}
	}
	return dst
}

// rgba returns img as an *image.RGBA with its origin at 0,0.
func rgba(img image.Image) *image.RGBA {
	if m, ok := img.(*image.RGBA); ok && m.Rect.Min == (image.Point{}) {
		return m
	}
	b := img.Bounds()
	m := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(m, m.Rect, img, b.Min, draw.Src)
	return m
}

// opaque returns img ready for JPEG, which has no alpha: images with transparency are laid
// on white (as a browser would show them on the page), opaque ones are returned as they are.
func opaque(img image.Image) image.Image {
	switch m := img.(type) {
	case *image.YCbCr, *image.Gray, *image.CMYK:
		return img
	case interface{ Opaque() bool }:
		if m.Opaque() {
			return img
		}
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(dst, dst.Rect, img, b.Min, draw.Over)
	return dst
}
