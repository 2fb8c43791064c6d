package main

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"

	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/corpus"
	"dateline/search"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageNames are the pages searchd renders; each must exist at start-up.
var pageNames = []string{"search", "article", "error"}

// pages holds the parsed templates, one clone of the base per page.
type pages struct {
	byName map[string]*template.Template
	static *staticFiles
}

func loadPages() (*pages, error) {
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"static": st.url,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2 Jan 2006")
		},
		"isoDate": func(t time.Time) string { return t.Format("2006-01-02") },
		"month": func(v string) string {
			t, err := time.Parse("2006-01", v)
			if err != nil {
				return v
			}
			return t.Format("Jan 2006")
		},
		// trusted marks HTML that search built with the article's text
		// escaped (snippets, highlighted titles).
		"trusted": func(s string) template.HTML { return template.HTML(s) },
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("parsing base template: %w", err)
	}
	p := &pages{byName: map[string]*template.Template{}, static: st}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// renderPage renders a page into a buffer first, so that a template error
// can still become a clean error answer.
func (s *server) renderPage(c echo.Context, status int, name string, data any) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		return fmt.Errorf("rendering %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// searchPage is what the search page shows.
type searchPage struct {
	Query    string
	Req      search.Request
	Res      *search.Result
	Groups   []facetGroup
	Chips    []chip
	SortURLs map[string]string
	PrevURL  string
	NextURL  string
	Pages    int
	Err      string
}

type facetGroup struct {
	Name   string
	Title  string
	Values []facetLink
}

type facetLink struct {
	Label    string
	Count    int
	Selected bool
	URL      string
}

type chip struct {
	Label     string
	RemoveURL string
}

type errorPage struct {
	Status  int
	Message string
}

func (s *server) handleSearchPage(c echo.Context) error {
	v := c.QueryParams()
	req, err := parseSearch(v)
	if err != nil {
		return err
	}
	res, err := s.index.Search(c.Request().Context(), req)
	if err != nil {
		return err
	}
	p := searchPage{Query: req.Query, Req: req, Res: res, SortURLs: map[string]string{}}
	p.Groups = []facetGroup{
		s.facetGroup(v, "speaker", "Speakers", res.Facets[search.FacetSpeaker], nil),
		s.facetGroup(v, "region", "Places", res.Facets[search.FacetRegion], nil),
		monthGroup(v, res.Facets[search.FacetDate]),
	}
	for _, key := range []string{"speaker", "region"} {
		for _, val := range v[key] {
			p.Chips = append(p.Chips, chip{Label: val, RemoveURL: pageURL(without(v, key, val))})
		}
	}
	if from, to := v.Get("from"), v.Get("to"); from != "" || to != "" {
		w := cloneValues(v)
		w.Del("from")
		w.Del("to")
		p.Chips = append(p.Chips, chip{Label: dateRangeLabel(from, to), RemoveURL: pageURL(w)})
	}
	for _, order := range []search.Sort{search.SortRelevance, search.SortDate} {
		w := cloneValues(v)
		w.Set("sort", string(order))
		w.Del("page")
		p.SortURLs[string(order)] = pageURL(w)
	}
	p.Pages = int((res.Total + uint64(req.Size) - 1) / uint64(req.Size))
	if maxPages := search.MaxOffset / req.Size; p.Pages > maxPages {
		p.Pages = maxPages
	}
	if req.Page > 1 {
		p.PrevURL = pageURL(withPage(v, req.Page-1))
	}
	if req.Page < p.Pages {
		p.NextURL = pageURL(withPage(v, req.Page+1))
	}
	return s.renderPage(c, http.StatusOK, "search", p)
}

func (s *server) handleArticlePage(c echo.Context) error {
	a, err := s.index.Get(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return s.renderPage(c, http.StatusOK, "article", articlePage{Article: a, Back: c.QueryParam("back")})
}

type articlePage struct {
	Article corpus.Article
	Back    string
}

// Paragraphs gives the template the article's paragraphs.
func (p articlePage) Paragraphs() []string { return p.Article.Paragraphs() }

// facetGroup builds the links of one facet: a click on a value adds it to
// the filter, a click on a selected value removes it.
func (s *server) facetGroup(v url.Values, key, title string, values []search.FacetValue, label func(string) string) facetGroup {
	g := facetGroup{Name: key, Title: title}
	selected := map[string]bool{}
	for _, val := range v[key] {
		selected[val] = true
	}
	for _, fv := range values {
		l := facetLink{Label: fv.Value, Count: fv.Count, Selected: selected[fv.Value]}
		if label != nil {
			l.Label = label(fv.Value)
		}
		if l.Selected {
			l.URL = pageURL(without(v, key, fv.Value))
		} else {
			w := cloneValues(v)
			w.Add(key, fv.Value)
			w.Del("page")
			l.URL = pageURL(w)
		}
		g.Values = append(g.Values, l)
	}
	return g
}

// monthGroup links each month of the date facet to a from–to range.
func monthGroup(v url.Values, values []search.FacetValue) facetGroup {
	g := facetGroup{Name: "date", Title: "Months"}
	for _, fv := range values {
		start, err := time.Parse("2006-01", fv.Value)
		if err != nil {
			continue
		}
		from, to := start.Format("2006-01-02"), start.AddDate(0, 1, -1).Format("2006-01-02")
		w := cloneValues(v)
		selected := v.Get("from") == from && v.Get("to") == to
		if selected {
			w.Del("from")
			w.Del("to")
		} else {
			w.Set("from", from)
			w.Set("to", to)
		}
		w.Del("page")
		g.Values = append(g.Values, facetLink{Label: start.Format("Jan 2006"), Count: fv.Count, Selected: selected, URL: pageURL(w)})
	}
	return g
}

func dateRangeLabel(from, to string) string {
	switch {
	case from == "":
		return "until " + to
	case to == "":
		return "from " + from
	}
	return from + " – " + to
}

func cloneValues(v url.Values) url.Values {
	w := url.Values{}
	for k, vs := range v {
		w[k] = append([]string(nil), vs...)
	}
	return w
}

func without(v url.Values, key, val string) url.Values {
	w := cloneValues(v)
	w.Del(key)
	for _, x := range v[key] {
		if x != val {
			w.Add(key, x)
		}
	}
	w.Del("page")
	return w
}

func withPage(v url.Values, page int) url.Values {
	w := cloneValues(v)
	w.Set("page", strconv.Itoa(page))
	return w
}

func pageURL(v url.Values) string {
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}
