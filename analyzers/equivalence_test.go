package analyzers

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"dateline/corpus"
	"dateline/internal/shareddata"
)

// analyzerPair is the news analyzer and its reference.
type analyzerPair struct {
	news, ref analysis.Analyzer
}

func mustAnalyzerPair(tb testing.TB) analyzerPair {
	tb.Helper()
	news, err := registry.NewCache().AnalyzerNamed(NewsName)
	if err != nil {
		tb.Fatalf("AnalyzerNamed(%q): %v", NewsName, err)
	}
	return analyzerPair{news: news, ref: mustReferenceNews(tb)}
}

// compare fails tb where the two analyzers make different streams of
// text, naming where the text came from; it returns the tokens compared.
// Each analyzer gets its own copy: the lower-case filter writes into its
// input.
func (p analyzerPair) compare(tb testing.TB, from string, text []byte) int {
	tb.Helper()
	want := fullTokens(p.ref.Analyze(append([]byte(nil), text...)))
	got := fullTokens(p.news.Analyze(append([]byte(nil), text...)))
	if d := diffStreams(got, want); d != "" {
		tb.Fatalf("%s: news analyzer differs from the reference: %s", from, d)
	}
	return len(want)
}

// articleText is what indexing analyses of an article: its title, body
// and quotes.
func articleTexts(a corpus.Article) []string {
	texts := []string{a.Title, a.Body}
	for _, q := range a.Quotes {
		texts = append(texts, q.Text)
	}
	return texts
}

func TestNewsMatchesReferenceSamples(t *testing.T) {
	p := mustAnalyzerPair(t)
	samples, err := corpus.Samples()
	if err != nil {
		t.Fatalf("corpus.Samples: %v", err)
	}
	cached := analyzerPair{news: WithStemCache(p.news), ref: p.ref}
	tokens := 0
	for _, a := range samples {
		for _, text := range articleTexts(a) {
			tokens += p.compare(t, a.ID, []byte(text))
			cached.compare(t, a.ID+" (stem cache)", []byte(text))
		}
	}
	t.Logf("%d samples, %d tokens the same", len(samples), tokens)
}

// TestNewsMatchesReferenceConcurrently analyses the samples from several
// goroutines with one analyzer, as indexing does, so that the shared stem
// cache is filled and read at once (run it with -race).
func TestNewsMatchesReferenceConcurrently(t *testing.T) {
	p := mustAnalyzerPair(t)
	samples, err := corpus.Samples()
	if err != nil {
		t.Fatalf("corpus.Samples: %v", err)
	}
	want := make([][]fullToken, len(samples))
	for i, a := range samples {
		want[i] = fullTokens(p.ref.Analyze([]byte(a.Body)))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for k := range samples {
				i := (k + g*len(samples)/4) % len(samples)
				got := fullTokens(p.news.Analyze([]byte(samples[i].Body)))
				if d := diffStreams(got, want[i]); d != "" {
					errs <- samples[i].ID + ": " + d
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Analyze differs from the reference: %s", e)
	}
}

// TestNewsMatchesReferenceShared compares the analyzers over the shared
// corpora: the articles as Dateline reads them, and the raw pages and
// texts (HTML, JSON, plain text), whose markup, scripts, entities and
// stray bytes reach corners that articles do not.
func TestNewsMatchesReferenceShared(t *testing.T) {
	if testing.Short() {
		t.Skip("reads tens of megabytes of shared data")
	}
	p := mustAnalyzerPair(t)
	t.Run("seeds", func(t *testing.T) {
		eachFile(t, shareddata.Path(t, "seeds"), ".txt", func(name string, raw []byte) int {
			return p.compare(t, name, raw)
		})
	})
	t.Run("reuters", func(t *testing.T) {
		eachFile(t, shareddata.Path(t, "data", "reuters21578"), ".sgm", func(name string, raw []byte) int {
			n := 0
			for _, a := range mustReadArticles(t, name, raw, corpus.FormatSGML) {
				for _, text := range articleTexts(a) {
					n += p.compare(t, name+" "+a.ID, []byte(text))
				}
			}
			return n
		})
	})
	t.Run("bbc", func(t *testing.T) {
		eachFile(t, shareddata.Path(t, "data", "bbc"), ".txt", func(name string, raw []byte) int {
			return p.compare(t, name, raw)
		})
	})
	t.Run("scifact", func(t *testing.T) {
		eachFile(t, shareddata.Path(t, "data", "scifact"), ".jsonl", func(name string, raw []byte) int {
			n := 0
			sc := bufio.NewScanner(strings.NewReader(string(raw)))
			sc.Buffer(nil, 1<<24)
			for sc.Scan() {
				var doc struct{ ID, Title, Text string }
				if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				n += p.compare(t, name+" "+doc.ID, []byte(doc.Title))
				n += p.compare(t, name+" "+doc.ID, []byte(doc.Text))
			}
			return n
		})
	})
	t.Run("htmlpages", func(t *testing.T) {
		eachFile(t, shareddata.Path(t, "data", "htmlpages"), ".html", func(name string, raw []byte) int {
			n := p.compare(t, name, raw)
			for _, a := range mustReadArticles(t, name, raw, corpus.FormatHTML) {
				for _, text := range articleTexts(a) {
					n += p.compare(t, name, []byte(text))
				}
			}
			return n
		})
	})
}

// eachFile calls f with the contents of every file below dir whose name
// ends in suffix or suffix+".gz", unpacked where it is gzipped, and logs
// the files and tokens compared.
func eachFile(t *testing.T, dir, suffix string, f func(name string, raw []byte) int) {
	t.Helper()
	files, tokens := 0, 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(strings.TrimSuffix(path, ".gz"), suffix) {
			return err
		}
		raw, err := readMaybeGzip(path)
		if err != nil {
			return err
		}
		files++
		tokens += f(path, raw)
		return nil
	})
	if err != nil {
		t.Fatalf("walking %s: %v", dir, err)
	}
	if files == 0 {
		t.Fatalf("no %s files below %s", suffix, dir)
	}
	t.Logf("%d files below %s, %d tokens the same", files, dir, tokens)
}

func readMaybeGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	return io.ReadAll(r)
}

// mustReadArticles reads the articles of raw as Dateline does.
func mustReadArticles(tb testing.TB, name string, raw []byte, format corpus.Format) []corpus.Article {
	tb.Helper()
	arts, err := corpus.Read(strings.NewReader(string(raw)), name, format)
	if err != nil && len(arts) == 0 {
		tb.Fatalf("corpus.Read(%s): %v", name, err)
	}
	return arts
}
