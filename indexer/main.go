// Command indexer reads news articles from web pages, Reuters SGML, JSON
// Lines and plain text, and adds them to a Dateline index, or prints what it
// extracted as JSON Lines.
//
//	indexer -index DIR PATH...   add the articles under PATH to the index at DIR
//	indexer -push URL PATH...    send them to a running searchd instead
//	indexer -rebuild DIR         build the index at DIR again from its article store
//	indexer -dump PATH...        print the extracted articles as JSON Lines
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// errUsage marks an error in how the command was called (exit status 2).
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		fmt.Fprintln(os.Stderr, "indexer:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "indexer:", err)
		os.Exit(1)
	}
}

// run is the whole program, so that tests can run it as a user would.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, getenv, stderr)
	if err != nil {
		return err
	}
	switch {
	case cfg.dump:
		return dump(ctx, cfg, stdout, stderr)
	case cfg.push != "":
		return push(ctx, cfg, stderr)
	case cfg.rebuild != "":
		return rebuild(ctx, cfg, stderr)
	}
	return index(ctx, cfg, stderr)
}
