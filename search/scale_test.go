package search

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dateline/corpus"
	"dateline/internal/shareddata"
)

// scaleN is the number of articles BenchmarkScale generates: 0 skips it,
// as generating and indexing a million articles takes minutes.
//
//	go test ./search -run XXX -bench Scale -benchtime 1x -timeout 60m -scale 100000
var scaleN = flag.Int("scale", 0, "articles BenchmarkScale generates and indexes (0 skips it)")

// scaleDir, when set, is where BenchmarkScale keeps its index: an index
// already there (of the same -scale) is served again without being
// rebuilt, so that the serving half can be measured, or profiled with
// -scale-profile, many times over one build.
var scaleDir = flag.String("scale-dir", "", "where BenchmarkScale keeps its index; one already there is reused")

// scaleProfile, when set, is the file the serving process writes its CPU
// profile of the timed searches to.
var scaleProfile = flag.String("scale-profile", "", "CPU profile of BenchmarkScale's serving process")

// articleGen makes realistic articles by recombining Reuters sentences,
// with dates spread over ten years and speakers and regions drawn from
// pools with a long tail, as real news has.
type articleGen struct {
	rng       *rand.Rand
	sentences []string
	// shapes holds, for each Reuters article, how many sentences each of
	// its paragraphs has, so generated articles are as long as real ones.
	shapes   [][]int
	titles   []string
	speakers []string
	regions  []string
}

