package corpus

import (
	"sort"
	"strings"
)

// resolveNP sets the cue's speaker from the phrase [a, b): a pronoun goes
// to the nearest fitting person, a name to the full name the article gave,
// a role ("the US envoy") to the person the article tied it to, and what is
// left to an unnamed organisation or an anonymous source. It returns false
// where the phrase names no one who could speak.
func (x *extractor) resolveNP(c *cue, a, b int) bool {
	if b-a == 1 {
		switch w := x.lw(a); w {
		case "he", "she":
			id := x.resolvePronoun(a, personPronouns[w])
			if id < 0 {
				return false
			}
			x.setEnt(c, id, "")
			return true
		case "it":
			if id := x.resolveIt(a); id >= 0 {
				x.setEnt(c, id, "")
				return true
			}
			return false
		case "they", "we", "i":
			return false
		}
	}
	d, det := a, ""
	if determiners[x.lw(a)] {
		det, d = x.lw(a), a+1
	}
	// "according to Labor Department figures": the body speaks.
	for b-1 > d && !x.toks[b-1].cap && documents[x.lwBare(b-1)] && x.toks[b-2].cap {
		b--
	}
	if d >= b {
		return false
	}
	allNat := true
	for k := d; k < b; k++ {
		if !nationalities[x.lwBare(k)] {
			allNat = false
		}
	}
	if allNat {
		// "Russian claims": a noun, not a speaker and a verb.
		return false
	}
	// The name is the capitalised words that end the phrase.
	n := b
	for n > d && x.toks[n-1].cap {
		w := x.lwBare(n - 1)
		if titleWords[w] && !orgWords[w] || nationalities[w] || partyWords[w] && n < b || notNames[w] || n < b && x.toks[n-1].poss {
			break
		}
		n--
	}
	// A name with connectors ("National Union of Journalists") is one run.
	if rn := x.runAt(b - 1); rn >= 0 && x.runs[rn].e == b && x.runs[rn].s >= d && x.runs[rn].s < n {
		n = x.runs[rn].s
	}
	if n < b {
		return x.resolveName(c, a, d, n, b)
	}
	head := x.lwBare(b - 1)
	for k := d; k < b; k++ {
		if x.toks[k].poss {
			// "Mr Blair's official spokesman": someone unnamed.
			return x.setAnon(c, a, b)
		}
	}
	if personRoles[head] && det != "a" && det != "an" {
		if id := x.resolveRole(head, d, b-1, a); id >= 0 {
			x.setEnt(c, id, x.nameText(d, b))
			return true
		}
	}
	if committees[head] && x.toks[d].cap && !nationalities[x.lwBare(d)] && !partyWords[x.lwBare(d)] {
		// "the Commons science and technology committee added"
		id := x.register(x.nameText(d, b), KindOrganisation)
		x.setEnt(c, id, "")
		return true
	}
	if orgNouns[head] {
		for k := d; k < b; k++ {
			if w := x.lwBare(k); nationalities[w] || places[w] {
				c.kind, c.speaker, c.role = KindState, x.nameText(d, b), ""
				return true
			}
		}
		if det == "the" || det == "its" {
			if id := x.resolveOrg(head); id >= 0 {
				x.setEnt(c, id, "")
				return true
			}
			c.kind, c.speaker, c.role = KindOrganisation, "", x.nameText(a, b)
			return true
		}
	}
	return x.setAnon(c, a, b)
}

