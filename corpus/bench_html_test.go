package corpus

import (
	"bytes"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"
)

// Speed of the whole web-page pipeline on the scrapinghub pages (their
// decompressed bytes in memory), for example:
//
//	go test ./corpus -run XXX -bench ParseHTML -benchtime 5x
//
// BenchmarkParseHTMLScrapinghub reads all pages with one worker per core,
// as the indexer does, and reports pages/s; the Serial benchmark gives the
// time of one page on one core.

// parsePagesParallel runs ParseHTML over the pages with one worker a core.
func parsePagesParallel(pages []evalPage) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				ParseHTML(pages[i].data, pages[i].url)
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
}

func BenchmarkParseHTMLScrapinghub(b *testing.B) {
	pages := loadScrapinghub(b)
	var size int64
	for _, p := range pages {
		size += int64(len(p.data))
	}
	b.SetBytes(size)
	for b.Loop() {
		parsePagesParallel(pages)
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseHTMLScrapinghubSerial times one page at a time (ns/op is
// per page); run it with -cpu 1 for the single-core figure.
func BenchmarkParseHTMLScrapinghubSerial(b *testing.B) {
	pages := loadScrapinghub(b)
	i := 0
	for b.Loop() {
		ParseHTML(pages[i%len(pages)].data, pages[i%len(pages)].url)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseOnlyScrapinghub is the floor: parsing the HTML alone.
func BenchmarkParseOnlyScrapinghub(b *testing.B) {
	pages := loadScrapinghub(b)
	i := 0
	for b.Loop() {
		html.Parse(bytes.NewReader(pages[i%len(pages)].data))
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkGoTrafilaturaScrapinghub is go-trafilatura alone, as the
// baseline figures measure it, one page at a time.
func BenchmarkGoTrafilaturaScrapinghub(b *testing.B) {
	pages := loadScrapinghub(b)
	i := 0
	for b.Loop() {
		trafilaturaExtractor(pages[i%len(pages)].data, pages[i%len(pages)].url)
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkParseHTMLDeepNesting is a page of 100,000 nested elements: it
// must cost about what its size does, not what its depth squared would.
func BenchmarkParseHTMLDeepNesting(b *testing.B) {
	page := []byte("<html><body>" + strings.Repeat("<div>", 100000) +
		"<p>" + strings.Repeat("The ferries ran again. ", 20) + "</p>")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ParseHTML(page, ""); err != nil {
			b.Fatalf("ParseHTML: %v", err)
		}
	}
}

// BenchmarkParseHTMLLargePage is a 25 MB page of 150,000 paragraphs, near
// MaxInputSize: it must cost in proportion to its size.
func BenchmarkParseHTMLLargePage(b *testing.B) {
	page := largePage(150000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := ParseHTML(page, ""); err != nil {
			b.Fatalf("ParseHTML: %v", err)
		}
	}
}
