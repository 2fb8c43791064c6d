package search

import "github.com/blevesearch/bleve/v2/search"

// Hits that cannot reach the page are not named.
//
// Hits sorted by relevance are ordered by score and then by article ID, so
// that equal scores have one order and a cursor names one place. That makes
// bleve's collector read the ID of every matching document from its stored
// fields (a decompressed chunk and a string each) before comparing it with
// the page: 11% of a search's time on Reuters-21578, for thousands of hits
// of which ten are kept. A document scoring below the lowest of the best n
// scores seen so far cannot be among the n the collector keeps, whatever
// its ID, so the counting searcher, which sees every match first, gives it
// a stand-in ID: the collector compares it by score alone and drops it.
// Documents scoring as much as the page's lowest keep their real ID, so
// ties are ordered exactly as before.

// outsideID stands for the ID of a document that cannot reach the page. It
// never reaches an answer: such a document is dropped by the collector.
const outsideID = "\x00outside"

// pageBound keeps the best n scores seen, as a min-heap: best[0] is the
// lowest a document needs to be kept.
type pageBound struct {
	n    int
	best []float64
}

// mark gives dm the stand-in ID when it scores below the n best scores
// seen, and otherwise counts its score among them.
func (p *pageBound) mark(dm *search.DocumentMatch) {
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
		return
	}
	switch {
	case dm.Score < p.best[0]:
		if dm.ID == "" {
			dm.ID = outsideID
		}
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
}
