package search

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
	"dateline/corpus"
)

// newDocument maps an enriched article, whose fields toDocument gave, to a
// document of the index whose schema is m (fitting the fields to an older
// schema, fitDocument), for bleve's Batch.IndexAdvanced.
//
// Its text fields are indexedFields, the values of each field that keeps
// neither stored values nor term vectors analysed as one, and its title
// and quote fields (in an index with a quote field) take their analysis
// from that of its text field, which holds the same words, and the words
// of its quotes are marked in text (shareAnalysis). Where every field of m is a text
// field (schemaOf), as in the current schema, the fields are made here;
// otherwise bleve maps the document and its text fields are replaced
// (indexFields).
func newDocument(m mapping.IndexMapping, a *corpus.Article, fields map[string]interface{}) (*document.Document, error) {
	quotes := fitDocument(fields, m, a)
	d := document.NewDocument(a.ID)
	if sc := schemaOf(m); sc != nil {
		if err := sc.mapFields(d, fields); err != nil {
			return nil, fmt.Errorf("indexing article %s: %w", a.ID, err)
		}
	} else {
		if err := m.MapDocument(d, fields); err != nil {
			return nil, fmt.Errorf("indexing article %s: %w", a.ID, err)
		}
		indexFields(d)
	}
	shareAnalysis(d, a, m, quotes)
	return d, nil
}

// indexArticle adds the document of an enriched article, whose fields
// toDocument gave, to b, a batch of the index whose schema is m, its term
// tables to be built in mem (nil: on the heap), which the caller releases
// once b is written.
func indexArticle(b *bleve.Batch, m mapping.IndexMapping, a *corpus.Article, fields map[string]interface{}, mem *tableMemory) error {
	d, err := newDocument(m, a, fields)
	if err != nil {
		return err
	}
	withTables(d, mem)
	return b.IndexAdvanced(d)
}

// shareAnalysis lets the title field of d, the document of article a
// made of indexedFields (and its quote field, in an index that has one),
// read their analysis from that of its text field (analyzers.TextAnalysis), where m analyses them so: the
// text, the body and the title twice as one value, with
// analyzers.NewsTextName, and the parts with analyzers.NewsName and
// without term vectors. Each part gives the terms its own analysis would:
// TextAnalysis analyses a part whose terms the text's analysis does not
// hold. The text field is moved first, since bleve analyses a document's
// fields in their order, and the last field releases the TextAnalysis
// once it is analysed. Where m marks the quotes in text, quotes are
// where they lie in it (fitDocument): the text's analysis also gives the
// positions of their words (analyzers.TextAnalysis.Positions), whose
// locations are marked.
//
// On Reuters-21578, in an index with a quote field, the titles and quotes
// are 860,000 of the 3.3 million tokens it analyses, and all but 189 of
// its 38,300 quotes and titles of its first ten files are read from their
// texts: the analysis of all fields takes 1.7-1.85 s of processor time
// rather than 2.0.
func shareAnalysis(d *document.Document, a *corpus.Article, m mapping.IndexMapping, quotes []valuePart) {
	at := -1
	for i, f := range d.Fields {
		if f.Name() == fieldText {
			at = i
			break
		}
	}
	if at < 0 {
		return
	}
	text, ok := d.Fields[at].(*indexedField)
	if !ok || len(text.values) != 1 || len(text.values[0].arrayPositions) > 0 ||
		text.values[0].analyzer != m.AnalyzerNamed(analyzers.NewsTextName) {
		return
	}
	ta := new(analyzers.TextAnalysis)
	keeping := ta.Analyzer(text.values[0].analyzer)
	if keeping == text.values[0].analyzer {
		return
	}
	copy(d.Fields[1:at+1], d.Fields[:at])
	d.Fields[0] = text
	text.values[0].analyzer = keeping
	if len(quotes) > 0 {
		text.values[0].parts = quotes
		text.values[0].positions = ta
	}

	news := m.AnalyzerNamed(analyzers.NewsName)
	var last *indexedField
	for _, f := range d.Fields {
		part, ok := f.(*indexedField)
		if !ok || !part.options.IsIndexed() {
			continue
		}
		last = part
		if part == text || part.options.IncludeTermVectors() {
			continue
		}
		for i, v := range part.values {
			if v.analyzer != news {
				continue
			}
			start := -1
			switch ap := v.arrayPositions; part.name {
			case fieldTitle:
				// The text is JoinValues(body, title, title).
				start = len(a.Body) + 1
			case fieldQuote:
				if len(ap) == 1 && ap[0] < uint64(len(a.Quotes)) {
					start = a.Quotes[ap[0]].Offset
				}
			}
			if start >= 0 {
				part.values[i].analyzer = ta.Part(start, news)
			}
		}
	}
	last.ta = ta
}

// quoteLayout returns where article a's quotes lie in its text,
// analyzers.JoinValues(a.Body, a.Title, a.Title, extra...) (fitDocument),
// in order, a quote that overlaps the one before joined to it, each marked
// with quoteMarks by turns: a quote at its offset in the body (quoteAt),
// or else where the body holds its words first, or else in a value of its
// own after the titles (extra), so that quote: finds every quote an
// article was given with.
func quoteLayout(a *corpus.Article) (parts []valuePart, extra []string) {
	next := len(a.Body) + 2*(1+len(a.Title))
	var spans []span
	for _, q := range a.Quotes {
		if q.Text == "" {
			continue
		}
		start, end, ok := quoteAt(a.Body, q.Offset, q.Text)
		if !ok {
			if i := strings.Index(a.Body, q.Text); i >= 0 {
				start, end, ok = i, i+len(q.Text), true
			}
		}
		if !ok {
			extra = append(extra, q.Text)
			start, end = next+1, next+1+len(q.Text)
			next = end
		}
		spans = append(spans, span{start, end})
	}
	for i, s := range mergeSpans(spans) {
		parts = append(parts, valuePart{start: s.start, end: s.end, mark: quoteMarks[i%len(quoteMarks)]})
	}
	return parts, extra
}

// quoteAt returns the bytes [start, end) of body from offset on that are
// text, a run of white space in either standing for a run in the other:
// the extractor gives reported speech with its white space collapsed
// (a quote across a line break). ok is false where they are not.
func quoteAt(body string, offset int, text string) (start, end int, ok bool) {
	if offset < 0 || offset > len(body) {
		return 0, 0, false
	}
	if len(text) <= len(body)-offset && body[offset:offset+len(text)] == text {
		return offset, offset + len(text), true
	}
	i, j := offset, 0
	for j < len(text) {
		if n := spaceRun(text[j:]); n > 0 {
			m := spaceRun(body[i:])
			if m == 0 {
				return 0, 0, false
			}
			i, j = i+m, j+n
			continue
		}
		if i >= len(body) || body[i] != text[j] {
			return 0, 0, false
		}
		i, j = i+1, j+1
	}
	return offset, i, true
}

// spaceRun returns the length in bytes of the white space s begins with.
func spaceRun(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !unicode.IsSpace(r) {
			break
		}
		n += size
	}
	return n
}
