package corpus

import "strings"

// cue is one verb of saying in a sentence and who it says spoke.
type cue struct {
	tok      int
	cueWord  string
	speaker  string
	kind     string
	role     string
	ent      int
	inverted bool // the speaker follows the verb ("said Mr Wellington")
	// according marks "according to X": the statement is the rest of the
	// sentence around it.
	according bool
	npStart   int // first token of the speaker's phrase
	npEnd     int // one past its last token
}

// sentence finds the statements of the sentence [s, e).
func (x *extractor) sentence(s, e int) {
	x.cues = x.cues[:0]
	for i := s; i < e; i++ {
		t := &x.toks[i]
		if t.kind != tokWord || t.quote != 0 || t.e-t.s < 3 || t.cap && i > s {
			continue // a capital "Report" is part of a name
		}
		w := x.lw(i)
		if w == "according" && i+1 < e && x.lw(i+1) == "to" {
			if a, b := x.rightNP(i+2, e); b > a {
				c := cue{tok: i, cueWord: "according to", according: true, npStart: a, npEnd: b, ent: -1}
				if x.resolveNP(&c, a, b) {
					x.cues = append(x.cues, c)
				}
			}
			continue
		}
		part, ok := cueVerbs[w]
		if !ok {
			// "has put forward plans", "set out proposals": a proposal.
			if (w == "put" || w == "set") && i+1 < e && (x.lw(i+1) == "forward" || x.lw(i+1) == "out") {
				c := cue{tok: i, cueWord: w + " " + x.lw(i+1), ent: -1}
				if x.findSubject(&c, s, e, false) && (c.kind == KindPerson || c.kind == KindOrganisation) {
					x.cues = append(x.cues, c)
				}
			}
			continue
		}
		if strings.HasSuffix(w, "s") && i+2 < e && x.toks[i+1].kind == tokWord && strings.HasSuffix(x.lw(i+1), "ed") && x.lw(i+2) == "by" {
			continue // "claims denied by Labour": a noun
		}
		weak := weakCues[w] && !x.speechFollows(i, e)
		if weak && i+1 < e && x.toks[i+1].kind == tokWord {
			switch x.lw(i + 1) {
			case "as", "to", "by", "in":
				continue
			}
		}
		if weak && !strings.HasPrefix(w, "report") && !strings.HasPrefix(w, "announc") {
			continue
		}
		c := cue{tok: i, cueWord: w, ent: -1}
		if x.findSubject(&c, s, e, part) && (!weak || c.kind == KindOrganisation) {
			x.cues = append(x.cues, c)
			x.coordinated(&c, s)
		}
	}
	x.attribute(s, e)
}

// speechFollows reports whether a quotation, a "that" clause or a colon
// follows the weak cue at i within its sentence.
func (x *extractor) speechFollows(i, e int) bool {
	v := x.lw(i)
	asVerb := strings.HasPrefix(v, "call") || strings.HasPrefix(v, "descri") || strings.HasPrefix(v, "dismiss") || strings.HasPrefix(v, "attack")
	for k := i + 1; k < e && k < i+10; k++ {
		t := &x.toks[k]
		if t.quote != 0 {
			return true
		}
		if t.kind == tokPunct && (x.body[t.s] == ':') {
			return true
		}
		if t.kind == tokWord {
			switch x.lw(k) {
			case "that":
				return k <= i+4
			case "as":
				if asVerb {
					return true
				}
			case "for", "on":
				if k == i+1 && (asVerb || strings.HasPrefix(v, "appeal") || strings.HasPrefix(v, "demand")) {
					return true
				}
			}
		}
	}
	return false
}

