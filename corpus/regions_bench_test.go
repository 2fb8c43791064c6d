package corpus

import (
	"testing"
)

// BenchmarkRegionsReuters measures region extraction over Reuters-21578
// articles, title, dateline and body: the articles/s figure is what
// indexing pays for regions.
func BenchmarkRegionsReuters(b *testing.B) {
	arts := mustReadReuters(b)
	for i := range arts {
		arts[i].Regions = nil
	}
	loadGazetteer()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		a := &arts[n%len(arts)]
		Regions(a)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
