package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// requireToken guards writes and admin requests: they must carry
// "Authorization: Bearer <token>" with the configured write token. Without
// a token configured writes are off (403, saying how to turn them on); a
// missing or wrong token is 401. Reads never pass through here.
func (s *server) requireToken(next echo.HandlerFunc) echo.HandlerFunc {
	// Comparing fixed-length digests in constant time tells a caller
	// nothing of the token, not even its length.
	want := sha256.Sum256([]byte(s.cfg.WriteToken))
	return func(c echo.Context) error {
		if s.cfg.WriteToken == "" {
			return c.JSON(http.StatusForbidden, apiError{Error: apiErrorBody{Code: "writes_disabled",
				Message: "writes are turned off: start searchd with -write-token TOKEN (or DATELINE_WRITE_TOKEN=TOKEN) and send Authorization: Bearer TOKEN"}})
		}
		auth := c.Request().Header.Get(echo.HeaderAuthorization)
		scheme, token, ok := strings.Cut(auth, " ")
		got := sha256.Sum256([]byte(strings.TrimSpace(token)))
		if !ok || !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			c.Response().Header().Set(echo.HeaderWWWAuthenticate, `Bearer realm="dateline"`)
			return c.JSON(http.StatusUnauthorized, apiError{Error: apiErrorBody{Code: "unauthorized",
				Message: "this request needs Authorization: Bearer TOKEN with searchd's write token"}})
		}
		return next(c)
	}
}
