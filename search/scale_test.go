package search

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/corpus"
)

// scaleN is the number of articles BenchmarkScale generates: 0 skips it,
// as generating and indexing a million articles takes minutes.
//
//	go test ./search -run XXX -bench Scale -benchtime 1x -timeout 60m -scale 100000
var scaleN = flag.Int("scale", 0, "articles BenchmarkScale generates and indexes (0 skips it)")

// sharedDataDir finds ../shared/data beside the module, or
// $DATELINE_SHARED/data, skipping where it is absent.
func sharedDataDir(tb testing.TB, parts ...string) string {
	tb.Helper()
	root := os.Getenv("DATELINE_SHARED")
	if root == "" {
		dir, _ := os.Getwd()
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				tb.Skip("shared data absent")
			}
			dir = parent
		}
		root = filepath.Join(dir, "..", "shared")
	}
	p := filepath.Join(append([]string{root, "data"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}

// articleGen makes realistic articles by recombining Reuters sentences,
// with dates spread over ten years and speakers and regions drawn from
// pools with a long tail, as real news has.
type articleGen struct {
	rng       *rand.Rand
	sentences []string
	titles    []string
	speakers  []string
	regions   []string
}

func newArticleGen(tb testing.TB) *articleGen {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedDataDir(tb, "reuters21578"), "reut2-*.sgm"))
	g := &articleGen{rng: rand.New(rand.NewPCG(1, 2))}
	people, places := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		arts, _ := corpus.ReadFile(f)
		for _, a := range arts {
			if a.Title != "" {
				g.titles = append(g.titles, a.Title)
			}
			for _, p := range a.Paragraphs() {
				for s := range strings.SplitSeq(p, ". ") {
					if len(s) > 40 {
						g.sentences = append(g.sentences, strings.TrimSuffix(s, ".")+".")
					}
				}
			}
			for _, p := range a.Speakers {
				people[p] = true
			}
			for _, r := range a.Regions {
				places[r] = true
			}
		}
	}
	for p := range people {
		g.speakers = append(g.speakers, p)
	}
	for r := range places {
		g.regions = append(g.regions, r)
	}
	slices.Sort(g.speakers)
	slices.Sort(g.regions)
	if len(g.sentences) == 0 {
		tb.Skip("no Reuters sentences")
	}
	return g
}

// zipf picks an index in [0, n) with a long tail: a few values are common,
// most are rare.
func (g *articleGen) zipf(n int) int {
	i := int(float64(n) * g.rng.Float64() * g.rng.Float64() * g.rng.Float64())
	return min(i, n-1)
}

func (g *articleGen) article(i int) corpus.Article {
	var body strings.Builder
	for p := range 3 + g.rng.IntN(5) {
		if p > 0 {
			body.WriteString("\n\n")
		}
		for s := range 2 + g.rng.IntN(3) {
			if s > 0 {
				body.WriteByte(' ')
			}
			body.WriteString(g.sentences[g.rng.IntN(len(g.sentences))])
		}
	}
	a := corpus.Article{
		ID:        fmt.Sprintf("gen-%d", i),
		Title:     g.titles[g.rng.IntN(len(g.titles))],
		Body:      body.String(),
		Published: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(g.rng.Int64N(int64(10 * 365 * 24 * time.Hour)))),
	}
	for range g.rng.IntN(3) {
		a.Speakers = append(a.Speakers, g.speakers[g.zipf(len(g.speakers))])
	}
	for range 1 + g.rng.IntN(3) {
		a.Regions = append(a.Regions, g.regions[g.zipf(len(g.regions))])
	}
	corpus.Enrich(&a)
	return a
}

// queries makes the shared harness's kind of query: one to three words of
// one title, and a region filter on some.
func (g *articleGen) queries(n int) []Request {
	stop := map[string]bool{"the": true, "and": true, "for": true, "inc": true, "mln": true, "qtr": true, "net": true, "says": true, "said": true}
	var out []Request
	for len(out) < n {
		var words []string
		for w := range strings.FieldsSeq(strings.ToLower(g.titles[g.rng.IntN(len(g.titles))])) {
			if len(w) >= 3 && !stop[w] && strings.IndexFunc(w, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			continue
		}
		g.rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		r := Request{Query: strings.Join(words[:1+g.rng.IntN(min(3, len(words)))], " "), Size: 10}
		if g.rng.IntN(100) < 15 {
			r.Regions = []string{g.regions[g.zipf(len(g.regions))]}
		}
		out = append(out, r)
	}
	return out
}

// BenchmarkScale builds an index of -scale generated articles and measures
// what a user of a large index sees: build time, size on disk, memory, and
// the latency percentiles of queries with snippets and all three facets.
func BenchmarkScale(b *testing.B) {
	if *scaleN == 0 {
		b.Skip("set -scale N to generate and index N articles")
	}
	g := newArticleGen(b)
	dir := filepath.Join(b.TempDir(), "scale.idx")
	for range b.N {
		start := time.Now()
		x, err := Create(dir)
		if err != nil {
			b.Fatal(err)
		}
		const batch = 2000
		arts := make([]corpus.Article, 0, batch)
		for i := range *scaleN {
			arts = append(arts, g.article(i))
			if len(arts) == batch || i == *scaleN-1 {
				if err := x.Put(arts); err != nil {
					b.Fatal(err)
				}
				arts = arts[:0]
			}
		}
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
		build := time.Since(start)
		size := dirSize(dir)

		runtime.GC()
		x, err = Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		qs := g.queries(300)
		for _, q := range qs[:50] { // warm up
			x.Search(context.Background(), q)
		}
		lat := make([]time.Duration, 0, len(qs))
		var totals []uint64
		for _, q := range qs {
			t0 := time.Now()
			res, err := x.Search(context.Background(), q)
			if err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(t0))
			totals = append(totals, res.Total)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		x.Close()
		slices.Sort(lat)
		slices.Sort(totals)
		pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
		b.ReportMetric(float64(*scaleN)/build.Seconds(), "articles/s")
		b.ReportMetric(build.Seconds(), "build-s")
		b.ReportMetric(float64(size)/(1<<20), "index-MB")
		b.ReportMetric(pct(0.50), "p50-ms")
		b.ReportMetric(pct(0.95), "p95-ms")
		b.ReportMetric(pct(0.99), "p99-ms")
		b.ReportMetric(float64(ms.Sys)/(1<<20), "go-sys-MB")
		b.ReportMetric(float64(peakRSS())/(1<<10), "peak-rss-MB")
		b.Logf("%d articles: build %s, index %.0f MB, c=1 p50 %.1f ms p95 %.1f ms p99 %.1f ms, median total %d, peak RSS %d MB",
			*scaleN, build.Round(time.Second), float64(size)/(1<<20), pct(0.5), pct(0.95), pct(0.99), totals[len(totals)/2], peakRSS()>>10)
	}
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// peakRSS returns the process's peak resident set size in KiB, from
// /proc/self/status, or 0 where that is not readable.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var kb int64
		if _, err := fmt.Sscanf(sc.Text(), "VmHWM: %d kB", &kb); err == nil {
			return kb
		}
	}
	return 0
}
