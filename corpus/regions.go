package corpus

import (
	"cmp"
	"slices"
	"strings"
)

// Salience weights of a mention by where it stands: the headline and the
// dateline say what a story is about, the first paragraph nearly as much.
const (
	weightTitle     = 3
	weightDateline  = 3
	weightLead      = 1.5
	weightBody      = 1
	weightDemonym   = 0.5
	ancestorShare   = 1.0 // an ancestor gets its descendants' weight too
	firstParagraphs = 1
)

// minCountryWeight is the salience a country needs to be among the places
// an article is about: a mention in the headline, the dateline or the
// first paragraph, or two mentions further down; a country holding a
// mentioned city or division is always kept, so that the hierarchy stays
// whole. A country named once in passing at the end of a story
// ("exports to Japan fell") is mentioned, not covered. Cities and divisions
// need no such weight: naming one is specific enough.
const minCountryWeight = 1.5

// useDemonyms makes Regions count a nationality word ("Russian") towards
// its country. It is off: on Reuters-21578 it moved the country-level F1 by
// less than 0.003 either way (0.893 with and without at minCountryWeight
// 1.5), and the BBC labels count no nationality as a place.
// MentionedPlaces never counts one: a nationality names no place.
const useDemonyms = false

// MentionedPlaces returns the canonical names of the places the article's
// title, dateline and body name, most salient first, without their parents:
// a story that names only Donetsk gives ["Donetsk"].
func MentionedPlaces(a *Article) []string {
	g := loadGazetteer()
	x := g.extract(a)
	ids := g.resolve(x)
	w := make(map[int32]*placeWeight)
	for i, id := range ids {
		if id >= 0 {
			addWeight(w, id, mentionWeight(x.mentions[i]), i)
		}
	}
	return g.names(w)
}

// Regions returns the canonical names of the places the article is about,
// with every place's parents (Donetsk, then Ukraine; Munich, Bavaria,
// Germany), most salient first: a place counts as much as its mentions and
// those of the places within it, so the country of a story on three
// Ukrainian cities comes before them.
func Regions(a *Article) []string {
	g := loadGazetteer()
	w, direct := g.regionWeights(a)
	g.dropListTail(w, direct)
	for id, pw := range w {
		if g.places[id].kind == kindCountry && pw.weight < minCountryWeight && !pw.parent {
			delete(w, id)
		}
	}
	return g.names(w)
}

// regionWeights weighs the places of an article and their ancestors, and
// tells how each place the text names itself was named (see
// directMentions).
func (g *gazetteer) regionWeights(a *Article) (map[int32]*placeWeight, map[int32]*directMentions) {
	x := g.extract(a)
	ids := g.resolve(x)
	w := make(map[int32]*placeWeight)
	direct := make(map[int32]*directMentions)
	for i, id := range ids {
		if id >= 0 {
			m := x.mentions[i]
			g.addWithAncestors(w, id, mentionWeight(m), i)
			d := direct[id]
			if d == nil {
				d = &directMentions{first: i}
				direct[id] = d
			}
			d.n++
			d.core = d.core || m.seg == segTitle || m.seg == segDateline || m.para < firstParagraphs
		}
	}
	if useDemonyms {
		for _, c := range x.demonyms {
			addWeight(w, c, weightDemonym, len(ids))
		}
	}
	return w, direct
}

// placeWeight is the salience of one place in an article.
type placeWeight struct {
	weight float64
	first  int  // order of its first mention
	parent bool // a place within it is mentioned
}

func addWeight(w map[int32]*placeWeight, id int32, weight float64, order int) {
	if pw := w[id]; pw != nil {
		pw.weight += weight
		pw.first = min(pw.first, order)
		return
	}
	w[id] = &placeWeight{weight: weight, first: order}
}

func (g *gazetteer) addWithAncestors(w map[int32]*placeWeight, id int32, weight float64, order int) {
	for steps := 0; id >= 0 && steps < 4; steps++ {
		addWeight(w, id, weight, order)
		if steps > 0 {
			w[id].parent = true
		}
		weight *= ancestorShare
		id = g.places[id].parent
	}
}

func mentionWeight(m mention) float64 {
	switch {
	case m.seg == segTitle:
		return weightTitle
	case m.seg == segDateline:
		return weightDateline
	case m.para < firstParagraphs:
		return weightLead
	}
	return weightBody
}

// names orders weighed places, heaviest first and then by first mention,
// and returns their canonical names once each.
func (g *gazetteer) names(w map[int32]*placeWeight) []string {
	ids := make([]int32, 0, len(w))
	for id := range w {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int32) int {
		if c := cmp.Compare(w[b].weight, w[a].weight); c != 0 {
			return c
		}
		if c := cmp.Compare(w[a].first, w[b].first); c != 0 {
			return c
		}
		// Of equal weight, the place the text names comes before the
		// parents it brings along: Donetsk, then Ukraine.
		if c := cmp.Compare(g.places[b].kind, g.places[a].kind); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if n := g.places[id].name; !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// CanonicalRegion folds a place name, any of its spellings ("Kiev",
// "Lugansk", "Bombay") or a Reuters-21578 place code ("usa",
// "west-germany") to its canonical name, and reports whether it knows
// it. Where a spelling names several places, the best known wins: a
// country over a division over the most populous city.
//
// It reads a table of spellings (regionNames) rather than the gazetteer,
// so that a search server filtering by region does not load the latter.
func CanonicalRegion(name string) (string, bool) {
	if c, ok := loadRegionNames().canonical(regionKey(name)); ok {
		return c, true
	}
	return name, false
}

// regionKey is the folded spelling a place name or Reuters-21578 code is
// looked up by.
func regionKey(name string) string {
	name = strings.TrimSpace(name)
	if c, ok := reutersPlaces[strings.ToLower(name)]; ok {
		name = c
	}
	return foldKey(name)
}

// lookup returns the best known place a name or code names, or -1.
func (g *gazetteer) lookup(name string) int32 {
	return g.bestOf(g.refs(regionKey(name)))
}

// bestOf returns the best known of the places a spelling names, or -1.
func (g *gazetteer) bestOf(refs []nameRef) int32 {
	best, bestScore := int32(-1), 0.0
	for _, r := range g.candidates(refs) {
		if s := g.baseScore(r.place); best < 0 || s > bestScore {
			best, bestScore = r.place, s
		}
	}
	return best
}

// enrichRegions fills a.Regions from the text where the input gave none
// (nil or empty: an empty list gives nothing to keep), and otherwise folds the given names to canonical ones (keeping those it
// does not know as given) and adds their parents.
func enrichRegions(a *Article) {
	if len(a.Regions) == 0 {
		a.Regions = Regions(a)
		return
	}
	g := loadGazetteer()
	out := make([]string, 0, len(a.Regions)+2)
	for _, r := range a.Regions {
		id := g.lookup(r)
		if id < 0 {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
			continue
		}
		for steps := 0; id >= 0 && steps < 4; steps++ {
			if n := g.places[id].name; !slices.Contains(out, n) {
				out = append(out, n)
			}
			id = g.places[id].parent
		}
	}
	a.Regions = out
}
