package main

import (
	"net/http"
	"net/url"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// facetValuesResponse is the JSON answer of /api/facets/{name}.
type facetValuesResponse struct {
	Facet  string      `json:"facet"`
	Prefix string      `json:"prefix"`
	Values []wireFacet `json:"values"`
}

// handleFacetValues searches the values of one facet by prefix, counted
// over the search the other parameters describe (q, filters, dates).
func (s *server) handleFacetValues(c echo.Context) error {
	name := c.Param("name")
	if err := search.FacetName(name); err != nil {
		return err
	}
	v := c.QueryParams()
	size, err := intParam(v, "size")
	if err != nil {
		return err
	}
	req, err := parseSearch(withoutKeys(v, "size", "prefix"), s.now())
	if err != nil {
		return err
	}
	values, err := s.index.FacetValues(c.Request().Context(), name, v.Get("prefix"), req, size)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, facetValuesResponse{Facet: name, Prefix: v.Get("prefix"), Values: toWireFacets(values)})
}

// suggestResponse is the JSON answer of /api/suggest.
type suggestResponse struct {
	Query       string           `json:"q"`
	Suggestions []wireSuggestion `json:"suggestions"`
}

type wireSuggestion struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
	Count int    `json:"count,omitempty"`
	ID    string `json:"id,omitempty"`
}

func (s *server) handleSuggest(c echo.Context) error {
	v := c.QueryParams()
	size, err := intParam(v, "size")
	if err != nil {
		return err
	}
	if len([]rune(v.Get("q"))) > search.MaxPrefixLength {
		return &search.ParamError{Param: "q", Message: "is longer than the longest prefix completed"}
	}
	sugs, err := s.index.Suggest(c.Request().Context(), v.Get("q"), size)
	if err != nil {
		return err
	}
	out := suggestResponse{Query: v.Get("q"), Suggestions: make([]wireSuggestion, 0, len(sugs))}
	for _, sg := range sugs {
		out.Suggestions = append(out.Suggestions, wireSuggestion{Kind: sg.Kind, Value: sg.Value, Count: sg.Count, ID: sg.ID})
	}
	return c.JSON(http.StatusOK, out)
}

// quotesResponse is the JSON answer of /api/quotes.
type quotesResponse struct {
	Query    string      `json:"query"`
	Speakers []string    `json:"speakers"`
	Articles uint64      `json:"articles"`
	Page     int         `json:"page"`
	Size     int         `json:"size"`
	TookMS   float64     `json:"took_ms"`
	Quotes   []wireQuote `json:"quotes"`
}

type wireQuote struct {
	Text     string      `json:"text"`
	TextHTML string      `json:"text_html"`
	Speaker  string      `json:"speaker"`
	Role     string      `json:"role,omitempty"`
	Direct   bool        `json:"direct"`
	Article  wireArticle `json:"article"`
}

type wireArticle struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	URL       string     `json:"url,omitempty"`
	Published *time.Time `json:"published"`
	Link      string     `json:"link"`
}

func (s *server) handleQuotes(c echo.Context) error {
	req, err := parseSearch(c.QueryParams(), s.now())
	if err != nil {
		return err
	}
	res, err := s.index.Quotes(c.Request().Context(), req)
	if err != nil {
		return err
	}
	out := quotesResponse{
		Query: req.Query, Speakers: orEmpty(req.Speakers), Articles: res.Articles, Page: req.Page, Size: req.Size,
		TookMS: float64(res.Took.Microseconds()) / 1000, Quotes: make([]wireQuote, 0, len(res.Quotes)),
	}
	for _, q := range res.Quotes {
		out.Quotes = append(out.Quotes, wireQuote{
			Text: q.Text, TextHTML: q.TextHTML, Speaker: q.Speaker, Role: q.Role, Direct: q.Direct,
			Article: wireArticle{ID: q.ArticleID, Title: q.ArticleTitle, URL: q.ArticleURL,
				Published: optionalTime(q.Published), Link: "/api/articles/" + url.PathEscape(q.ArticleID)},
		})
	}
	return c.JSON(http.StatusOK, out)
}

func orEmpty(vs []string) []string {
	if vs == nil {
		return []string{}
	}
	return vs
}

// withoutKeys returns a copy of v without the given parameters.
func withoutKeys(v url.Values, keys ...string) url.Values {
	w := cloneValues(v)
	for _, k := range keys {
		w.Del(k)
	}
	return w
}
