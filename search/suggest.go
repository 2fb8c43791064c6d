package search

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	index "github.com/blevesearch/bleve_index_api"

	"dateline/analyzers"
)

// Bounds of spelling suggestions.
const (
	// suggestMinLength is the shortest word corrected: a word of three
	// letters is one edit away from dozens of others.
	suggestMinLength = 4
	// suggestMaxLength is the longest word corrected: no word of a
	// language is longer, and the automaton of words near a longer one
	// costs more than any answer is worth.
	suggestMaxLength = 40
	// maxSuggestWords is the longest query corrected: people mistype
	// short queries, and a pasted paragraph is not worth a dictionary
	// walk per rare word.
	maxSuggestWords = 6
)

// suggest corrects the words of a plain query that no article holds,
// replacing each with the most frequent indexed word one edit away (two
// for words of eight letters or more), spelled as an article spells it:
// "Witkof" becomes "Witkoff". ok is false when nothing was corrected.
func (x *Index) suggest(ctx context.Context, r *Request) (better string, ok bool, err error) {
	if r.parsed == nil || len(r.parsed.alts) != 1 || len(r.parsed.alts[0]) > maxSuggestWords {
		return "", false, nil
	}
	adv, err := x.bi.Advanced()
	if err != nil {
		return "", false, fmt.Errorf("opening index for suggestions: %w", err)
	}
	reader, err := adv.Reader()
	if err != nil {
		return "", false, fmt.Errorf("opening index reader for suggestions: %w", err)
	}
	defer reader.Close()
	m := x.bi.Mapping()
	words := make([]string, 0, len(r.parsed.alts[0]))
	for _, c := range r.parsed.alts[0] {
		if c.kind != kindWord || c.field != "" || c.occur == mustNot {
			return "", false, nil
		}
		w := c.text
		terms := analyzeTerms(m, w)
		if n := len([]rune(w)); len(terms) == 1 && n >= suggestMinLength && n <= suggestMaxLength {
			fix, err := x.correct(ctx, reader, terms[0].Term, len([]rune(w)))
			if err != nil {
				return "", false, err
			}
			if fix != "" {
				w, ok = fix, true
			}
		}
		words = append(words, w)
	}
	return strings.Join(words, " "), ok, nil
}

// correct returns how articles spell the best correction of term, or ""
// when the term is indexed or nothing close is.
func (x *Index) correct(ctx context.Context, reader index.IndexReader, term string, length int) (string, error) {
	if n, err := docFreq(ctx, reader, term); err != nil || n > 0 {
		return "", err
	}
	dist := 1
	if length >= 8 {
		dist = 2
	}
	fr, ok := reader.(index.IndexReaderFuzzy)
	if !ok {
		return "", nil
	}
	dict, err := fr.FieldDictFuzzy(fieldText, term, dist, "")
	if err != nil {
		return "", fmt.Errorf("looking up words near %q: %w", term, err)
	}
	defer dict.Close()
	best, bestCount := "", uint64(0)
	for {
		de, err := dict.Next()
		if err != nil {
			return "", fmt.Errorf("looking up words near %q: %w", term, err)
		}
		if de == nil {
			break
		}
		// The fuzzy dictionary leaves the counts out; read them.
		n, err := docFreq(ctx, reader, de.Term)
		if err != nil {
			return "", err
		}
		if n > bestCount {
			best, bestCount = de.Term, n
		}
	}
	if best == "" {
		return "", nil
	}
	return x.spelling(ctx, best)
}

// docFreq is the number of articles whose text holds term.
func docFreq(ctx context.Context, reader index.IndexReader, term string) (uint64, error) {
	tfr, err := reader.TermFieldReader(ctx, []byte(term), fieldText, false, false, false)
	if err != nil {
		return 0, fmt.Errorf("reading postings of %q: %w", term, err)
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// spelling finds an article holding the indexed term and returns the word
// as written there, since the index holds stems ("ukrain").
func (x *Index) spelling(ctx context.Context, term string) (string, error) {
	q := bleve.NewTermQuery(term)
	q.SetField(fieldText)
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	res, err := x.bi.SearchInContext(ctx, sr)
	if err != nil {
		return "", fmt.Errorf("finding the spelling of %q: %w", term, err)
	}
	a := x.bi.Mapping().AnalyzerNamed(analyzers.NewsName)
	// The first spelling not in capitals: datelines and headlines in
	// capitals are not how a person types a name.
	first := ""
	stored, err := x.hitRecords(hitIDs(res.Hits))
	if err != nil {
		return "", fmt.Errorf("finding the spelling of %q: %w", term, err)
	}
	for _, h := range res.Hits {
		for _, text := range []string{stored[h.ID].Title, stored[h.ID].Body} {
			for _, t := range a.Analyze([]byte(text)) {
				if string(t.Term) != term {
					continue
				}
				w := text[t.Start:t.End]
				if w != strings.ToUpper(w) {
					return w, nil
				}
				if first == "" {
					first = w
				}
			}
		}
	}
	if first == "" {
		return term, nil
	}
	return first, nil
}
