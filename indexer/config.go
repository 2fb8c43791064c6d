package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
)

// defaultBatch is the number of articles written to the index at once:
// large enough that bleve's per-batch cost (a new segment, a sync) is
// spread thin, small enough to keep memory flat.
const defaultBatch = 1000

// config is the indexer's command line.
type config struct {
	index   string
	dump    bool
	push    string
	token   string
	rebuild string
	batch   int
	workers int
	merge   bool
	paths   []string
}

func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	var cfg config
	fs := flag.NewFlagSet("indexer", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.index, "index", "", "index `DIR` to create or add to")
	fs.BoolVar(&cfg.dump, "dump", false, "print the extracted articles as JSON Lines instead of indexing them")
	fs.StringVar(&cfg.push, "push", "", "send the articles to the searchd at `URL` (http://HOST:PORT) instead of writing an index")
	fs.StringVar(&cfg.token, "token", "", "searchd's write `TOKEN` for -push (default $DATELINE_WRITE_TOKEN)")
	fs.StringVar(&cfg.rebuild, "rebuild", "", "build the index at `DIR` again from its article store, with the current analyzers and extractors")
	fs.IntVar(&cfg.batch, "batch", defaultBatch, "articles written to the index at once")
	fs.BoolVar(&cfg.merge, "merge", true, "with -index, merge the index into one segment at the end: a third smaller, a third more CPU")
	fs.IntVar(&cfg.workers, "workers", runtime.NumCPU(), "files read and extracted in parallel")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage:
  indexer -index DIR PATH...   add the articles under each PATH to the index at DIR
  indexer -push URL PATH...    send them to a running searchd (needs its write token)
  indexer -rebuild DIR         build the index at DIR again from its article store
  indexer -dump PATH...        print the articles as JSON Lines, one a line

PATH is a file or a directory (walked recursively). Formats by file ending:
.html .htm .html.gz (a web page), .sgm (Reuters-21578 SGML),
.jsonl .ndjson (JSON Lines, one article a line), .txt (first line the title).

Flags:
`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return cfg, fmt.Errorf("%w: help requested", errUsage)
		}
		return cfg, fmt.Errorf("%w: %v", errUsage, err)
	}
	cfg.paths = fs.Args()
	if cfg.token == "" {
		cfg.token = getenv("DATELINE_WRITE_TOKEN")
	}
	modes := 0
	for _, on := range []bool{cfg.index != "", cfg.dump, cfg.push != "", cfg.rebuild != ""} {
		if on {
			modes++
		}
	}
	switch {
	case modes != 1:
		fs.Usage()
		return cfg, fmt.Errorf("%w: give exactly one of -index DIR, -push URL, -rebuild DIR and -dump", errUsage)
	case cfg.rebuild != "" && len(cfg.paths) > 0:
		return cfg, fmt.Errorf("%w: -rebuild takes no PATH: it reads the articles from the index's store", errUsage)
	case cfg.rebuild == "" && len(cfg.paths) == 0:
		fs.Usage()
		return cfg, fmt.Errorf("%w: no PATH given", errUsage)
	case cfg.batch < 1:
		return cfg, fmt.Errorf("%w: -batch must be 1 or more", errUsage)
	case cfg.workers < 1:
		return cfg, fmt.Errorf("%w: -workers must be 1 or more", errUsage)
	}
	return cfg, nil
}
