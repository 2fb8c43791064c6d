package search

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"dateline/analyzers"
	"dateline/corpus"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// The short fields (title, quotes, speaker and region names) keep no term
// vectors: positions, offsets and array positions of every word took 8.0
// MB of Reuters-21578's 47.0 MB bleve index, for phrases alone (nothing
// ranks on their positions). A phrase on one of them is answered instead
// by the documents that hold all its words (no positions needed), each
// checked against the field's text: the text is analysed again and the
// phrase's words must stand in order within one value, as bleve's phrase
// search would have required of the positions. The title and the regions
// are read from bleve's stored fields; the quotes and speaker names, which
// storing would cost more than their positions did, from the article
// store, enriched again as they were for the index.

// phraseStores maps the mapping of each open bleve index (the pointer
// bleve hands to every searcher of that index) to the article store of
// the Index it belongs to, for the phrases checked against the store.
var phraseStores sync.Map

// phraseQuery returns the query of a phrase on field: bleve's positional
// phrase where the index keeps the field's positions (the text field, and
// every field of indexes made before the short fields dropped theirs), a
// storedPhraseQuery where it does not, and where the quotes are marked in
// text (quotesInText) a phrase of text whose words are all marked.
func phraseQuery(m mapping.IndexMapping, field, text string) query.Query {
	if field == fieldQuote && quotesInText(m) {
		return quotePhraseQuery(m, text)
	}
	if _, short := phraseValues[field]; short && !keepsVectors(m, field) {
		return &storedPhraseQuery{Field: field, Phrase: text}
	}
	q := bleve.NewMatchPhraseQuery(text)
	q.SetField(field)
	if field == fieldText && quotesInText(m) {
		return &unmarkedQuery{Query: q}
	}
	return q
}

// quotePhraseQuery returns the query of a phrase on the quotes where they
// are marked in text: a phrase of text whose words are all marked, since
// bleve's phrase searcher takes words of one array position only; or,
// where the phrase is one word (with stop words), that word marked, which
// reads no positions but the word's own.
func quotePhraseQuery(m mapping.IndexMapping, text string) query.Query {
	if a := m.AnalyzerNamed(analyzers.NewsTextName); a != nil {
		if words := phraseTerms(a.Analyze([]byte(text))); len(words) == 1 {
			return inQuotes(anyTerm(fieldText, words[0]), true)
		}
	}
	q := bleve.NewMatchPhraseQuery(text)
	q.SetField(fieldText)
	return inQuotes(q, true)
}

// phraseValues gives, for each short field, the values a phrase on it is
// checked against: from bleve's stored fields (doc) where they are there,
// else from the stored article (art, read only when needed, and enriched
// only where the values are what extraction adds).
var phraseValues = map[string]func(doc index.Document, art articleOf) ([]string, error){
	fieldTitle: func(_ index.Document, art articleOf) ([]string, error) {
		a, err := art(false)
		if err != nil {
			return nil, err
		}
		return []string{a.Title}, nil
	},
	fieldRegionName: func(doc index.Document, _ articleOf) ([]string, error) {
		return storedValues(doc, fieldRegion), nil
	},
	fieldQuote: func(_ index.Document, art articleOf) ([]string, error) {
		a, err := art(true)
		if err != nil {
			return nil, err
		}
		return quoteTexts(a), nil
	},
	fieldSpeakerName: func(_ index.Document, art articleOf) ([]string, error) {
		a, err := art(true)
		if err != nil {
			return nil, err
		}
		return speakerNames(a), nil
	},
}

// articleOf reads the stored article of a document, enriched or as given.
type articleOf func(enrich bool) (*corpus.Article, error)

// storedValues returns the values bleve stored for field.
func storedValues(doc index.Document, field string) []string {
	var out []string
	doc.VisitFields(func(f index.Field) {
		if f.Name() == field {
			out = append(out, string(f.Value()))
		}
	})
	return out
}

// keepsVectors reports whether the mapping indexes field with term
// vectors. A mapping it cannot read is taken to keep them, as every
// field of an index did before.
func keepsVectors(m mapping.IndexMapping, field string) bool {
	f, ok := fieldMappingOf(m, field)
	return !ok || f.IncludeTermVectors
}

// fieldMappingOf returns the mapping of an article field, where m is an
// index mapping of the kind newMapping makes and maps the field.
func fieldMappingOf(m mapping.IndexMapping, field string) (*mapping.FieldMapping, bool) {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return nil, false
	}
	dm := im.DefaultMapping
	if d, ok := im.TypeMapping[docType]; ok {
		dm = d
	}
	if dm == nil {
		return nil, false
	}
	p, ok := dm.Properties[field]
	if !ok || len(p.Fields) == 0 {
		return nil, false
	}
	return p.Fields[0], true
}