func newArticleGen(tb testing.TB) *articleGen {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(shareddata.Path(tb, "data", "reuters21578"), "reut2-*.sgm"))
	g := &articleGen{rng: rand.New(rand.NewPCG(1, 2))}
	people, places := map[string]bool{}, map[string]bool{}
	for _, f := range files {
		arts, _ := corpus.ReadFile(f)
		for _, a := range arts {
			if a.Title != "" {
				g.titles = append(g.titles, a.Title)
			}
			var shape []int
			for _, p := range a.Paragraphs() {
				n := 0
				for s := range strings.SplitSeq(p, ". ") {
					if len(s) > 40 {
						g.sentences = append(g.sentences, strings.TrimSuffix(s, ".")+".")
						n++
					}
				}
				if n > 0 {
					shape = append(shape, n)
				}
			}
			if len(shape) > 0 {
				g.shapes = append(g.shapes, shape)
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
	for p, n := range g.shapes[g.rng.IntN(len(g.shapes))] {
		if p > 0 {
			body.WriteString("\n\n")
		}
		for s := range n {
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
// one title, and a region filter on some. They are drawn from a source of
// their own, so that an index built earlier gets the same queries.
func (g *articleGen) queries(n int) []Request {
	articles := g.rng
	g.rng = rand.New(rand.NewPCG(3, 4))
	defer func() { g.rng = articles }()
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

// BenchmarkScale builds an index of -scale generated articles the way the
// indexer does (batches of scaleBatch, two in flight, then a compaction to
// one segment) and measures what a user of a large index sees: build time,
// size on disk, and, in a fresh process that only opens the index and
// searches as searchd does, the time until it is ready (opened and warmed,
// as searchd does before it answers) and to the first answer, the latency
// percentiles of the harness's kind of query with snippets and all three
// facets at concurrency 1 and 8, the time a match costs, the slowest
// searches (on stderr), and that process's peak memory. The facet
// counts of a few queries are checked against bleve's own facet builders,
// so the speed is that of exact counts.
func BenchmarkScale(b *testing.B) {
	if *scaleN == 0 {
		b.Skip("set -scale N to generate and index N articles")
	}
	g := newArticleGen(b)
	for range b.N {
		dir := filepath.Join(b.TempDir(), "scale.idx")
		if *scaleDir != "" {
			dir = *scaleDir
		}
		start := time.Now()
		_, err := os.Stat(dir)
		built := err != nil
		if built {
			buildScaleIndex(b, g, dir, *scaleN)
		} else {
			b.Logf("serving the index already in %s", dir)
		}
		build := time.Since(start)
		size := dirSize(dir)

		qfile := filepath.Join(b.TempDir(), "queries.json")
		data, err := json.Marshal(g.queries(400))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(qfile, data, 0o644); err != nil {
			b.Fatal(err)
		}
		s := serveScaleIndex(b, dir, qfile)

		if built {
			b.ReportMetric(float64(*scaleN)/build.Seconds(), "articles/s")
			b.ReportMetric(build.Seconds(), "build-s")
		}
		b.ReportMetric(float64(size)/(1<<20), "index-MB")
		b.ReportMetric(s.OpenMS+s.WarmMS, "ready-ms")
		b.ReportMetric(s.FirstMS, "first-search-ms")
		b.ReportMetric(s.C1.P50, "c1-p50-ms")
		b.ReportMetric(s.C1.P99, "c1-p99-ms")
		b.ReportMetric(s.C8.P99, "c8-p99-ms")
		b.ReportMetric(s.C8.PerSecond, "c8-req/s")
		b.ReportMetric(s.PeakRSSMB, "serve-rss-MB")
		b.ReportMetric(s.NSPerHit, "ns/match")
		b.Logf("%d articles: build %s (%.0f articles/s), index %.0f MB; serving process: open %.0f ms, warm %.0f ms, first search %.0f ms, "+
			"c=1 p50 %.1f p95 %.1f p99 %.1f ms, c=8 p99 %.1f ms %.0f req/s, median total %d, %.0f ns a match, facets checked on %d queries, peak RSS %.0f MB",
			*scaleN, build.Round(time.Second), float64(*scaleN)/build.Seconds(), float64(size)/(1<<20), s.OpenMS, s.WarmMS, s.FirstMS,
			s.C1.P50, s.C1.P95, s.C1.P99, s.C8.P99, s.C8.PerSecond, s.MedianTotal, s.NSPerHit, s.FacetsChecked, s.PeakRSSMB)
	}
}

// scaleBatch is the indexer's default batch size.
const scaleBatch = 1000

// buildScaleIndex generates n articles in one goroutine (the generator's
// random source is not safe to share) and writes them in batches from two
// others, as the indexer does, then compacts the index as indexer -index
// ends.
func buildScaleIndex(tb testing.TB, g *articleGen, dir string, n int) {
	tb.Helper()
	x, err := Create(dir)
	if err != nil {
		tb.Fatal(err)
	}
	batches := make(chan []corpus.Article, 2)
	go func() {
		defer close(batches)
		arts := make([]corpus.Article, 0, scaleBatch)
		for i := range n {
			arts = append(arts, g.article(i))
			if len(arts) == scaleBatch || i == n-1 {
				batches <- arts
				arts = make([]corpus.Article, 0, scaleBatch)
			}
		}
	}()
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for range 2 {
		wg.Go(func() {
			for arts := range batches {
				if err := x.Put(arts); err != nil {
					errs <- err
					for range batches {
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	if err := x.Compact(context.Background(), true); err != nil {
		tb.Fatal(err)
	}
	if err := x.Close(); err != nil {
		tb.Fatal(err)
	}
}

// scaleServe is what the serving process reports.
type scaleServe struct {
	OpenMS, WarmMS, FirstMS float64
	C1, C8                  scaleLatency
	MedianTotal             uint64
	Hits                    uint64
	NSPerHit                float64
	FacetsChecked           int
	PeakRSSMB               float64
}

type scaleLatency struct {
	P50, P95, P99, Max, PerSecond float64
	// Sum is the time all the searches took, one after another.
	Sum float64
}

// serveScaleIndex runs TestScaleServe in a new process of this test binary,
// so that its memory is that of a process which only serves the index, as
// searchd is, and not of the one that built it.
func serveScaleIndex(tb testing.TB, dir, queries string) scaleServe {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestScaleServe$", "-test.count=1", "-test.timeout=60m")
	cmd.Env = append(os.Environ(), "DATELINE_SCALE_INDEX="+dir, "DATELINE_SCALE_QUERIES="+queries, "DATELINE_SCALE_PROFILE="+*scaleProfile)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("serving process: %v\n%s", err, out)
	}
	for line := range strings.Lines(string(out)) {
		if rest, ok := strings.CutPrefix(line, "scale-serve "); ok {
			var s scaleServe
			if err := json.Unmarshal([]byte(rest), &s); err != nil {
				tb.Fatalf("serving process report %q: %v", rest, err)
			}
			return s
		}
	}
	tb.Fatalf("serving process printed no report:\n%s", out)
	return scaleServe{}
}

// TestScaleServe is the serving half of BenchmarkScale, run by it in a
// process of its own; run alone it has nothing to do.
func TestScaleServe(t *testing.T) {
	dir, qfile := os.Getenv("DATELINE_SCALE_INDEX"), os.Getenv("DATELINE_SCALE_QUERIES")
	if dir == "" || qfile == "" {
		t.Skip("run by BenchmarkScale")
	}
	data, err := os.ReadFile(qfile)
	if err != nil {
		t.Fatal(err)
	}
	var qs []Request
	if err := json.Unmarshal(data, &qs); err != nil {
		t.Fatal(err)
	}
	var s scaleServe
	t0 := time.Now()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	s.OpenMS = msSince(t0)
	t0 = time.Now()
	if err := x.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.WarmMS = msSince(t0)
	t0 = time.Now()
	if _, err := x.Search(context.Background(), qs[0]); err != nil {
		t.Fatal(err)
	}
	s.FirstMS = msSince(t0)
	for _, q := range qs[:100] { // warm up
		if _, err := x.Search(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	qs = qs[100:]
	if p := os.Getenv("DATELINE_SCALE_PROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			t.Fatal(err)
		}
	}
	var totals []uint64
	type searched struct {
		r   Request
		res *Result
	}
	var slow []searched
	s.C1 = scaleRun(t, x, qs, 1, func(q Request, r *Result) {
		totals = append(totals, r.Total)
		s.Hits += r.Total
		slow = append(slow, searched{q, r})
	})
	// What the slowest searches were, and the time a match cost over all.
	slices.SortFunc(slow, func(a, b searched) int { return cmp.Compare(b.res.Took, a.res.Took) })
	for _, sr := range slow[:5] {
		r := sr.res
		// To stderr: the benchmark's process reads only the report
		// from this one's output.
		fmt.Fprintf(os.Stderr, "slowest: %q regions %q matched %d in %s\n", sr.r.Query, sr.r.Regions, r.Total, r.Took.Round(time.Millisecond/10))
	}
	s.NSPerHit = s.C1.Sum * 1e6 / float64(s.Hits)
	s.C8 = scaleRun(t, x, qs, 8, nil)
	pprof.StopCPUProfile()
	slices.Sort(totals)
	s.MedianTotal = totals[len(totals)/2]

	// Exact facets: the counts Search gives equal bleve's facet builders'
	// on the queries with the most hits.
	// Queries with a region filter are left out: their region facet is
	// disjunctive (counted as if that filter were not set), which bleve's
	// builders do not do.
	qs = slices.DeleteFunc(qs, func(r Request) bool { return len(r.Regions) > 0 })
	slices.SortFunc(qs, func(a, b Request) int { return cmp.Compare(len(a.Query), len(b.Query)) })
	for _, q := range qs[:5] {
		res, err := x.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		want := bleveFacets(t, x, q)
		for name, values := range res.Facets {
			for _, v := range values {
				// Spellings of one speaker are one value (SpeakerKey);
				// bleve counts each spelling apart.
				count := 0
				for _, w := range want[name] {
					if w.Value == v.Value || name == FacetSpeaker && corpus.SpeakerKey(w.Value) == corpus.SpeakerKey(v.Value) {
						count += w.Count
					}
				}
				if count != v.Count {
					t.Errorf("query %q: facet %s %q counted %d, bleve counts %v", q.Query, name, v.Value, v.Count, want[name])
				}
			}
		}
		s.FacetsChecked++
	}
	s.PeakRSSMB = float64(peakRSS()) / (1 << 10)
	out, _ := json.Marshal(s)
	fmt.Printf("scale-serve %s\n", out)
}

// scaleRun sends the queries from c goroutines and returns the latency
// percentiles in milliseconds and the rate; each result goes to seen, when
// not nil, from one goroutine at a time.
func scaleRun(tb testing.TB, x *Index, qs []Request, c int, seen func(Request, *Result)) scaleLatency {
	tb.Helper()
	var mu sync.Mutex
	lat := make([]float64, 0, len(qs))
	next := make(chan Request)
	go func() {
		defer close(next)
		for _, q := range qs {
			next <- q
		}
	}()
	start := time.Now()
	var wg sync.WaitGroup
	for range c {
		wg.Go(func() {
			for q := range next {
				t0 := time.Now()
				res, err := x.Search(context.Background(), q)
				d := msSince(t0)
				if err != nil {
					tb.Error(err)
					continue
				}
				mu.Lock()
				lat = append(lat, d)
				if seen != nil {
					seen(q, res)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(lat)
	pct := func(p float64) float64 { return lat[int(p*float64(len(lat)-1))] }
	var sum float64
	for _, l := range lat {
		sum += l
	}
	return scaleLatency{P50: pct(0.5), P95: pct(0.95), P99: pct(0.99), Max: lat[len(lat)-1], PerSecond: float64(len(lat)) / elapsed.Seconds(), Sum: sum}
}

func msSince(t time.Time) float64 { return float64(time.Since(t).Microseconds()) / 1000 }

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
