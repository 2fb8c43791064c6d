package main

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded assets under content-hashed URLs
// (/static/HASH/style.css), so browsers may cache them for good and a new
// release is fetched at once.
type staticFiles struct {
	hashes map[string]string // name → hash
	data   map[string][]byte
}

func loadStatic() (*staticFiles, error) {
	st := &staticFiles{hashes: map[string]string{}, data: map[string][]byte{}}
	entries, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, err := fs.ReadFile(staticFS, "static/"+e.Name())
		if err != nil {
			return nil, err
		}
		sum := sha256.Sum256(b)
		st.hashes[e.Name()] = hex.EncodeToString(sum[:6])
		st.data[e.Name()] = b
	}
	return st, nil
}

// url returns the hashed URL of a static file; templates call it, and an
// unknown name is a programming error caught when the page renders.
func (st *staticFiles) url(name string) (string, error) {
	h, ok := st.hashes[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + h + "/" + name, nil
}

func (s *server) handleStatic(c echo.Context) error {
	name := c.Param("name")
	b, ok := s.pages.static.data[name]
	if !ok || s.pages.static.hashes[name] != c.Param("hash") {
		return echo.NewHTTPError(http.StatusNotFound, "no such file")
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	ctype := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}[path.Ext(name)]
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return c.Blob(http.StatusOK, ctype, b)
}
