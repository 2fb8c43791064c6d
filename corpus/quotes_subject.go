package corpus

import (
	"sort"
	"strings"
)

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
	// "the Commons science and technology committee": a named body with
	// lower-case words between its name and its head.
	if j >= s && x.toks[j].kind == tokWord && !x.toks[j].cap && committees[x.lw(j)] {
		for k := j - 1; k >= s && k >= j-5 && x.toks[k].kind == tokWord && x.toks[k].quote == 0; k-- {
			if x.toks[k].cap {
				if !notNames[x.lw(k)] && !nationalities[x.lw(k)] {
					j = k
				}
				break
			}
			if w := x.lw(k); w != "and" && stopBeforeNP[w] || determiners[w] {
				break
			}
		}
	}
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
	// A name with lower-case particles ("said Pieter van der Merwe") is
	// the one run the registry found.
	if b > j {
		if rn := x.runAt(b - 1); rn >= 0 && x.runs[rn].e > b && x.runs[rn].e <= e && x.runs[rn].s >= j {
			b = x.runs[rn].e
		}
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

// nounWord reports whether the lower-case word w may stand in a speaker's
// phrase: a role, source or organisation noun, a nationality, or as its
// head any plural ("farmers said").
func nounWord(w string, head bool) bool {
	return titleWords[w] || nationalities[w] || anonHeads[w] || orgNouns[w] ||
		head && len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's'
}
