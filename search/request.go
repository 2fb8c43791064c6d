package search

import (
	"errors"
	"fmt"
	"time"
	"unicode/utf8"
)

// Limits on a search request, each with its reason.
const (
	// MaxSize caps the hits of one page: a hundred hits with snippets is
	// more than a page shows and bounds the work of highlighting.
	MaxSize = 100
	// DefaultSize is the page size when a request names none.
	DefaultSize = 10
	// MaxQueryLength caps the query text in characters: four times the
	// longest query people paste (a paragraph), and a bound on analysis.
	MaxQueryLength = 4096
	// MaxOffset caps how deep pages reach (page × size): beyond it, ranking
	// every match costs more than anyone reads; sort by date and narrow
	// the dates instead.
	MaxOffset = 10000
	// MaxFilterValues caps the values of one filter (speaker, region).
	MaxFilterValues = 50
	// DefaultFacetSize is how many values each facet counts by default.
	DefaultFacetSize = 10
	// MaxFacetSize caps the values one facet returns.
	MaxFacetSize = 200
	// DefaultSnippetSize is the length of a snippet fragment in bytes:
	// about two lines of a results page.
	DefaultSnippetSize = 200
	// MaxSnippetSize caps a fragment: a paragraph, beyond which a snippet
	// is the article.
	MaxSnippetSize = 1000
	// DefaultSnippets is how many fragments a hit shows.
	DefaultSnippets = 2
	// MaxSnippets caps the fragments of a hit, which bounds the work of
	// choosing them and the size of a page of a hundred hits.
	MaxSnippets = 5
	// MaxRecency caps the recency half-life: beyond ten years the decay
	// changes nothing a person would notice.
	MaxRecency = 10 * 365 * 24 * time.Hour
)

// Sort is the order of the hits.
type Sort string

// The orders a search can return hits in.
const (
	SortRelevance Sort = "relevance"
	SortDate      Sort = "date" // newest first
)

// Request is one search, as a person or program asked for it.
type Request struct {
	// Query is the text the person typed.
	Query string
	// Speakers and Regions filter the hits: any of the values of one
	// filter, and every filter given.
	Speakers []string
	Regions  []string
	// From and To bound the publication date, both days inclusive; zero
	// leaves that side open.
	From, To time.Time
	Sort     Sort
	// Page is the page number, from 1; Size the hits on a page.
	Page int
	Size int
	// FacetSize is how many values each facet returns.
	FacetSize int
	// After is a cursor from an earlier Result.Next: the hits that follow
	// the last hit of that page, in the same order. It pages without a
	// depth limit, unlike Page, and cannot be combined with a Page past 1.
	After string
	// Interval is the bucket width of the date histogram; empty means
	// IntervalAuto.
	Interval Interval
	// SnippetSize is the length of a snippet fragment in bytes; Snippets
	// how many fragments a hit shows.
	SnippetSize int
	Snippets    int
	// Recency, when not zero, is a half-life: relevance is weighted by
	// 1 + 2^(−age/Recency), so that of two equally relevant articles the
	// newer ranks first, and one a half-life older counts a quarter less.
	Recency time.Duration

	// parsed is Query as the query language understood it (Normalize).
	parsed *parsedQuery
	// fellBack says the query could not be parsed and is plain words.
	fellBack bool
}

// ErrInvalid wraps every error that names a bad request parameter.
var ErrInvalid = errors.New("invalid request")

// ParamError is a bad request parameter.
type ParamError struct {
	Param   string
	Message string
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Message }

// Unwrap lets errors.Is(err, ErrInvalid) find every ParamError.
func (e *ParamError) Unwrap() error { return ErrInvalid }

func paramErr(param, format string, args ...any) error {
	return &ParamError{Param: param, Message: fmt.Sprintf(format, args...)}
}

// Normalize fills defaults and checks the request's limits, naming the
// parameter at fault.
func (r *Request) Normalize() error {
	if n := utf8.RuneCountInString(r.Query); n > MaxQueryLength {
		return paramErr("q", "query is %d characters long; the limit is %d", n, MaxQueryLength)
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	if r.Size < 0 || r.Size > MaxSize {
		return paramErr("size", "must be between 1 and %d", MaxSize)
	}
	if r.Page == 0 {
		r.Page = 1
	}
	if r.Page < 0 {
		return paramErr("page", "must be 1 or more")
	}
	if (r.Page-1)*r.Size >= MaxOffset {
		return paramErr("page", "page %d of size %d starts beyond hit %d, the deepest page served", r.Page, r.Size, MaxOffset)
	}
	switch r.Sort {
	case "":
		r.Sort = SortRelevance
	case SortRelevance, SortDate:
	default:
		return paramErr("sort", "must be %q or %q", SortRelevance, SortDate)
	}
	if len(r.Speakers) > MaxFilterValues {
		return paramErr("speaker", "at most %d values", MaxFilterValues)
	}
	if len(r.Regions) > MaxFilterValues {
		return paramErr("region", "at most %d values", MaxFilterValues)
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return paramErr("to", "is before from")
	}
	if r.After != "" && r.Page > 1 {
		return paramErr("after", "cannot be combined with page; a cursor names its own place")
	}
	if r.After != "" {
		if _, err := decodeCursor(r.After, r.Sort); err != nil {
			return err
		}
	}
	switch r.Interval {
	case "":
		r.Interval = IntervalAuto
	case IntervalAuto, IntervalDay, IntervalWeek, IntervalMonth, IntervalYear:
	default:
		return paramErr("interval", "must be one of auto, day, week, month, year")
	}
	if r.FacetSize == 0 {
		r.FacetSize = DefaultFacetSize
	}
	if r.FacetSize < 0 || r.FacetSize > MaxFacetSize {
		return paramErr("facet_size", "must be between 1 and %d", MaxFacetSize)
	}
	if r.SnippetSize == 0 {
		r.SnippetSize = DefaultSnippetSize
	}
	if r.SnippetSize < 20 || r.SnippetSize > MaxSnippetSize {
		return paramErr("snippet_size", "must be between 20 and %d", MaxSnippetSize)
	}
	if r.Snippets == 0 {
		r.Snippets = DefaultSnippets
	}
	if r.Snippets < 1 || r.Snippets > MaxSnippets {
		return paramErr("snippets", "must be between 1 and %d", MaxSnippets)
	}
	if r.Recency < 0 || r.Recency > MaxRecency {
		return paramErr("recency", "must be a half-life between 0 and %s", MaxRecency)
	}
	r.parsed, r.fellBack = parseQuery(r.Query)
	return nil
}
