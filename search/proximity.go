package search

import (
	"cmp"
	"slices"

	index "github.com/blevesearch/bleve_index_api"
)

// The proximity boost, after Rasolofo and Savoy's BM25TP ("Term proximity
// scoring for keyword-based retrieval systems", ECIR 2003): two different
// query terms that occur within proximityWindow positions of each other
// add 1/d² to both terms' accumulators, and each accumulator is saturated
// and weighted like a term frequency. Documents where the words of a query
// stand together (a name, a phrase typed without quotes) rank above those
// that hold the same words scattered.
const (
	// proximityWindow is the largest distance counted: beyond five words
	// two terms rarely belong to the same phrase.
	proximityWindow = 5
	// maxProximityPositions bounds the positions looked at per document,
	// so a long article full of common query words costs no more than a
	// short one.
	maxProximityPositions = 512
)

// termPositions is one occurrence of a query term in a document.
type termPositions struct {
	term   int // the clause the term belongs to
	weight float64
	array  uint64 // which value of a multi-valued field
	pos    uint64
	// start and end are the byte offsets, to tell a joined word
	// ("covid19") from its own parts; both 0 where the index keeps none,
	// as analyzers.NewsTextName does for a word that overlaps no other.
	start, end uint64
}

// appendPositions adds a clause's occurrences to out; in a field of one
// value, array positions are marks (quoteMarks), not values.
func appendPositions(out []termPositions, term int, weight float64, vectors []*index.TermFieldVector, oneValue bool) []termPositions {
	for _, v := range vectors {
		if len(out) >= maxProximityPositions {
			break
		}
		var array uint64
		if len(v.ArrayPositions) > 0 && !oneValue {
			array = v.ArrayPositions[0]
		}
		out = append(out, termPositions{term: term, weight: weight, array: array, pos: v.Pos, start: v.Start, end: v.End})
	}
	return out
}

// proximityScore returns the BM25TP boost of the occurrences (sorted here
// in place), with lengthNorm the document's k1·(1 − b + b·dl/avgdl). It
// runs for every document a query of several words matches, so it keeps
// its accumulators in slices indexed by clause (a query has at most
// MaxTerms) and returns at once when one term alone occurs, which can add
// nothing.
func proximityScore(occ []termPositions, lengthNorm float64) float64 {
	single, terms := true, 0
	for _, o := range occ {
		terms = max(terms, o.term+1)
		single = single && o.term == occ[0].term
	}
	if single {
		return 0
	}
	slices.SortFunc(occ, func(a, b termPositions) int {
		if a.array != b.array {
			return cmp.Compare(a.array, b.array)
		}
		return cmp.Compare(a.pos, b.pos)
	})
	var buf [2 * 16]float64
	var acc, weights []float64
	if terms <= 16 {
		acc, weights = buf[:terms], buf[16:16+terms]
	} else {
		acc, weights = make([]float64, terms), make([]float64, terms)
	}
	for i, a := range occ {
		for j := i + 1; j < len(occ); j++ {
			b := occ[j]
			if b.array != a.array || b.pos-a.pos > proximityWindow {
				break
			}
			if b.term == a.term || b.pos == a.pos || (b.end > 0 && b.start < a.end) {
				continue
			}
			d := float64(b.pos - a.pos)
			acc[a.term] += 1 / (d * d)
			acc[b.term] += 1 / (d * d)
			weights[a.term], weights[b.term] = a.weight, b.weight
		}
	}
	var score float64
	for t, x := range acc {
		if x > 0 {
			score += weights[t] * x * (bm25K1 + 1) / (x + lengthNorm)
		}
	}
	return score
}
