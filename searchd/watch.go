package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"dateline/corpus"
	"dateline/search"
)

// watchSettle is how long a file must stay unchanged before it is read:
// long enough for an editor's save or a copy in progress to finish, short
// enough that a dropped file is searchable within a second.
const watchSettle = 300 * time.Millisecond

// watcher keeps the index in step with a folder: files that appear or
// change there are indexed, the articles of files that go are removed.
// Editors that save by writing a temporary file and renaming it into place
// are seen as the file appearing; hidden files and names of no known
// format (swap files, "file~") are ignored.
type watcher struct {
	dir   string
	index *search.Index
	log   *slog.Logger
	fsw   *fsnotify.Watcher

	mu     sync.Mutex
	timers map[string]*time.Timer
	// ids are the articles each file gave when last read, to remove those
	// its next version no longer holds, or all when it goes.
	ids map[string][]string
	due chan string
	// done is closed when run returns, so timers firing late give up.
	done chan struct{}
}

// newWatcher starts watching dir and every folder below it.
func newWatcher(dir string, x *search.Index, log *slog.Logger) (*watcher, error) {
	// Absolute paths become the articles' sources, so that those of the
	// folder can be told from any other when searchd starts again.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("watching %s: not a directory", dir)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watching %s: %w", dir, err)
	}
	w := &watcher{dir: dir, index: x, log: log.With(slog.String("watch", dir)), fsw: fsw,
		timers: map[string]*time.Timer{}, ids: map[string][]string{}, due: make(chan string, 64), done: make(chan struct{})}
	if err := w.addTree(dir); err != nil {
		fsw.Close()
		return nil, err
	}
	return w, nil
}

// recall finds the articles the index holds from files of the folder, as
// their sources say, and has each such file looked at: one deleted while
// searchd was not running takes its articles with it now.
func (w *watcher) recall() error {
	prefix := w.dir + string(filepath.Separator)
	bySource := map[string][]string{}
	err := w.index.Each(func(a corpus.Article) error {
		if strings.HasPrefix(a.Source, prefix) {
			bySource[a.Source] = append(bySource[a.Source], a.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	w.mu.Lock()
	for p, ids := range bySource {
		if _, ok := w.ids[p]; !ok {
			w.ids[p] = ids
		}
	}
	w.mu.Unlock()
	for p := range bySource {
		w.schedule(p)
	}
	return nil
}

// addTree watches dir and the folders below it, and schedules the files
// in them: those already there when searchd starts, or in a folder that
// was moved in whole.
func (w *watcher) addTree(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := w.fsw.Add(p); err != nil {
				return fmt.Errorf("watching %s: %w", p, err)
			}
			return nil
		}
		w.schedule(p)
		return nil
	})
}

// ignored reports whether a file name is none of the watcher's business.
func ignored(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") {
		return true
	}
	return false
}

// run handles events until ctx is done.
func (w *watcher) run(ctx context.Context) {
	defer w.fsw.Close()
	defer close(w.done)
	go func() {
		if err := w.recall(); err != nil {
			w.log.Error("finding the articles of the folder's files", slog.Any("error", err))
		}
	}()
	w.log.Info("watching for articles")
	for {
		select {
		case <-ctx.Done():
			w.mu.Lock()
			for _, t := range w.timers {
				t.Stop()
			}
			w.mu.Unlock()
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.log.Warn("watching", slog.Any("error", err))
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.event(ev)
		case p := <-w.due:
			w.sync(p)
		}
	}
}

func (w *watcher) event(ev fsnotify.Event) {
	if ignored(filepath.Base(ev.Name)) {
		return
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			if err := w.addTree(ev.Name); err != nil {
				w.log.Warn("watching a new folder", slog.String("path", ev.Name), slog.Any("error", err))
			}
			return
		}
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		// A folder that goes takes its files with it; a file is looked at
		// again once things settle, and found gone.
		w.mu.Lock()
		prefix := ev.Name + string(filepath.Separator)
		var gone []string
		for p := range w.ids {
			if strings.HasPrefix(p, prefix) {
				gone = append(gone, p)
			}
		}
		w.mu.Unlock()
		for _, p := range gone {
			w.schedule(p)
		}
	}
	w.schedule(ev.Name)
}

// schedule has p looked at once it has stayed unchanged for watchSettle.
func (w *watcher) schedule(p string) {
	if f, _ := corpus.FormatOf(p); f == corpus.FormatUnknown {
		if _, known := w.known(p); !known {
			return
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if t, ok := w.timers[p]; ok {
		t.Reset(watchSettle)
		return
	}
	w.timers[p] = time.AfterFunc(watchSettle, func() {
		w.mu.Lock()
		delete(w.timers, p)
		w.mu.Unlock()
		select {
		case w.due <- p:
		case <-w.done:
		}
	})
}

func (w *watcher) known(p string) ([]string, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	ids, ok := w.ids[p]
	return ids, ok
}

// sync brings the index in step with the file at p: its articles indexed,
// those it no longer holds, or all where it is gone, removed.
func (w *watcher) sync(p string) {
	before, _ := w.known(p)
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && info.IsDir()) {
		w.remove(p, before, nil)
		return
	}
	arts, rerr := corpus.ReadFile(p)
	if rerr != nil {
		w.log.Warn("reading a file", slog.String("path", p), slog.Any("error", rerr))
	}
	if len(arts) == 0 {
		return
	}
	if err := w.index.Put(arts); err != nil {
		w.log.Error("indexing a file", slog.String("path", p), slog.Any("error", err))
		return
	}
	now := make([]string, len(arts))
	for i := range arts {
		now[i] = arts[i].ID
	}
	w.log.Info("indexed a file", slog.String("path", p), slog.Int("articles", len(arts)))
	w.remove(p, before, now)
}

// remove deletes the articles of before that are not in now, and records
// now as what p gave.
func (w *watcher) remove(p string, before, now []string) {
	removed := 0
	for _, id := range before {
		if slices.Contains(now, id) {
			continue
		}
		if err := w.index.Delete(id); err != nil {
			w.log.Error("removing an article", slog.String("path", p), slog.String("id", id), slog.Any("error", err))
			continue
		}
		removed++
	}
	w.mu.Lock()
	if now == nil {
		delete(w.ids, p)
	} else {
		w.ids[p] = now
	}
	w.mu.Unlock()
	if removed > 0 {
		w.log.Info("removed articles", slog.String("path", p), slog.Int("articles", removed))
	}
}
