package main

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// searchResponse is the JSON answer of GET /api/search.
type searchResponse struct {
	Query string `json:"query"`
	// Interpreted is the query as understood; DidYouMean the corrected
	// query whose hits these are, when the query as typed found none.
	Interpreted string                 `json:"interpreted"`
	DidYouMean  string                 `json:"did_you_mean,omitempty"`
	Total       uint64                 `json:"total"`
	Page        int                    `json:"page"`
	Size        int                    `json:"size"`
	TookMS      float64                `json:"took_ms"`
	Hits        []wireHit              `json:"hits"`
	Facets      map[string][]wireFacet `json:"facets"`
}

type wireHit struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	TitleHTML string     `json:"title_html"`
	URL       string     `json:"url,omitempty"`
	Score     float64    `json:"score"`
	Published *time.Time `json:"published"`
	Speakers  []string   `json:"speakers"`
	Regions   []string   `json:"regions"`
	Snippet   string     `json:"snippet"`
}

type wireFacet struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

func (s *server) handleSearch(c echo.Context) error {
	req, err := parseSearch(c.QueryParams())
	if err != nil {
		return err
	}
	res, err := s.index.Search(c.Request().Context(), req)
	if err != nil {
		return err
	}
	out := searchResponse{
		Query:       req.Query,
		Interpreted: res.Interpreted,
		DidYouMean:  res.DidYouMean,
		Total:       res.Total,
		Page:        req.Page,
		Size:        req.Size,
		TookMS:      float64(res.Took.Microseconds()) / 1000,
		Hits:        make([]wireHit, 0, len(res.Hits)),
		Facets:      map[string][]wireFacet{},
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, wireHit{
			ID: h.ID, Title: h.Title, TitleHTML: h.TitleHTML, URL: h.URL, Score: h.Score,
			Published: optionalTime(h.Published), Speakers: h.Speakers, Regions: h.Regions, Snippet: h.Snippet,
		})
	}
	for name, values := range res.Facets {
		wf := make([]wireFacet, 0, len(values))
		for _, v := range values {
			wf = append(wf, wireFacet{Value: v.Value, Count: v.Count})
		}
		out.Facets[name] = wf
	}
	return c.JSON(http.StatusOK, out)
}

func (s *server) handleGetArticle(c echo.Context) error {
	a, err := s.index.Get(c.Request().Context(), articleID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
