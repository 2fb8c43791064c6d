package search

import (
	"bytes"
	stdflate "compress/flate"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

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

// mustOldLayout writes arts into a bare bleve index at dir, as Dateline
// did before the article store: every field of the article stored in it,
// the body too.
func mustOldLayout(tb testing.TB, dir string, arts []corpus.Article) {
	tb.Helper()
	m := oldDateMapping()
	// The title and date were stored then, and the URL.
	for _, name := range []string{fieldTitle, fieldPublished} {
		for _, f := range m.TypeMapping[docType].Properties[name].Fields {
			f.Store = true
		}
	}
	for _, name := range []string{fieldBody, "url", "author", "site", "dateline", "language", "source", "quotes"} {
		f := bleve.NewTextFieldMapping()
		f.Index, f.Store = false, true
		m.TypeMapping[docType].AddFieldMappingsAt(name, f)
	}
	bi, err := bleve.New(dir, m)
	if err != nil {
		tb.Fatal(err)
	}
	defer bi.Close()
	b := bi.NewBatch()
	for i := range arts {
		doc := toDocument(&arts[i])
		doc[fieldBody], doc["url"], doc["author"], doc["source"] = arts[i].Body, arts[i].URL, arts[i].Author, arts[i].Source
		if len(arts[i].Quotes) > 0 {
			q, _ := json.Marshal(arts[i].Quotes)
			doc["quotes"] = string(q)
		}
		if err := b.Index(arts[i].ID, doc); err != nil {
			tb.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		tb.Fatal(err)
	}
}

func TestOpenMigratesOldLayout(t *testing.T) {
	arts := append([]corpus.Article(nil), testArticles...)
	arts[0].Author, arts[0].Source = "Kyiv desk", "wire.jsonl"
	tests := []struct {
		name string
		// crash moves the old index aside as a migration stopped between
		// its renames would have left it.
		crash bool
	}{
		{"old layout", false},
		{"migration stopped midway", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "old.idx")
			mustOldLayout(t, dir, arts)
			if tt.crash {
				if err := os.Rename(dir, dir+".old"); err != nil {
					t.Fatal(err)
				}
			}
			x, err := Open(dir)
			if err != nil {
				t.Fatalf("Open(old layout): %v", err)
			}
			defer x.Close()
			for _, want := range arts {
				got, err := x.Get(context.Background(), want.ID)
				if err != nil {
					t.Fatalf("Get(%s) after migrating: %v", want.ID, err)
				}
				if diff := cmp.Diff(*enriched(want), got); diff != "" {
					t.Errorf("Get(%s) after migrating (-want +got):\n%s", want.ID, diff)
				}
			}
			res, err := x.Search(context.Background(), Request{Query: "grain"})
			if err != nil || res.Total != 2 {
				t.Errorf("Search(grain) after migrating: total %v, err %v; want 2", res, err)
			}
			for _, gone := range []string{dir + ".old", dir + ".migrating", filepath.Join(dir, "index_meta.json")} {
				if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("%s still there after migrating (stat err %v)", gone, err)
				}
			}
		})
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

// TestDecodeCodecs reads articles in each codec a store may hold, as a
// whole article and as a hit: stores written before the preset dictionary,
// and before the frame, keep reading.
func TestDecodeCodecs(t *testing.T) {
	published := time.Date(1987, 3, 2, 9, 15, 0, 500, time.FixedZone("EST", -5*3600))
	a := corpus.Article{ID: "c1", Title: "Grain prices rise", URL: "https://example.com/c1", Published: published,
		Body: "Wheat rose.\n\nCorn \"fell\".", Speakers: []string{"Ann Lee"}, Regions: []string{},
		Quotes: []corpus.Quote{{Text: "Corn fell", Speaker: "Ann Lee"}}}
	undated := a
	undated.ID, undated.Published, undated.URL = "c2", time.Time{}, ""
	raw, err := json.Marshal(&a)
	if err != nil {
		t.Fatal(err)
	}
	// What stores before the dictionary held: DEFLATE alone, tag 'f'.
	var old bytes.Buffer
	old.WriteByte(codecFlate)
	w, _ := stdflate.NewWriter(&old, stdflate.BestSpeed)
	w.Write(raw)
	w.Close()
	// What stores before the frame held: the JSON with the dictionary.
	var dict bytes.Buffer
	dict.WriteByte(codecFlateDict)
	w, _ = stdflate.NewWriterDict(&dict, stdflate.DefaultCompression, storeDict)
	w.Write(raw)
	w.Close()
	current, err := encodeArticle(&a)
	if err != nil {
		t.Fatalf("encodeArticle: %v", err)
	}
	if current[0] != codecFramed {
		t.Errorf("encodeArticle tag = %q, want %q", current[0], codecFramed)
	}
	currentUndated, err := encodeArticle(&undated)
	if err != nil {
		t.Fatalf("encodeArticle: %v", err)
	}
	uncompressed, err := frameArticle(&a)
	if err != nil {
		t.Fatalf("frameArticle: %v", err)
	}
	if uncompressed[0] != codecFrame {
		t.Errorf("frameArticle tag = %q, want %q", uncompressed[0], codecFrame)
	}
	compressed, err := compressStored([]byte(a.ID), uncompressed)
	if err != nil {
		t.Fatalf("compressStored: %v", err)
	}
	if !bytes.Equal(compressed, current) {
		t.Errorf("compressStored(frameArticle) differs from encodeArticle")
	}
	if again, _ := compressStored([]byte(a.ID), current); !bytes.Equal(again, current) {
		t.Errorf("compressStored of a compressed article changed it")
	}
	// A frame whose body's length runs past its end.
	frame, err := appendFrame(nil, &a)
	if err != nil {
		t.Fatal(err)
	}
	var cut bytes.Buffer
	cut.WriteByte(codecFramed)
	w, _ = stdflate.NewWriterDict(&cut, stdflate.DefaultCompression, storeDict)
	w.Write(frame[:len(a.Title)+len(a.URL)+40])
	w.Close()

	utc := a
	utc.Published = a.Published.UTC()
	tests := []struct {
		name    string
		data    []byte
		want    corpus.Article
		wantErr bool
	}{
		{"deflate", old.Bytes(), utc, false},
		{"deflate with dictionary", dict.Bytes(), utc, false},
		{"frame", current, utc, false},
		{"frame without date or URL", currentUndated, undated, false},
		{"frame uncompressed", uncompressed, utc, false},
		{"frame cut short", cut.Bytes(), corpus.Article{}, true},
		{"frame uncompressed cut short", uncompressed[:len(uncompressed)-3], corpus.Article{}, true},
		{"unknown tag", append([]byte{'z'}, current[1:]...), corpus.Article{}, true},
		{"empty", nil, corpus.Article{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeArticle(tc.data)
			if (err != nil) != tc.wantErr {
				t.Fatalf("decodeArticle: err = %v, want error %v", err, tc.wantErr)
			}
			z := inflaters.Get().(*inflater)
			defer z.release()
			hit, herr := z.record(tc.data)
			if (herr != nil) != tc.wantErr {
				t.Fatalf("record: err = %v, want error %v", herr, tc.wantErr)
			}
			if tc.wantErr {
				return
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("decodeArticle (-want +got):\n%s", diff)
			}
			wantHit := storedHit{Title: tc.want.Title, URL: tc.want.URL, Published: tc.want.Published, Body: tc.want.Body}
			if diff := cmp.Diff(wantHit, hit); diff != "" {
				t.Errorf("record (-want +got):\n%s", diff)
			}
		})
	}
}
