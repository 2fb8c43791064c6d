// Package search is Dateline's index: its schema, opening and creating it,
// writing articles to it, and answering searches with ranked, highlighted
// hits and facet counts. It is the only package that knows bleve's field
// names; callers speak of corpus.Article, Request and Result.
package search

import (
	"dateline/corpus"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
)

// The index's field names.
const (
	fieldTitle     = "title"
	fieldBody      = "body"
	fieldPublished = "published"
	fieldMonth     = "month"
	fieldDay       = "day"
	fieldSpeaker   = "speaker"
	fieldRegion    = "region"
	// fieldText is what plain words are ranked on: the title twice and the
	// body, one field, so that BM25 sees a title word as two body words
	// (BM25F with the title weighted 2; see rank.go). Indexed only.
	fieldText = "text"
	// fieldQuote held the text of every quote of the article, for quote:,
	// in indexes made before the quotes were marked in text (quoteMarks).
	fieldQuote = "quote"
	// fieldSpeakerName and fieldRegionName hold the speaker and region
	// names analysed as words, so speaker:witkoff finds "Steve Witkoff".
	fieldSpeakerName = "speaker_name"
	fieldRegionName  = "region_name"
	// fieldSpeakerKey holds corpus.SpeakerKey of each speaker, so that a
	// filter on one spelling of a name (Zelensky) finds the others
	// (Zelenskiy, Zelenskyy).
	fieldSpeakerKey = "speaker_key"
)

// quoteMarks are the array positions of the locations of text that lie
// within a quote of the article, where an index marks them (quotesInText),
// the first quote's the first, the next's the second, and so on by turns,
// so that no phrase runs from one quote into the next (bleve's phrase
// search keeps to one array position). quote: is text restricted to those
// locations (quotedQuery). No other location of text has an array
// position, since text is one value (analyzers.NewsTextName). On
// Reuters-21578, where the quotes are a third of the words of the bodies, a
// field of their own took a tenth of indexing's processor time and 3 MB of
// the index; the marks take 0.7 MB.
var quoteMarks = [2][]uint64{{1}, {2}}

// isQuoteMark reports whether the array positions of a location of text
// are a quote's mark.
func isQuoteMark(ap []uint64) bool {
	return len(ap) == 1 && (ap[0] == quoteMarks[0][0] || ap[0] == quoteMarks[1][0])
}

// quotesInText reports whether an index of mapping m marks the quotes in
// text (quoteMarks) rather than indexing them as a field of their own.
func quotesInText(m mapping.IndexMapping) bool {
	if _, ok := fieldMappingOf(m, fieldQuote); ok || !isJoinedText(m, fieldText) {
		return false
	}
	return keepsVectors(m, fieldText)
}

// isJoinedText reports whether field is text made one value
// (analyzers.NewsTextName) in an index of mapping m, whose array positions
// are then marks.
func isJoinedText(m mapping.IndexMapping, field string) bool {
	if field != fieldText {
		return false
	}
	f, ok := fieldMappingOf(m, fieldText)
	return ok && f.Analyzer == analyzers.NewsTextName
}

// docType is the document type of articles in the mapping.
const docType = "article"

