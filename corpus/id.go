package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
)

// StableID returns the id an article without one is known by, so that the
// same article sent twice is indexed once: its URL when that is an
// absolute http(s) address (without the #fragment, which names a place in
// the page, not another page), else "sha256-" and the first 20 hex digits
// of the SHA-256 of its title and body with runs of white space collapsed,
// so that re-wrapped text keeps its id. 80 bits make a collision between
// two articles of even a billion-article collection unlikely beyond
// concern.
func StableID(a *Article) string {
	if u, err := url.Parse(strings.TrimSpace(a.URL)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		u.Fragment = ""
		u.RawFragment = ""
		return u.String()
	}
	h := sha256.New()
	h.Write([]byte(strings.Join(strings.Fields(a.Title), " ")))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(strings.Fields(a.Body), " ")))
	return "sha256-" + hex.EncodeToString(h.Sum(nil))[:20]
}
