package corpus

import "strings"

// entity is one person or organisation an article names.
type entity struct {
	name   string // the full name as the article first writes it in full
	key    string // name in lower case
	ini    string // an organisation's initials ("nao"), or ""
	kind   string // KindPerson or KindOrganisation
	gender byte   // 'm', 'f' or 0 where unknown
	role   string // the first role the article ties to the name
	heads  []string
	// roleTexts are the lower-case roles the heads come from, one for each
	// head, so that "the prime minister" does not find a finance minister.
	roleTexts []string
}

// nameMention is one place an entity is named at, by token index. An object
// mention ("met with Putin", "Putin's meeting") is no antecedent of "he".
type nameMention struct {
	ent, tok int
	object   bool
}

// registry holds the people and organisations of one article, so that
// "Witkoff", "Mr Witkoff" and "the US envoy" all lead to "Steve Witkoff".
type registry struct {
	ents      []entity
	byKey     map[string]int // lower-case full name or acronym → entity
	bySurname map[string]int // lower-case last word of a person's name → entity
	byFirst   map[string]int // lower-case first word of a person's full name → entity
	mentions  []nameMention
	// orgMentions are the places organisations are named at, for "it said".
	orgMentions []nameMention
}

// nameRun is one run of capitalised words outside quotations.
type nameRun struct {
	s, e int // token range of the name itself, titles excluded
	rs   int // start of the role words before the name
	ent  int
}

// buildRegistry finds the names of the article: first the full names, then
// every nameMention, short ones resolved to the full names found anywhere.
func (x *extractor) buildRegistry() {
	r := &x.reg
	if r.byKey == nil {
		r.byKey = make(map[string]int, 16)
		r.bySurname = make(map[string]int, 16)
		r.byFirst = make(map[string]int, 16)
	}
	runs := x.runs[:0]
	toks := x.toks
	for i := 0; i < len(toks); i++ {
		if !x.isNameWord(i) {
			continue
		}
		s := i
		if i > 0 && toks[i-1].para == toks[i].para && (toks[i-1].kind == tokWord || toks[i-1].kind == tokPunct && x.body[toks[i-1].s] == ',') {
			x.midCaps[x.lwBare(i)] = true
		} else if w := x.lwBare(i); x.seenCaps[w] {
			x.midCaps[w] = true // a name that opens two sentences is a name
		} else {
			x.seenCaps[w] = true
		}
		for i+1 < len(toks) && (!toks[i].poss || x.possessiveInName(s, i)) {
			if x.isNameWord(i+1) && toks[i+1].para == toks[i].para {
				i++
				continue
			}
			if i+2 < len(toks) && x.isConnector(i+1) && x.isNameWord(i+2) && x.joins(s, i+1) {
				i += 2
				continue
			}
			// Two particles: "Pieter van der Merwe", "Luis de la Fuente".
			if i+3 < len(toks) && x.isParticle(i+1) && x.isParticle(i+2) && x.isNameWord(i+3) {
				i += 3
				continue
			}
			break
		}
		runs = x.addRun(runs, s, i+1)
	}
	// "Parker Bowles" is the "Camilla Parker Bowles" named elsewhere: each
	// long name lends its shorter tails to a map, so this stays linear.
	for j := range r.ents {
		if ej := &r.ents[j]; ej.kind == KindPerson {
			for i := 0; i < len(ej.key); i++ {
				if ej.key[i] == ' ' && strings.IndexByte(ej.key[i+1:], ' ') > 0 {
					x.suffixes[ej.key[i+1:]] = j
				}
			}
		}
	}
	for i := range r.ents {
		ei := &r.ents[i]
		if ei.kind != KindPerson || !strings.Contains(ei.key, " ") {
			continue
		}
		if j, ok := x.suffixes[ei.key]; ok && j != i {
			r.byKey[ei.key] = j
			for k := range runs {
				if runs[k].ent == i {
					runs[k].ent = j
				}
			}
		}
	}
	// Second pass: single words resolved against the full names.
	for k := range runs {
		rn := &runs[k]
		if rn.ent < 0 {
			rn.ent = x.lookupName(rn.s, rn.e, rn.rs)
		}
		if rn.ent >= 0 && r.ents[rn.ent].kind == KindOrganisation {
			r.orgMentions = append(r.orgMentions, nameMention{ent: rn.ent, tok: rn.e - 1})
		}
		if rn.ent >= 0 && r.ents[rn.ent].kind == KindPerson {
			// A name is an antecedent for "he" where it opens a clause.
			obj := toks[rn.e-1].poss
			if p := rn.rs - 1; p >= 0 && toks[p].kind == tokWord && toks[p].para == toks[rn.rs].para {
				w := x.lw(p)
				if _, cue := cueVerbs[w]; !clauseStarters[w] && !cue {
					obj = true
				}
			}
			r.mentions = append(r.mentions, nameMention{ent: rn.ent, tok: rn.e - 1, object: obj})
		}
	}
	x.runs = runs
}

