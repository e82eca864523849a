package main

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/openkyc/kyc-manual-review/graph"
)

// Documents are encrypted at rest (envelope encryption): each object gets its own random
// 256-bit data key; the bytes are sealed with AES-256-GCM under it, and the data key is
// itself sealed under a key-encryption key (KEK). A stolen disk or bucket yields no photo;
// rotating the KEK needs no re-encryption of the photos for reading (old KEKs stay listed).
//
// An object is: magic "KYCSEAL1" | KEK id (8 bytes) | sealed data key (12-byte nonce +
// 32 + 16) | nonce (12) | sealed bytes (+16). Both seals take the object's key as
// additional data, so an object copied to another key does not open.

const sealMagic = "KYCSEAL1"

const (
	kekIDLen      = 8
	nonceLen      = 12
	sealedDEKLen  = nonceLen + 32 + 16
	sealHeaderLen = len(sealMagic) + kekIDLen + sealedDEKLen + nonceLen
)

// keks are the key-encryption keys, the first used for new objects.
type keks struct {
	ids  [][kekIDLen]byte
	keys map[[kekIDLen]byte]cipher.AEAD
}

func kekID(key []byte) (id [kekIDLen]byte) {
	sum := sha256.Sum256(append([]byte("kyc-kek-id:"), key...))
	copy(id[:], sum[:])
	return id
}

// parseKEKs reads KEK: comma-separated base64 keys of 32 bytes, newest first; empty derives
// one from the server's secret (HMAC-SHA256(secret, "document-kek")).
func parseKEKs(setting string, secret []byte) (*keks, error) {
	var raw [][]byte
	for _, s := range strings.Split(setting, ",") {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		k, err := base64.StdEncoding.DecodeString(s)
		if err != nil || len(k) != 32 {
			return nil, errors.New("KEK: each key must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)")
		}
		raw = append(raw, k)
	}
	if len(raw) == 0 {
		m := hmac.New(sha256.New, secret)
		m.Write([]byte("document-kek"))
		raw = append(raw, m.Sum(nil))
	}
	ks := &keks{keys: map[[kekIDLen]byte]cipher.AEAD{}}
	for _, k := range raw {
		aead, err := newGCM(k)
		if err != nil {
			return nil, err
		}
		id := kekID(k)
		ks.ids = append(ks.ids, id)
		ks.keys[id] = aead
	}
	return ks, nil
}

func newGCM(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

// sealedBlobs encrypts what it stores in the store under it.
type sealedBlobs struct {
	inner graph.Blobs
	keks  *keks
}

// Put implements graph.Blobs; size and SHA-256 describe the plain bytes.
func (s sealedBlobs) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	plain, err := io.ReadAll(r)
	if err != nil {
		return 0, "", err
	}
	sealed, err := s.seal(key, plain)
	if err != nil {
		return 0, "", err
	}
	if _, _, err := s.inner.Put(ctx, key, bytes.NewReader(sealed)); err != nil {
		return 0, "", err
	}
	sum := sha256.Sum256(plain)
	return int64(len(plain)), hex.EncodeToString(sum[:]), nil
}

func (s sealedBlobs) seal(key string, plain []byte) ([]byte, error) {
	dek := make([]byte, 32)
	_, _ = rand.Read(dek)
	data, err := newGCM(dek)
	if err != nil {
		return nil, err
	}
	id := s.keks.ids[0]
	out := make([]byte, 0, sealHeaderLen+len(plain)+16)
	out = append(out, sealMagic...)
	out = append(out, id[:]...)
	nonce := make([]byte, nonceLen)
	_, _ = rand.Read(nonce)
	out = append(out, nonce...)
	out = s.keks.keys[id].Seal(out, nonce, dek, []byte(key))
	_, _ = rand.Read(nonce)
	out = append(out, nonce...)
	return data.Seal(out, nonce, plain, []byte(key)), nil
}

// errNotSealed says an object predates encryption (stored plain).
var errNotSealed = errors.New("object is not encrypted")

