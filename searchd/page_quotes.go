package main

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"dateline/corpus"
	"dateline/search"
)

// quotesPage is what the quotes page and a speaker's page show.
type quotesPage struct {
	Query    string
	Speaker  string
	Req      search.Request
	Articles uint64
	Groups   []quoteGroup
	PrevURL  string
	NextURL  string
	// On a speaker's page: the articles quoting them over time, and the
	// search for those articles.
	Hist      histogramView
	SearchURL string
}

// quoteGroup is the quotes of one speaker, or of one month on a speaker's
// page.
type quoteGroup struct {
	Title  string
	Link   string
	Quotes []search.QuoteHit
}

// handleQuotesPage searches what was said: q in the quotes' text, speaker
// the people who said it, grouped by speaker.
func (s *server) handleQuotesPage(c echo.Context) error {
	v := c.QueryParams()
	req, err := parseSearch(v, s.now())
	if err != nil {
		return err
	}
	res, err := s.index.Quotes(c.Request().Context(), req)
	if err != nil {
		return err
	}
	p := quotesPage{Query: req.Query, Req: req, Articles: res.Articles}
	if len(req.Speakers) > 0 {
		p.Speaker = req.Speakers[0]
	}
	p.Groups = groupQuotes(res.Quotes, func(q search.QuoteHit) string { return q.Speaker })
	for i := range p.Groups {
		p.Groups[i].Link = "/speakers/" + url.PathEscape(p.Groups[i].Title)
	}
	p.PrevURL, p.NextURL = pagerURLs("/quotes", v, req, res.Articles)
	return s.renderPage(c, http.StatusOK, "quotes", p)
}

// handleSpeakerPage shows one person's quotes, newest first and grouped by
// month, under a histogram of the articles that quote them.
func (s *server) handleSpeakerPage(c echo.Context) error {
	name := c.Param("name")
	if n, err := url.PathUnescape(name); err == nil {
		name = n
	}
	ctx := c.Request().Context()
	v := url.Values{"speaker": {name}}
	sreq, err := parseSearch(v, s.now())
	if err != nil {
		return err
	}
	sreq.Size = 1
	sres, err := s.index.Search(ctx, sreq)
	if err != nil {
		return err
	}
	if sres.Total == 0 {
		return echo.NewHTTPError(http.StatusNotFound, fmt.Sprintf("No article quotes or names %s.", name))
	}
	qv := cloneValues(c.QueryParams())
	qv.Set("speaker", name)
	qv.Set("sort", string(search.SortDate))
	qv.Set("size", "50")
	req, err := parseSearch(qv, s.now())
	if err != nil {
		return err
	}
	res, err := s.index.Quotes(ctx, req)
	if err != nil {
		return err
	}
	p := quotesPage{Speaker: name, Req: req, Articles: sres.Total, SearchURL: pageURL(v)}
	p.Hist = histogramOf(v, &sreq, sres.Histogram)
	p.Groups = groupQuotes(res.Quotes, func(q search.QuoteHit) string {
		if q.Published.IsZero() {
			return "Undated"
		}
		return q.Published.Format("January 2006")
	})
	page := c.QueryParams()
	p.PrevURL, p.NextURL = pagerURLs("/speakers/"+url.PathEscape(name), page, req, sres.Total)
	return s.renderPage(c, http.StatusOK, "speaker", p)
}

// groupQuotes groups quotes by key, the groups in the order their first
// quote comes.
func groupQuotes(quotes []search.QuoteHit, key func(search.QuoteHit) string) []quoteGroup {
	var groups []quoteGroup
	at := map[string]int{}
	for _, q := range quotes {
		k := key(q)
		i, ok := at[k]
		if !ok {
			i = len(groups)
			at[k] = i
			groups = append(groups, quoteGroup{Title: k})
		}
		groups[i].Quotes = append(groups[i].Quotes, q)
	}
	return groups
}

// pagerURLs links the pages before and after r's, of total articles.
func pagerURLs(path string, v url.Values, r search.Request, total uint64) (prev, next string) {
	if r.Page > 1 {
		prev = pathURL(path, withPage(v, r.Page-1))
	}
	if uint64(r.Page*r.Size) < total && r.Page*r.Size < search.MaxOffset {
		next = pathURL(path, withPage(v, r.Page+1))
	}
	return prev, next
}

// articlePage is what an article's page shows.
type articlePage struct {
	Article corpus.Article
	Back    string
	// Quotes are the article's quotes grouped by speaker.
	Quotes []articleQuotes
}

type articleQuotes struct {
	Speaker string
	Role    string
	Quotes  []corpus.Quote
}

// Paragraphs gives the template the article's paragraphs.
func (p articlePage) Paragraphs() []string { return p.Article.Paragraphs() }

func (s *server) handleArticlePage(c echo.Context) error {
	a, err := s.index.Get(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	p := articlePage{Article: a, Back: safeBack(c.QueryParam("back"))}
	at := map[string]int{}
	for _, q := range a.Quotes {
		i, ok := at[q.Speaker]
		if !ok {
			i = len(p.Quotes)
			at[q.Speaker] = i
			p.Quotes = append(p.Quotes, articleQuotes{Speaker: q.Speaker, Role: q.Role})
		}
		p.Quotes[i].Quotes = append(p.Quotes[i].Quotes, q)
	}
	return s.renderPage(c, http.StatusOK, "article", p)
}

// safeBack keeps a back link only where it leads to a page of this site.
func safeBack(back string) string {
	u, err := url.Parse(back)
	if err != nil || u.Scheme != "" || u.Host != "" || len(back) == 0 || back[0] != '/' || (len(back) > 1 && back[1] == '/') {
		return ""
	}
	return back
}