// newMapping returns the index schema: the ranking field text (the body
// and the title twice, one text) analysed as news English with positions
// (analyzers.NewsTextName), its words inside a quote marked (quoteMarks);
// the title and the speaker and region names analysed without positions; speakers,
// regions, the day and the month as keyword fields for filters, ranges and
// facets, the speakers and regions stored (for hits: they are what
// extraction found); the publication time as a keyword with doc values,
// for sorting and recency (publishedLayout). Nothing else is stored: a hit's title, URL, date and
// body, and the rest of an article (author, site, each quote's speaker
// and cue, …), are read from the article store, and keeping them twice
// would only grow the index (not storing the title, date and URL took
// 2.1 MB off Reuters-21578's 50.9).
func newMapping() mapping.IndexMapping {
	text := func(store, vectors bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzers.NewsName
		f.Store = store
		f.IncludeTermVectors = vectors
		f.IncludeInAll = false
		// No doc values: nothing sorts or facets on analysed text, and
		// they would keep every word of every article a second time.
		f.DocValues = false
		return f
	}
	keywordField := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		// No doc values: bleve neither sorts nor facets on these; facets
		// are counted from the postings (facetcount.go).
		f.DocValues = false
		return f
	}
	// The publication time is a keyword of fixed width (publishedLayout)
	// with doc values, for sorting and recency; the day and month hold
	// its prefixes, for ranges and facets.
	published := keywordField(false)
	published.DocValues = true

	doc := bleve.NewDocumentStaticMapping()
	// The short fields keep no positions: a phrase on one of them is
	// checked against its text (phrase_stored.go). Indexes made before
	// keep positions on them and answer phrases from those.
	doc.AddFieldMappingsAt(fieldTitle, text(false, false))
	for _, name := range []string{fieldSpeakerName, fieldRegionName} {
		doc.AddFieldMappingsAt(name, text(false, false))
	}
	// The body is not a field of its own: it is ranked as part of text,
	// and hits read it from the article store (Index.bodies), which keeps
	// it anyway. Indexes made before kept it stored here as well; they
	// work as they are and shrink by indexer -rebuild.
	// text keeps its positions for phrases and the proximity boost;
	// snippets are built from the stored text.
	ranked := text(false, true)
	ranked.Analyzer = analyzers.NewsTextName
	doc.AddFieldMappingsAt(fieldText, ranked)
	doc.AddFieldMappingsAt(fieldSpeaker, keywordField(true))
	doc.AddFieldMappingsAt(fieldRegion, keywordField(true))
	doc.AddFieldMappingsAt(fieldMonth, keywordField(false))
	doc.AddFieldMappingsAt(fieldDay, keywordField(false))
	doc.AddFieldMappingsAt(fieldSpeakerKey, keywordField(false))
	doc.AddFieldMappingsAt(fieldPublished, published)
	// No field is in bleve's _all, but bleve would still build it for
	// every document and write it to every segment: another 5% of
	// indexing's processor time.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

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
		fieldSpeaker: a.Speakers,
		fieldRegion:  a.Regions,
	}
	// The body and the title twice, joined into one text
	// (analyzers.NewsTextName). An index made before takes them as three
	// values (fitDocument), the body first: bleve folds the terms of each
	// later value into the first one's table, and folding two titles into
	// a body's costs a tenth of what folding a body into a title's did.
	doc[fieldText] = analyzers.JoinValues(a.Body, a.Title, a.Title)
	if len(a.Quotes) > 0 {
		doc[fieldQuote] = quoteTexts(a)
	}
	doc[fieldSpeakerName] = speakerNames(a)
	keys := make([]string, 0, len(a.Speakers))
	for _, sp := range a.Speakers {
		if k := corpus.SpeakerKey(sp); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	doc[fieldSpeakerKey] = keys
	doc[fieldRegionName] = a.Regions
	if published, day, month, ok := publishedTerms(a.Published); ok {
		doc[fieldPublished] = published
		doc[fieldDay] = day
		doc[fieldMonth] = month
	}
	return doc
}

// fitDocument fits a document of toDocument for article a to the schema
// m, and returns where a's quotes lie in its text where m marks them
// (quotesInText, quoteLayout): a quote the body does not hold then follows
// the titles in text, so that quote: finds it. In an index made before
// the text field was one joined value (analyzers.NewsTextName), text is
// the body and the title twice as three values.
func fitDocument(doc map[string]interface{}, m mapping.IndexMapping, a *corpus.Article) (quotes []valuePart) {
	if quotesInText(m) {
		quotes, extra := quoteLayout(a)
		if len(extra) > 0 {
			doc[fieldText] = analyzers.JoinValues(append([]string{a.Body, a.Title, a.Title}, extra...)...)
		}
		return quotes
	}
	if isJoinedText(m, fieldText) {
		return nil
	}
	if s, ok := doc[fieldText].(string); ok {
		doc[fieldText] = strings.Split(s, string(analyzers.ValueSeparator))
	}
	return nil
}

// quoteTexts returns the text of each of the article's quotes, the values
// of the quote field of indexes that have one (the current schema leaves
// the field out and marks the quotes in text).
func quoteTexts(a *corpus.Article) []string {
	texts := make([]string, 0, len(a.Quotes))
	for _, q := range a.Quotes {
		texts = append(texts, q.Text)
	}
	return texts
}

// speakerNames returns the article's speakers and the speaker of each
// quote, the values of the speaker_name field.
func speakerNames(a *corpus.Article) []string {
	speakers := append([]string(nil), a.Speakers...)
	for _, q := range a.Quotes {
		if q.Speaker != "" {
			speakers = append(speakers, q.Speaker)
		}
	}
	return speakers
}
