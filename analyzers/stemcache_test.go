package analyzers

import (
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TestStemCacheReusesTokens analyses texts one after another with one
// WithStemCache analyzer, whose tokenizer keeps its tokens' memory: a long
// text spanning several blocks of tokens, a short one, hyphen joins, the
// long one again. Each must give what a fresh analyzer gives, and once
// the buffers have grown, analysing a text again must allocate next to
// nothing.
func TestStemCacheReusesTokens(t *testing.T) {
	p := mustAnalyzerPair(t)
	cached := analyzerPair{news: WithStemCache(p.news), ref: p.ref}
	long := strings.Repeat("Kyiv's plan, said Zelenskiy on Tuesday, is costly and late. ", 400) +
		"A covid-19 test for the F-16 pilots, state-of-the-art, the ministry said. "
	texts := []struct{ name, text string }{
		{"long", long},
		{"short", "Oil prices rose."},
		{"joins", "The F-16 and e-mail in 2024-25 cost $1.5bn."},
		{"long again", long},
		{"empty", ""},
		{"short again", "Peskov said on Monday that talks on Crimea would go on."},
	}
	for _, tt := range texts {
		cached.compare(t, tt.name, []byte(tt.text))
	}
	input := []byte(long)
	text := make([]byte, len(input))
	allocs := testing.AllocsPerRun(20, func() {
		copy(text, input) // the lower-case filter writes into its input
		cached.news.Analyze(text)
	})
	// 4,000 words and three joined forms, whose terms are new (a stem
	// cache may keep them); the stream, its tokens and the joined forms'
	// tokens are the buffer's.
	if allocs > 8 {
		t.Errorf("analysing a text again allocates %.0f times; want 8 at most", allocs)
	}
}

// TestStemCacheShared runs copies of one analyzer at once, each over texts
// of words the others also meet, and checks each stream against the
// reference: the copies publish their words to the memory they share while
// the others read it. It then checks that a copy made afterwards starts
// with those words, and that a copy of another analyzer does not.
func TestStemCacheShared(t *testing.T) {
	p := mustAnalyzerPair(t)
	suffixes := []string{"ing", "ings", "ed", "ations", "ness", "ly", "ers", ""}
	var words []string
	for i := range 1200 {
		base := string([]byte{'b' + byte(i%19), 'a' + byte(i/19%5), 'r', 'e' + byte(i/95%13)})
		words = append(words, base+suffixes[i%len(suffixes)])
	}
	texts := make([][]byte, 12)
	for i := range texts {
		var b strings.Builder
		for j := range 300 {
			b.WriteString(words[(i*97+j*7)%len(words)])
			b.WriteString(" ")
		}
		texts[i] = []byte(b.String())
	}
	const copies = 4
	got := make([][][]fullToken, copies)
	var wg sync.WaitGroup
	for c := range copies {
		wg.Go(func() {
			a := WithStemCache(p.news)
			for round := range 3 {
				for i := range texts {
					text := texts[(i+c*3+round)%len(texts)]
					got[c] = append(got[c], fullTokens(a.Analyze(append([]byte(nil), text...))))
				}
			}
		})
	}
	wg.Wait()
	for c := range copies {
		for k, stream := range got[c] {
			text := texts[(k%len(texts)+c*3+k/len(texts))%len(texts)]
			want := fullTokens(p.ref.Analyze(append([]byte(nil), text...)))
			if d := diffStreams(stream, want); d != "" {
				t.Fatalf("copy %d, text %d: %s", c, k, d)
			}
		}
	}

	memoryOf := func(a analysis.Analyzer) *stemMemory {
		for _, f := range a.(*analysis.DefaultAnalyzer).TokenFilters {
			if c, ok := f.(*cachedStemmer); ok {
				return c.memory
			}
		}
		t.Fatal("WithStemCache gave an analyzer without a cached stemmer")
		return nil
	}
	if n := len(memoryOf(WithStemCache(p.news)).words()); n < stemPublish {
		t.Errorf("a new copy starts with %d words in memory; want the %d or more the others published", n, stemPublish)
	}
	other, err := registry.NewCache().AnalyzerNamed(NewsName)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(memoryOf(WithStemCache(other)).words()); n != 0 {
		t.Errorf("a copy of another analyzer starts with %d words; want none", n)
	}
}
