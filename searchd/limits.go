package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// slotWait is how long a search waits for one of the -max-searches slots
// before it is turned away: long enough to ride out a burst, short enough
// that a client learns at once that searchd is saturated.
const slotWait = 2 * time.Second

// isSearch reports whether a request reads the index to answer: the search
// and browse routes and pages, not the writes, which may run long on
// purpose (a bulk stream, a rebuild) and have limits of their own.
func isSearch(c echo.Context) bool {
	return needsIndex(c.Path()) && !writeRoute(c.Request().Method, c.Path())
}

// writeRoute says whether a route changes the index or runs its
// administration.
func writeRoute(method, path string) bool {
	return strings.HasPrefix(path, "/api/admin/") ||
		(strings.HasPrefix(path, "/api/articles") && method != http.MethodGet && method != http.MethodHead)
}

// limitSearches bounds what searches may take: at most -max-searches run at
// once (the others wait up to slotWait, then get 503 with Retry-After), and
// each runs within -search-timeout, after which its work is stopped (bleve
// checks the context as it collects) and the answer is a 400 naming the
// budget: an expensive query is the query's doing, not a fault of the
// server's.
func (s *server) limitSearches(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !isSearch(c) {
			return next(c)
		}
		if s.searchSlots != nil {
			t := time.NewTimer(slotWait)
			select {
			case s.searchSlots <- struct{}{}:
				t.Stop()
				defer func() { <-s.searchSlots }()
			case <-t.C:
				c.Response().Header().Set("Retry-After", "1")
				return echo.NewHTTPError(http.StatusServiceUnavailable,
					fmt.Sprintf("searchd is answering %d searches at once, its limit (-max-searches); try again in a moment", cap(s.searchSlots)))
			case <-c.Request().Context().Done():
				t.Stop()
				return c.Request().Context().Err()
			}
		}
		if s.cfg.SearchTimeout <= 0 {
			return next(c)
		}
		ctx, cancel := context.WithTimeout(c.Request().Context(), s.cfg.SearchTimeout)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		err := next(c)
		if err != nil && errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return &search.ParamError{Param: "q", Message: fmt.Sprintf(
				"the search ran past its time budget of %s (-search-timeout); narrow it: fewer words, no wildcards, a filter or dates", s.cfg.SearchTimeout)}
		}
		return err
	}
}
