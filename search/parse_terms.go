package search

import (
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"
)

// compoundWeight is the weight of a term that spans other terms at its
// position (the joined "covid19" of "covid-19", "unitedstates" of "United
// States"): the parts already match the words as written, so the whole
// counts as a fraction of a word, enough to find the other spellings.
const compoundWeight = 0.3

// analyzeTerms returns the distinct terms of text under the news analyzer,
// each weighted 1 or compoundWeight.
func analyzeTerms(m mapping.IndexMapping, text string) []weightedTerm {
	a := m.AnalyzerNamed(analyzers.NewsName)
	if a == nil {
		return nil
	}
	toks := a.Analyze([]byte(text))
	seen := map[string]int{}
	var out []weightedTerm
	for _, t := range toks {
		w := 1.0
		for _, u := range toks {
			if u.Position == t.Position && u.End < t.End {
				w = compoundWeight
				break
			}
		}
		s := string(t.Term)
		if i, ok := seen[s]; ok {
			out[i].Weight += w
			continue
		}
		seen[s] = len(out)
		out = append(out, weightedTerm{s, w})
	}
	return out
}
