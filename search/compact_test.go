package search

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	bolt "go.etcd.io/bbolt"

	"dateline/corpus"
)

func fileSize(tb testing.TB, path string) int64 {
	tb.Helper()
	info, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return info.Size()
}

func TestCompact(t *testing.T) {
	tests := []struct {
		name    string
		batches int
	}{
		{"one batch", 1},
		{"many batches", 12},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "c.idx")
			x, err := Create(dir)
			if err != nil {
				t.Fatalf("Create: %v", err)
			}
			arts := append(manyArticles(20*tt.batches), testArticles...)
			for i := 0; i < len(arts); i += 20 {
				if err := x.Put(arts[i:min(i+20, len(arts))]); err != nil {
					t.Fatalf("Put: %v", err)
				}
			}
			before := fileSize(t, filepath.Join(dir, storeFile))
			if err := x.Compact(context.Background(), true); err != nil {
				t.Fatalf("Compact: %v", err)
			}
			if after := fileSize(t, filepath.Join(dir, storeFile)); after > before {
				t.Errorf("store after Compact = %d bytes, more than the %d before", after, before)
			}
			ai, err := x.cur.Advanced()
			if err != nil {
				t.Fatal(err)
			}
			if n := rootSegments(ai.(*scorch.Scorch)); n != 1 {
				t.Errorf("segments after Compact = %d, want 1", n)
			}
			if n := zapFiles(filepath.Join(dir, x.curName, "store")); n != 1 {
				t.Errorf("segment files after Compact = %d, want 1: the files of merged segments are left behind", n)
			}
			res, err := x.Search(context.Background(), Request{Query: "wheat", Size: 5})
			if err != nil || res.Total != uint64(20*tt.batches) {
				t.Fatalf("Search(wheat) after Compact: total %v, err %v; want %d", res.Total, err, 20*tt.batches)
			}
			if res.Hits[0].Snippet == "" {
				t.Errorf("Search(wheat) after Compact: hit %s has no snippet", res.Hits[0].ID)
			}
			if err := x.Put(testArticles[:1]); err != nil {
				t.Fatalf("Put after Compact: %v", err)
			}
			if err := x.Close(); err != nil {
				t.Fatalf("Close: %v", err)
			}
			x, err = Open(dir)
			if err != nil {
				t.Fatalf("Open after Compact: %v", err)
			}
			defer x.Close()
			got, err := x.Get(context.Background(), "g0003")
			if err != nil || got.Body != arts[3].Body {
				t.Errorf("Get(g0003) after Compact = %q, %v; want body %q", got.Body, err, arts[3].Body)
			}
			if pend, _ := x.st.pending(); len(pend) != 0 {
				t.Errorf("pending after Compact and reopening = %q, want none", pend)
			}
		})
	}
}

func TestRecords(t *testing.T) {
	x := mustIndex(t, testArticles)
	got, err := x.records([]string{"a1", "missing", "a3"})
	if err != nil {
		t.Fatalf("records: %v", err)
	}
	if len(got) != 2 || got["a1"].Body != testArticles[0].Body || got["a3"].Body != testArticles[2].Body ||
		got["a1"].Title != testArticles[0].Title || got["a3"].Title != testArticles[2].Title {
		t.Errorf("records(a1, missing, a3) = %+v; want a1 and a3 with their titles and bodies", got)
	}
}

