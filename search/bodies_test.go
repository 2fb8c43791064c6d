package search

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"

	"dateline/corpus"
)

func TestHitRecords(t *testing.T) {
	long := corpus.Article{ID: "long", Title: "Long", Body: strings.Repeat("A very long body of grain news. ", 20000)}
	dated := corpus.Article{ID: "dated", Title: "Dated", URL: "https://example.com/dated", Body: "Wheat rose.",
		Published: time.Date(2025, 4, 2, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600))}
	x := mustIndex(t, append([]corpus.Article{long, dated}, testArticles...))
	tests := []struct {
		name string
		ids  []string
	}{
		{name: "some missing", ids: []string{"a1", "missing", "a3"}},
		{name: "larger than a pooled buffer", ids: []string{"long", "a2"}},
		{name: "after a large one", ids: []string{"a4", "a1"}},
		{name: "with a URL and a date", ids: []string{"dated", "a2"}},
		{name: "none", ids: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.hitRecords(tt.ids)
			if err != nil {
				t.Fatalf("hitRecords(%q): %v", tt.ids, err)
			}
			want, err := x.records(tt.ids)
			if err != nil {
				t.Fatalf("records(%q): %v", tt.ids, err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("hitRecords(%q) (-want +got):\n%.2000s", tt.ids, diff)
			}
		})
	}
}

// BenchmarkHitRecords reads what a page of ten Reuters hits shows of
// their articles, as a search does for its hits and snippets, with pooled
// inflaters and as the store reads one article.
//
//	DATELINE_SHARED=/work/shared go test ./search -run XXX -bench HitRecords -benchmem
func BenchmarkHitRecords(b *testing.B) {
	x, _ := mustReutersIndex(b)
	var ids []string
	for i := range 10 {
		ids = append(ids, "reuters-"+strconv.Itoa(1000+2000*i))
	}
	for _, bb := range []struct {
		name string
		read func([]string) (map[string]storedHit, error)
	}{{"pooled", x.hitRecords}, {"store", x.records}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				got, err := bb.read(ids)
				if err != nil || len(got) == 0 {
					b.Fatalf("records: %d, %v", len(got), err)
				}
			}
		})
	}
}

// records is the plain way to read what hits show of the articles with
// the given ids, by id, in one transaction, an id the store lacks left
// out: what hitRecords, with its pooled buffers and inflaters, must equal.
func (x *Index) records(ids []string) (map[string]storedHit, error) {
	out := make(map[string]storedHit, len(ids))
	err := x.st.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		for _, id := range ids {
			data := b.Get([]byte(id))
			if data == nil {
				continue
			}
			a, err := decodeArticle(data)
			if err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			out[id] = storedHit{Title: a.Title, URL: a.URL, Published: a.Published, Body: a.Body}
		}
		return nil
	})
	return out, err
}
