package face

import (
	"embed"
	"io/fs"
)

// models holds the weights `pnpm -r build` copied from @vladmandic/face-api into models/ (only
// .gitkeep when the build has not run yet).
//
//go:embed all:models
var models embed.FS

// LoadEmbedded loads the models built into this binary; it returns [ErrNotBuilt] when
// `pnpm -r build` had not run before `go build`.
func LoadEmbedded() (*Models, error) {
	sub, err := fs.Sub(models, "models")
	if err != nil {
		return nil, err
	}
	return Load(sub)
}
