package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
)

// errUsage marks an error in how the program was called (exit status 2).
var errUsage = errors.New("usage")

// config is searchd's configuration: flags, each with a DATELINE_*
// environment variable as its fallback (DATELINE_INDEX for -index, …).
type config struct {
	Index     string
	Addr      string
	Samples   bool
	LogFormat string
	// ReadTimeout bounds reading a whole request, headers and body, so a
	// slow client cannot hold a connection.
	ReadTimeout time.Duration
	// WriteTimeout bounds writing an answer.
	WriteTimeout time.Duration
	// SearchTimeout is the time budget of one search: past it the work
	// stops and the answer names the budget.
	SearchTimeout time.Duration
	// MaxSearches caps the searches answered at once, so that a flood of
	// them queues instead of sharing the cores ever more thinly.
	MaxSearches int
	// RateLimit is the requests per second one client address may make
	// to the routes that read the index, with bursts of twice as many;
	// 0 turns the limit off.
	RateLimit float64
	// WriteToken is the bearer token writes and admin requests must carry;
	// empty, writes are refused. Never logged.
	WriteToken string
	// Watch is a folder whose files are indexed as they appear and change.
	Watch string
	// MemoryLimit is the soft limit on the Go heap (memory.go).
	MemoryLimit memoryLimit
}

func parseConfig(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("searchd", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.Index, "index", "dateline.idx", "index `DIR` to serve; created, with the bundled samples, where there is none")
	fs.StringVar(&cfg.Addr, "addr", "localhost:8080", "`HOST:PORT` to listen on")
	fs.BoolVar(&cfg.Samples, "samples", true, "fill a newly created index with the bundled sample articles")
	fs.StringVar(&cfg.LogFormat, "log-format", "text", "log format: text or json")
	fs.DurationVar(&cfg.ReadTimeout, "read-timeout", 15*time.Second, "longest time to read a request")
	fs.DurationVar(&cfg.WriteTimeout, "write-timeout", 30*time.Second, "longest time to write an answer")
	fs.DurationVar(&cfg.SearchTimeout, "search-timeout", 5*time.Second, "time budget of one search; past it the search stops and answers 400 (0 for none)")
	fs.IntVar(&cfg.MaxSearches, "max-searches", 64, "searches answered at once; more wait up to 2s, then get 503 (0 for no limit)")
	fs.Float64Var(&cfg.RateLimit, "rate-limit", 0, "requests per second one client address may make to the search routes (bursts of twice as many); 0, the default, for no limit")
	fs.StringVar(&cfg.WriteToken, "write-token", "", "bearer `TOKEN` that POST/DELETE /api/articles and /api/admin require; without one, writes are refused")
	fs.StringVar(&cfg.Watch, "watch", "", "index the files in `DIR` as they appear or change, and remove the articles of deleted files")
	cfg.MemoryLimit = memoryLimit{auto: true}
	fs.Var(&cfg.MemoryLimit, "memory-limit", "soft limit on the Go heap: auto for what the process holds once the index is open plus half of it, at least 48MiB, raised as the index grows (GOMEMLIMIT wins over auto); off; or a size such as 160MiB")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: searchd [flags]\n\nEvery flag can also be set by an environment variable: -index by DATELINE_INDEX,\n-read-timeout by DATELINE_READ_TIMEOUT, and so on; a flag given wins.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	// Environment first, so that flags given on the command line win.
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		name := "DATELINE_" + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
		if v := getenv(name); v != "" && envErr == nil {
			if err := f.Value.Set(v); err != nil {
				envErr = fmt.Errorf("%w: %s=%q: %v", errUsage, name, v, err)
			}
		}
	})
	if envErr != nil {
		return cfg, envErr
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cfg, fmt.Errorf("%w: help requested", errUsage)
		}
		return cfg, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return cfg, fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
		return cfg, fmt.Errorf("%w: -log-format must be text or json", errUsage)
	}
	if cfg.SearchTimeout < 0 || cfg.MaxSearches < 0 {
		return cfg, fmt.Errorf("%w: -search-timeout and -max-searches must be 0 or more", errUsage)
	}
	if cfg.RateLimit < 0 {
		return cfg, fmt.Errorf("%w: -rate-limit must be 0 or more", errUsage)
	}
	return cfg, nil
}

// logAttrs returns the configuration for the start-up log line.
func (c config) logAttrs() []any {
	return []any{
		slog.String("index", c.Index),
		slog.String("addr", c.Addr),
		slog.Bool("samples", c.Samples),
		slog.String("log_format", c.LogFormat),
		slog.String("read_timeout", c.ReadTimeout.String()),
		slog.String("write_timeout", c.WriteTimeout.String()),
		slog.Float64("rate_limit", c.RateLimit),
		slog.String("search_timeout", c.SearchTimeout.String()),
		slog.Int("max_searches", c.MaxSearches),
		slog.Bool("writes_enabled", c.WriteToken != ""),
		slog.String("watch", c.Watch),
		slog.String("memory_limit", c.MemoryLimit.String()),
		slog.String("version", version()),
	}
}