// resolveName sets the speaker named by the capitalised words [n, b) of the
// phrase [a, b) whose determiner ends at d.
func (x *extractor) resolveName(c *cue, a, d, n, b int) bool {
	role := x.nameText(d, n)
	if x.noPersonName(n, b) && !x.hasOrgWord(d, b) {
		return false
	}
	if w := x.lwBare(n); b-n == 1 && n == d && (genericPlurals[w] || isDemonymPlural(w) || x.opensSentence(n) && isPluralNoun(w)) {
		return x.setAnon(c, a, b) // "Airlines have attacked", "Gibraltarians said", "Engineers say"
	}
	if b-n == 1 {
		if w := x.lwBare(n); len(w) == 1 || companyForms[w] {
			return false // an initial ("S and P cited") or a bare "Ltd"
		}
		if x.afterThe(n) {
			if id := x.orgEndingIn(x.lwBare(n)); id >= 0 {
				x.setEnt(c, id, role) // "The Exchange said"
				return true
			}
		}
	}
	if id := x.lookupName(n, b, d); id >= 0 {
		x.setEnt(c, id, role)
		return true
	}
	if b-n == 1 && x.plainWordsOnly(n, b) && !x.hasOrgWord(d, b) && !x.midCaps[x.lwBare(n)] {
		// "Everyone" or "Lovely" opening a sentence: no name. A lone
		// common word capitalised inside a sentence somewhere ("shares in
		// Apple") is a name, kept below.
		return false
	}
	if b-n == 1 {
		w := x.lwBare(n)
		if isPlaceWord(x.word(n)) {
			c.kind, c.speaker, c.role = KindState, x.nameText(n, b), ""
			return true // "Port operators in Hamburg said"
		}
		if orgNouns[w] && !x.isAcronym(n) {
			// "the Bank", "the Commission": the one named in full before.
			if id := x.resolveOrg(w); id >= 0 {
				x.setEnt(c, id, role)
				return true
			}
			c.kind, c.speaker, c.role = KindOrganisation, "", x.nameText(a, b)
			return true
		}
		if places[w] || strings.HasSuffix(w, "shire") {
			c.kind, c.speaker, c.role = KindState, x.nameText(n, b), ""
			return true
		}
		if partyAdjectives[w] {
			return false // "Tory" alone is an adjective, no speaker
		}
		if anonHeads[w] && !orgWords[w] {
			return x.setAnon(c, a, b)
		}
	}
	kind := x.classify(n, b, d)
	if kind == KindPerson && x.plainName(n, b) {
		kind = KindOrganisation
	}
	if kind == "" {
		for k := d; k < b; k++ {
			if orgWords[x.lwBare(k)] {
				kind = KindOrganisation
			}
		}
	}
	switch kind {
	case KindPerson:
		if b-n == 1 && (n == d || !hasPersonTitle(x.lwBare(n-1))) {
			// A lone unknown word is a company's name far more often than
			// a person's the article never named in full; but a word that
			// is only ever capitalised at the start of a sentence is none.
			if w := x.lwBare(n); !x.midCaps[w] || strings.HasSuffix(w, "ing") || x.usedLowercase(w) {
				return false
			}
			kind = KindOrganisation
		}
	case KindOrganisation:
		n = d
	case "":
		c.kind, c.speaker, c.role = KindState, x.nameText(n, b), ""
		return true
	}
	id := x.register(x.nameText(n, b), kind)
	x.setEnt(c, id, role)
	return true
}

// hasOrgWord reports whether one of the words [s, e) is an organisation
// word ("Foreign Office", "Energy Department").
func (x *extractor) hasOrgWord(s, e int) bool {
	for k := s; k < e; k++ {
		if x.isOrgWord(k) {
			return true
		}
	}
	return false
}

func hasPersonTitle(w string) bool {
	_, ok := personTitles[w]
	return ok
}

func (x *extractor) setAnon(c *cue, a, b int) bool {
	c.kind, c.speaker, c.role, c.ent = KindAnonymous, x.nameText(a, b), "", -1
	return true
}

// setEnt makes entity id the cue's speaker.
func (x *extractor) setEnt(c *cue, id int, role string) {
	ent := &x.reg.ents[id]
	c.ent, c.kind, c.speaker = id, ent.kind, ent.name
	c.role = role
	if c.role == "" || speakerHonorifics[strings.ToLower(role)] && ent.role != "" {
		c.role = ent.role // "Sir Digby" is still the "CBI director general"
	}
	if ent.kind == KindPerson {
		x.spoke = append(x.spoke, nameMention{ent: id, tok: c.tok})
	} else {
		x.lastOrg, x.lastOrgTok = id, c.tok
	}
}

// resolvePronoun returns the person a "he" or "she" at token p stands for:
// the nearest person named before it as a subject, not as an object, whose
// gender, where known, fits.
func (x *extractor) resolvePronoun(p int, g byte) int {
	best, bestTok := -1, -1
	fits := func(m nameMention) bool {
		if m.tok >= p || m.object {
			return false
		}
		eg := x.reg.ents[m.ent].gender
		return g == 0 || eg == 0 || eg == g
	}
	for k, n := lastBefore(x.reg.mentions, p), 0; k >= 0 && n < maxLookBack; k, n = k-1, n+1 {
		if m := x.reg.mentions[k]; fits(m) {
			best, bestTok = m.ent, m.tok
			break
		}
	}
	for k, n := lastBefore(x.spoke, p), 0; k >= 0 && n < maxLookBack; k, n = k-1, n+1 {
		if m := x.spoke[k]; fits(m) {
			if m.tok > bestTok {
				best = m.ent
			}
			break
		}
	}
	return best
}

