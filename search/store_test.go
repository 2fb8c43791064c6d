package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/google/go-cmp/cmp"

	"dateline/corpus"
)

func TestReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(testArticles); err != nil {
		t.Fatal(err)
	}
	if err := x.Delete("a4"); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	x, err = Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != 3 {
		t.Errorf("Count after reopening = %d, want 3", n)
	}
	got, err := x.Get(context.Background(), "a2")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(testArticles[1], got); diff != "" {
		t.Errorf("Get(a2) after reopening (-want +got):\n%s", diff)
	}
	if pend, _ := x.st.pending(); len(pend) != 0 {
		t.Errorf("pending after a clean close and open = %q, want none", pend)
	}
}

// TestOpenSettlesPending stands for a crash between the store's commit and
// the index's: the store holds writes the index does not, and opening the
// index applies them.
func TestOpenSettlesPending(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.idx")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Put(testArticles[:2]); err != nil {
		t.Fatal(err)
	}
	late := corpus.Article{ID: "late", Title: "Harbour cranes idle", Body: "Dockers stopped work."}
	if err := x.st.write([]corpus.Article{late}, []string{"a1"}, nil); err != nil {
		t.Fatal(err)
	}
	x.cur.Close()
	x.st.close()

	x, err = Open(dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer x.Close()
	res, err := x.Search(context.Background(), Request{Query: "cranes"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"late"}, ids(res)); diff != "" {
		t.Errorf("Search(cranes) after Open (-want +got):\n%s", diff)
	}
	if n, _ := x.Count(); n != 2 {
		t.Errorf("Count = %d, want 2 (a2 and late; a1 deleted)", n)
	}
	if pend, _ := x.st.pending(); len(pend) != 0 {
		t.Errorf("pending after Open = %q, want none", pend)
	}
}

func TestOpenOldLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "old.idx")
	bi, err := bleve.New(dir, bleve.NewIndexMapping())
	if err != nil {
		t.Fatal(err)
	}
	bi.Close()
	if _, err := Open(dir); !errors.Is(err, ErrOldLayout) {
		t.Errorf("Open(old layout) err = %v, want ErrOldLayout", err)
	}
}

func TestCreateRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(dir); err == nil {
		t.Errorf("Create(non-empty directory) succeeded, want an error")
	}
}
