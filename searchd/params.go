package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/corpus"
	"dateline/search"
)

// maxBodyBytes caps a POST body: a search request with every filter at its
// limit is a few kilobytes; more is not a search.
const maxBodyBytes = 64 << 10

// parseSearch reads a search request from URL parameters, the same for the
// API and the page: q, speaker and region (each may repeat), from and to
// (YYYY-MM-DD or now, now-7d…, inclusive), sort (relevance or date), page
// and size or after (a cursor), facet_size and interval, snippet_size and
// snippets, and recency (a half-life in days).
func parseSearch(v url.Values, now time.Time) (search.Request, error) {
	r := search.Request{
		Query:    v.Get("q"),
		Speakers: nonEmpty(v["speaker"]),
		Regions:  nonEmpty(v["region"]),
		Sort:     search.Sort(v.Get("sort")),
		After:    strings.TrimSpace(v.Get("after")),
		Interval: search.Interval(v.Get("interval")),
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
	if r.From, err = dateParam(v, "from", now); err != nil {
		return r, err
	}
	if r.To, err = dateParam(v, "to", now); err != nil {
		return r, err
	}
	return r, r.Normalize()
}

// searchBody is the JSON body of POST /api/search: the same parameters as
// the URL's, lists as arrays.
type searchBody struct {
	Q         string   `json:"q"`
	Speaker   []string `json:"speaker"`
	Region    []string `json:"region"`
	From      string   `json:"from"`
	To        string   `json:"to"`
	Sort      string   `json:"sort"`
	Page      int      `json:"page"`
	Size      int      `json:"size"`
	FacetSize int      `json:"facet_size"`
	After     string   `json:"after"`
	Interval  string   `json:"interval"`
	// SnippetSize, Snippets and Recency (days) shape the hits.
	SnippetSize int `json:"snippet_size"`
	Snippets    int `json:"snippets"`
	Recency     int `json:"recency"`
}

// values turns the body into URL parameters, so that both forms of the
// request go through parseSearch and mean the same.
func (b searchBody) values() url.Values {
	v := url.Values{"speaker": b.Speaker, "region": b.Region}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("q", b.Q)
	set("from", b.From)
	set("to", b.To)
	set("sort", b.Sort)
	set("after", b.After)
	set("interval", b.Interval)
	for k, n := range map[string]int{"page": b.Page, "size": b.Size, "facet_size": b.FacetSize,
		"snippet_size": b.SnippetSize, "snippets": b.Snippets, "recency": b.Recency} {
		if n != 0 {
			v.Set(k, strconv.Itoa(n))
		}
	}
	return v
}

// readSearchBody decodes a POST body strictly: an unknown field is a
// mistake the caller should hear of, not a filter silently dropped.
func readSearchBody(c echo.Context) (url.Values, error) {
	body := http.MaxBytesReader(c.Response(), c.Request().Body, maxBodyBytes)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var b searchBody
	if err := dec.Decode(&b); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", maxBodyBytes))
		}
		if errors.Is(err, io.EOF) {
			return nil, &search.ParamError{Param: "body", Message: "is empty; send a JSON object"}
		}
		return nil, &search.ParamError{Param: "body", Message: "is not a search request as JSON: " + err.Error()}
	}
	return b.values(), nil
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

// relativeDate is now, or now minus or plus a number of days (d), weeks
// (w), months (M) or years (y).
var relativeDate = regexp.MustCompile(`^now(?:([-+])(\d{1,5})([dwMy]))?$`)

// dateParam reads a date: YYYY-MM-DD (or another form corpus.ParseDate
// knows), or one relative to now.
func dateParam(v url.Values, name string, now time.Time) (time.Time, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if m := relativeDate.FindStringSubmatch(s); m != nil {
		t := now.UTC()
		if m[1] == "" {
			return t, nil
		}
		n, _ := strconv.Atoi(m[2])
		if m[1] == "-" {
			n = -n
		}
		switch m[3] {
		case "d":
			return t.AddDate(0, 0, n), nil
		case "w":
			return t.AddDate(0, 0, 7*n), nil
		case "M":
			return t.AddDate(0, n, 0), nil
		}
		return t.AddDate(n, 0, 0), nil
	}
	t, err := corpus.ParseDate(s)
	if err != nil {
		return time.Time{}, &search.ParamError{Param: name, Message: "must be a date as YYYY-MM-DD, or now, now-7d, now-2w, now-3M, now-1y"}
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
