package search

// How Dateline ranks, and why not as bleve does out of the box.
//
// bleve v2.6.1 scores a term with BM25 (k1 1.2, b 0.75) but estimates the
// average field length, avgdl, as ceil(number of distinct terms in the
// field's dictionary / number of documents) (searcher/search_term.go,
// bm25ScoreMetrics, fed by IndexSnapshot.FieldCardinality). That counts each
// word of the vocabulary once, and once more for every segment it appears
// in, instead of counting the tokens: on SciFact it gives an avgdl of a few
// tokens where the bodies hold about 150, so every document looks ten times
// longer than average and BM25's length normalisation, b·dl/avgdl, swamps
// the term frequency: short abstracts win whatever they say. The field
// length itself is right (recovered from the stored norm, 1/√len).
//
// Three more things pulled the first ranking (title^2 OR body) down:
//   - two BM25 scores added up, one for a short title that saturates on a
//     single occurrence and one for the body, rank worse than one BM25 over
//     both with the title weighted (BM25F);
//   - a disjunction multiplies its sum by coord = matched/total clauses,
//     which standard BM25 does not, and which punishes long queries;
//   - the idf, log(1 + (N − df + 0.5)/(df + 0.5)), is Lucene's and fine.
//
// Dateline therefore ranks plain words on one field, text, holding the
// title twice and the body (BM25F with the title weighted 2: a title
// occurrence counts as two, and the length includes the title twice, as
// Lucene's BM25FQuery and SQLite's bm25(2, 1) do), passes bleve exact
// token counts per field through the search context (search.BM25StatsKey),
// computed from the postings and cached per index, and sums the words'
// scores without coord (sumQuery). Phrases typed in quotes and the words of
// a query next to each other in a document add a proximity boost.

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/search"
	index "github.com/blevesearch/bleve_index_api"
)

// statsDrift is how far the document count may move, as a fraction, before
// the field statistics are counted again: the average length of a news
// article barely moves with a few per cent more of them, and counting walks
// every posting of the ranked fields.
const statsDrift = 0.02

// countedFields are the analysed fields whose lengths are counted exactly;
// every other field keeps bleve's own estimate, used only in filters.
var countedFields = map[string]bool{
	fieldText: true, fieldTitle: true, fieldQuote: true,
	fieldSpeakerName: true, fieldRegionName: true,
}

// statsCache holds the BM25 statistics of one index.
type statsCache struct {
	mu    sync.Mutex
	docs  uint64
	stats *search.BM25Stats
}

// bm25Stats returns the index's BM25 statistics: the document count and,
// per field, the total number of tokens (bleve calls it the field's
// cardinality and divides it by the document count to get avgdl).
func (x *Index) bm25Stats(ctx context.Context) (*search.BM25Stats, error) {
	x.stats.mu.Lock()
	defer x.stats.mu.Unlock()
	n, err := x.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("counting documents: %w", err)
	}
	if s := x.stats.stats; s != nil {
		diff := float64(n) - float64(x.stats.docs)
		if diff < 0 {
			diff = -diff
		}
		if diff <= statsDrift*float64(x.stats.docs) && (n == 0) == (x.stats.docs == 0) {
			return s, nil
		}
	}
	s, err := countStats(ctx, x)
	if err != nil {
		return nil, err
	}
	x.stats.docs, x.stats.stats = n, s
	return s, nil
}

// countStats walks the postings of the counted fields, summing the term
// frequencies, which is the number of tokens each field holds.
func countStats(ctx context.Context, x *Index) (*search.BM25Stats, error) {
	adv, err := x.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("opening index for statistics: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("opening index reader for statistics: %w", err)
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		return nil, fmt.Errorf("counting documents: %w", err)
	}
	fields, err := r.Fields()
	if err != nil {
		return nil, fmt.Errorf("listing fields: %w", err)
	}
	// "*" is asked for by queries over no field in particular (match all).
	out := &search.BM25Stats{DocCount: float64(n), FieldCardinality: map[string]int{"*": 0}}
	for _, f := range fields {
		var c int
		if countedFields[f] {
			c, err = countTokens(ctx, r, f)
		} else if br, ok := r.(index.BM25Reader); ok {
			c, err = br.FieldCardinality(f)
		}
		if err != nil {
			return nil, fmt.Errorf("counting field %s: %w", f, err)
		}
		out.FieldCardinality[f] = c
	}
	for f := range countedFields {
		if _, ok := out.FieldCardinality[f]; !ok {
			out.FieldCardinality[f] = 0
		}
	}
	return out, nil
}

// countTokens sums the term frequencies of every posting of a field.
func countTokens(ctx context.Context, r index.IndexReader, field string) (int, error) {
	dict, err := r.FieldDict(field)
	if err != nil {
		return 0, err
	}
	defer dict.Close()
	total := 0
	var tfd index.TermFieldDoc
	for {
		de, err := dict.Next()
		if err != nil {
			return 0, err
		}
		if de == nil {
			return total, nil
		}
		tfr, err := r.TermFieldReader(ctx, []byte(de.Term), field, true, false, false)
		if err != nil {
			return 0, err
		}
		for {
			d, err := tfr.Next(&tfd)
			if err != nil {
				tfr.Close()
				return 0, err
			}
			if d == nil {
				break
			}
			total += int(d.Freq)
		}
		tfr.Close()
	}
}
