package blobstore

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
)

// Documents are encrypted at rest (envelope encryption): each object gets its own random
// 256-bit data key; the bytes are sealed with AES-256-GCM under it, and the data key is
// itself sealed under a key-encryption key (KEK). A stolen disk or bucket yields no photo;
// rotating the KEK needs no re-encryption of the photos for reading (old KEKs stay listed).
//
// An object is: magic "KYCSEAL1" | KEK id (8 bytes) | sealed data key (12-byte nonce +
// 32 + 16) | nonce (12) | sealed bytes (+16). Both seals take the object's key as
// additional data, so an object copied to another key does not open.

// SealMagic starts every sealed object.
const SealMagic = "KYCSEAL1"

const (
	kekIDLen      = 8
	nonceLen      = 12
	sealedDEKLen  = nonceLen + 32 + 16
	sealHeaderLen = len(SealMagic) + kekIDLen + sealedDEKLen + nonceLen
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

// ParseKEKs reads KEK: comma-separated base64 keys of 32 bytes, newest first; empty derives
// one from the server's secret (HMAC-SHA256(secret, "document-kek")).
func ParseKEKs(setting string, secret []byte) (*keks, error) {
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

// Sealed encrypts what it stores in the store under it.
type Sealed struct {
	// Inner holds the sealed objects.
	Inner Store
	keks  *keks
}

// Put implements Store; size and SHA-256 describe the plain bytes.
func (s Sealed) Put(ctx context.Context, key string, r io.Reader) (int64, string, error) {
	plain, err := io.ReadAll(r)
	if err != nil {
		return 0, "", err
	}
	sealed, err := s.seal(key, plain)
	if err != nil {
		return 0, "", err
	}
	if _, _, err := s.Inner.Put(ctx, key, bytes.NewReader(sealed)); err != nil {
		return 0, "", err
	}
	sum := sha256.Sum256(plain)
	return int64(len(plain)), hex.EncodeToString(sum[:]), nil
}

func (s Sealed) seal(key string, plain []byte) ([]byte, error) {
	dek := make([]byte, 32)
	_, _ = rand.Read(dek)
	data, err := newGCM(dek)
	if err != nil {
		return nil, err
	}
	id := s.keks.ids[0]
	out := make([]byte, 0, sealHeaderLen+len(plain)+16)
	out = append(out, SealMagic...)
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

func (s Sealed) open(key string, b []byte) ([]byte, error) {
	if len(b) < sealHeaderLen || string(b[:len(SealMagic)]) != SealMagic {
		return nil, errNotSealed
	}
	var id [kekIDLen]byte
	copy(id[:], b[len(SealMagic):])
	kek, ok := s.keks.keys[id]
	if !ok {
		return nil, fmt.Errorf("object %s was encrypted with a key-encryption key that is not configured (id %x): keep old keys in KEK after a rotation", key, id)
	}
	p := len(SealMagic) + kekIDLen
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

// Open implements Store: it decrypts into memory (a photo is a few MB). An object
// stored before encryption was turned on is served as it is until `server migrate` seals it.
func (s Sealed) Open(ctx context.Context, key string) (io.ReadSeekCloser, error) {
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

func (s Sealed) read(ctx context.Context, key string) ([]byte, error) {
	r, err := s.Inner.Open(ctx, key)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// Delete implements Store.
func (s Sealed) Delete(ctx context.Context, key string) error { return s.Inner.Delete(ctx, key) }

// List implements Store.
func (s Sealed) List(ctx context.Context, prefix string, fn func(Info) error) error {
	return s.Inner.List(ctx, prefix, fn)
}

// SealAll encrypts every object under prefix still stored plain, and re-seals those sealed
// under an older KEK with the newest; it is idempotent. It returns how many it rewrote.
func (s Sealed) SealAll(ctx context.Context, prefix string) (int, error) {
	var keys []string
	if err := s.Inner.List(ctx, prefix, func(b Info) error {
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
		if len(b) >= sealHeaderLen && string(b[:len(SealMagic)]) == SealMagic &&
			bytes.Equal(b[len(SealMagic):len(SealMagic)+kekIDLen], s.keks.ids[0][:]) {
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
		if _, _, err := s.Inner.Put(ctx, key, bytes.NewReader(sealed)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// OpenSealed opens the document store (DOCUMENT_STORE, under dataDir by default) with
// encryption at rest under the key-encryption keys of kekSetting (KEK; derived from secret
// when empty).
func OpenSealed(ctx context.Context, store, dataDir, kekSetting string, secret []byte) (Sealed, func() error, error) {
	ks, err := ParseKEKs(kekSetting, secret)
	if err != nil {
		return Sealed{}, nil, err
	}
	inner, closeFn, err := Open(ctx, store, dataDir)
	if err != nil {
		return Sealed{}, nil, err
	}
	return Sealed{Inner: inner, keks: ks}, closeFn, nil
}
