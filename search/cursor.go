package search

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// A cursor is the place of one hit in a sorted list of hits: the sort it
// was made for and the hit's sort values, as bleve's SearchAfter takes them.
// It is handed out opaque (base64 of JSON) so that callers pass it back
// whole and the encoding can change without breaking them.
type cursor struct {
	Sort Sort `json:"s"`
	// Values are bytes, not strings: bleve's date sort values are
	// prefix-coded binary that JSON strings would mangle.
	Values [][]byte `json:"v"`
}

// sortOrder returns the sort of a request: every order ends in the
// article's ID, so that equal scores or dates still have one order and a
// cursor names one place.
func sortOrder(s Sort) []string {
	if s == SortDate {
		return []string{"-" + fieldPublished, "-_score", "_id"}
	}
	return []string{"-_score", "_id"}
}

// encodeCursor returns the cursor of a hit of a search sorted by s.
func encodeCursor(s Sort, h *bsearch.DocumentMatch) string {
	values := make([]string, len(h.Sort))
	for i, v := range h.Sort {
		if v == "_score" {
			// bleve gives "_score" for the score; SearchAfter wants the
			// number, written so that it parses back exactly.
			v = strconv.FormatFloat(h.Score, 'g', -1, 64)
		}
		values[i] = v
	}
	return encodeCursorValues(s, values...)
}

// decodeCursor reads a cursor, checking it was made for the sort s.
func decodeCursor(s string, sort Sort) ([]string, error) {
	bad := paramErr("after", "is not a cursor this server handed out; pass a next_cursor back unchanged")
	data, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	var c cursor
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, bad
	}
	if sort == "" {
		sort = SortRelevance
	}
	if c.Sort != sort {
		return nil, paramErr("after", "was made for sort=%s, not sort=%s", c.Sort, sort)
	}
	if len(c.Values) != len(sortOrder(sort)) {
		return nil, bad
	}
	out := make([]string, len(c.Values))
	for i, v := range c.Values {
		out[i] = string(v)
	}
	if sort == SortRelevance {
		if _, err := strconv.ParseFloat(out[0], 64); err != nil {
			return nil, bad
		}
	} else if _, err := strconv.ParseFloat(out[1], 64); err != nil {
		return nil, bad
	}
	return out, nil
}

// fitsDates reports whether the date a date-sorted cursor holds is of the
// index's layout (publishedLayout): a publication time where keywords is
// true, bleve's date term where the index keeps a date field, or bleve's
// mark of a missing date in either. A cursor handed out before a rebuild
// changed the layout would otherwise be read as the wrong kind of value and
// page from the wrong place.
func fitsDates(v string, keywords bool) bool {
	if v == bsearch.HighTerm || v == bsearch.LowTerm {
		return true
	}
	if keywords {
		_, err := time.Parse(publishedLayout, v)
		return err == nil && len(v) == len(publishedLayout)
	}
	shift, err := numeric.PrefixCoded(v).Shift()
	return err == nil && shift == 0
}

// setPlace sets the sort of sr and where its page starts: after the
// request's cursor, or at its page. A date cursor of the other date layout
// than the index's (m) is refused (fitsDates).
func setPlace(sr *bleve.SearchRequest, r *Request, m mapping.IndexMapping) error {
	sr.SortBy(sortOrder(r.Sort))
	if r.After == "" {
		return nil
	}
	after, err := decodeCursor(r.After, r.Sort)
	if err != nil {
		return nil // Normalize checked it
	}
	if r.Sort == SortDate {
		if _, keywords := fieldMappingOf(m, fieldDay); !fitsDates(after[0], keywords) {
			return paramErr("after", "was handed out before the index was rebuilt; start again from the first page")
		}
	}
	sr.From = 0
	sr.SearchAfter = after
	return nil
}

// encodeCursorValues makes a cursor from sort values, as encodeCursor does
// from a hit.
func encodeCursorValues(s Sort, values ...string) string {
	c := cursor{Sort: s}
	for _, v := range values {
		c.Values = append(c.Values, []byte(v))
	}
	data, err := json.Marshal(c)
	if err != nil {
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(data)
}
