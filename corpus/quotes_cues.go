package corpus

import (
	"sort"
	"strings"
)

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

// runEndingAt returns the index of the name run whose name ends just before
// token t, or -1.
func (x *extractor) runEndingAt(t int) int {
	k0 := sort.Search(len(x.runs), func(i int) bool { return x.runs[i].s >= t })
	for k := k0 - 1; k >= 0 && k >= k0-3; k-- {
		if x.runs[k].e == t {
			return k
		}
	}
	return -1
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

// runAt returns the index of the name run holding token t, or -1.
func (x *extractor) runAt(t int) int {
	// Runs are in order of their names; role words may reach back a few.
	k0 := sort.Search(len(x.runs), func(i int) bool { return x.runs[i].s > t })
	for k := max(0, k0-3); k < len(x.runs) && k <= k0+1; k++ {
		if rn := &x.runs[k]; rn.rs <= t && t < rn.e {
			return k
		}
	}
	return -1
}

// leftSubject returns the phrase [a, b) that speaks through the verb at i,
// read leftwards past auxiliaries ("has also"), a relative "who" and up to
// two appositives (", leader of the Liberal Democrats,"). It fails for a
// negated, passive or future verb.
func (x *extractor) leftSubject(i, s int) (int, int, bool) {
	j := i - 1
	for j >= s && x.toks[j].kind == tokWord && x.toks[j].quote == 0 {
		w := x.lw(j)
		if blockWords[w] || strings.HasSuffix(w, "n't") {
			return 0, 0, false
		}
		if auxWords[w] || !x.toks[j].cap && len(w) > 4 && strings.HasSuffix(w, "ly") {
			j--
			continue
		}
		if isWeekday(w) && j-1 >= s && x.lw(j-1) == "on" {
			j -= 2
			continue
		}
		break
	}
	if j >= s && x.toks[j].kind == tokWord && (x.lw(j) == "who" || x.lw(j) == "which") {
		j--
		if x.punctIs(j, ',') {
			j--
		}
	}
	for k := 0; k < 2 && j >= s && x.punctIs(j, ','); k++ {
		c := j - 1
		for c >= s && !x.punctIs(c, ',') {
			c--
		}
		if c < s {
			return 0, 0, false
		}
		f := c + 1
		if f >= j || x.toks[f].kind != tokWord {
			return 0, 0, false
		}
		// "The BBC's correspondent in Jakarta, Rachel Harvey, told": the
		// segment is the name.
		if rn := x.runAt(f); rn >= 0 && x.runs[rn].rs == f && x.runs[rn].e == j && x.runs[rn].ent >= 0 &&
			x.reg.ents[x.runs[rn].ent].kind == KindPerson {
			return f, j, true
		}
		fw, lastw := x.lw(f), x.lwBare(j-1)
		if !x.toks[f].cap || determiners[fw] || titleWords[fw] || nationalities[fw] ||
			(titleWords[lastw] || personRoles[lastw] || orgWords[lastw]) && c-1 >= s && x.toks[c-1].cap {
			j = c - 1
			continue
		}
		return 0, 0, false
	}
	if j < s {
		return 0, 0, false
	}
	a, b := x.collectLeftNP(j, s)
	return a, b, true
}

// collectLeftNP returns the noun phrase [a, b) that ends at token j, read
// leftwards no further than s: a pronoun, or words of a name, role or
// source up to a determiner.
func (x *extractor) collectLeftNP(j, s int) (int, int) {
	b := j + 1
	// "The Welsh Local Government Association (WLGA) said"
	if x.punctIs(j, ')') && j-2 >= s && x.punctIs(j-2, '(') {
		j -= 3
		b = j + 1
	}
	a := b
	for k := j; k >= s && b-k <= 8; k-- {
		t := &x.toks[k]
		if t.kind == tokPunct && x.body[t.s] == '&' && k > s && x.toks[k-1].cap && a == k+1 {
			continue
		}
		if t.kind != tokWord || t.quote != 0 {
			break
		}
		w := x.lw(k)
		if determiners[w] {
			a = k
			break
		}
		if !t.cap && a == k+1 {
			// "National Union of Journalists": a connector inside a name.
			if rn := x.runAt(k); rn >= 0 && x.runs[rn].s < k {
				a = x.runs[rn].s
				k = a
				continue
			}
		}
		if stopBeforeNP[w] && !t.cap || t.cap && notNames[w] && !titleWords[w] && !personPronounOrIt(w) {
			break
		}
		if personPronounOrIt(w) {
			if k == j {
				a = k
			}
			break
		}
		if !t.cap && !nounWord(w, k == j) {
			break
		}
		a = k
	}
	return a, b
}

func personPronounOrIt(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i":
		return true
	}
	return false
}

