package graph

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Signer makes and checks document links. A link is handed out only to someone who may read
// the case, and lets an <img> fetch the bytes without an Authorization header.
type Signer struct {
	Key []byte
	TTL time.Duration
}

func (s *Signer) mac(id uuid.UUID, exp int64) string {
	m := hmac.New(sha256.New, s.Key)
	fmt.Fprintf(m, "document:%s:%d", id, exp)
	return hex.EncodeToString(m.Sum(nil))
}

// URL returns the signed link of a document, valid for more than TTL and at most 1.5 TTL:
// the expiry is rounded up to a window of TTL/2, so that reads of a case within one window
// return the same link and browsers can cache the image. A link is a bearer credential, so
// TTL is short (minutes); the apps refresh links before they expire.
func (s *Signer) URL(id uuid.UUID, now time.Time) string {
	w := max(s.TTL/2, time.Second)
	exp := now.Add(s.TTL).Truncate(w).Add(w).Unix()
	return fmt.Sprintf("/documents/%s?exp=%d&sig=%s", id, exp, s.mac(id, exp))
}

// Verify checks the query of a signed link for document id.
func (s *Signer) Verify(id uuid.UUID, q url.Values, now time.Time) bool {
	exp, err := strconv.ParseInt(q.Get("exp"), 10, 64)
	if err != nil || now.Unix() > exp {
		return false
	}
	return hmac.Equal([]byte(q.Get("sig")), []byte(s.mac(id, exp)))
}
