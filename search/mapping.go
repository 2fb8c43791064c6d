// Package search is Dateline's index: its schema, opening and creating it,
// writing articles to it, and answering searches with ranked, highlighted
// hits and facet counts. It is the only package that knows bleve's field
// names; callers speak of corpus.Article, Request and Result.
package search

import (
	"dateline/corpus"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
)

// The index's field names.
const (
	fieldTitle     = "title"
	fieldBody      = "body"
	fieldURL       = "url"
	fieldPublished = "published"
	fieldMonth     = "month"
	fieldSpeaker   = "speaker"
	fieldRegion    = "region"
	// fieldQuote holds the texts of all the article's quotes, analysed and
	// not stored (the store keeps the quotes whole), so that quotes can be
	// searched apart from the body they sit in.
	fieldQuote = "quote"
)

// docType is the document type of articles in the mapping.
const docType = "article"

// newMapping returns the index schema: title and body analysed as news
// English, stored, with term vectors for highlighting; speakers, regions and
// the month as keyword fields for filters and facets; the publication date
// as a date for ranges and sorting; the URL stored only, for hits. The rest
// of an article (author, site, quotes, …) is not in the index at all: Get
// reads it from the article store, and keeping it twice would only grow the
// index.
func newMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzers.NewsName
		f.Store = store
		f.IncludeTermVectors = true
		f.IncludeInAll = false
		return f
	}
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = true
		return f
	}
	storedOnly := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Index = false
		f.Store = true
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	date.Store = true
	date.DocValues = true

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, text(true))
	doc.AddFieldMappingsAt(fieldBody, text(true))
	doc.AddFieldMappingsAt(fieldQuote, text(false))
	doc.AddFieldMappingsAt(fieldSpeaker, keywordField(true))
	doc.AddFieldMappingsAt(fieldRegion, keywordField(true))
	doc.AddFieldMappingsAt(fieldMonth, keywordField(false))
	doc.AddFieldMappingsAt(fieldPublished, date)
	doc.AddFieldMappingsAt(fieldURL, storedOnly())

	m := bleve.NewIndexMapping()
	m.TypeField = "_type"
	m.DefaultType = docType
	m.AddDocumentMapping(docType, doc)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzers.NewsName
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = "bm25"
	return m
}

// toDocument maps an article to the index's fields.
func toDocument(a *corpus.Article) map[string]interface{} {
	doc := map[string]interface{}{
		"_type":      docType,
		fieldTitle:   a.Title,
		fieldBody:    a.Body,
		fieldSpeaker: a.Speakers,
		fieldRegion:  a.Regions,
		fieldURL:     a.URL,
	}
	if !a.Published.IsZero() {
		doc[fieldPublished] = a.Published.UTC()
		doc[fieldMonth] = a.Published.UTC().Format("2006-01")
	}
	if len(a.Quotes) > 0 {
		texts := make([]string, len(a.Quotes))
		for i, q := range a.Quotes {
			texts[i] = q.Text
		}
		doc[fieldQuote] = texts
	}
	return doc
}
