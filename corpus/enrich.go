package corpus

import (
	"slices"
	"strings"
)

// Enrich completes an article after reading: it fills the speakers, quotes
// and regions the input did not carry from the text, and folds those it did
// carry to canonical names.
func Enrich(a *Article) {
	a.Speakers = dedupe(a.Speakers)
	a.Regions = dedupe(a.Regions)
	enrichSpeakers(a)
	enrichRegions(a)
	if a.Speakers == nil {
		a.Speakers = []string{}
	}
	if a.Regions == nil {
		a.Regions = []string{}
	}
}

// dedupe trims the values, drops empty ones and repeats, and keeps the
// first spelling of each in order.
func dedupe(vs []string) []string {
	if vs == nil {
		return nil
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		v = collapseSpace(v)
		if v != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, v) }) {
			out = append(out, v)
		}
	}
	return out
}