func (s sealedBlobs) open(key string, b []byte) ([]byte, error) {
	if len(b) < sealHeaderLen || string(b[:len(sealMagic)]) != sealMagic {
		return nil, errNotSealed
	}
	var id [kekIDLen]byte
	copy(id[:], b[len(sealMagic):])
	kek, ok := s.keks.keys[id]
	if !ok {
		return nil, fmt.Errorf("object %s was encrypted with a key-encryption key that is not configured (id %x): keep old keys in KEK after a rotation", key, id)
	}
	p := len(sealMagic) + kekIDLen
	dek, err := kek.Open(nil, b[p:p+nonceLen], b[p+nonceLen:p+sealedDEKLen], []byte(key))
	if err != nil {
		return nil, fmt.Errorf("object %s: data key does not open: %w", key, err)
	}
	data, err := newGCM(dek)
	if err != nil {
		return nil, err
	}
	p += sealedDEKLen
	plain, err := data.Open(nil, b[p:p+nonceLen], b[p+nonceLen:], []byte(key))
	if err != nil {
		return nil, fmt.Errorf("object %s: does not decrypt (altered?): %w", key, err)
	}
	return plain, nil
}

// Open implements graph.Blobs: it decrypts into memory (a photo is a few MB). An object
// stored before encryption was turned on is served as it is until `server migrate` seals it.
func (s sealedBlobs) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
	b, err := s.read(ctx, key)
	if err != nil {
		return nil, err
	}
	plain, err := s.open(key, b)
	if errors.Is(err, errNotSealed) {
		plain, err = b, nil
	}
	if err != nil {
		return nil, err
	}
	return nopCloser{bytes.NewReader(plain)}, nil
}

func (s sealedBlobs) read(ctx context.Context, key string) ([]byte, error) {
	r, err := s.inner.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// Delete implements graph.Blobs.
func (s sealedBlobs) Delete(ctx context.Context, key string) error { return s.inner.Delete(ctx, key) }

// List implements graph.Blobs.
func (s sealedBlobs) List(ctx context.Context, prefix string, fn func(graph.BlobInfo) error) error {
	return s.inner.List(ctx, prefix, fn)
}

// SealAll encrypts every object under prefix still stored plain, and re-seals those sealed
// under an older KEK with the newest; it is idempotent. It returns how many it rewrote.
func (s sealedBlobs) SealAll(ctx context.Context, prefix string) (int, error) {
	var keys []string
	if err := s.inner.List(ctx, prefix, func(b graph.BlobInfo) error {
		if !strings.Contains(b.Key, "/.") { // unfinished writes (".upload-*") are the sweep's
			keys = append(keys, b.Key)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	n := 0
	for _, key := range keys {
		b, err := s.read(ctx, key)
		if err != nil {
			return n, err
		}
		if len(b) >= sealHeaderLen && string(b[:len(sealMagic)]) == sealMagic &&
			bytes.Equal(b[len(sealMagic):len(sealMagic)+kekIDLen], s.keks.ids[0][:]) {
			continue // sealed under the newest key already
		}
		plain, err := s.open(key, b)
		if errors.Is(err, errNotSealed) {
			plain, err = b, nil
		}
		if err != nil {
			return n, err
		}
		sealed, err := s.seal(key, plain)
		if err != nil {
			return n, err
		}
		if _, _, err := s.inner.Put(ctx, key, bytes.NewReader(sealed)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// openSealedBlobs opens the document store of cfg with encryption at rest.
func openSealedBlobs(ctx context.Context, cfg config, secret []byte) (sealedBlobs, func() error, error) {
	ks, err := parseKEKs(cfg.KEK, secret)
	if err != nil {
		return sealedBlobs{}, nil, err
	}
	inner, closeFn, err := openBlobs(ctx, cfg.DocumentStore, cfg.DataDir)
	if err != nil {
		return sealedBlobs{}, nil, err
	}
	return sealedBlobs{inner: inner, keks: ks}, closeFn, nil
}