func isWeekday(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

// rightNP returns the speaker's phrase starting at j: a pronoun, or a
// determiner, role words and a name ("the assembly government", "Mr
// Wellington", "a senior Russian official").
func (x *extractor) rightNP(j, e int) (int, int) {
	if j >= e || x.toks[j].kind != tokWord || x.toks[j].quote != 0 {
		return j, j
	}
	if personPronounOrIt(x.lw(j)) {
		return j, j + 1
	}
	b := j
	for k := j; k < e && k < j+8; k++ {
		t := &x.toks[k]
		if t.kind != tokWord || t.quote != 0 {
			if t.kind == tokPunct && x.body[t.s] == '&' {
				continue
			}
			break
		}
		w := x.lw(k)
		if k == j && determiners[w] {
			b = k + 1
			continue
		}
		if t.cap {
			if notNames[w] && !titleWords[w] {
				break
			}
			b = k + 1
			continue
		}
		if (w == "and" || w == "of") && k+1 < e && x.toks[k+1].cap && x.toks[k+1].kind == tokWord && k > j {
			continue
		}
		if titleWords[w] || nationalities[w] || anonHeads[w] || orgNouns[w] {
			b = k + 1
			continue
		}
		// "economy minister Heizo Takenaka": modifiers before a title.
		if k+1 < e && x.toks[k+1].kind == tokWord && !stopBeforeNP[w] && !determiners[w] &&
			(!x.toks[k+1].cap && titleWords[x.lw(k+1)] || k == j && x.toks[k+1].cap && !notNames[x.lw(k+1)] && !strings.HasSuffix(w, "ed")) {
			continue // "economy minister Heizo Takenaka", "rival Google"
		}
		break
	}
	return j, b
}

// mainSubject finds the subject of the main clause of the sentence [s, i):
// its first phrase, after an opening adverbial ("In a recent interview,").
func (x *extractor) mainSubject(c *cue, s, i int) bool {
	// Try the sentence's start, then after each of its first two commas.
	j := s
	for try := 0; try < 3 && j < i; try++ {
		if x.toks[j].kind == tokWord && x.toks[j].quote == 0 {
			w := x.lw(j)
			if !(notNames[w] || prepositions[w] || strings.HasSuffix(w, "ing")) || titleWords[w] || personPronounOrIt(w) || w == "the" {
				if a, b := x.rightNP(j, i); b > a && x.goodSubject(a, b) {
					c.npStart, c.npEnd = a, b
					return x.resolveNP(c, a, b)
				}
			}
		}
		for j < i && !x.punctIs(j, ',') {
			j++
		}
		j++
	}
	return false
}

// goodSubject reports whether the phrase [a, b) can be a clause's subject:
// a pronoun, a name, or a role or source noun.
func (x *extractor) goodSubject(a, b int) bool {
	if b-a == 1 && personPronounOrIt(x.lw(a)) {
		return true
	}
	w := x.lwBare(b - 1)
	return x.toks[b-1].cap && !notNames[w] || personRoles[w] || anonHeads[w] || orgNouns[w]
}

// attribute gives each quotation of the sentence [s, e) to its nearest cue,
// continues the last speaker for a quotation that opens a sentence with no
// cue, and reports the statement of each cue left without a quotation.
func (x *extractor) attribute(s, e int) {
	para := x.toks[s].para
	var used uint64
	for i := s; i < e; i++ {
		t := &x.toks[i]
		if t.quote == 0 || x.spans[t.quote-1].open != i {
			continue
		}
		q := int(t.quote - 1)
		sp := &x.spans[q]
		best, bestD := -1, 1<<30
		for ci := range x.cues {
			c := &x.cues[ci]
			d := sp.open - c.tok
			if c.tok > sp.open {
				d = c.tok - sp.end
			}
			if d < bestD {
				best, bestD = ci, d
			}
		}
		switch {
		case best >= 0:
			x.emitDirect(q, &x.cues[best])
			if best < 64 {
				used |= 1 << best
			}
			x.setLast(&x.cues[best], para)
		case sp.open == s && x.last != nil && (sp.cont || x.lastPara >= para-1):
			x.emitDirect(q, x.last)
			x.lastPara = para
		}
	}
	x.demoteContent(e)
	for ci := range x.cues {
		c := &x.cues[ci]
		if ci < 64 && used&(1<<ci) != 0 || x.sameSpeakerElsewhere(ci, used) {
			continue
		}
		rs, re := c.tok+1, e
		switch {
		case c.inverted:
			rs, re = s, c.tok
		case c.according:
			if c.tok > s+1 {
				rs, re = s, c.tok
			} else {
				rs = c.npEnd
				if x.punctIs(rs, ',') {
					rs++
					for rs < e && !x.punctIs(rs, ',') {
						rs++
					}
					if x.punctIs(rs, ',') && rs+1 < e {
						rs++
					} else {
						rs = c.npEnd + 1
					}
				}
			}
		default:
			if ci+1 < len(x.cues) && x.cues[ci+1].npStart > c.tok {
				re = x.cues[ci+1].npStart
			}
			if re-rs <= 1 && c.npStart > s {
				// "…, the joint report said.": the statement came first.
				rs, re = s, c.npStart
			}
		}
		x.emitReported(rs, re, c)
		x.setLast(c, para)
	}
}

// sameSpeakerElsewhere reports whether another cue of the sentence with the
// same speaker carries the statement: an earlier one, or one given a
// quotation ("Peskov, commenting on …, told reporters “…”").
func (x *extractor) sameSpeakerElsewhere(ci int, used uint64) bool {
	c := &x.cues[ci]
	for k := range x.cues {
		o := &x.cues[k]
		if k == ci || o.speaker != c.speaker || o.kind != c.kind {
			continue
		}
		if k < ci || k < 64 && used&(1<<k) != 0 {
			return true
		}
	}
	return false
}

func (x *extractor) setLast(c *cue, para int32) {
	x.lastCue = *c
	x.last = &x.lastCue
	x.lastPara = para
}

// nounWord reports whether the lower-case word w may stand in a speaker's
// phrase: a role, source or organisation noun, a nationality, or as its
// head any plural ("farmers said").
func nounWord(w string, head bool) bool {
	return titleWords[w] || nationalities[w] || anonHeads[w] || orgNouns[w] ||
		head && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}

// demoteContent marks the people named after a person's cue in the
// sentence ending at e as no antecedents: in "Mr Balls suggested that Mr
// Brown would …. He said …" the "he" is the one who spoke.
func (x *extractor) demoteContent(e int) {
	from := -1
	for ci := range x.cues {
		if c := &x.cues[ci]; c.kind == KindPerson && !c.inverted && !c.according {
			from = c.tok
			break
		}
	}
	if from < 0 {
		return
	}
	for k := lastBefore(x.reg.mentions, from+1) + 1; k < len(x.reg.mentions) && x.reg.mentions[k].tok < e; k++ {
		x.reg.mentions[k].object = true
	}
}
