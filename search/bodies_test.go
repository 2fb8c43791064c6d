package search

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"dateline/corpus"
)

func TestHitBodies(t *testing.T) {
	long := corpus.Article{ID: "long", Title: "Long", Body: strings.Repeat("A very long body of grain news. ", 20000)}
	x := mustIndex(t, append([]corpus.Article{long}, testArticles...))
	tests := []struct {
		name string
		ids  []string
	}{
		{name: "some missing", ids: []string{"a1", "missing", "a3"}},
		{name: "larger than a pooled buffer", ids: []string{"long", "a2"}},
		{name: "after a large one", ids: []string{"a4", "a1"}},
		{name: "none", ids: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.hitBodies(tt.ids)
			if err != nil {
				t.Fatalf("hitBodies(%q): %v", tt.ids, err)
			}
			want, err := x.bodies(tt.ids)
			if err != nil {
				t.Fatalf("bodies(%q): %v", tt.ids, err)
			}
			if len(got) != len(want) {
				t.Fatalf("hitBodies(%q) holds %d bodies, want %d", tt.ids, len(got), len(want))
			}
			for id, w := range want {
				if got[id] != w {
					t.Errorf("hitBodies(%q)[%s] = %.40q…, want %.40q…", tt.ids, id, got[id], w)
				}
			}
		})
	}
}

// BenchmarkHitBodies reads the bodies of a page of ten Reuters hits, as a
// search does for its snippets, with pooled inflaters and as the store
// reads one article.
//
//	DATELINE_SHARED=/work/shared go test ./search -run XXX -bench HitBodies -benchmem
func BenchmarkHitBodies(b *testing.B) {
	x, _ := mustReutersIndex(b)
	var ids []string
	for i := range 10 {
		ids = append(ids, "reuters-"+strconv.Itoa(1000+2000*i))
	}
	for _, bb := range []struct {
		name string
		read func([]string) (map[string]string, error)
	}{{"pooled", x.hitBodies}, {"store", x.bodies}} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				got, err := bb.read(ids)
				if err != nil || len(got) == 0 {
					b.Fatalf("bodies: %d, %v", len(got), err)
				}
			}
		})
	}
}

// bodies is the plain way to read the stored bodies of the articles with
// the given ids, by id, in one transaction, an id the store lacks left
// out: what hitBodies, with its pooled buffers and inflaters, must equal.
func (x *Index) bodies(ids []string) (map[string]string, error) {
	out := make(map[string]string, len(ids))
	err := x.st.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		for _, id := range ids {
			data := b.Get([]byte(id))
			if data == nil {
				continue
			}
			body, err := decodeBody(data)
			if err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			out[id] = body
		}
		return nil
	})
	return out, err
}
