package corpus

import "math"

// resolve picks the place each mention names, in mention order.
//
// A name with several places (Georgia: a country and a US state; Moscow:
// Russia's capital and a town in Idaho) goes to the one with the best
// score: a country scores 10, a division 6.5 and a city the logarithm of
// its population (about 6 for a million people), so by default the
// better-known place wins; the other places of the article then add to
// the score of candidates in their country (0.5 for the country's name or
// a city under maxForeignCityPop, 1 for a division or a bigger city), in
// a division that is named or holds a named city (4), in a neighbouring
// country (0.5), or in the country or division the dateline names (6).
// "Atlanta ... Georgia" is the state, "Tbilisi ... Georgia" the country.
//
// Some candidates need support from that context (see resolveOne): a small
// city (under minPlainCityPop), since a bare capitalised "Lawson" or
// "Young" is a person or a word far more often than a town; a middling
// city abroad (see foreign); a city whose name is a word.
func (g *gazetteer) resolve(x *extraction) []int32 {
	ctx := resolveContext{anchors: make(map[int32][]anchor), divisions: make(map[int32]bool)}
	for _, m := range x.mentions {
		c, ok := g.soleCountry(m.refs)
		if !ok {
			continue
		}
		w := 0.5
		if g.onlyBelowCountry(m.refs) {
			switch {
			case g.onlyCitiesUnder(m.refs, minPlainCityPop):
				// Small towns do not vouch for each other: "Essex" and
				// "Pelham" are both American towns, and English places.
				continue
			case g.onlyCitiesUnder(m.refs, maxForeignCityPop):
				w = 0.5 // nor does a middling city make its country's towns
			default:
				w = 1
			}
			for _, r := range g.candidates(m.refs) {
				if p := &g.places[r.place]; p.kind == kindCity && g.places[p.parent].kind == kindDivision {
					ctx.divisions[p.parent] = true
				} else if p.kind == kindDivision {
					ctx.divisions[r.place] = true
				}
			}
		}
		ctx.anchors[c] = append(ctx.anchors[c], anchor{key: m.key, weight: w, at: m})
	}
	out := make([]int32, len(x.mentions))
	for i, m := range x.mentions {
		out[i] = g.resolveOne(x, m, &ctx)
	}
	// A second pass lets the places the first one settled support the
	// rest: "London" has namesakes, so it anchors nothing at first, but
	// once it is London, England, "Greenwich" is the one in England.
	added := false
	for i, id := range out {
		if id < 0 || len(g.candidates(x.mentions[i].refs)) < 2 {
			continue
		}
		w := 0.5
		if p := &g.places[id]; p.kind == kindDivision || p.kind == kindCity && p.pop >= maxForeignCityPop {
			w = 1
			if p.kind == kindCity {
				ctx.divisions[p.parent] = true
			}
		}
		c := g.places[id].country
		ctx.anchors[c] = append(ctx.anchors[c], anchor{key: x.mentions[i].key, weight: w, at: x.mentions[i]})
		added = true
	}
	if added {
		for i, m := range x.mentions {
			out[i] = g.resolveOne(x, m, &ctx)
		}
	}
	return out
}

// resolveContext is what the unambiguous mentions of an article say about
// the ambiguous ones: the countries they lie in, with their weight, and
// the divisions named or holding a named city.
type resolveContext struct {
	anchors   map[int32][]anchor
	divisions map[int32]bool
}

// anchor is one unambiguous mention's support for its country.
type anchor struct {
	key    string
	weight float64
	at     mention
}

// anchor returns the support a country has from mentions other than of
// key: a name cannot vouch for itself ("Somerset" names only American
// towns, which does not make the story American).
func (c *resolveContext) anchor(country int32, key string) float64 {
	best := 0.0
	for _, a := range c.anchors[country] {
		if a.key != key {
			best = max(best, a.weight)
		}
	}
	return best
}

// minHeadlineCityPop is the population a city needs to be taken from a
// headline in capitals or title case, where any capitalised word could be
// a small town's name.
const minHeadlineCityPop = 250_000

// minWordCityPop is the population from which a city whose name is also
// an English word needs no preposition.
const minWordCityPop = 1_000_000

// maxForeignCityPop is the population under which a city in a country
// the article does not name needs support (see foreign): a capital or a
// metropolis is known abroad, a town of the same name as a local place is
// not.
const maxForeignCityPop = 500_000

// minPlainCityPop is the population under which a city needs support from
// its context (see resolve).
const minPlainCityPop = 100_000

