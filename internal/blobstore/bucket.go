package blobstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/s3blob" // s3:// (AWS S3, MinIO, Ceph, R2; credentials from the AWS environment)
	"gocloud.dev/gcerrors"
)

// bucket stores document bytes in an object store through gocloud.dev/blob, so that
// every API replica serves every document.
type bucket struct{ b *blob.Bucket }

// Open opens DOCUMENT_STORE: "" or file://PATH (a folder; default DATA_DIR/files) or
// an object store URL such as s3://bucket?region=…&endpoint=…&use_path_style=true.
func Open(ctx context.Context, store, dataDir string) (Store, func() error, error) {
	if store == "" {
		return Dir{Root: filepath.Join(dataDir, "files")}, func() error { return nil }, nil
	}
	u, err := url.Parse(store)
	if err != nil {
		return nil, nil, fmt.Errorf("DOCUMENT_STORE: %w", err)
	}
	if u.Scheme == "file" {
		root := u.Path
		if u.Host != "" && u.Host != "localhost" { // a relative path, as in file:// + relative/path
			root = filepath.Join(u.Host, u.Path)
		}
		return Dir{Root: root}, func() error { return nil }, nil
	}
	b, err := blob.OpenBucket(ctx, store)
	if err != nil {
		return nil, nil, fmt.Errorf("DOCUMENT_STORE %s://%s: %w", u.Scheme, u.Host, err)
	}
	return bucket{b: b}, b.Close, nil
}

// Put implements Store. The object appears only once the writer closes without error.
func (s bucket) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a cancelled context aborts an unfinished write
	w, err := s.b.NewWriter(ctx, key, &blob.WriterOptions{ContentType: "application/octet-stream"})
	if err != nil {
		return 0, "", err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), r)
	if err != nil {
		cancel()
		_ = w.Close()
		return 0, "", err
	}
	if err := w.Close(); err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// Open implements Store.
func (s bucket) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	return s.b.NewReader(ctx, key, nil)
}

// Delete implements Store.
func (s bucket) Delete(ctx context.Context, key string) error {
	if err := s.b.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return err
	}
	return nil
}

// List implements Store.
func (s bucket) List(ctx context.Context, prefix string, fn func(Info) error) error {
	it := s.b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if obj.IsDir || strings.HasSuffix(obj.Key, "/") {
			continue
		}
		if err := fn(Info{Key: obj.Key, Size: obj.Size, Modified: obj.ModTime}); err != nil {
			return err
		}
	}
}