// storedPhraseQuery matches the documents whose field holds Phrase, its
// words in order, checked against the field's text (phraseValues).
type storedPhraseQuery struct {
	Field  string
	Phrase string
}

// Searcher finds the documents holding every word of the phrase and keeps
// those whose stored text holds them in order.
func (q *storedPhraseQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	a := m.AnalyzerNamed(m.AnalyzerNameForPath(q.Field))
	if a == nil {
		return nil, fmt.Errorf("phrase on %s: no analyzer for the field", q.Field)
	}
	phrase := phraseTerms(a.Analyze([]byte(q.Phrase)))
	if len(phrase) == 0 {
		return bleve.NewMatchNoneQuery().Searcher(ctx, r, m, opts)
	}
	var parts []query.Query
	for _, alts := range phrase {
		if len(alts) > 0 {
			parts = append(parts, anyTerm(q.Field, alts))
		}
	}
	all, err := bleve.NewConjunctionQuery(parts...).Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, fmt.Errorf("phrase on %s: %w", q.Field, err)
	}
	if len(phrase) == 1 {
		// One position: holding the word is holding the phrase.
		return all, nil
	}
	var st *store
	if v, ok := phraseStores.Load(m); ok {
		st = v.(*store)
	}
	values := phraseValues[q.Field]
	check := func(_ *search.SearchContext, d *search.DocumentMatch) bool {
		ok, err := hasPhrase(r, st, d.IndexInternalID, values, a, phrase)
		return err == nil && ok
	}
	return searcher.NewFilteringSearcher(ctx, all, check), nil
}

// anyTerm matches the documents whose field holds any of terms (the forms
// an analysis gave one position, phraseTerms).
func anyTerm(field string, terms []string) query.Query {
	qs := make([]query.Query, 0, len(terms))
	for _, t := range terms {
		tq := bleve.NewTermQuery(t)
		tq.SetField(field)
		qs = append(qs, tq)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// phraseTerms groups analysed tokens by position, relative to the first:
// a word the analyzer gave in two forms at one place (a joined and a split
// form) offers either there, and a position that gave no token (a stop
// word) is left empty and matches any word. This is how bleve's phrase
// query reads a phrase.
func phraseTerms(tokens analysis.TokenStream) [][]string {
	if len(tokens) == 0 {
		return nil
	}
	first, last := tokens[0].Position, tokens[0].Position
	for _, t := range tokens {
		first, last = min(first, t.Position), max(last, t.Position)
	}
	out := make([][]string, last-first+1)
	for _, t := range tokens {
		out[t.Position-first] = append(out[t.Position-first], string(t.Term))
	}
	return out
}

// hasPhrase reports whether a value of the document's field holds the
// phrase. A document the store lacks (deleted meanwhile) holds none.
func hasPhrase(r index.IndexReader, st *store, id index.IndexInternalID, values func(index.Document, articleOf) ([]string, error), a analysis.Analyzer, phrase [][]string) (bool, error) {
	ext, err := r.ExternalID(id)
	if err != nil {
		return false, err
	}
	doc, err := r.Document(ext)
	if err != nil || doc == nil {
		return false, err
	}
	art := func(enrich bool) (*corpus.Article, error) {
		if st == nil {
			return nil, errors.New("no article store for this index")
		}
		got, ok, err := st.get(ext)
		if err != nil || !ok {
			return nil, fmt.Errorf("article %s: %w", ext, cmpErr(err, ErrNotFound))
		}
		if !enrich {
			return &got, nil
		}
		return enriched(got), nil
	}
	vs, err := values(doc, art)
	if err != nil {
		return false, err
	}
	for _, v := range vs {
		if holdsPhrase(a.Analyze([]byte(v)), phrase) {
			return true, nil
		}
	}
	return false, nil
}

// cmpErr returns err, or def where err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// holdsPhrase reports whether the tokens of one value hold the phrase at
// some position.
func holdsPhrase(tokens analysis.TokenStream, phrase [][]string) bool {
	at := map[int][]string{}
	for _, t := range tokens {
		at[t.Position] = append(at[t.Position], string(t.Term))
	}
	for _, t := range tokens {
		if matchesAt(at, t.Position, phrase) {
			return true
		}
	}
	return false
}

// matchesAt reports whether the phrase's words stand at positions p, p+1, …
func matchesAt(at map[int][]string, p int, phrase [][]string) bool {
	for k, alts := range phrase {
		if len(alts) == 0 {
			continue
		}
		if !anyIn(at[p+k], alts) {
			return false
		}
	}
	return true
}

func anyIn(have, want []string) bool {
	for _, h := range have {
		for _, w := range want {
			if h == w {
				return true
			}
		}
	}
	return false
}
