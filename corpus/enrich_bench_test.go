package corpus

import (
	"os"
	"sync/atomic"
	"testing"

	"dateline/internal/shareddata"
)

// BenchmarkEnrichReuters extracts speakers, quotes and regions together
// from the text alone (the given <PLACES> and <PEOPLE> cleared) of the real
// Reuters articles of one SGML file, on every core, and reports articles
// per second: the extraction cost of indexing.
func BenchmarkEnrichReuters(b *testing.B) {
	path := shareddata.Path(b, "data", "reuters21578", "reut2-000.sgm")
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	arts, err := ReadSGML(f)
	if err != nil && len(arts) == 0 {
		b.Fatalf("ReadSGML(%s): %v", path, err)
	}
	Regions(&arts[0]) // load the gazetteer outside the timing
	var n atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			a := arts[i%len(arts)]
			a.Speakers, a.Regions, a.Quotes = nil, nil, nil
			Enrich(&a)
			i++
			n.Add(1)
		}
	})
	b.ReportMetric(float64(n.Load())/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReadSGML parses one Reuters-21578 SGML file, a thousand
// articles, into articles (title, date, body paragraphs, the given places
// and people), as the indexer's readers do before extraction, and reports
// articles per second on one core.
func BenchmarkReadSGML(b *testing.B) {
	path := shareddata.Path(b, "data", "reuters21578", "reut2-000.sgm")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	articles := 0
	b.ReportAllocs()
	b.SetBytes(info.Size())
	for b.Loop() {
		arts, err := ReadFile(path)
		if err != nil {
			b.Fatalf("ReadFile(%s): %v", path, err)
		}
		articles += len(arts)
	}
	b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
}
