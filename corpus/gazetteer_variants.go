package corpus

import (
	"slices"
	"strings"
)

// PlaceVariants returns, for each canonical place name with more than one
// spelling, its spellings folded as Dateline matches them (lower case,
// diacritics dropped): "Kyiv" → ["kyiv", "kiev", "kiew", …]. The canonical
// name's own key comes first. A spelling is listed only under the place
// CanonicalRegion folds it to, so no spelling is listed twice and a search
// analyzer can make each list one term. Each call builds a new map, which
// the caller owns.
//
// It does not load the gazetteer for good: a search server builds its
// analyzers from this table and may never extract a region, and the
// decoded list would hold 13 MB of its heap for nothing (tableGazetteer).
func PlaceVariants() map[string][]string {
	g := tableGazetteer()
	out := make(map[string][]string, 8192)
	for id := range g.places {
		p := &g.places[id]
		if p.names == "" {
			continue
		}
		own := foldKey(p.name)
		for v := range strings.SplitSeq(p.names, "|") {
			key := foldKey(v)
			if key == "" || key == own {
				continue
			}
			best := g.lookup(v)
			if best < 0 || g.places[best].name != p.name {
				continue
			}
			vs := out[p.name]
			if vs == nil {
				vs = []string{own}
			}
			if !slices.Contains(vs, key) {
				out[p.name] = append(vs, key)
			}
		}
	}
	return out
}
