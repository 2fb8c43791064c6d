// Command searchd serves a Dateline index: ranked search with highlighted
// snippets and facet counts, as a JSON API and as pages for the browser.
//
//	searchd -index DIR -addr HOST:PORT
//
// Where DIR holds no index yet, searchd creates one and fills it with the
// bundled sample articles, so `go run ./searchd` is a whole demo.
//
// searchd owns its index, so articles are added through it: with a write
// token (-write-token), POST /api/articles takes JSON, JSON Lines streams,
// web pages and files, DELETE /api/articles/{id} removes one, and
// POST /api/admin/reindex rebuilds the index from its article store while
// searches go on; -watch DIR indexes the files of a folder as they come.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"dateline/corpus"
	"dateline/search"
)

// shutdownTimeout is how long requests in flight may take to finish once
// searchd is asked to stop.
const shutdownTimeout = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	setProcs(os.Getenv)
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "searchd:", err)
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// run is the whole program, so that tests can start it as a user would. It
// serves until ctx is done. ready, when not nil, receives the address the
// server listens on once its index is open and it answers searches.
func run(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer, ready chan<- string) error {
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.LogFormat)
	log.Info("starting searchd", cfg.logAttrs()...)

	srv, err := newServer(cfg, nil, log)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.Addr, err)
	}
	httpServer := srv.httpServer()
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	log.Info("listening; opening the index", slog.String("addr", "http://"+ln.Addr().String()))

	// The index opens while the server already answers: /healthz says
	// the process lives, /readyz and the search routes answer 503 until
	// the index is open (a large index, or one filled with the samples,
	// takes a moment).
	opened := make(chan error, 1)
	var x *search.Index
	go func() {
		var err error
		x, err = openIndex(cfg, log)
		if err == nil {
			srv.setIndex(x)
			log.Info("serving", slog.String("addr", "http://"+ln.Addr().String()))
		}
		opened <- err
	}()
	defer func() {
		if x != nil {
			x.Close()
		}
	}()

	select {
	case err := <-errc:
		<-opened // x is then safe to close
		return fmt.Errorf("serving: %w", err)
	case err := <-opened:
		if err != nil {
			httpServer.Close()
			return err
		}
		cfg.MemoryLimit.apply(ctx, getenv, log)
		if ready != nil {
			ready <- ln.Addr().String()
		}
		if cfg.Watch != "" {
			w, err := newWatcher(cfg.Watch, x, log)
			if err != nil {
				httpServer.Close()
				return err
			}
			wctx, stopWatch := context.WithCancel(ctx)
			watching := make(chan struct{})
			go func() { w.run(wctx); close(watching) }()
			// The watcher stops before the index closes.
			defer func() { stopWatch(); <-watching }()
		}
	case <-ctx.Done():
		// Let the opening finish, so that the index is closed cleanly.
		if err := <-opened; err != nil {
			return err
		}
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", slog.Duration("timeout", shutdownTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := httpServer.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	// A rebuild in progress is dropped; the index in use stays whole.
	srv.tasks.stop()
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openIndex opens the configured index, creating it where there is none
// and filling a new one with the bundled samples unless told not to.
func openIndex(cfg config, log *slog.Logger) (*search.Index, error) {
	x, created, err := search.OpenOrCreate(cfg.Index)
	if errors.Is(err, search.ErrLocked) {
		return nil, fmt.Errorf("%w: is another searchd or an indexer running on it?", err)
	}
	if err != nil {
		return nil, err
	}
	if !created {
		start := time.Now()
		if err := x.Warm(context.Background()); err != nil {
			x.Close()
			return nil, err
		}
		n, _ := x.Count()
		log.Info("opened index", slog.String("path", cfg.Index), slog.Uint64("articles", n),
			slog.Duration("warmed_in", time.Since(start).Round(time.Millisecond)))
		return x, nil
	}
	if !cfg.Samples {
		log.Info("created an empty index", slog.String("path", cfg.Index))
		return x, nil
	}
	arts, err := corpus.Samples()
	if err == nil {
		err = x.Put(arts)
	}
	if err != nil {
		x.Close()
		return nil, fmt.Errorf("filling the new index with the samples: %w", err)
	}
	log.Info("created index with the bundled sample articles", slog.String("path", cfg.Index), slog.Int("articles", len(arts)))
	return x, nil
}

// newLogger returns the program's logger: text for a person, JSON for a
// log collector.
func newLogger(w io.Writer, format string) *slog.Logger {
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, nil))
	}
	return slog.New(slog.NewTextHandler(w, nil))
}
