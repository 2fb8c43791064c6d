package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"dateline/analyzers"
)

// Limits of the as-you-type lookups.
const (
	// MaxPrefixLength caps a prefix in characters: no name or title is
	// typed longer before a choice is made.
	MaxPrefixLength = 200
	// MaxSuggestions caps the suggestions of one lookup: a list longer
	// than a screen is not read.
	MaxSuggestions = 20
	// DefaultSuggestions is how many suggestions a lookup returns by
	// default.
	DefaultSuggestions = 8
	// facetScanSize is how many values of a facet a value search looks
	// through: every speaker of a large story, at the cost of counting
	// them all once per lookup.
	facetScanSize = 20000
	// minTitlePrefix is the shortest prefix that completes titles: one
	// letter expands to most of the index's words.
	minTitlePrefix = 2
)

// FacetName checks that name is a facet whose values can be searched.
func FacetName(name string) error {
	if _, ok := facetFieldOf[name]; !ok {
		return paramErr("name", "must be %q or %q", FacetSpeaker, FacetRegion)
	}
	return nil
}

// FacetValues returns the values of facet name that match prefix, with the
// number of articles r matches that have each, most frequent first, at
// most size. The facet's own selection in r is ignored (values are
// alternatives to it). A value matches when it, or one of its words,
// starts with prefix, ignoring case and accents: "zel" finds
// "Volodymyr Zelensky".
func (x *Index) FacetValues(ctx context.Context, name, prefix string, r Request, size int) ([]FacetValue, error) {
	if err := FacetName(name); err != nil {
		return nil, err
	}
	if err := checkLookup(prefix, size, MaxFacetSize); err != nil {
		return nil, err
	}
	if err := r.Normalize(); err != nil {
		return nil, err
	}
	if size == 0 {
		size = DefaultSuggestions
	}
	ctx, c, err := x.queryContext(ctx)
	if err != nil {
		return nil, err
	}
	all, err := x.facetCounts(ctx, r.without(name), c, name, facetScanSize)
	if err != nil {
		return nil, err
	}
	p := fold(prefix)
	out := []FacetValue{}
	for _, v := range all {
		if len(out) == size {
			break
		}
		if matchesPrefix(v.Value, p) {
			out = append(out, v)
		}
	}
	return out, nil
}

// Suggestion is one completion of what a person is typing.
type Suggestion struct {
	// Kind is "speaker", "region" or "title".
	Kind  string
	Value string
	// Count is the number of articles with the speaker or region; ID the
	// article a title belongs to.
	Count int
	ID    string
}

// Suggest completes prefix as speakers, places and article titles: up to a
// third of n each of speakers and places, most frequent first, and titles
// for the rest, best match first.
func (x *Index) Suggest(ctx context.Context, prefix string, n int) ([]Suggestion, error) {
	if err := checkLookup(prefix, n, MaxSuggestions); err != nil {
		return nil, err
	}
	if n == 0 {
		n = DefaultSuggestions
	}
	p := fold(prefix)
	out := []Suggestion{}
	if strings.TrimSpace(p) == "" {
		return out, nil
	}
	per := (n + 2) / 3
	for _, kind := range []string{FacetSpeaker, FacetRegion} {
		values, err := x.dictValues(facetFieldOf[kind], p, per)
		if err != nil {
			return nil, err
		}
		for _, v := range values {
			out = append(out, Suggestion{Kind: kind, Value: v.Value, Count: v.Count})
		}
	}
	if len([]rune(strings.TrimSpace(p))) < minTitlePrefix {
		return out, nil
	}
	sr := bleve.NewSearchRequestOptions(titlePrefixQuery(p), n-len(out), 0, false)
	sr.SortBy(sortOrder(SortRelevance)) // equal scores in one order
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("completing titles: %w", err)
	}
	// The titles as written are in the article store.
	stored, err := x.hitRecords(hitIDs(res.Hits))
	if err != nil {
		return nil, fmt.Errorf("completing titles: %w", err)
	}
	for _, h := range res.Hits {
		if rec, ok := stored[h.ID]; ok {
			out = append(out, Suggestion{Kind: "title", Value: rec.Title, ID: h.ID})
		}
	}
	return out, nil
}

// dictValues returns the values of a keyword field over the whole index
// that match the folded prefix p, most frequent first, at most n. It reads
// the field's dictionary, which is cheaper than counting a facet over
// every article.
func (x *Index) dictValues(field, p string, n int) ([]FacetValue, error) {
	d, err := x.bi.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("reading the values of %s: %w", field, err)
	}
	defer d.Close()
	var out []FacetValue
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("reading the values of %s: %w", field, err)
		}
		if e == nil {
			break
		}
		if e.Count > 0 && matchesPrefix(e.Term, p) {
			out = append(out, FacetValue{Value: e.Term, Count: int(e.Count)})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// titlePrefixQuery matches titles holding every whole word of p and a
// word that starts with its last word, or is it.
func titlePrefixQuery(p string) query.Query {
	words := strings.Fields(p)
	last := words[len(words)-1]
	pre := bleve.NewPrefixQuery(last)
	pre.SetField(fieldTitle)
	whole := bleve.NewMatchQuery(last)
	whole.SetField(fieldTitle)
	parts := []query.Query{bleve.NewDisjunctionQuery(pre, whole)}
	if len(words) > 1 {
		m := bleve.NewMatchQuery(strings.Join(words[:len(words)-1], " "))
		m.SetField(fieldTitle)
		m.SetOperator(query.MatchQueryOperatorAnd)
		parts = append(parts, m)
	}
	return bleve.NewConjunctionQuery(parts...)
}

// checkLookup checks a prefix and the number of answers wanted, at most
// max.
func checkLookup(prefix string, n, max int) error {
	if len([]rune(prefix)) > MaxPrefixLength {
		return paramErr("prefix", "is longer than %d characters", MaxPrefixLength)
	}
	if n < 0 || n > max {
		return paramErr("size", "must be between 1 and %d", max)
	}
	return nil
}

// fold lower-cases s and strips its accents, as the analyzers do.
func fold(s string) string {
	return strings.ToLower(string(analyzers.Fold([]byte(s))))
}

// matchesPrefix reports whether value, or one of its words, starts with
// the folded prefix p.
func matchesPrefix(value, p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return true
	}
	v := fold(value)
	if strings.HasPrefix(v, p) {
		return true
	}
	for i, r := range v {
		if i > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) && strings.HasPrefix(v[i+len(string(r)):], p) {
			return true
		}
	}
	return false
}
