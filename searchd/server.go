package main

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"golang.org/x/time/rate"

	"dateline/search"
)

// server holds what the handlers share: the index, the logger, the pages.
type server struct {
	cfg config
	// index is set once, before ready turns true; handlers behind
	// requireReady read it only after seeing ready.
	index   *search.Index
	ready   atomic.Bool
	log     *slog.Logger
	pages   *pages
	metrics *metrics
	echo    *echo.Echo
	// now is the clock relative dates (from=now-7d) count from.
	now func() time.Time
	// tasks are the bulk writes and rebuilds, running and recent.
	tasks *taskList
	// searchSlots holds a token for each search running (limits.go); nil
	// for no limit.
	searchSlots chan struct{}
}

// newServer wires the handlers. x may be nil: the server then answers 503
// on everything that needs the index until setIndex is called.
func newServer(cfg config, x *search.Index, log *slog.Logger) (*server, error) {
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &server{cfg: cfg, log: log, pages: p, now: time.Now, tasks: newTaskList(log)}
	if cfg.MaxSearches > 0 {
		s.searchSlots = make(chan struct{}, cfg.MaxSearches)
	}
	s.metrics = newMetrics(s)
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	// The client is the peer of the connection: forwarding headers are
	// anyone's to write, and would let one client pass for many under the
	// rate limit.
	e.IPExtractor = echo.ExtractIPDirect()
	e.Use(middleware.RequestID())
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRequestID: true, LogError: true,
		LogRoutePath: true, HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("method", v.Method), slog.String("uri", v.URI), slog.String("route", v.RoutePath),
				slog.Int("status", v.Status), slog.Duration("latency", v.Latency), slog.String("request_id", v.RequestID))
			s.metrics.observe(v.Method, v.RoutePath, v.Status, v.Latency)
			return nil
		},
	}))
	e.Use(middleware.Recover())
	e.Use(middleware.SecureWithConfig(securityHeaders))
	if cfg.RateLimit > 0 {
		e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
			Skipper: func(c echo.Context) bool { return !needsIndex(c.Path()) },
			Store: middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
				Rate: rate.Limit(cfg.RateLimit), Burst: max(1, int(2*cfg.RateLimit)), ExpiresIn: 3 * time.Minute,
			}),
			ErrorHandler: func(echo.Context, error) error {
				return echo.NewHTTPError(http.StatusForbidden, "the client could not be told apart")
			},
			DenyHandler: func(c echo.Context, _ string, _ error) error {
				c.Response().Header().Set("Retry-After", "1")
				return echo.NewHTTPError(http.StatusTooManyRequests, "too many requests; slow down")
			},
		}))
	}
	e.Use(s.requireReady)
	e.Use(s.limitSearches)
	s.echo = e
	s.routes(e)
	if x != nil {
		s.setIndex(x)
	}
	return s, nil
}

// contentSecurityPolicy lets pages load script, style and images only from
// searchd itself, and never run inline script: article text that slipped
// through as markup still could not run. No page may be framed.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders go on every answer, pages and API alike.
var securityHeaders = middleware.SecureConfig{
	ContentTypeNosniff:    "nosniff",
	XFrameOptions:         "DENY",
	ContentSecurityPolicy: contentSecurityPolicy,
	// Links out to the original articles do not tell other sites what
	// was searched for.
	ReferrerPolicy: "same-origin",
}

// setIndex hands the opened index to the server, which is then ready.
func (s *server) setIndex(x *search.Index) {
	s.index = x
	s.ready.Store(true)
}

// routes is the one route table of searchd.
func (s *server) routes(e *echo.Echo) {
	e.GET("/", s.handleSearchPage)
	e.GET("/quotes", s.handleQuotesPage)
	e.GET("/speakers/:name", s.handleSpeakerPage)
	e.GET("/articles/:id", s.handleArticlePage)
	e.GET("/static/:hash/:name", s.handleStatic)

	e.GET("/api/search", s.handleSearch)
	e.POST("/api/search", s.handlePostSearch, middleware.BodyLimit(strconv.Itoa(maxBodyBytes>>10)+"K"))
	e.GET("/api/articles/:id", s.handleGetArticle)
	e.GET("/api/facets/:name", s.handleFacetValues)
	e.GET("/api/suggest", s.handleSuggest)
	e.GET("/api/quotes", s.handleQuotes)
	e.GET("/api/stats", s.handleStats)
	e.GET("/api/openapi.json", s.handleOpenAPI)

	e.GET("/healthz", s.handleHealth)
	e.GET("/readyz", s.handleReady)
	e.GET("/metrics", s.handleMetrics)

	// Writes and admin requests need the write token (auth.go).
	e.POST("/api/articles", s.handlePostArticles, s.requireToken)
	e.DELETE("/api/articles/:id", s.handleDeleteArticle, s.requireToken)
	e.POST("/api/admin/reindex", s.handleReindex, s.requireToken)
	e.GET("/api/admin/tasks", s.handleTasks, s.requireToken)
	e.GET("/api/admin/tasks/:id", s.handleTask, s.requireToken)
}

// headerTimeout bounds reading a request's headers: 5 s, enough for any
// client on a slow line, or the whole read timeout where that is shorter.
func headerTimeout(read time.Duration) time.Duration {
	if read > 0 && read < 5*time.Second {
		return read
	}
	return 5 * time.Second
}

// needsIndex reports whether the route at path reads the index: all but
// the probes, the metrics, the API's description and the static files.
func needsIndex(path string) bool {
	switch path {
	case "/healthz", "/readyz", "/metrics", "/api/openapi.json", "/static/:hash/:name":
		return false
	}
	return true
}

// requireReady answers 503 on the routes that read the index until it is
// open, so that a starting searchd is told apart from a broken one.
func (s *server) requireReady(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !s.ready.Load() && needsIndex(c.Path()) {
			c.Response().Header().Set("Retry-After", "1")
			return echo.NewHTTPError(http.StatusServiceUnavailable, "the index is being opened; try again in a moment")
		}
		return next(c)
	}
}

// httpServer returns the http.Server that serves s, with its timeouts.
func (s *server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: headerTimeout(s.cfg.ReadTimeout),
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

// handleHealth answers 200 once searchd answers searches, 503 while its
// index opens: the readiness the shared contract and container health
// checks wait for. A process that answers at all is alive.
func (s *server) handleHealth(c echo.Context) error {
	if !s.ready.Load() {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "starting"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// handleReady tells whether the index is open and searches are answered.
func (s *server) handleReady(c echo.Context) error {
	if !s.ready.Load() {
		return c.JSON(http.StatusServiceUnavailable, map[string]string{"status": "starting"})
	}
	return c.JSON(http.StatusOK, map[string]string{"status": "ready"})
}

// isAPI reports whether a request path answers JSON.
func isAPI(path string) bool {
	return strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/readyz"
}

// version returns the module version and VCS revision searchd was built
// from, where the build recorded them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += " " + s.Value[:12]
		}
	}
	return v
}