// possessiveInName reports whether the possessive word at i, in the run
// that starts at s, belongs to a company's name rather than owning what
// follows: "Moody's Investors Service Inc", "Standard and Poor's Corp",
// "McDonald's Corp". The capitalised words after it must end in a
// company's legal form, and the run must not be a place ("Britain's
// Dixons Group plc" is Dixons').
func (x *extractor) possessiveInName(s, i int) bool {
	if i+1 >= len(x.toks) || !x.isNameWord(i+1) || x.toks[i+1].para != x.toks[i].para {
		return false
	}
	for k := s; k <= i; k++ {
		if w := x.lwBare(k); places[w] || nationalities[w] || isPlaceWord(x.word(k)) {
			return false
		}
	}
	j := i + 1
	for j+1 < len(x.toks) && x.isNameWord(j+1) && !x.toks[j].poss && j < i+4 {
		j++
	}
	return companyForms[strings.TrimSuffix(x.lwBare(j), ".")]
}

// afterThe reports whether token i follows "the" or "The".
func (x *extractor) afterThe(i int) bool {
	return i > 0 && x.toks[i-1].kind == tokWord && x.lw(i-1) == "the"
}

// orgEndingIn returns the last organisation named so far whose name ends
// in the word w ("New York Stock Exchange" for "the Exchange"), or -1.
func (x *extractor) orgEndingIn(w string) int {
	for id := len(x.reg.ents) - 1; id >= 0; id-- {
		if ent := &x.reg.ents[id]; ent.kind == KindOrganisation && strings.HasSuffix(ent.key, " "+w) {
			return id
		}
	}
	return -1
}

// companyForms are the legal forms that end a company's name.
var companyForms = wordSet(`corp corporation inc co ltd plc llc ag sa nv
gmbh bv spa`)

// isNameWord reports whether token i may be part of a name.
func (x *extractor) isNameWord(i int) bool {
	t := &x.toks[i]
	return t.kind == tokWord && t.cap && t.quote == 0
}

// isConnector reports whether token i joins two parts of one name ("Bank
// of England", "Ludwig van Beethoven").
func (x *extractor) isConnector(i int) bool {
	t := &x.toks[i]
	if t.kind != tokWord || t.cap || t.quote != 0 {
		return t.kind == tokPunct && x.body[t.s] == '&'
	}
	switch x.lw(i) {
	case "of", "for", "and", "de", "van", "den", "von", "bin", "al", "la", "le", "du", "del", "der", "da", "di", "dos", "ibn":
		return true
	}
	return false
}

// isParticle reports whether token i is a lower-case particle of a
// person's surname ("van", "der", "de", "la").
func (x *extractor) isParticle(i int) bool {
	t := &x.toks[i]
	if t.kind != tokWord || t.cap || t.quote != 0 {
		return false
	}
	switch x.lw(i) {
	case "van", "den", "der", "von", "de", "la", "le", "du", "del", "da", "dos", "di", "ter", "ten":
		return true
	}
	return false
}

