package corpus

import (
	"cmp"
	"slices"
)

// maxTailPlaces is how many places named only once, in passing, after the
// first paragraph, an article keeps. A news story names a few such places
// (where a rival is based, where a shipment went); a page that names more
// is a list (a tour's dates, the towns on a ranking, a league table) and
// its long tail says nothing about what the page is about, while it
// floods the region facet with towns that each match one stray page. Ten
// leaves every article of the BBC development set and nearly all of
// Reuters-21578 untouched (see TestQualityRegions*), and keeps the first
// places of a list, which are those its writer put first.
const maxTailPlaces = 10

// minListParentWeight is the weight from which a division or country that
// holds dropped tail places stays all the same: a list of thirty English
// towns is about England even when no town is kept. Three mentions are
// more than the passing mention minCountryWeight rules out.
const minListParentWeight = 3

// directMentions is how the text itself names one place, its ancestors'
// share of the weight aside.
type directMentions struct {
	n     int  // mentions
	first int  // order of the first
	core  bool // one is in the title, the dateline or the first paragraph
}

// dropListTail removes from w the places of a list beyond maxTailPlaces:
// the places an article is about (named in its title, dateline or first
// paragraph, or named twice or more) are always kept, with their
// ancestors, and so are the first maxTailPlaces places named once further
// down; a parent of dropped places stays where it gathers
// minListParentWeight.
func (g *gazetteer) dropListTail(w map[int32]*placeWeight, direct map[int32]*directMentions) {
	var tail []int32
	for id, d := range direct {
		if !d.core && d.n == 1 {
			tail = append(tail, id)
		}
	}
	if len(tail) <= maxTailPlaces {
		return
	}
	slices.SortFunc(tail, func(a, b int32) int { return cmp.Compare(direct[a].first, direct[b].first) })
	keep := make(map[int32]bool, len(direct)+maxTailPlaces)
	keepWithAncestors := func(id int32) {
		for steps := 0; id >= 0 && steps < 4; steps++ {
			keep[id] = true
			id = g.places[id].parent
		}
	}
	for id, d := range direct {
		if d.core || d.n > 1 {
			keepWithAncestors(id)
		}
	}
	for _, id := range tail[:maxTailPlaces] {
		keepWithAncestors(id)
	}
	for id, pw := range w {
		if keep[id] || g.places[id].kind != kindCity && pw.weight >= minListParentWeight {
			continue
		}
		delete(w, id)
	}
}
