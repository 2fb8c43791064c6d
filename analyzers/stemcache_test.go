package analyzers

import (
	"strings"
	"testing"
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
