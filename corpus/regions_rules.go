package corpus

// keepMention decides from its neighbours whether a matched name is a place
// here, and whether it is a person's surname. Two capitalised names side
// by side rule each other out, "Lindsay Davenport" is a person although
// both are towns, unless the first is a country ("Indonesia Aceh's
// region"). It also notes the context the resolver reads (see mention).
func keepMention(g *gazetteer, toks []token, m *mention) (keep, surname bool) {
	if m.seg != segDateline && (stopNames[m.key] || demonyms[m.key] != "") {
		return false, false
	}
	var prev, prev2, next *token
	if m.first > 0 {
		prev = &toks[m.first-1]
		if m.first > 1 && prev.tight {
			prev2 = &toks[m.first-2]
		}
	}
	if m.last+1 < len(toks) && toks[m.last+1].tight {
		next = &toks[m.last+1]
	}
	if prev != nil {
		m.afterPrep = placePrepositions[prev.key]
	}
	if next != nil {
		m.beforeDivision = divisionWords[next.key]
		m.beforeState = next.key == "state"
	}
	// "a shift in Beijing's policy", "Madrid insists": a government.
	if m.last+1 < len(toks) {
		after, last := toks[m.last+1], toks[m.last]
		m.government = last.possessive && governmentNouns[after.key] ||
			!last.possessive && !m.afterPrep && after.tight && governmentVerbs[after.key]
	}
	first := &toks[m.first]
	// "Scottish & Newcastle", "Marks & Spencer": a company.
	if first.amp || m.last+1 < len(toks) && toks[m.last+1].amp {
		return false, false
	}
	// "Bank of England", "Duke of York": an organisation or a title.
	if prev != nil && prev.key == "of" && first.tight && prev2 != nil && prev2.upper && orgHeads[prev2.key] {
		return false, false
	}
	// "Gulf of Mexico", "Bank of England" seen from the first name: a name
	// followed by "of" and a capitalised word heads a longer one.
	if next != nil && next.key == "of" && m.last+2 < len(toks) && toks[m.last+2].upper && toks[m.last+2].tight {
		return false, false
	}
	if m.key == "america" && prev != nil && continentLeads[prev.key] {
		return false, false
	}
	// "Las Vegas style resorts", "Soviet-style": a style, not a place;
	// "US dollar": a currency.
	if next != nil && (next.key == "style" || currencyWords[next.key]) {
		return false, false
	}
	// "Washington Post", "Manchester United", "New York Stock Exchange".
	if next != nil && next.upper && orgTails[next.key] && !next.sentStart {
		return false, false
	}
	if m.caps {
		return true, false
	}
	// A capitalised word right before: "Michael Jordan", "Mr Hamilton",
	// "Real Madrid". Sentence openers, compass words and places are fine.
	if prev != nil && first.tight && prev.upper {
		switch {
		case honorifics[prev.key]:
			return false, m.first == m.last
		case leadWords[prev.key], demonyms[prev.key] != "", prev.allCaps && len(prev.key) <= 4, g.isCountryKey(prev.key):
		default:
			return false, m.first == m.last && !clubLeads[prev.key]
		}
	}
	// A capitalised word right after that is neither an office nor a
	// division word nor a country or division: "Paris Hilton", "Moscow
	// Metro", "Ann Taylor" (Taylor is a town, too).
	if next != nil && next.upper && !next.sentStart && !followWords[next.key] && !next.allCaps {
		if !g.isCountryKey(next.key) && !g.isDivisionKey(next.key) && demonyms[next.key] == "" {
			return false, false
		}
	}
	return true, false
}

// dropSurnames removes the bare mentions of a name the article also uses
// as a person's surname ("Michael Jordan ... Jordan said"), except where a
// preposition makes it a place ("in Jordan").
func (x *extraction) dropSurnames() {
	if len(x.surnames) == 0 {
		return
	}
	kept := x.mentions[:0]
	for _, m := range x.mentions {
		if m.first == m.last && m.seg != segDateline && !m.afterPrep && containsString(x.surnames, m.key) {
			continue
		}
		kept = append(kept, m)
	}
	x.mentions = kept
}

// isCountryKey reports whether a one-word key is a country's name.
func (g *gazetteer) isCountryKey(key string) bool {
	for _, r := range g.refs(key) {
		if r.primary && g.places[r.place].kind == kindCountry {
			return true
		}
	}
	return false
}

// isDivisionKey reports whether a one-word key is a division's name.
func (g *gazetteer) isDivisionKey(key string) bool {
	for _, r := range g.refs(key) {
		if r.primary && g.places[r.place].kind == kindDivision {
			return true
		}
	}
	return false
}
