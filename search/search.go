package search

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
)

// Facet names in a Result.
const (
	FacetSpeaker = "speaker"
	FacetRegion  = "region"
	FacetDate    = "date"
)

// Result is the answer to a search.
type Result struct {
	// Total is the number of articles that match, exactly.
	Total uint64
	Hits  []Hit
	// Facets holds the counts of speaker, region and date (by month)
	// values over all matching articles.
	Facets map[string][]FacetValue
	// Histogram counts the matching articles by date.
	Histogram Histogram
	// Next is the cursor of the page after this one, for Request.After;
	// empty on the last page.
	Next string
	Took time.Duration
	// Interpreted is the query as Dateline understood it, in the query
	// language: what was searched for, after any fallback to plain words.
	Interpreted string
	// DidYouMean, when not empty, is the query with its unknown words
	// corrected; when the query as typed found nothing, the hits are
	// the correction's.
	DidYouMean string
}

// Hit is one matching article.
type Hit struct {
	ID        string
	Title     string
	URL       string
	Score     float64
	Published time.Time
	Speakers  []string
	Regions   []string
	// TitleHTML and Snippet are HTML: the article's text escaped, the
	// matches wrapped in <mark>.
	TitleHTML string
	Snippet   string
}

// FacetValue is one value of a facet and the number of matching articles
// that have it.
type FacetValue struct {
	Value string
	Count int
}

// Search answers a request. The request is normalised first; a bad one
// gives an error wrapping ErrInvalid. A short query of plain words with a
// word no article holds gets a correction in DidYouMean (suggest.go); if
// it found nothing, the hits are those of the correction.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	stats, err := x.bm25Stats(ctx)
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	ctx = context.WithValue(ctx, search.BM25StatsKey, stats)
	out, err := x.run(ctx, &r, stats)
	if err != nil || r.Page > 1 || r.After != "" {
		return took(out, start), err
	}
	// A correction is an offer: a lookup that fails leaves the answer
	// as it was.
	better, ok, err := x.suggest(ctx, &r)
	if err != nil || !ok {
		return took(out, start), nil
	}
	if out.Total > 0 {
		// Hits for the words as typed stand; the correction is offered.
		out.DidYouMean = better
		return took(out, start), nil
	}
	retry := r
	retry.Query = better
	retry.parsed, retry.fellBack = parseQuery(better)
	second, err := x.run(ctx, &retry, stats)
	if err != nil || second.Total == 0 {
		return took(out, start), err
	}
	second.DidYouMean = better
	return took(second, start), nil
}

// took sets the time a search took, its facet and histogram searches
// included.
func took(r *Result, start time.Time) *Result {
	if r != nil {
		r.Took = time.Since(start)
	}
	return r
}

// run searches for a normalised request.
func (x *Index) run(ctx context.Context, r *Request, stats *search.BM25Stats) (*Result, error) {
	c := newCompiler(x.bi.Mapping(), stats)
	q := buildQuery(r, c)
	if r.Recency > 0 {
		q = withRecency(q, r.Recency, time.Now())
	}
	// One hit more than the page, to learn whether a next page exists
	// without counting.
	counter := newFacetCounter(x.facets)
	cq := &countingQuery{Query: q, counter: counter, hold: true}
	defer cq.release()
	sr := bleve.NewSearchRequestOptions(cq, r.Size+1, (r.Page-1)*r.Size, false)
	if r.Sort == SortRelevance && r.After == "" {
		// The collector keeps the page and the hits before it.
		cq.keep = sr.Size + sr.From
	}
	// The speakers and regions come from the index, which holds them as
	// extracted (cq.extracted); the title, URL, date and body from the
	// article store.
	if err := setPlace(sr, r, x.bi.Mapping()); err != nil {
		return nil, err
	}
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	// The counting searcher saw every match; the collector only those
	// that might reach the page.
	out := &Result{Total: counter.hits, Took: res.Took}
	if len(res.Hits) > r.Size {
		res.Hits = res.Hits[:r.Size]
		out.Next = encodeCursor(r.Sort, res.Hits[r.Size-1])
	}
	if r.parsed != nil && strings.TrimSpace(r.Query) != "" {
		out.Interpreted = r.parsed.String()
	}
	stored, err := x.hitRecords(hitIDs(res.Hits))
	if err != nil {
		return nil, fmt.Errorf("reading the hits' articles: %w", err)
	}
	found, err := cq.extracted(res.Hits)
	if err != nil {
		return nil, err
	}
	cq.release()
	m := x.bi.Mapping()
	sn := &snippeter{analyzer: getSnippetAnalyzer(m), terms: c.marks}
	defer putSnippetAnalyzer(m, sn.analyzer)
	for i, h := range res.Hits {
		rec := stored[h.ID]
		hit := Hit{
			ID:        h.ID,
			Score:     h.Score,
			Title:     rec.Title,
			URL:       rec.URL,
			Published: rec.Published,
			Speakers:  found[i].Speakers,
			Regions:   found[i].Regions,
		}
		hit.TitleHTML = sn.title(hit.Title)
		hit.Snippet = sn.snippet(rec.Body, r.SnippetSize, r.Snippets)
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = counter.facets(r.FacetSize)
	// The counts by day are read only for a histogram by day or week.
	days := func() []FacetValue { return counter.values(facetDay, -1) }
	out.Histogram, err = histogram(r, out.Facets[FacetDate], days)
	counter.done()
	if err != nil {
		return nil, err
	}
	if err := x.disjunctiveFacets(ctx, r, c, out.Facets); err != nil {
		return nil, err
	}
	return out, nil
}

// leadText returns about n bytes from the start of text, cut at a word,
// its white space collapsed. Only the words it may show are read.
func leadText(text string, n int) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(text) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if b.Len() > n {
			break
		}
	}
	text = b.String()
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.ToValidUTF8(text[:cut], "") + " …"
}
