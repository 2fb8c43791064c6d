package corpus

import "strings"

// This file holds the tests that keep words which are no one's name out of
// the speaker facet: a capitalised heading ("Policy Shortcomings"), a crowd
// opening a sentence ("Engineers say"), a city ("Port operators in Hamburg
// said"). Each rests on a general source (the English word list, the
// gazetteer) rather than on a list of the phrases seen so far.

// opensSentence reports whether token i is the first word of its sentence
// or paragraph: no word or comma stands before it in the paragraph. A
// capitalised word there tells nothing about being a name.
func (x *extractor) opensSentence(i int) bool {
	if i == 0 {
		return true
	}
	p := &x.toks[i-1]
	if p.para != x.toks[i].para {
		return true
	}
	if p.kind == tokWord {
		return false
	}
	if p.kind == tokPunct {
		c := x.body[p.s]
		return c == '.' || c == '!' || c == '?' || c == ':' || c == ';'
	}
	return true
}

// isPluralNoun reports whether w is the plural of an ordinary English noun
// ("engineers", "nurses", "metals"): both it and its singular are common
// words. Opening a sentence as a subject, such a word is people or things
// in general, not an organisation's name.
func isPluralNoun(w string) bool {
	if len(w) < 4 || w[len(w)-1] != 's' || !isCommonWord(w) {
		return false
	}
	stem := w[:len(w)-1]
	if isCommonWord(stem) {
		return true
	}
	if strings.HasSuffix(w, "ies") && isCommonWord(w[:len(w)-3]+"y") {
		return true
	}
	return strings.HasSuffix(w, "es") && isCommonWord(w[:len(w)-2])
}

// plainWordsOnly reports whether every word of the name [s, e) is a
// common English word and none a first name the tables know: "Policy
// Shortcomings", "Granting Indigenous Peoples". Such a capitalised run is
// a heading or a slogan; a person's name always has a word the English
// word list does not hold in lower case only (a first name, or a surname
// such as Bell or Grant that the list also writes capitalised).
func (x *extractor) plainWordsOnly(s, e int) bool {
	if s >= e {
		return false
	}
	for k := s; k < e; k++ {
		w := x.lwBare(k)
		if x.isAcronym(k) || isGivenName(w) || !isCommonWord(w) {
			return false
		}
	}
	return true
}

// noPersonName reports whether the capitalised words [s, e), taken for a
// person's name, can be no one's name: words holding "I" or a clitic, or
// two or more plain words that make a heading (a line of their own:
// "Policy Shortcomings") or open a sentence with a verb's -ing form
// ("Granting Indigenous Peoples formal titles … is key"). Plain words
// used as a subject otherwise ("World Athletics said", "what Dimension
// Data calls") are an organisation's name: see plainName.
func (x *extractor) noPersonName(s, e int) bool {
	for k := s; k < e; k++ {
		if x.isContraction(k) {
			return true
		}
	}
	if e-s < 2 || !x.opensSentence(s) || !x.plainWordsOnly(s, e) {
		return false
	}
	return x.isHeading(s, e) || strings.HasSuffix(x.lw(s), "ing") || strings.HasSuffix(x.lw(s), "ly")
}

// isHeading reports whether the words [s, e) fill their paragraph, bar
// punctuation: a subheading the page kept in its text.
func (x *extractor) isHeading(s, e int) bool {
	p := x.toks[s].para
	if s > 0 && x.toks[s-1].para == p && x.toks[s-1].kind == tokWord {
		return false
	}
	for k := e; k < len(x.toks) && x.toks[k].para == p; k++ {
		if x.toks[k].kind == tokWord {
			return false
		}
	}
	return true
}

// plainName reports whether the capitalised words [s, e) are two or more
// plain words: as a speaker, an organisation's name ("Dimension Data",
// "World Athletics"), since a person's name has a word that is no plain
// word.
func (x *extractor) plainName(s, e int) bool {
	return e-s > 1 && x.plainWordsOnly(s, e)
}

// isLeadWord reports whether token i, opening a capitalised run, is a
// word that opens no person's name: a plain English word that is no known
// first name ("Chefs", "Vendor"), or a place ("Massachusetts").
func (x *extractor) isLeadWord(i int) bool {
	w := x.lwBare(i)
	if isGivenName(w) || x.isAcronym(i) {
		return false
	}
	return isCommonWord(w) || places[w] || isPlaceWord(x.word(i))
}

// personAfterLead reports whether the words [s, e) left after a lead
// word look like a person's name: a known first name first, or no plain
// English word at all ("Jamie Oliver", "Vijender Singh"), so that "Big
// Machine Records" and "Grand Central Publishing" keep their first word.
func (x *extractor) personAfterLead(s, e int) bool {
	if isGivenName(x.lwBare(s)) {
		return true
	}
	for k := s; k < e; k++ {
		if isCommonWord(x.lwBare(k)) || x.isAcronym(k) {
			return false
		}
	}
	return true
}

// isContraction reports whether token i is a pronoun with a clitic ("I'm",
// "They're", "I’ll") or the pronoun "I": words of a quotation that lost its
// marks, never a name.
func (x *extractor) isContraction(i int) bool {
	w := x.lw(i)
	if w == "i" {
		return true
	}
	for _, suf := range [...]string{"'m", "'ve", "'re", "'ll", "'d", "’m", "’ve", "’re", "’ll", "’d"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// isPlaceWord reports whether the lone capitalised word w names a country,
// a first-level division or a city of at least minSpeakerPlacePop people
// and is no English word: "Hamburg said" is the city speaking (a state, in
// the facet's terms), not an organisation called Hamburg. Smaller towns are
// left alone, since many share a name with a family (Clinton, Jackson).
func isPlaceWord(w string) bool {
	g := loadGazetteer()
	key := foldKey(w)
	if g.words[key] {
		return false
	}
	for _, r := range g.refs(key) {
		if !r.primary {
			continue
		}
		if p := &g.places[r.place]; p.kind != kindCity || p.pop >= minSpeakerPlacePop {
			return true
		}
	}
	return false
}

// minSpeakerPlacePop is the population from which a city's name, standing
// alone as a speaker, is taken for the city: large enough that a surname
// spelled the same (Houston, Lincoln) is rarer in the news than the city.
const minSpeakerPlacePop = 500_000