func (g *gazetteer) resolveOne(x *extraction, m mention, ctx *resolveContext) int32 {
	cands := g.candidates(m.refs)
	if m.key == "washington" {
		return g.washington(m, cands)
	}
	best, bestScore := int32(-1), math.Inf(-1)
	for _, r := range cands {
		p := &g.places[r.place]
		if m.caps && m.seg != segDateline && p.kind == kindCity && p.pop < minHeadlineCityPop {
			continue
		}
		if p.kind == kindCity && (p.pop < minPlainCityPop && !g.supported(x, m, p, ctx) || g.foreign(m, p, ctx)) {
			continue
		}
		// A city whose name is also a word ("Reading", "Nice", "Hull")
		// counts after a preposition ("in Reading"), in a dateline, or
		// inside a sentence of a story that names its country ("Dallas in
		// the US, Bordeaux in France");
		// a city of a million people (Cologne, Phoenix) is safe enough
		// under its own name, but not under a foreign one ("Soul").
		if p.kind == kindCity && (p.pop < minWordCityPop || !r.primary) && g.words[m.key] && !m.afterPrep && m.seg != segDateline &&
			(m.sentStart || m.caps || ctx.anchor(p.country, m.key) == 0) {
			continue
		}
		// An acronym in running text ("SUV", "GAO") is no city's name;
		// only a country's short form (US, UAE) is written so.
		if m.shouting && p.kind != kindCountry {
			continue
		}
		s := g.baseScore(r.place)
		s += ctx.anchor(p.country, m.key)
		if ctx.divisions[r.place] || p.parent >= 0 && ctx.divisions[p.parent] {
			s += 4
		}
		for _, n := range g.neighbours[p.country] {
			if ctx.anchor(n, m.key) > 0 {
				s += 0.5
				break
			}
		}
		inHint := x.hintDivision >= 0 && (p.parent == x.hintDivision || r.place == x.hintDivision) ||
			x.hintCountry >= 0 && p.country == x.hintCountry
		if inHint {
			s += 6
		} else if m.seg == segDateline && (x.hintDivision >= 0 || x.hintCountry >= 0) {
			continue // "ELWOOD, Kan.": not a namesake elsewhere
		}
		if m.seg == segDateline && p.kind == kindCity {
			s += 2 // a dateline names a city
		}
		if s > bestScore {
			best, bestScore = r.place, s
		}
	}
	if best < 0 {
		return -1
	}
	// "Beijing's policy": the country whose capital stands for it.
	if p := &g.places[best]; m.government && p.capital && m.seg != segDateline {
		return p.country
	}
	// "the Zaporozhye region": the division, not its seat.
	p := &g.places[best]
	if (m.beforeDivision || m.beforeState) && p.kind == kindCity && g.places[p.parent].kind == kindDivision {
		return p.parent
	}
	return best
}

// supported reports whether a small city has the support it needs: a
// dateline, its division or another place of its country named, or a
// preposition before it ("in Gateshead") in a story that names its
// country. A town of the same name elsewhere in the world ("Somerset",
// Kentucky, in a story on English counties) has none.
func (g *gazetteer) supported(x *extraction, m mention, p *place, ctx *resolveContext) bool {
	switch {
	case m.seg == segDateline, ctx.anchor(p.country, m.key) >= 1, ctx.divisions[p.parent],
		x.hintCountry == p.country, x.hintDivision >= 0 && x.hintDivision == p.parent:
		return true
	}
	return m.afterPrep && ctx.anchor(p.country, m.key) > 0
}

// nearAnchor reports whether the country is named within a few words of
// m, as in "Bordeaux in France" or "Norfolk, Virginia".
func (c *resolveContext) nearAnchor(country int32, m mention) bool {
	for _, a := range c.anchors[country] {
		if a.key != m.key && a.at.seg == m.seg && a.at.para == m.para && abs(a.at.first-m.first) <= nearWords {
			return true
		}
	}
	return false
}

// nearWords is how close a place must stand to a name to vouch for it:
// enough for "Bordeaux in France", "Norfolk, Virginia, said".
const nearWords = 4

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// foreign reports whether a city of middling size lies in a country none
// of whose other places the article names, while it names places within
// another:
// "Norfolk" in a story on English villages is the county, not Norfolk,
// Virginia.
func (g *gazetteer) foreign(m mention, p *place, ctx *resolveContext) bool {
	if p.pop >= maxForeignCityPop || m.seg == segDateline || ctx.anchor(p.country, m.key) >= 1 || ctx.nearAnchor(p.country, m) {
		return false
	}
	for c := range ctx.anchors {
		if c != p.country && ctx.anchor(c, m.key) >= 1 {
			return true
		}
	}
	return false
}

// washington resolves "Washington": the state where "state" follows, the
// city in a dateline or after a place preposition ("in Washington"), and
// otherwise the United States government it stands for in news ("Washington
// says").
func (g *gazetteer) washington(m mention, cands []nameRef) int32 {
	var city, state int32 = -1, -1
	for _, r := range cands {
		p := &g.places[r.place]
		if p.country != g.countryISO["US"] {
			continue
		}
		switch {
		case p.kind == kindDivision:
			state = r.place
		case p.kind == kindCity && (city < 0 || p.pop > g.places[city].pop):
			city = r.place
		}
	}
	switch {
	case m.beforeState && state >= 0:
		return state
	case (m.seg == segDateline || m.afterPrep) && city >= 0:
		return city
	}
	return g.countryISO["US"]
}
