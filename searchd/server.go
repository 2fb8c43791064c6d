package main

import (
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"dateline/search"
)

// server holds what the handlers share: the index, the logger, the pages.
type server struct {
	cfg   config
	index *search.Index
	log   *slog.Logger
	pages *pages
	echo  *echo.Echo
	// tasks are the bulk writes and rebuilds, running and recent.
	tasks *taskList
}

// newServer wires the handlers to the index.
func newServer(cfg config, x *search.Index, log *slog.Logger) (*server, error) {
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &server{cfg: cfg, index: x, log: log, pages: p, tasks: newTaskList(log)}
	e := echo.New()
	e.HideBanner = true
	e.HidePort = true
	e.HTTPErrorHandler = s.handleError
	e.Use(middleware.RequestID())
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus: true, LogURI: true, LogMethod: true, LogLatency: true, LogRequestID: true, LogError: true,
		HandleError: true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			level := slog.LevelInfo
			if v.Status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(c.Request().Context(), level, "request",
				slog.String("method", v.Method), slog.String("uri", v.URI), slog.Int("status", v.Status),
				slog.Duration("latency", v.Latency), slog.String("request_id", v.RequestID))
			return nil
		},
	}))
	e.Use(middleware.Recover())
	s.echo = e
	s.routes(e)
	return s, nil
}

// routes is the one route table of searchd.
func (s *server) routes(e *echo.Echo) {
	e.GET("/", s.handleSearchPage)
	e.GET("/articles/:id", s.handleArticlePage)
	e.GET("/static/:hash/:name", s.handleStatic)

	e.GET("/api/search", s.handleSearch)
	e.GET("/api/articles/:id", s.handleGetArticle)
	e.GET("/healthz", s.handleHealth)

	// Writes and admin requests need the write token (auth.go).
	e.POST("/api/articles", s.handlePostArticles, s.requireToken)
	e.DELETE("/api/articles/:id", s.handleDeleteArticle, s.requireToken)
	e.POST("/api/admin/reindex", s.handleReindex, s.requireToken)
	e.GET("/api/admin/tasks", s.handleTasks, s.requireToken)
	e.GET("/api/admin/tasks/:id", s.handleTask, s.requireToken)
}

// httpServer returns the http.Server that serves s, with its timeouts.
func (s *server) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.echo,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}

func (s *server) handleHealth(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
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