// BenchmarkPut measures the write path: storing and indexing one batch of
// articles, durably.
func BenchmarkPut(b *testing.B) {
	arts := manyArticles(200)
	x, err := Create(filepath.Join(b.TempDir(), "b.idx"))
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	b.ReportAllocs()
	for b.Loop() {
		if err := x.Put(arts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkStoreWrite measures the article store alone: encoding,
// compressing and writing one batch in one transaction.
func BenchmarkStoreWrite(b *testing.B) {
	arts := manyArticles(200)
	st, err := openStore(filepath.Join(b.TempDir(), storeFile), true)
	if err != nil {
		b.Fatal(err)
	}
	defer st.close()
	b.ReportAllocs()
	for b.Loop() {
		if err := st.write(arts, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// TestPutConcurrent writes the same ids from several goroutines at once:
// whichever write the store keeps last, the index must show the same.
func TestPutConcurrent(t *testing.T) {
	x := mustIndex(t, nil)
	const writers = 6
	errs := make(chan error, writers)
	for w := range writers {
		go func() {
			arts := manyArticles(30)
			for i := range arts {
				arts[i].Title = fmt.Sprintf("version %d of %s", w, arts[i].ID)
				arts[i].Speakers = []string{fmt.Sprintf("Writer %d", w)}
			}
			errs <- x.Put(arts)
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Fatalf("Put: %v", err)
		}
	}
	for _, id := range []string{"g0000", "g0007", "g0029"} {
		stored, err := x.Get(context.Background(), id)
		if err != nil {
			t.Fatalf("Get(%s): %v", id, err)
		}
		r, err := x.bi.Document(id)
		if err != nil || r == nil {
			t.Fatalf("Document(%s) = %v, %v", id, r, err)
		}
		// The speakers are what the index stores of a write.
		var speakers []string
		r.VisitFields(func(f index.Field) {
			if f.Name() == fieldSpeaker {
				speakers = append(speakers, string(f.Value()))
			}
		})
		if len(stored.Speakers) == 0 || !slices.Contains(speakers, stored.Speakers[0]) {
			t.Errorf("index speakers of %s = %q, store holds %q (%s)", id, speakers, stored.Speakers, stored.Title)
		}
	}
	if n, _ := x.Count(); n != 30 {
		t.Errorf("Count = %d, want 30", n)
	}
}

// TestOpenForLoad loads batches into an index opened for a bulk load: no
// segment is merged before Compact, which merges them all into one, and
// the load's options are not kept for the next opening.
func TestOpenForLoad(t *testing.T) {
	const batches = 15
	dir := filepath.Join(t.TempDir(), "l.idx")
	x, created, err := OpenForLoad(dir)
	if err != nil || !created {
		t.Fatalf("OpenForLoad = created %v, %v; want a new index", created, err)
	}
	arts := manyArticles(20 * batches)
	for i := 0; i < len(arts); i += 20 {
		if err := x.Put(arts[i : i+20]); err != nil {
			t.Fatalf("Put: %v", err)
		}
	}
	ai, err := x.cur.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	if n := rootSegments(ai.(*scorch.Scorch)); n != batches {
		t.Errorf("segments before Compact = %d, want %d: one a batch, none merged", n, batches)
	}
	// The load stores its articles uncompressed, and reads them so.
	if tags := storedTags(t, x); tags[codecFrame] != len(arts) {
		t.Errorf("stored before Compact: %v articles by tag, want all %d %q", tags, len(arts), codecFrame)
	}
	checkStored(t, x, arts)
	if err := x.Compact(context.Background(), true); err != nil {
		t.Fatalf("Compact: %v", err)
	}
	if n := rootSegments(ai.(*scorch.Scorch)); n != 1 {
		t.Errorf("segments after Compact = %d, want 1", n)
	}
	if tags := storedTags(t, x); tags[codecFramed] != len(arts) {
		t.Errorf("stored after Compact: %v articles by tag, want all %d %q", tags, len(arts), codecFramed)
	}
	checkStored(t, x, arts)
	if x.st.raw {
		t.Errorf("after Compact the store still writes articles uncompressed")
	}
	if err := x.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	// The statistics were counted as the load ended, and saved for the
	// next process to open the index.
	var saved savedStats
	if data, err := os.ReadFile(filepath.Join(dir, statsFile)); err != nil {
		t.Errorf("after Compact and Close: %v", err)
	} else if err := json.Unmarshal(data, &saved); err != nil || len(saved.Segments) != 1 || saved.Segments[0].Docs != uint64(len(arts)) {
		t.Errorf("after Compact and Close, %s = %s (%v), want the one segment's counts", statsFile, data, err)
	}
	meta, err := os.ReadFile(filepath.Join(dir, indexDirName(1), "index_meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(meta), "scorchMergePlanOptions") {
		t.Errorf("index_meta.json = %s, want the load's merge plan left out", meta)
	}
	x, created, err = OpenForLoad(dir)
	if err != nil || created {
		t.Fatalf("OpenForLoad again = created %v, %v; want the index opened", created, err)
	}
	defer x.Close()
	if n, _ := x.Count(); n != uint64(len(arts)) {
		t.Errorf("Count = %d, want %d", n, len(arts))
	}
}

// TestCompactLargeStorePages compacts a store of more than largeStore
// bytes: it must come out in pages of largeStorePage bytes, smaller than
// it went in, with every article readable, and keep its page size when it
// is opened again.
func TestCompactLargeStorePages(t *testing.T) {
	path := filepath.Join(t.TempDir(), storeFile)
	st, err := openStore(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { st.close() }()
	// Random letters compress to about three quarters: 1,600 articles
	// of 4,000 of them make a store of some 5 MB.
	rng := rand.New(rand.NewPCG(1, 2))
	body := func() string {
		b := make([]byte, 4000)
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		return string(b)
	}
	var arts []corpus.Article
	for i := range 1600 {
		arts = append(arts, corpus.Article{ID: fmt.Sprintf("a%04d", i), Title: "Title", Body: body()})
	}
	for i := 0; i < len(arts); i += 100 {
		if err := st.write(arts[i:i+100], nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	before := fileSize(t, path)
	if before < largeStore {
		t.Fatalf("store of %d bytes; the test needs %d or more", before, largeStore)
	}
	if err := st.compact(); err != nil {
		t.Fatalf("compact: %v", err)
	}
	if got := st.db.Info().PageSize; got != largeStorePage {
		t.Errorf("page size after compact = %d, want %d", got, largeStorePage)
	}
	if after := fileSize(t, path); after >= before {
		t.Errorf("store after compact = %d bytes, not less than the %d before", after, before)
	}
	for _, i := range []int{0, 799, 1599} {
		a, ok, err := st.get(arts[i].ID)
		if err != nil || !ok || a.Body != arts[i].Body {
			t.Errorf("get(%s) after compact: ok %v, err %v, body the same %v", arts[i].ID, ok, err, a.Body == arts[i].Body)
		}
	}
	if err := st.close(); err != nil {
		t.Fatal(err)
	}
	if st, err = openStore(path, false); err != nil {
		t.Fatalf("opening the compacted store: %v", err)
	}
	if got := st.db.Info().PageSize; got != largeStorePage {
		t.Errorf("page size when opened again = %d, want %d", got, largeStorePage)
	}
	more := corpus.Article{ID: "b0001", Title: "Later", Body: body()}
	if err := st.write([]corpus.Article{more}, []string{arts[0].ID}, nil); err != nil {
		t.Fatalf("write after compact: %v", err)
	}
	if a, ok, err := st.get(more.ID); err != nil || !ok || a.Body != more.Body {
		t.Errorf("get(%s) written after compact: ok %v, err %v", more.ID, ok, err)
	}
	if _, ok, err := st.get(arts[0].ID); err != nil || ok {
		t.Errorf("get(%s) deleted after compact: ok %v, err %v", arts[0].ID, ok, err)
	}
}

// storedTags counts the articles of the store by codec tag.
func storedTags(t *testing.T, x *Index) map[byte]int {
	t.Helper()
	tags := map[byte]int{}
	err := x.st.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketArticles).ForEach(func(_, v []byte) error {
			tags[v[0]]++
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return tags
}

// checkStored checks that every article reads back whole from the store,
// and as a hit.
func checkStored(t *testing.T, x *Index, arts []corpus.Article) {
	t.Helper()
	ids := make([]string, len(arts))
	for i := range arts {
		ids[i] = arts[i].ID
	}
	hits, err := x.hitRecords(ids)
	if err != nil {
		t.Fatalf("hitRecords: %v", err)
	}
	for _, a := range arts {
		got, ok, err := x.st.get(a.ID)
		if err != nil || !ok {
			t.Fatalf("get %s: %v, %v", a.ID, ok, err)
		}
		if diff := cmp.Diff(a, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("get %s (-want +got):\n%s", a.ID, diff)
		}
		if h := hits[a.ID]; h.Title != a.Title || h.Body != a.Body || !h.Published.Equal(a.Published) {
			t.Fatalf("hit %s = %+v, want the article's title, body and date", a.ID, h)
		}
	}
}
