package search

import "github.com/blevesearch/bleve/v2/search"

// Hits that cannot reach the page are counted, not collected.
//
// A search for common words matches a tenth of the index, and every match
// must be counted, for the total and the facets; only the best few are
// shown. bleve's collector takes each match in turn, reads its ID from
// the stored fields to order ties, and compares it with the page: at a
// million articles that was a fifth of a search's time, for hundreds of
// thousands of matches of which ten are kept. A document scoring below the
// lowest of the best n scores seen so far cannot be among the n the
// collector keeps, so the counting searcher, which sees every match first,
// counts it and goes on to the next without handing it to the collector.
// Documents scoring as much as the page's lowest still go to it, so ties
// are ordered exactly as before. The total is the counting searcher's.

// pageBound keeps the best n scores seen, as a min-heap: best[0] is the
// lowest a document needs to be kept.
type pageBound struct {
	n    int
	best []float64
}

// floor returns the lowest score a document needs to be kept, once n
// scores have been seen; a nil bound has none.
func (p *pageBound) floor() (float64, bool) {
	if p == nil || p.n == 0 || len(p.best) < p.n {
		return 0, false
	}
	return p.best[0], true
}

// admit tells whether dm may be among the n best, counting its score among
// them if so. With n 0 nothing is kept.
func (p *pageBound) admit(dm *search.DocumentMatch) bool {
	if p.n == 0 {
		return false
	}
	if len(p.best) < p.n {
		p.best = append(p.best, dm.Score)
		for i := len(p.best) - 1; i > 0; {
			parent := (i - 1) / 2
			if p.best[parent] <= p.best[i] {
				break
			}
			p.best[parent], p.best[i] = p.best[i], p.best[parent]
			i = parent
		}
		return true
	}
	switch {
	case dm.Score < p.best[0]:
		return false
	case dm.Score > p.best[0]:
		p.best[0] = dm.Score
		for i := 0; ; {
			l, r, least := 2*i+1, 2*i+2, i
			if l < len(p.best) && p.best[l] < p.best[least] {
				least = l
			}
			if r < len(p.best) && p.best[r] < p.best[least] {
				least = r
			}
			if least == i {
				break
			}
			p.best[i], p.best[least] = p.best[least], p.best[i]
			i = least
		}
	}
	return true
}
