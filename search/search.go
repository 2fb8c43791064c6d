package search

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// snippetLength is the length in bytes of a snippet built from the start of
// the body when no fragment of it matched.
const snippetLength = 240

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
// gives an error wrapping ErrInvalid.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(buildQuery(&r), r.Size+1, (r.Page-1)*r.Size, false)
	sr.Fields = []string{fieldTitle, fieldURL, fieldPublished, fieldSpeaker, fieldRegion, fieldBody}
	sr.Highlight = bleve.NewHighlightWithStyle("html")
	sr.Highlight.AddField(fieldTitle)
	sr.Highlight.AddField(fieldBody)
	addFacets(sr, &r)
	setPlace(sr, &r)
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	out := &Result{Total: res.Total}
	// One hit more than the page was asked for, to learn whether a next
	// page exists without counting.
	if len(res.Hits) > r.Size {
		res.Hits = res.Hits[:r.Size]
		out.Next = encodeCursor(r.Sort, res.Hits[r.Size-1])
	}
	for _, h := range res.Hits {
		hit := Hit{
			ID:        h.ID,
			Score:     h.Score,
			Title:     stringField(h.Fields[fieldTitle]),
			URL:       stringField(h.Fields[fieldURL]),
			Published: timeField(h.Fields[fieldPublished]),
			Speakers:  stringsField(h.Fields[fieldSpeaker]),
			Regions:   stringsField(h.Fields[fieldRegion]),
		}
		hit.TitleHTML = html.EscapeString(hit.Title)
		if frags := h.Fragments[fieldTitle]; len(frags) > 0 {
			hit.TitleHTML = frags[0]
		}
		if frags := h.Fragments[fieldBody]; len(frags) > 0 {
			hit.Snippet = strings.Join(frags, " … ")
		} else {
			hit.Snippet = html.EscapeString(leadText(stringField(h.Fields[fieldBody]), snippetLength))
		}
		out.Hits = append(out.Hits, hit)
	}
	out.Facets = facetValues(res.Facets)
	if err := x.disjunctiveFacets(ctx, &r, out.Facets); err != nil {
		return nil, err
	}
	if out.Histogram, err = x.histogram(ctx, &r, out.Facets[FacetDate]); err != nil {
		return nil, err
	}
	out.Took = time.Since(start)
	return out, nil
}

// leadText returns about n bytes from the start of text, cut at a word.
func leadText(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	return strings.ToValidUTF8(text[:cut], "") + " …"
}
