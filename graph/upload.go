package graph

import (
	"image"
	_ "image/jpeg" // register decoders for DecodeConfig
	_ "image/png"
	"io"
	"net/http"

	_ "golang.org/x/image/webp"

	"github.com/99designs/gqlgen/graphql"

	"github.com/openkyc/kyc-manual-review/workflow"
)

// allowedTypes are the content types accepted, as sniffed from the bytes.
var allowedTypes = map[string]string{"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}

// inspectedUpload is what the bytes of an upload turned out to be.
type inspectedUpload struct {
	ContentType, Ext string
	Width, Height    int
}

// inspectUpload checks an upload by its bytes: size, content type (never the client's claim),
// and pixel dimensions read from the header before anything is decoded.
func (r *Resolver) inspectUpload(u graphql.Upload) (inspectedUpload, error) {
	if u.Size > r.MaxUploadBytes {
		return inspectedUpload{}, workflow.Errorf(workflow.EPayloadTooLarge, "the file is larger than %d MiB", r.MaxUploadBytes>>20)
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(u.File, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return inspectedUpload{}, err
	}
	head = head[:n]
	ct := http.DetectContentType(head)
	ext, ok := allowedTypes[ct]
	if !ok {
		return inspectedUpload{}, workflow.Errorf(workflow.EUnsupportedMediaType, "only JPEG, PNG or WebP photos are accepted")
	}
	if _, err := u.File.Seek(0, io.SeekStart); err != nil {
		return inspectedUpload{}, err
	}
	cfg, _, err := image.DecodeConfig(u.File)
	if err != nil {
		return inspectedUpload{}, workflow.Errorf(workflow.EUnsupportedMediaType, "the photo could not be read as an image")
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > r.MaxPixels {
		return inspectedUpload{}, workflow.Errorf(workflow.EPayloadTooLarge, "the photo is larger than %d megapixels", r.MaxPixels/1_000_000)
	}
	if _, err := u.File.Seek(0, io.SeekStart); err != nil {
		return inspectedUpload{}, err
	}
	return inspectedUpload{ContentType: ct, Ext: ext, Width: cfg.Width, Height: cfg.Height}, nil
}
