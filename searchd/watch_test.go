package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dateline/corpus"
	"dateline/search"
)

// waitFor polls cond until it holds or 5 s pass, far more than a watched
// file needs; it reports whether cond held.
func waitFor(cond func() bool) bool {
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return true
		}
	}
	return cond()
}

// mustWatch starts a watcher on a new folder over a new index.
func mustWatch(tb testing.TB) (dir string, x *search.Index) {
	tb.Helper()
	dir = tb.TempDir()
	x, err := search.Create(filepath.Join(tb.TempDir(), "watch.idx"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "before.txt"), []byte("Tin mine reopens\n\nThe tin mine reopened."), 0o644); err != nil {
		tb.Fatal(err)
	}
	w, err := newWatcher(dir, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatalf("newWatcher: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { w.run(ctx); close(done) }()
	tb.Cleanup(func() {
		cancel()
		<-done
		x.Close()
	})
	return dir, x
}

func has(x *search.Index, id string) func() bool {
	return func() bool { ok, _ := x.Has(id); return ok }
}

func hasNot(x *search.Index, id string) func() bool {
	return func() bool { ok, _ := x.Has(id); return !ok }
}

func TestWatch(t *testing.T) {
	dir, x := mustWatch(t)
	if !waitFor(has(x, "before")) {
		t.Fatal("a file there before the watch began was not indexed")
	}
	page := filepath.Join(dir, "ferry.txt")
	steps := []struct {
		name string
		do   func() error
		cond func() bool
	}{
		{"a file appears", func() error {
			return os.WriteFile(page, []byte("Ferry sails\n\nThe ferry sailed at dawn."), 0o644)
		}, func() bool {
			res, err := x.Search(context.Background(), search.Request{Query: "dawn"})
			return err == nil && res.Total == 1
		}},
		{"an editor saves by renaming into place", func() error {
			tmp := filepath.Join(dir, ".ferry.txt.swp")
			if err := os.WriteFile(tmp, []byte("Ferry sails late\n\nThe ferry sailed at noon."), 0o644); err != nil {
				return err
			}
			return os.Rename(tmp, page)
		}, func() bool {
			res, err := x.Search(context.Background(), search.Request{Query: "noon"})
			old, err2 := x.Search(context.Background(), search.Request{Query: "dawn"})
			return err == nil && err2 == nil && res.Total == 1 && old.Total == 0
		}},
		{"a file written in pieces", func() error {
			f, err := os.Create(filepath.Join(dir, "wire.jsonl"))
			if err != nil {
				return err
			}
			defer f.Close()
			f.WriteString(`{"id":"w1","title":"Copper rises","body":"Copper rose."}` + "\n" + `{"id":"w2","title":"Zinc`)
			time.Sleep(watchSettle / 3)
			_, err = f.WriteString(` falls","body":"Zinc fell."}` + "\n")
			return err
		}, func() bool { return has(x, "w1")() && has(x, "w2")() }},
		{"a line removed from a file", func() error {
			return os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(`{"id":"w2","title":"Zinc falls","body":"Zinc fell."}`+"\n"), 0o644)
		}, func() bool { return hasNot(x, "w1")() && has(x, "w2")() }},
		{"a file deleted", func() error { return os.Remove(page) }, hasNot(x, "ferry")},
		{"a folder moved in", func() error {
			sub := filepath.Join(t.TempDir(), "batch")
			os.Mkdir(sub, 0o755)
			os.WriteFile(filepath.Join(sub, "salt.txt"), []byte("Salt flats flood\n\nRain came."), 0o644)
			return os.Rename(sub, filepath.Join(dir, "batch"))
		}, has(x, "salt")},
		{"a file in it deleted", func() error { return os.Remove(filepath.Join(dir, "batch", "salt.txt")) }, hasNot(x, "salt")},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			if err := st.do(); err != nil {
				t.Fatal(err)
			}
			if !waitFor(st.cond) {
				t.Errorf("after %s the index is not as expected within 5s", st.name)
			}
		})
	}
	// Files of no known format and hidden ones are left alone.
	os.WriteFile(filepath.Join(dir, "notes.doc"), []byte("Notes\n\nDraft."), 0o644)
	os.WriteFile(filepath.Join(dir, ".draft.txt"), []byte("Draft\n\nNot yet."), 0o644)
	time.Sleep(3 * watchSettle)
	if n, _ := x.Count(); n != 2 {
		t.Errorf("Count at the end = %d, want 2 (before, w2)", n)
	}
}

// TestWatchAfterRestart deletes a watched file while no watcher runs: the
// next watcher on the same index removes its article.
func TestWatchAfterRestart(t *testing.T) {
	dir := t.TempDir()
	x, err := search.Create(filepath.Join(t.TempDir(), "restart.idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// An article from elsewhere whose source names a file of that name
	// must stay: only files of the folder count.
	if err := x.Put([]corpus.Article{{ID: "upload", Title: "Uploaded", Body: "Sent by hand.", Source: "gone.txt"}}); err != nil {
		t.Fatal(err)
	}
	watch := func() (stop func()) {
		w, err := newWatcher(dir, x, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatalf("newWatcher: %v", err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { w.run(ctx); close(done) }()
		return func() { cancel(); <-done }
	}
	gone := filepath.Join(dir, "gone.txt")
	if err := os.WriteFile(gone, []byte("Gone soon\n\nThis file goes."), 0o644); err != nil {
		t.Fatal(err)
	}
	stop := watch()
	if !waitFor(has(x, "gone")) {
		t.Fatal("the file was not indexed")
	}
	stop()
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}
	stop = watch()
	defer stop()
	if !waitFor(hasNot(x, "gone")) {
		t.Error("the article of a file deleted while no watcher ran is still indexed")
	}
	if ok, _ := x.Has("upload"); !ok {
		t.Error("an article from outside the folder was removed")
	}
}
