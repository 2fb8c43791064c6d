package search

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"dateline/corpus"
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
	Took   time.Duration
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
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(buildQuery(&r), r.Size, (r.Page-1)*r.Size, false)
	sr.Fields = []string{fieldTitle, fieldURL, fieldPublished, fieldSpeaker, fieldRegion, fieldBody}
	sr.Highlight = bleve.NewHighlightWithStyle("html")
	sr.Highlight.AddField(fieldTitle)
	sr.Highlight.AddField(fieldBody)
	sr.AddFacet(FacetSpeaker, bleve.NewFacetRequest(fieldSpeaker, r.FacetSize))
	sr.AddFacet(FacetRegion, bleve.NewFacetRequest(fieldRegion, r.FacetSize))
	// A month facet wide enough for ten years of news: the months are
	// then shown in order of time, not of count.
	sr.AddFacet(FacetDate, bleve.NewFacetRequest(fieldMonth, 120))
	if r.Sort == SortDate {
		sr.SortBy([]string{"-" + fieldPublished, "-_score", "_id"})
	}
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("searching: %w", err)
	}
	out := &Result{Total: res.Total, Took: res.Took, Facets: map[string][]FacetValue{}}
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
	for name, fr := range res.Facets {
		var values []FacetValue
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				values = append(values, FacetValue{Value: t.Term, Count: t.Count})
			}
		}
		if name == FacetDate {
			sort.Slice(values, func(i, j int) bool { return values[i].Value < values[j].Value })
		}
		if values == nil {
			values = []FacetValue{}
		}
		out.Facets[name] = values
	}
	for _, name := range []string{FacetSpeaker, FacetRegion, FacetDate} {
		if out.Facets[name] == nil {
			out.Facets[name] = []FacetValue{}
		}
	}
	return out, nil
}

// buildQuery turns the request into a bleve query: the words matched in the
// title and the body, any word sufficing and more words ranking higher, and
// the filters applied without scoring.
func buildQuery(r *Request) query.Query {
	var q query.Query
	if strings.TrimSpace(r.Query) == "" {
		q = bleve.NewMatchAllQuery()
	} else {
		title := bleve.NewMatchQuery(r.Query)
		title.SetField(fieldTitle)
		title.SetBoost(2)
		body := bleve.NewMatchQuery(r.Query)
		body.SetField(fieldBody)
		q = bleve.NewDisjunctionQuery(title, body)
	}
	var filters []query.Query
	if f := anyOf(fieldSpeaker, r.Speakers); f != nil {
		filters = append(filters, f)
	}
	if f := anyOf(fieldRegion, r.Regions); f != nil {
		filters = append(filters, f)
	}
	if !r.From.IsZero() || !r.To.IsZero() {
		var start, end time.Time
		if !r.From.IsZero() {
			start = day(r.From)
		}
		if !r.To.IsZero() {
			end = day(r.To).AddDate(0, 0, 1)
		}
		inclusive, exclusive := true, false
		dr := bleve.NewDateRangeInclusiveQuery(start, end, &inclusive, &exclusive)
		dr.SetField(fieldPublished)
		filters = append(filters, dr)
	}
	if len(filters) == 0 {
		return q
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(q)
	b.AddFilter(bleve.NewConjunctionQuery(filters...))
	return b
}

// anyOf matches documents whose keyword field holds any of the values.
func anyOf(field string, values []string) query.Query {
	if len(values) == 0 {
		return nil
	}
	var qs []query.Query
	for _, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// day returns the start of t's day in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Get returns the article with the given ID, or ErrNotFound.
func (x *Index) Get(ctx context.Context, id string) (corpus.Article, error) {
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = []string{"*"}
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return corpus.Article{}, fmt.Errorf("getting article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return corpus.Article{}, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	f := res.Hits[0].Fields
	a := corpus.Article{
		ID:        id,
		Title:     stringField(f[fieldTitle]),
		Body:      stringField(f[fieldBody]),
		URL:       stringField(f[fieldURL]),
		Author:    stringField(f[fieldAuthor]),
		Site:      stringField(f[fieldSite]),
		Dateline:  stringField(f[fieldDateline]),
		Language:  stringField(f[fieldLanguage]),
		Source:    stringField(f[fieldSource]),
		Published: timeField(f[fieldPublished]),
		Speakers:  stringsField(f[fieldSpeaker]),
		Regions:   stringsField(f[fieldRegion]),
	}
	if q := stringField(f[fieldQuotes]); q != "" {
		if err := json.Unmarshal([]byte(q), &a.Quotes); err != nil {
			return corpus.Article{}, fmt.Errorf("article %s: reading its quotes: %w", id, err)
		}
	}
	return a, nil
}

func stringField(v interface{}) string {
	switch v := v.(type) {
	case string:
		return v
	case []interface{}:
		if len(v) > 0 {
			s, _ := v[0].(string)
			return s
		}
	}
	return ""
}

// stringsField reads a stored array field, which bleve gives back as a
// plain string when it holds one value.
func stringsField(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return []string{}
}

func timeField(v interface{}) time.Time {
	s := stringField(v)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
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