// joins reports whether the connector at c joins the run from s into one
// name: "of", "for" and "and" only join an organisation's name ("Bank of
// England", "Food and Agriculture Organisation"), never a person to the
// body they work for ("Mike Powell of Dresdner").
func (x *extractor) joins(s, c int) bool {
	switch x.lw(c) {
	case "of", "for":
		for j := s; j < c; j++ {
			if orgWords[x.lwBare(j)] {
				return true
			}
		}
		return false
	case "and":
		// "Chamber of Mines and Metals", "Department of Trade and
		// Industry": after "of" in an organisation's name, "and" joins the
		// two things the body is of.
		for j := s + 1; j < c; j++ {
			if x.lw(j) == "of" && !x.toks[j].cap && orgWords[x.lwBare(j-1)] {
				return true
			}
		}
		// Otherwise the words after "and" must end in an organisation word.
		j := c + 1
		for j+1 < len(x.toks) && x.isNameWord(j+1) {
			j++
		}
		left := x.lwBare(c - 1)
		if companyForms[strings.TrimSuffix(x.lwBare(j), ".")] {
			return true // "Standard and Poor's Corp", "Procter and Gamble Co"
		}
		return orgNameHeads[x.lwBare(j)] && !partyWords[left] && !parties[left] && (!orgWords[left] || strings.HasSuffix(left, "s"))
	}
	return true
}

// addRun classifies the capitalised run [s, e) and registers what it names.
func (x *extractor) addRun(runs []nameRun, s, e int) []nameRun {
	for s < e && (notNames[x.lwBare(s)] || isModifierWord(x.word(s))) {
		s++
	}
	if s >= e {
		return runs
	}
	// The name is what follows the last title or nationality in the run.
	k := s - 1
	for j := s; j < e; j++ {
		if w := x.lwBare(j); titleWords[w] || nationalities[w] || partyWords[w] && j+1 < e && !orgWords[x.lwBare(j+1)] {
			k = j
		}
	}
	rs := s
	for rs > 0 && x.toks[rs-1].kind == tokWord && x.toks[rs-1].quote == 0 && x.toks[rs-1].para == x.toks[s].para {
		w := x.lwBare(rs - 1)
		if !titleWords[w] && !nationalities[w] && !(x.toks[rs-1].cap && !notNames[w]) {
			break
		}
		rs--
	}
	if k >= s {
		rs = min(rs, s)
	}
	ns := k + 1
	// "Chefs Jamie Oliver", "Vendor Glenn Jones", "Massachusetts Joshua
	// Levy": a plain word or a place before a name of two words is a
	// role or a place, not the person's first name.
	ns0 := ns
	for e-ns >= 3 && x.isLeadWord(ns) && !isPlaceWord(x.nameText(ns, ns+2)) && x.personAfterLead(ns+1, e) && !x.hasOrgWord(s, e) {
		ns++
		rs = min(rs, s)
	}
	rn := nameRun{s: ns, e: e, rs: rs, ent: -1}
	switch c := x.classify(ns, e, s); c {
	case KindOrganisation:
		rn.s = s
		for rn.s < e && (x.lwBare(rn.s) == "the") {
			rn.s++
		}
		if e-rn.s == 1 && orgNouns[x.lwBare(rn.s)] && !x.isAcronym(rn.s) {
			return runs // "the Bank" names no bank of its own
		}
		if e-rn.s == 1 && companyForms[x.lwBare(rn.s)] {
			return runs // "Ltd" after a bracket is the end of a name
		}
		if e-rn.s == 1 && x.afterThe(rn.s) {
			// "The Exchange said" after "The New York Stock Exchange".
			if id := x.orgEndingIn(x.lwBare(rn.s)); id >= 0 {
				rn.ent = id
				return append(runs, rn)
			}
		}
		rn.ent = x.register(x.nameText(rn.s, e), KindOrganisation)
		// An acronym in brackets after the name is its short form.
		if e+2 < len(x.toks) && x.punctIs(e, '(') && x.punctIs(e+2, ')') && x.toks[e+1].kind == tokWord {
			x.reg.byKey[x.lw(e+1)] = rn.ent
		}
	case KindPerson:
		if x.noPersonName(ns, e) || x.noPersonName(ns0, e) {
			return runs
		}
		if e-ns == 1 && rs == ns && x.orgAppositive(e) {
			// "Parmalat, the Italian food group …,"
			rn.ent = x.register(x.nameText(ns, e), KindOrganisation)
		} else if e-ns >= 2 {
			rn.ent = x.register(x.nameText(ns, e), KindPerson)
			x.tieRole(rn.ent, rs, ns, e)
		} else if rs < ns {
			if _, ok := personTitles[x.lwBare(ns-1)]; ok {
				rn.ent = x.lookupName(ns, e, rs)
				if rn.ent < 0 {
					name := x.nameText(ns, e)
					if royals[x.lwBare(ns-1)] {
						name = x.nameText(ns-1, e) // "Prince Harry" is his name in use
					}
					rn.ent = x.register(name, KindPerson)
				}
				x.tieRole(rn.ent, rs, ns, e)
			}
		}
	default:
		return runs
	}
	return append(runs, rn)
}

