package analyzers

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/registry"

	"dateline/corpus"
)

// BenchmarkAnalyze measures the news analyzer over the sample articles'
// titles and bodies, the work indexing does for every article; b.SetBytes
// makes the figure MB/s of text.
func BenchmarkAnalyze(b *testing.B) {
	samples, err := corpus.Samples()
	if err != nil {
		b.Fatalf("corpus.Samples: %v", err)
	}
	texts := make([][]byte, 0, len(samples))
	var size int64
	for _, a := range samples {
		t := []byte(strings.Join([]string{a.Title, a.Body}, "\n\n"))
		texts = append(texts, t)
		size += int64(len(t))
	}
	a, err := registry.NewCache().AnalyzerNamed(NewsName)
	if err != nil {
		b.Fatalf("AnalyzerNamed(%q): %v", NewsName, err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			if len(a.Analyze(t)) == 0 {
				b.Fatal("Analyze returned no tokens")
			}
		}
	}
}