// maxLookBack bounds how many mentions a pronoun or role looks back over:
// an antecedent further away than that is no antecedent a reader would
// find, and the bound keeps a huge body linear.
const maxLookBack = 200

// lastBefore returns the index of the last mention before token p in ms,
// which is in token order, or -1.
func lastBefore(ms []nameMention, p int) int {
	return sort.Search(len(ms), func(i int) bool { return ms[i].tok >= p }) - 1
}

// resolveRole returns the person most recently named before token p whom
// the article gave the role head ("envoy"), or -1. The words [ms, me)
// before the head must all be in that role: "the prime minister" is not
// the "Finance Minister" of the article.
func (x *extractor) resolveRole(head string, ms, me, p int) int {
	has := func(id int) bool {
		ent := &x.reg.ents[id]
	roles:
		for i, h := range ent.heads {
			if h != head {
				continue
			}
			for k := ms; k < me; k++ {
				if !strings.Contains(ent.roleTexts[i], x.lwBare(k)) {
					continue roles
				}
			}
			return true
		}
		return false
	}
	best, bestTok := -1, -1
	for k, n := lastBefore(x.reg.mentions, p), 0; k >= 0 && n < maxLookBack; k, n = k-1, n+1 {
		if m := x.reg.mentions[k]; m.tok < p && has(m.ent) {
			best, bestTok = m.ent, m.tok
			break
		}
	}
	for k, n := lastBefore(x.spoke, p), 0; k >= 0 && n < maxLookBack; k, n = k-1, n+1 {
		if m := x.spoke[k]; m.tok < p && has(m.ent) {
			if m.tok > bestTok {
				best = m.ent
			}
			break
		}
	}
	if best < 0 {
		// Role first, name later: the one person given that role.
		for id := range x.reg.ents {
			if has(id) {
				if best >= 0 {
					return -1
				}
				best = id
			}
		}
	}
	return best
}

// resolveOrg returns the organisation "the ministry" or "the company"
// stands for: the last organisation whose name holds that word, or for a
// company the last organisation that spoke.
func (x *extractor) resolveOrg(head string) int {
	switch head {
	case "government", "administration", "police", "army", "military":
		return -1
	case "company", "firm", "group", "carrier", "operator", "retailer", "maker", "producer", "airline":
		return x.lastOrg
	}
	for id := len(x.reg.ents) - 1; id >= 0; id-- {
		ent := &x.reg.ents[id]
		if ent.kind == KindOrganisation && strings.Contains(ent.key, head) {
			return id
		}
	}
	return -1
}

// resolveIt returns the organisation an "it said" at token p stands for:
// the last one that spoke or was named before it, or -1.
func (x *extractor) resolveIt(p int) int {
	best, bestTok := -1, -1
	if k := lastBefore(x.reg.orgMentions, p); k >= 0 {
		best, bestTok = x.reg.orgMentions[k].ent, x.reg.orgMentions[k].tok
	}
	if x.lastOrg >= 0 && x.lastOrgTok > bestTok {
		best = x.lastOrg
	}
	return best
}

// isDemonymPlural reports whether w names a people ("gibraltarians",
// "europeans"): a crowd, not a speaker.
func isDemonymPlural(w string) bool {
	return len(w) > 5 && (strings.HasSuffix(w, "ians") || strings.HasSuffix(w, "eans") || strings.HasSuffix(w, "s") && nationalities[w[:len(w)-1]])
}

// usedLowercase reports whether the word w also stands in the body in
// lower case: then "Prosecutors" opening a sentence is a common noun.
func (x *extractor) usedLowercase(w string) bool {
	if !x.lowerDone {
		// Built once, on the first question of an article.
		x.lowerDone = true
		for i := range x.toks {
			if t := &x.toks[i]; t.kind == tokWord && !t.cap {
				x.lowerWords[x.lw(i)] = true
			}
		}
	}
	return x.lowerWords[w]
}