// classify tells whether the capitalised words [ns, e) name a person or an
// organisation, or "" for places and words that name neither; s is where
// the whole run starts, titles included.
func (x *extractor) classify(ns, e, s int) string {
	hasOrg := false
	for j := s; j < e; j++ {
		if x.isOrgWord(j) {
			hasOrg = true
		}
	}
	if ns >= e {
		if hasOrg {
			return KindOrganisation
		}
		return ""
	}
	nameOrg := false
	for j := ns; j < e; j++ {
		if !x.toks[j].cap && hasOrg && (ns == s || !hasPersonTitle(x.lwBare(ns-1))) {
			// A connector in the name: "Department of Trade and Industry".
			return KindOrganisation
		}
		w := x.lwBare(j)
		if x.isOrgWord(j) {
			nameOrg = true
		}
		if placeWords[w] || nationalities[w] || w[0] >= '0' && w[0] <= '9' {
			if nameOrg || hasOrg {
				return KindOrganisation
			}
			return ""
		}
	}
	if nameOrg || hasOrg && ns == s {
		return KindOrganisation
	}
	if e-ns == 1 {
		w := x.lwBare(ns)
		if places[w] || anonHeads[w] {
			return ""
		}
		if x.isAcronym(ns) {
			return KindOrganisation
		}
		return KindPerson
	}
	if e-ns == 2 && multiPlaces[x.lwBare(ns)+"-"+x.lwBare(ns+1)] {
		return ""
	}
	return KindPerson
}

// isOrgWord reports whether token i is an organisation word. The short
// ones that are acronyms ("FA", "UN", "WHO") count only in capitals: John
// Fa is a person, and "who" a pronoun.
func (x *extractor) isOrgWord(i int) bool {
	w := x.lwBare(i)
	if !orgWords[w] {
		return false
	}
	return !orgAcronyms[w] || x.isAcronym(i)
}

// isAcronym reports whether token i is all capitals, like "CBI" or "WLGA".
func (x *extractor) isAcronym(i int) bool {
	w := x.word(i)
	if len(w) < 2 {
		return false
	}
	for j := 0; j < len(w); j++ {
		if c := w[j]; !(c >= 'A' && c <= 'Z' || c == '.' || c == '&') {
			return false
		}
	}
	return true
}

// orgAppositive reports whether an appositive that names a kind of
// organisation follows the name ending at e: ", the Italian food group".
// The noun phrase must end there, at a stop, a comma or a relative clause
// ("Yukos, the Russian oil group, said"): in "According to Cohen, the
// company plans to hire" the phrase is the subject of a new clause, and
// Cohen is still the person the article named.
func (x *extractor) orgAppositive(e int) bool {
	if !x.punctIs(e, ',') || e+1 >= len(x.toks) || !determiners[x.lw(e+1)] {
		return false
	}
	for j := e + 2; j < len(x.toks) && j < e+8 && x.toks[j].kind == tokWord; j++ {
		w := x.lw(j)
		if orgNouns[w] {
			return x.appositiveEnds(j + 1)
		}
		if prepositions[w] || personRoles[w] {
			return false
		}
	}
	return false
}

// appositiveEnds reports whether a noun phrase can end before token j: at
// punctuation, the end of the text, a relative pronoun or a preposition
// ("the food group based in Parma", "the group with debts of …").
func (x *extractor) appositiveEnds(j int) bool {
	if j >= len(x.toks) || x.toks[j].kind != tokWord {
		return true
	}
	w := x.lw(j)
	return w == "which" || w == "that" || w == "whose" || w == "based" || prepositions[w]
}

// isModifierWord reports whether a capitalised word is a compound modifier
// like "Frankfurt-based" or "US-led", which opens a name but is none of it.
func isModifierWord(w string) bool {
	i := strings.LastIndexByte(w, '-')
	return i > 0 && i+1 < len(w) && w[i+1] >= 'a' && w[i+1] <= 'z'
}
