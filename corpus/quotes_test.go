package corpus

import (
	"os"
	"testing"
)

// BenchmarkFindQuotesReuters finds the quotes and speakers of the real
// Reuters articles of one SGML file and reports articles per second.
func BenchmarkFindQuotesReuters(b *testing.B) {
	path := sharedData(b, "reuters21578", "reut2-000.sgm")
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	arts, err := ReadSGML(f)
	if err != nil && len(arts) == 0 {
		b.Fatalf("ReadSGML(%s): %v", path, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range arts {
			FindQuotes(&arts[i])
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
