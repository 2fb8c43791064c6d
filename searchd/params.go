package main

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"dateline/corpus"
	"dateline/search"
)

// parseSearch reads a search request from URL parameters, the same for the
// API and the page: q, speaker and region (each may repeat), from and to
// (YYYY-MM-DD, inclusive), sort (relevance or date), page and size,
// snippet_size and snippets, and recency (a half-life in days).
func parseSearch(v url.Values) (search.Request, error) {
	r := search.Request{
		Query:    v.Get("q"),
		Speakers: nonEmpty(v["speaker"]),
		Regions:  nonEmpty(v["region"]),
		Sort:     search.Sort(v.Get("sort")),
	}
	var err error
	if r.Page, err = intParam(v, "page"); err != nil {
		return r, err
	}
	if r.Size, err = intParam(v, "size"); err != nil {
		return r, err
	}
	if r.FacetSize, err = intParam(v, "facet_size"); err != nil {
		return r, err
	}
	if r.SnippetSize, err = intParam(v, "snippet_size"); err != nil {
		return r, err
	}
	if r.Snippets, err = intParam(v, "snippets"); err != nil {
		return r, err
	}
	if r.Recency, err = daysParam(v, "recency"); err != nil {
		return r, err
	}
	if r.From, err = dateParam(v, "from"); err != nil {
		return r, err
	}
	if r.To, err = dateParam(v, "to"); err != nil {
		return r, err
	}
	return r, r.Normalize()
}

func intParam(v url.Values, name string) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &search.ParamError{Param: name, Message: "must be a whole number"}
	}
	return n, nil
}

// daysParam reads a whole number of days, such as the recency half-life.
func daysParam(v url.Values, name string) (time.Duration, error) {
	n, err := intParam(v, name)
	if err != nil || n < 0 || n > int(search.MaxRecency/(24*time.Hour)) {
		return 0, &search.ParamError{Param: name, Message: fmt.Sprintf("must be a number of days from 0 to %d", search.MaxRecency/(24*time.Hour))}
	}
	return time.Duration(n) * 24 * time.Hour, nil
}

func dateParam(v url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := corpus.ParseDate(s)
	if err != nil {
		return time.Time{}, &search.ParamError{Param: name, Message: "must be a date as YYYY-MM-DD"}
	}
	return t, nil
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
