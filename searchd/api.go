package main

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// searchResponse is the JSON answer of /api/search.
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
	// Histogram counts the matches by date.
	Histogram wireHistogram `json:"histogram"`
	// NextCursor, passed back as after, gives the next page; absent on
	// the last.
	NextCursor string `json:"next_cursor,omitempty"`
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

type wireHistogram struct {
	Interval string       `json:"interval"`
	Buckets  []wireBucket `json:"buckets"`
}

type wireBucket struct {
	// Start is the bucket's first day, End its last (both inclusive, as
	// from and to are).
	Start string `json:"start"`
	End   string `json:"end"`
	Count int    `json:"count"`
}

func (s *server) handleSearch(c echo.Context) error {
	return s.answerSearch(c, c.QueryParams())
}

func (s *server) handlePostSearch(c echo.Context) error {
	v, err := readSearchBody(c)
	if err != nil {
		return err
	}
	return s.answerSearch(c, v)
}

func (s *server) answerSearch(c echo.Context, v map[string][]string) error {
	req, err := parseSearch(v, s.now())
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
		Histogram:   toWireHistogram(res.Histogram),
		NextCursor:  res.Next,
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, wireHit{
			ID: h.ID, Title: h.Title, TitleHTML: h.TitleHTML, URL: h.URL, Score: h.Score,
			Published: optionalTime(h.Published), Speakers: h.Speakers, Regions: h.Regions, Snippet: h.Snippet,
		})
	}
	for name, values := range res.Facets {
		out.Facets[name] = toWireFacets(values)
	}
	return c.JSON(http.StatusOK, out)
}

func toWireFacets(values []search.FacetValue) []wireFacet {
	wf := make([]wireFacet, 0, len(values))
	for _, v := range values {
		wf = append(wf, wireFacet{Value: v.Value, Count: v.Count})
	}
	return wf
}

func toWireHistogram(h search.Histogram) wireHistogram {
	out := wireHistogram{Interval: string(h.Interval), Buckets: make([]wireBucket, 0, len(h.Buckets))}
	for _, b := range h.Buckets {
		out.Buckets = append(out.Buckets, wireBucket{
			Start: b.Start.Format(time.DateOnly), End: b.End.AddDate(0, 0, -1).Format(time.DateOnly), Count: b.Count,
		})
	}
	return out
}

func (s *server) handleGetArticle(c echo.Context) error {
	a, err := s.index.Get(c.Request().Context(), articleID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, a)
}

// statsResponse is the JSON answer of /api/stats.
type statsResponse struct {
	Articles   uint64     `json:"articles"`
	IndexBytes int64      `json:"index_bytes"`
	LastUpdate *time.Time `json:"last_update"`
}

func (s *server) handleStats(c echo.Context) error {
	st, err := s.index.Stats()
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, statsResponse{Articles: st.Articles, IndexBytes: st.Bytes, LastUpdate: optionalTime(st.Updated)})
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
