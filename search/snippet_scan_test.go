package search

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"dateline/analyzers"
)

func mustSnippeter(tb testing.TB, words ...string) *snippeter {
	tb.Helper()
	a, err := analyzers.NewNews(registry.NewCache())
	if err != nil {
		tb.Fatal(err)
	}
	terms := newMarkTerms()
	for _, w := range words {
		terms.addTerms("", []weightedTerm{{Term: w, Weight: 1}})
	}
	return &snippeter{analyzer: analyzers.WithStemCache(a), terms: terms}
}

func TestScanEnd(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want int
	}{
		{name: "short text", text: "grain and oil", n: 20, want: 13},
		{name: "cut at a space", text: "grain and oil", n: 8, want: 5},
		{name: "space at n", text: "grain and oil", n: 9, want: 9},
		{name: "one long word", text: "graaaaaaaaain", n: 5, want: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := scanEnd(tt.text, tt.n); got != tt.want {
				t.Errorf("scanEnd(%q, %d) = %d, want %d", tt.text, tt.n, got, tt.want)
			}
		})
	}
}

func TestSnippetScanLimit(t *testing.T) {
	filler := strings.Repeat("Nothing of note happened in the market today. ", snippetScan/46+10)
	sn := mustSnippeter(t, "pipelin")
	tests := []struct {
		name     string
		text     string
		wantMark bool
	}{
		{name: "match within the limit", text: filler[:snippetScan-200] + "The pipeline reopened. " + filler, wantMark: true},
		{name: "match past the limit", text: filler + "The pipeline reopened.", wantMark: false},
		{name: "one line past the limit", text: strings.Repeat("nothing of note happened in the market today ", snippetScan/45+10) + "pipeline", wantMark: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sn.snippet(tt.text, DefaultSnippetSize, DefaultSnippets)
			if strings.Contains(got, "<mark>") != tt.wantMark {
				t.Errorf("snippet(%d bytes) = %.80q…, want a mark %v", len(tt.text), got, tt.wantMark)
			}
		})
	}
}

// BenchmarkSnippetHuge builds the snippet of a 280 KB text whose only
// match is at its end, as long as the CIA World Factbook among
// Reuters-21578's files: the scan limit bounds the work.
func BenchmarkSnippetHuge(b *testing.B) {
	sn := mustSnippeter(b, "pipelin")
	text := strings.Repeat("Nothing of note happened in the market today.\n\n", 5900) + "The pipeline reopened."
	b.ReportAllocs()
	for b.Loop() {
		sn.snippet(text, DefaultSnippetSize, DefaultSnippets)
	}
}

func TestLeadText(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want string
	}{
		{name: "short", text: "Grain  exports\n\nrose.", n: 40, want: "Grain exports rose."},
		{name: "exactly n", text: "Grain exports", n: 13, want: "Grain exports"},
		{name: "cut at a word", text: "Grain exports rose in May", n: 16, want: "Grain exports …"},
		{name: "long word", text: "Graaaaaaaaaaaaaaaaain exports", n: 10, want: "Graaaaaaaa …"},
		{name: "white space first", text: strings.Repeat(" \n", 5000) + "Grain exports rose", n: 14, want: "Grain exports …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadText(tt.text, tt.n); got != tt.want {
				t.Errorf("leadText(%.20q, %d) = %q, want %q", tt.text, tt.n, got, tt.want)
			}
		})
	}
}
