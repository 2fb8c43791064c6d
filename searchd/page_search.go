package main

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// searchPage is what the search page shows.
type searchPage struct {
	Query    string
	Req      search.Request
	Res      *search.Result
	Groups   []facetGroup
	Chips    []chip
	Hist     histogramView
	SortURLs map[string]string
	PrevURL  string
	NextURL  string
	Pages    int
	// Self is this page's URL, for the way back from an article; From
	// and To the dates as given (now-7d stays relative).
	Self     string
	From, To string
}

// facetGroup is one facet in the sidebar: its values as links, a search
// inside it, and a link to more of its values.
type facetGroup struct {
	Name   string
	Title  string
	Values []facetLink
	// Prefix is what the facet's own search box holds.
	Prefix string
	// State is the page's state but for the facet's search, as hidden
	// fields of that search's form, so that it works without JavaScript.
	State []hiddenField
	// MoreURL shows more values, LessURL the first few again.
	MoreURL string
	LessURL string
}

type facetLink struct {
	Label    string
	Count    int
	Selected bool
	URL      string
}

type hiddenField struct{ Name, Value string }

type chip struct {
	Label     string
	RemoveURL string
}

// moreFacetValues is how many values a facet shows once opened further
// or searched in.
const moreFacetValues = 50

func (s *server) handleSearchPage(c echo.Context) error {
	v := c.QueryParams()
	req, err := parseSearch(v, s.now())
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	res, err := s.index.Search(ctx, req)
	if err != nil {
		return err
	}
	p := searchPage{Query: req.Query, Req: req, Res: res, SortURLs: map[string]string{},
		Self: pageURL(v), From: v.Get("from"), To: v.Get("to")}
	for _, f := range []struct{ key, title string }{{search.FacetSpeaker, "Speakers"}, {search.FacetRegion, "Places"}} {
		values := res.Facets[f.key]
		prefix := strings.TrimSpace(v.Get(f.key + "_prefix"))
		open := prefix != "" || hasValue(v["more"], f.key)
		if open {
			if values, err = s.index.FacetValues(ctx, f.key, prefix, req, moreFacetValues); err != nil {
				return err
			}
		}
		g := newFacetGroup(v, f.key, f.title, values)
		g.Prefix = prefix
		for _, k := range sortedKeys(v) {
			if k == f.key+"_prefix" || k == "page" || k == "after" {
				continue
			}
			for _, val := range v[k] {
				g.State = append(g.State, hiddenField{k, val})
			}
		}
		switch {
		case open:
			w := cloneValues(v)
			w.Del(f.key + "_prefix")
			w["more"] = removeValue(w["more"], f.key)
			g.LessURL = pageURL(w)
		case len(values) >= req.FacetSize:
			w := cloneValues(v)
			w.Add("more", f.key)
			g.MoreURL = pageURL(w)
		}
		p.Groups = append(p.Groups, g)
	}
	for _, key := range []string{search.FacetSpeaker, search.FacetRegion} {
		for _, val := range v[key] {
			p.Chips = append(p.Chips, chip{Label: val, RemoveURL: pageURL(without(v, key, val))})
		}
	}
	if from, to := v.Get("from"), v.Get("to"); from != "" || to != "" {
		p.Chips = append(p.Chips, chip{Label: dateRangeLabel(from, to), RemoveURL: pageURL(withDates(v, "", ""))})
	}
	if q := v.Get("q"); q != "" {
		w := cloneValues(v)
		w.Del("q")
		p.Chips = append(p.Chips, chip{Label: "“" + q + "”", RemoveURL: pageURL(restart(w))})
	}
	p.Hist = histogramOf(v, &req, res.Histogram)
	for _, order := range []search.Sort{search.SortRelevance, search.SortDate} {
		w := cloneValues(v)
		w.Set("sort", string(order))
		p.SortURLs[string(order)] = pageURL(restart(w))
	}
	p.Pages = int((res.Total + uint64(req.Size) - 1) / uint64(req.Size))
	if maxPages := search.MaxOffset / req.Size; p.Pages > maxPages {
		p.Pages = maxPages
	}
	if req.Page > 1 {
		p.PrevURL = pageURL(withPage(v, req.Page-1))
	}
	if req.Page < p.Pages && req.After == "" {
		p.NextURL = pageURL(withPage(v, req.Page+1))
	}
	return s.renderPage(c, http.StatusOK, "search", p)
}

// newFacetGroup builds the links of one facet: a click on a value adds it to
// the filter, a click on a selected value removes it. Selected values the
// counts did not reach are listed first, so that each can be removed.
func newFacetGroup(v url.Values, key, title string, values []search.FacetValue) facetGroup {
	g := facetGroup{Name: key, Title: title}
	listed := map[string]bool{}
	for _, fv := range values {
		listed[fv.Value] = true
	}
	for _, val := range v[key] {
		if !listed[val] {
			g.Values = append(g.Values, facetLink{Label: val, Count: -1, Selected: true, URL: pageURL(without(v, key, val))})
		}
	}
	selected := map[string]bool{}
	for _, val := range v[key] {
		selected[val] = true
	}
	for _, fv := range values {
		l := facetLink{Label: fv.Value, Count: fv.Count, Selected: selected[fv.Value]}
		if l.Selected {
			l.URL = pageURL(without(v, key, fv.Value))
		} else {
			w := cloneValues(v)
			w.Add(key, fv.Value)
			w.Del(key + "_prefix")
			l.URL = pageURL(restart(w))
		}
		g.Values = append(g.Values, l)
	}
	return g
}

func dateRangeLabel(from, to string) string {
	switch {
	case from == "":
		return "until " + to
	case to == "":
		return "from " + from
	case from == to:
		return from
	}
	return from + " – " + to
}

func hasValue(vs []string, want string) bool {
	for _, v := range vs {
		if v == want {
			return true
		}
	}
	return false
}

func removeValue(vs []string, drop string) []string {
	var out []string
	for _, v := range vs {
		if v != drop {
			out = append(out, v)
		}
	}
	return out
}

func sortedKeys(v url.Values) []string { return slices.Sorted(maps.Keys(v)) }
