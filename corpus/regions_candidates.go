package corpus

import "math"

// soleCountry reports the country all of refs lie in, if there is one.
func (g *gazetteer) soleCountry(refs []nameRef) (int32, bool) {
	c := int32(-1)
	for _, r := range g.candidates(refs) {
		pc := g.places[r.place].country
		if c >= 0 && pc != c {
			return -1, false
		}
		c = pc
	}
	return c, c >= 0
}

// onlyCitiesUnder reports whether refs name only cities of fewer than pop
// people.
func (g *gazetteer) onlyCitiesUnder(refs []nameRef, pop int64) bool {
	for _, r := range g.candidates(refs) {
		if p := &g.places[r.place]; p.kind != kindCity || p.pop >= pop {
			return false
		}
	}
	return true
}

// onlyBelowCountry reports whether refs name no country: a city or a
// division says more about where a story is than a country's name.
func (g *gazetteer) onlyBelowCountry(refs []nameRef) bool {
	for _, r := range g.candidates(refs) {
		if g.places[r.place].kind == kindCountry {
			return false
		}
	}
	return true
}

// candidates are the places a spelling names as their own name or, where
// it is no place's own name, as an alternate: "Georgia" is never a city
// that lists Georgia among its foreign names. An alternate still counts
// where it is the spelling of a city five times the size of every city that
// bears it as its own name and no country or division does: "Odessa" is
// Odesa in Ukraine before Odessa, Texas.
func (g *gazetteer) candidates(refs []nameRef) []nameRef {
	if allPrimary(refs) {
		return refs
	}
	var primaryPop int64
	hasPrimary := false
	for _, r := range refs {
		if !r.primary {
			continue
		}
		hasPrimary = true
		p := &g.places[r.place]
		if p.kind != kindCity {
			primaryPop = math.MaxInt64
			break
		}
		primaryPop = max(primaryPop, p.pop)
	}
	if !hasPrimary {
		return refs
	}
	out := make([]nameRef, 0, len(refs))
	for _, r := range refs {
		if r.primary || primaryPop < math.MaxInt64/10 && g.places[r.place].pop >= 5*primaryPop || g.isBigCityOf(r.place, refs) {
			out = append(out, r)
		}
	}
	return out
}

// isBigCityOf reports whether a city of a million people or more lies in
// a division that bears the same name as its own: "New York" is New York
// City as much as the state, and the city's population makes it the
// default (see baseScore) unless "state" follows.
func (g *gazetteer) isBigCityOf(id int32, refs []nameRef) bool {
	p := &g.places[id]
	if p.kind != kindCity || p.pop < 1_000_000 {
		return false
	}
	for _, r := range refs {
		if r.primary && r.place == p.parent {
			return true
		}
	}
	return false
}

// allPrimary reports whether every spelling in refs is a place's own name.
func allPrimary(refs []nameRef) bool {
	for _, r := range refs {
		if !r.primary {
			return false
		}
	}
	return true
}

// baseScore ranks a place with no context.
func (g *gazetteer) baseScore(id int32) float64 {
	p := &g.places[id]
	switch p.kind {
	case kindCountry:
		return 10
	case kindDivision:
		return 6.5
	}
	return math.Log10(float64(max(p.pop, 1000)))
}
