package search

import (
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"dateline/analyzers"
)

// searchFields maps the fields of the query language to the index's.
var searchFields = map[string]string{
	"":        fieldText,
	"title":   fieldTitle,
	"speaker": fieldSpeakerName,
	"region":  fieldRegionName,
	"quote":   fieldQuote,
}

// compiler turns a parsed query into a bleve query, and gathers the terms
// that snippets mark.
type compiler struct {
	m     mapping.IndexMapping
	stats *search.BM25Stats
	marks *markTerms
}

func newCompiler(m mapping.IndexMapping, stats *search.BM25Stats) *compiler {
	return &compiler{m: m, stats: stats, marks: newMarkTerms()}
}

// compile returns the query for all alternatives: any may match.
func (c *compiler) compile(q *parsedQuery) query.Query {
	var qs []query.Query
	for _, seq := range q.alts {
		qs = append(qs, c.sequence(seq))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return &sumQuery{Queries: qs}
}

// sequence compiles clauses side by side. The plain words of each field
// are ranked together by one BM25 query; phrases, prefixes, fuzzy words and
// groups add their scores beside it. Required clauses (+, AND) filter the
// matches without scoring twice, since they score among the positive
// clauses already; excluded ones (-, NOT) remove matches.
func (c *compiler) sequence(seq []clause) query.Query {
	words := map[string][]string{}
	var scoring, required, excluded []query.Query
	for _, cl := range seq {
		switch {
		case cl.occur == mustNot:
			excluded = append(excluded, c.matchQuery(cl, false))
			continue
		case cl.kind == kindDate:
			required = append(required, c.matchQuery(cl, false))
			continue
		case cl.kind == kindWord:
			words[cl.field] = append(words[cl.field], cl.text)
		case cl.kind == kindPhrase:
			// A phrase's words rank like words; the phrase adds its
			// own score where the words stand in order.
			words[cl.field] = append(words[cl.field], cl.text)
			scoring = append(scoring, c.matchQuery(cl, true))
		default:
			scoring = append(scoring, c.matchQuery(cl, true))
		}
		if cl.occur == must {
			required = append(required, c.matchQuery(cl, false))
		}
	}
	fields := make([]string, 0, len(words))
	for f := range words {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		// The words of a field are analysed together, so that "United
		// States" is recognised as one name.
		terms := analyzeTerms(c.m, strings.Join(words[f], " "))
		c.marks.addTerms(f, terms)
		scoring = append(scoring, c.bm25(f, terms))
	}
	var positive query.Query
	switch len(scoring) {
	case 0:
		positive = bleve.NewMatchAllQuery()
	case 1:
		positive = scoring[0]
	default:
		positive = &sumQuery{Queries: scoring}
	}
	if len(required) == 0 && len(excluded) == 0 {
		return positive
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(positive)
	if len(required) > 0 {
		b.AddFilter(bleve.NewConjunctionQuery(required...))
	}
	if len(excluded) > 0 {
		b.AddMustNot(excluded...)
	}
	return b
}

// target returns the index field of a field of the query language, and
// whether the field is the quotes inside it (quotedQuery): quote: is the
// quotes of text in an index that marks them (quotesInText).
func (c *compiler) target(field string) (string, bool) {
	f := searchFields[field]
	if f == fieldQuote && quotesInText(c.m) {
		return fieldText, true
	}
	return f, false
}

// bm25 ranks terms in a field of the query language.
func (c *compiler) bm25(field string, terms []weightedTerm) query.Query {
	f, quoted := c.target(field)
	seen := map[string]int{}
	q := &bm25Query{Field: f, Docs: c.stats.DocCount, Proximity: f == fieldText && !quoted, InQuotes: quoted}
	for _, t := range terms {
		if i, ok := seen[t.Term]; ok {
			q.Terms[i].Weight += t.Weight
			continue
		}
		seen[t.Term] = len(q.Terms)
		q.Terms = append(q.Terms, t)
	}
	if c.stats.DocCount > 0 {
		q.AvgLen = float64(c.stats.FieldCardinality[f]) / c.stats.DocCount
	}
	return q
}

// matchQuery is the bleve query of one clause. scored clauses also give
// their terms to the snippets.
func (c *compiler) matchQuery(cl clause, scored bool) query.Query {
	field, quoted := c.target(cl.field)
	switch cl.kind {
	case kindWord:
		if quoted {
			return quotedWord(c.m, cl.text)
		}
		q := bleve.NewMatchQuery(cl.text)
		q.SetField(field)
		q.SetOperator(query.MatchQueryOperatorAnd)
		return q
	case kindPhrase:
		if scored {
			c.marks.addTerms(cl.field, analyzeTerms(c.m, cl.text))
		}
		return phraseQuery(c.m, searchFields[cl.field], cl.text)
	case kindPrefix:
		prefix := string(analyzers.Fold([]byte(strings.ToLower(cl.text))))
		if scored {
			c.marks.addPrefix(cl.field, prefix)
		}
		q := bleve.NewPrefixQuery(prefix)
		q.SetField(field)
		return inQuotes(q, quoted)
	case kindFuzzy:
		term := strings.ToLower(cl.text)
		if ts := analyzeTerms(c.m, cl.text); len(ts) > 0 {
			term = ts[0].Term
		}
		if scored {
			c.marks.addFuzzy(cl.field, term, cl.fuzz)
		}
		q := bleve.NewFuzzyQuery(term)
		q.SetFuzziness(cl.fuzz)
		q.SetField(field)
		return inQuotes(q, quoted)
	case kindGroup:
		if !scored {
			// Terms of a required or excluded group are not marked.
			saved := c.marks
			c.marks = newMarkTerms()
			defer func() { c.marks = saved }()
		}
		return c.compile(cl.group)
	default: // kindDate
		// Checked by the parser; zero bounds are open.
		start, end, _ := dateBounds(cl.text)
		return publishedRange(start, end)
	}
}

// quotedWord matches the documents whose quotes (quotesInText) hold every
// part of a word, as the match query of a field of quotes would: at each
// position the word's analysis gives (covid-19: covid, 19, and covid19
// beside covid), one of its terms inside a quote.
func quotedWord(m mapping.IndexMapping, word string) query.Query {
	a := m.AnalyzerNamed(analyzers.NewsTextName)
	if a == nil {
		return bleve.NewMatchNoneQuery()
	}
	var parts []query.Query
	for _, alts := range phraseTerms(a.Analyze([]byte(word))) {
		if len(alts) > 0 {
			parts = append(parts, inQuotes(anyTerm(fieldText, alts), true))
		}
	}
	if len(parts) == 0 {
		return bleve.NewMatchNoneQuery()
	}
	return bleve.NewConjunctionQuery(parts...)
}
