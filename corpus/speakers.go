package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpeakersOf returns the named people and organisations that made the
// quotes, each once under the spelling it was most often written in, most
// quoted first (ties in order of first appearance). Anonymous sources,
// unnamed organisations and states speaking as such are left out.
//
// A surname stands for the full name wherever the article gives one (the
// extractor resolves "Cohen said" to the Amir Cohen named before, see
// lookupName), so one person is one value. Where an article never gives
// more than "Mr Okonjo", the surname is kept as the speaker: dropping it
// would lose a real speaker a reader can still find, and joining it to
// another article's "Ngozi Okonjo" on the surname alone would merge the
// many people who share a surname. The title stays in the quote's Role.
func SpeakersOf(quotes []Quote) []string {
	type group struct {
		n         int
		spellings []string // in order of first appearance
		counts    []int
	}
	var keys []string
	groups := map[string]*group{}
	for _, q := range quotes {
		if q.Speaker == "" || q.Kind != KindPerson && q.Kind != KindOrganisation {
			continue
		}
		k := SpeakerKey(q.Speaker)
		if k == "" {
			continue
		}
		g := groups[k]
		if g == nil {
			g = &group{}
			groups[k] = g
			keys = append(keys, k)
		}
		g.n++
		found := false
		for i, s := range g.spellings {
			if s == q.Speaker {
				g.counts[i]++
				found = true
			}
		}
		if !found {
			g.spellings = append(g.spellings, q.Speaker)
			g.counts = append(g.counts, 1)
		}
	}
	// A stable insertion sort: the lists are short.
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && groups[keys[j]].n > groups[keys[j-1]].n; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		g := groups[k]
		best := 0
		for i, n := range g.counts {
			if n > g.counts[best] {
				best = i
			}
		}
		out = append(out, g.spellings[best])
	}
	return out
}

// SpeakerKey folds the spelling variants of one name to one key: case,
// accents, punctuation and titles go, doubled letters are made single and
// the transliterations of a final "-iy", "-yy", "-yi" or "-ij" become "y",
// so Zelenskiy, Zelensky and Zelenskyy share a key; and the
// transliterations of common Slavic and Arabic first names fold to one
// (Oleksandr and Olexander, Mohammed and Muhammad: see
// givenNameFamilies). It folds no more than that: two people whose names
// differ otherwise keep apart.
func SpeakerKey(name string) string {
	name = CanonicalSpeaker(name)
	var b strings.Builder
	b.Grow(len(name))
	var word []byte
	flush := func() {
		if len(word) == 0 {
			return
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.Write(foldKeyWord(word))
		word = word[:0]
	}
	for _, r := range name {
		if r < utf8.RuneSelf {
			c := byte(r)
			switch {
			case c >= 'A' && c <= 'Z':
				word = append(word, c+'a'-'A')
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				word = append(word, c)
			case c == '\'':
			default:
				flush()
			}
			continue
		}
		if r == '’' {
			continue
		}
		if f, ok := foldRune(r); ok {
			word = append(word, f...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = utf8.AppendRune(word, unicode.ToLower(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		flush()
	}
	flush()
	return foldGivenNames(b.String())
}

// foldKeyWord makes doubled letters single and folds the final "-iy" of
// transliterated Slavic names and its variants to "y".
func foldKeyWord(w []byte) []byte {
	out := w[:0]
	for i := 0; i < len(w); i++ {
		if i > 0 && w[i] == w[i-1] && w[i] < utf8.RuneSelf {
			continue
		}
		out = append(out, w[i])
	}
	if n := len(out); n >= 4 {
		switch string(out[n-2:]) {
		case "iy", "yi", "ij", "ii":
			out = append(out[:n-2], 'y')
		}
	}
	return out
}

// foldRune maps an accented Latin letter to its plain form.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'ā', 'ă', 'ą', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å', 'Ā':
		return "a", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ç', 'ć', 'č', 'Ç', 'Ć', 'Č':
		return "c", true
	case 'ď', 'đ', 'Ď', 'Đ':
		return "d", true
	case 'è', 'é', 'ê', 'ë', 'ē', 'ė', 'ę', 'ě', 'È', 'É', 'Ê', 'Ë', 'Ē', 'Ě':
		return "e", true
	case 'ğ', 'Ğ':
		return "g", true
	case 'ì', 'í', 'î', 'ï', 'ī', 'ı', 'İ', 'Ì', 'Í', 'Î', 'Ï':
		return "i", true
	case 'ł', 'ľ', 'Ł', 'Ľ':
		return "l", true
	case 'ñ', 'ń', 'ň', 'Ñ', 'Ń', 'Ň':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'ō', 'ő', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø', 'Ő':
		return "o", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ř', 'Ř':
		return "r", true
	case 'ś', 'š', 'ş', 'Ś', 'Š', 'Ş':
		return "s", true
	case 'ß':
		return "ss", true
	case 'ť', 'ţ', 'Ť', 'Ţ':
		return "t", true
	case 'ù', 'ú', 'û', 'ü', 'ū', 'ů', 'ű', 'Ù', 'Ú', 'Û', 'Ü', 'Ů':
		return "u", true
	case 'ý', 'ÿ', 'Ý':
		return "y", true
	case 'ź', 'ż', 'ž', 'Ź', 'Ż', 'Ž':
		return "z", true
	}
	return "", false
}

// CanonicalSpeaker tidies a speaker's name as an input gave it: a Reuters
// <PEOPLE> code ("james-baker", "volcker") becomes a display name ("James
// Baker", "Volcker"); titles ("President", "Mr", "Prime Minister"), a
// leading "the" and a possessive go; spaces are collapsed.
func CanonicalSpeaker(name string) string {
	name = collapseSpace(name)
	if isReutersCode(name) {
		parts := strings.Split(name, "-")
		for i, p := range parts {
			if p != "" {
				parts[i] = strings.ToUpper(p[:1]) + p[1:]
			}
		}
		return strings.Join(strings.FieldsFunc(strings.Join(parts, " "), unicode.IsSpace), " ")
	}
	words := strings.Fields(name)
	i := 0
	for i < len(words)-1 {
		w := strings.ToLower(strings.TrimSuffix(words[i], "."))
		if w == "the" || titleWords[w] && !orgWords[w] {
			i++
			continue
		}
		break
	}
	out := strings.Join(words[i:], " ")
	return trimPossessive(out)
}

// enrichSpeakers fills an article's quotes and speakers from its text where
// the input gave none, and tidies the speakers it gave (Reuters codes,
// titles).
func enrichSpeakers(a *Article) {
	if a.Quotes == nil {
		a.Quotes = FindQuotes(a)
	}
	if a.Speakers == nil {
		a.Speakers = SpeakersOf(a.Quotes)
	} else {
		a.Speakers = completeGivenSpeakers(a, CanonicalSpeakers(a.Speakers))
	}
}

// CanonicalSpeakers tidies each of the speakers an input gave with
// CanonicalSpeaker and keeps one of each SpeakerKey, in order.
func CanonicalSpeakers(names []string) []string {
	out := make([]string, 0, len(names))
	seen := make([]string, 0, len(names))
	for _, n := range names {
		c := CanonicalSpeaker(n)
		k := SpeakerKey(c)
		if c == "" || k == "" || slices.Contains(seen, k) {
			continue
		}
		seen = append(seen, k)
		out = append(out, c)
	}
	return out
}

// isReutersCode reports whether s looks like a Reuters <PEOPLE> value: lower
// case ASCII letters and hyphens only.
func isReutersCode(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c == '-') {
			return false
		}
	}
	return true
}