// findSubject finds who speaks through the cue at c.tok: the phrase before
// the verb, or after it in an inverted attribution, or for a participle
// ("adding", "saying") the subject of its main clause.
func (x *extractor) findSubject(c *cue, s, e int, participle bool) bool {
	i := c.tok
	p := i - 1
	if p >= s && x.toks[p].kind == tokWord && (possessives[x.lw(p)] || x.toks[p].poss) {
		return false // "his Treasury post", "Labour's claims": a noun
	}
	// "Mr Smith was quoted as saying": the one quoted speaks.
	if participle && p-1 > s && x.lw(p) == "as" && x.lw(p-1) == "quoted" {
		j := p - 2
		for j > s && x.toks[j].kind == tokWord && (auxWords[x.lw(j)] || x.lw(j) == "was" || x.lw(j) == "is" || x.lw(j) == "been") {
			j--
		}
		if a, b := x.collectLeftNP(j, s); b > a {
			c.npStart, c.npEnd = a, b
			return x.resolveNP(c, a, b)
		}
		return false
	}
	if participle || p >= s && x.toks[p].kind == tokWord && x.lw(p) == "and" {
		if !participle {
			// "… and claimed": the subject of the verb before.
			if n := len(x.cues); n > 0 {
				return x.copySubject(c, &x.cues[n-1])
			}
			return x.mainSubject(c, s, i)
		}
		if p < s || x.toks[p].kind == tokWord && (blockWords[x.lw(p)] || determiners[x.lw(p)] || x.toks[p].poss) {
			return false
		}
		if n := len(x.cues); n > 0 {
			return x.copySubject(c, &x.cues[n-1])
		}
		return x.mainSubject(c, s, i)
	}
	// Inverted: `"…," said Mr Wellington.` or `…, says the government.`
	if p >= s && !strings.HasPrefix(c.cueWord, "tel") && !strings.HasPrefix(c.cueWord, "told") &&
		(x.isCloseMark(p) || x.punctIs(p, ',') && (p-1 >= s && x.isCloseMark(p-1) || x.npEndsSentence(i+1, e))) {
		if a, b := x.rightNP(i+1, e); b > a {
			c.inverted, c.npStart, c.npEnd = true, a, b
			// "said its chairman, Sir Anthony Greener": the name after.
			if x.punctIs(b, ',') && !x.toks[b-1].cap && b+1 < e {
				if rn := x.runAt(b + 1); rn >= 0 && x.runs[rn].ent >= 0 && x.reg.ents[x.runs[rn].ent].kind == KindPerson {
					c.npStart, c.npEnd = b+1, x.runs[rn].e
					x.setEnt(c, x.runs[rn].ent, x.nameText(a, b))
					return true
				}
			}
			return x.resolveNP(c, a, b)
		}
		return false
	}
	// "the $204m announced by rival Google", "claims denied by Labour".
	if i+1 < e && x.toks[i+1].kind == tokWord && x.lw(i+1) == "by" && strings.HasSuffix(x.lw(i), "ed") {
		if a, b := x.rightNP(i+2, e); b > a {
			var d cue = *c
			if x.resolveNP(&d, a, b) && (d.kind == KindPerson || d.kind == KindOrganisation) {
				d.inverted, d.npStart, d.npEnd = true, a, b
				*c = d
				return true
			}
		}
	}
	a, b, ok := x.leftSubject(i, s)
	if !ok || b <= a {
		return false
	}
	// "a spokeswoman for Human Rights Watch", "Mike Powell of Dresdner".
	if p := a - 1; p-1 >= s && x.toks[p].kind == tokWord && (x.lw(p) == "for" || x.lw(p) == "of" || x.lw(p) == "at" || x.lw(p) == "from") {
		if a2, b2 := x.collectLeftNP(p-1, s); b2 > a2 {
			if w := x.lwBare(b2 - 1); !x.toks[b2-1].cap && (personRoles[w] || anonHeads[w]) && !documents[w] {
				c.npStart, c.npEnd = a2, b
				return x.setAnon(c, a2, b)
			}
			if x.toks[b2-1].cap {
				var d cue = *c
				if x.resolveNP(&d, a2, b2) && d.kind == KindPerson {
					d.npStart, d.npEnd = a2, b2
					*c = d
					return true
				}
			}
		}
	}
	c.npStart, c.npEnd = a, b
	if !x.resolveNP(c, a, b) {
		return false
	}
	// "Colin Asplin, Blackpool Hotel Association said", "Rabbi Marvin
	// Hier, founder of … the Simon Wiesenthal Center said": the person
	// named first speaks; the organisation is only their role.
	if q := a - 1; c.kind != KindPerson || q > s && x.toks[q].kind == tokWord && !x.toks[q].cap && prepositions[x.lw(q)] {
		// "Emmanuel Ferry, from Exane BNP Paribas told Reuters" too.
		for q > s && q > a-14 && !x.punctIs(q, ',') && x.toks[q].kind == tokWord {
			q--
		}
		if x.punctIs(q, ',') {
			if rn := x.runEndingAt(q); rn >= 0 && (x.runs[rn].rs == s || x.runs[rn].rs > s && x.toks[x.runs[rn].rs-1].kind != tokWord) {
				if id := x.runs[rn].ent; id >= 0 && x.reg.ents[id].kind == KindPerson {
					c.npStart, c.npEnd = x.runs[rn].rs, x.runs[rn].e
					x.setEnt(c, id, x.nameText(q+1, b))
				}
			}
		}
	}
	return true
}

// coordinated adds a cue for a subject joined by "and" to the subject of c
// ("The Tories and the Lib Dems have questioned").
func (x *extractor) coordinated(c *cue, s int) {
	p := c.npStart - 1
	if c.inverted || c.according || p-1 < s || x.toks[p].kind != tokWord || x.lw(p) != "and" || x.toks[p].quote != 0 {
		return
	}
	// "A, B, C and D have announced": each named one speaks.
	for n := 0; n < 6 && p-1 >= s; n++ {
		a, b := x.collectLeftNP(p-1, s)
		if b <= a || !x.goodSubject(a, b) {
			return
		}
		d := cue{tok: c.tok, cueWord: c.cueWord, ent: -1, npStart: a, npEnd: b}
		if !x.resolveNP(&d, a, b) || d.kind != KindPerson && d.kind != KindOrganisation {
			return
		}
		x.cues = append(x.cues, d)
		if p = a - 1; !x.punctIs(p, ',') {
			return
		}
	}
}

func (x *extractor) copySubject(c, from *cue) bool {
	c.speaker, c.kind, c.role, c.ent = from.speaker, from.kind, from.role, from.ent
	c.npStart, c.npEnd = from.npStart, from.npEnd
	return true
}

// npEndsSentence reports whether a speaker's phrase from j runs to the end
// of the sentence, or to a comma after a name: the mark of an inverted
// attribution ("…, says the assembly government.").
func (x *extractor) npEndsSentence(j, e int) bool {
	_, b := x.rightNP(j, e)
	return b > j && (b >= e || x.isStop(b) || x.punctIs(b, ',') && x.toks[b-1].cap)
}
