package search

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"dateline/analyzers"
	"dateline/corpus"
)

// QuoteResult is the answer to a quote search.
type QuoteResult struct {
	// Articles is the number of articles with a matching quote (by their
	// quote text and speakers; a few may hold none of the speaker's).
	Articles uint64
	// Quotes are the matching quotes of the page's articles, in the order
	// of their articles and within one article in the order of the text.
	Quotes []QuoteHit
	Took   time.Duration
}

// QuoteHit is one quote and the article it comes from.
type QuoteHit struct {
	corpus.Quote
	// TextHTML is the quote's text escaped, the query's words wrapped in
	// <mark>.
	TextHTML     string
	ArticleID    string
	ArticleTitle string
	ArticleURL   string
	Published    time.Time
}

// Quotes searches what people said: r.Query against the texts of the
// quotes, r.Speakers the people who said them (any of them), the other
// filters, sort and page as in Search, Page and Size counting articles.
// It finds the articles first and then picks from each the quotes that
// match: said by one of the speakers and holding a word of the query.
func (x *Index) Quotes(ctx context.Context, r Request) (*QuoteResult, error) {
	start := time.Now()
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	if r.After != "" {
		return nil, paramErr("after", "quotes page by page only")
	}
	ctx, c, err := x.queryContext(ctx)
	if err != nil {
		return nil, err
	}
	sr := bleve.NewSearchRequestOptions(quoteQuery(&r, c), r.Size, (r.Page-1)*r.Size, false)
	sr.SortBy(sortOrder(r.Sort))
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("searching quotes: %w", err)
	}
	terms, err := x.queryTerms(r.Query)
	if err != nil {
		return nil, err
	}
	speakers := map[string]bool{}
	for _, s := range r.Speakers {
		speakers[fold(s)] = true
	}
	out := &QuoteResult{Articles: res.Total, Quotes: []QuoteHit{}}
	for _, h := range res.Hits {
		// The quotes are read whole from the store; the index holds
		// only their words.
		a, err := x.Get(ctx, h.ID)
		if err != nil {
			return nil, fmt.Errorf("reading the quotes of article %s: %w", h.ID, err)
		}
		for _, q := range a.Quotes {
			if len(speakers) > 0 && !speakers[fold(q.Speaker)] {
				continue
			}
			marked, n, err := x.markTerms(q.Text, terms)
			if err != nil {
				return nil, err
			}
			if len(terms) > 0 && n == 0 {
				continue
			}
			out.Quotes = append(out.Quotes, QuoteHit{
				Quote: q, TextHTML: marked, ArticleID: h.ID,
				ArticleTitle: a.Title, ArticleURL: a.URL, Published: a.Published,
			})
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// quoteQuery matches the articles with a quote holding a word of the query
// and with one of the speakers, under the request's other filters.
func quoteQuery(r *Request, c *compiler) query.Query {
	base := *r
	base.Query = ""
	q := buildQuery(&base, c)
	if strings.TrimSpace(r.Query) == "" {
		return q
	}
	m := bleve.NewMatchQuery(r.Query)
	if quotesInText(c.m) {
		m.SetField(fieldText)
		return bleve.NewConjunctionQuery(inQuotes(m, true), q)
	}
	m.SetField(fieldQuote)
	return bleve.NewConjunctionQuery(m, q)
}

// queryTerms analyses the query as the quotes' words are analysed (the
// news analyzer), to mark them in each quote's text.
func (x *Index) queryTerms(text string) (map[string]bool, error) {
	terms := map[string]bool{}
	if strings.TrimSpace(text) == "" {
		return terms, nil
	}
	a := x.bi.Mapping().AnalyzerNamed(analyzers.NewsName)
	if a == nil {
		return nil, fmt.Errorf("analyzer %s is not registered", analyzers.NewsName)
	}
	for _, t := range a.Analyze([]byte(text)) {
		terms[string(t.Term)] = true
	}
	return terms, nil
}

// markTerms returns text escaped, with the words whose analysed form is
// one of terms wrapped in <mark>, and how many it marked.
func (x *Index) markTerms(text string, terms map[string]bool) (string, int, error) {
	if len(terms) == 0 {
		return html.EscapeString(text), 0, nil
	}
	a := x.bi.Mapping().AnalyzerNamed(analyzers.NewsName)
	if a == nil {
		return "", 0, fmt.Errorf("analyzer %s is not registered", analyzers.NewsName)
	}
	var b strings.Builder
	pos, n := 0, 0
	for _, t := range a.Analyze([]byte(text)) {
		if !terms[string(t.Term)] || t.Start < pos || t.End > len(text) {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:t.Start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[t.Start:t.End]))
		b.WriteString("</mark>")
		pos = t.End
		n++
	}
	b.WriteString(html.EscapeString(text[pos:]))
	return b.String(), n, nil
}
