package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word of a text, as the place matcher sees it.
type token struct {
	start, end int
	text       string // as written
	key        string // folded: lower case, no diacritics, ’ as '
	upper      bool   // starts with a capital letter
	allCaps    bool   // every letter a capital, and more than one letter
	// sentStart is set for the first word of a sentence, a paragraph or
	// a quotation, where a capital says nothing about a name.
	sentStart bool
	// tight is set where only spaces or a hyphen part the word from the
	// one before: "Washington Post" is tight, "Washington, Post" is not.
	tight bool
	// possessive is set for a word followed by 's.
	possessive bool
	// amp is set where an ampersand parts the word from the one before,
	// as in company names: "Scottish & Newcastle", "AT&T".
	amp bool
}

// tokenize splits s into words: runs of letters and digits, with inner
// apostrophes (d'Ivoire) and the dots of initialisms (U.S., D.C.); a
// possessive 's is dropped and a hyphen parts words.
func tokenize(s string, out []token) []token {
	sentStart, tight, amp := true, false, false
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', ':', ';', '"', '“', '”', '(', ')', '[', ']', '\n', '•', '|':
				sentStart = true
				tight = false
			case ' ', '-', '\t', '–':
				if r == '\t' || r == '–' {
					tight = false
				}
			case '&':
				amp = true
				tight = false
			default:
				tight = false
			}
			i += size
			continue
		}
		start := i
		dotted := false
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			if r == '\'' || r == '’' {
				next, nsize := utf8.DecodeRuneInString(s[i+size:])
				if !unicode.IsLetter(next) {
					break
				}
				if (next == 's' || next == 'S') && !isWordAt(s, i+size+nsize) {
					break
				}
				i += size
				continue
			}
			if r == '.' && isInitials(s[start:i]) {
				next, _ := utf8.DecodeRuneInString(s[i+1:])
				if dotted || unicode.IsLetter(next) {
					dotted = true
					i++
					continue
				}
			}
			break
		}
		w := s[start:i]
		first, _ := utf8.DecodeRuneInString(w)
		t := token{start: start, end: i, text: w, upper: unicode.IsUpper(first), sentStart: sentStart, tight: tight, amp: amp}
		t.allCaps = t.upper && isAllCaps(w)
		t.key = foldWord(w)
		out = append(out, t)
		sentStart, tight, amp = false, true, false
		// The dot of "St. Louis" or "Mr. Jordan" ends no sentence and
		// parts no name.
		if i < len(s) && s[i] == '.' && dottedAbbrevs[t.key] {
			i++
		}
		if dotted && i < len(s) && s[i-1] == '.' {
			// "U.S." may end a sentence, but it seldom does in the
			// middle of a line; leave the next word's capital meaningful.
			tight = false
		}
		// Skip a possessive 's.
		if i < len(s) {
			if r, size := utf8.DecodeRuneInString(s[i:]); r == '\'' || r == '’' {
				if next, nsize := utf8.DecodeRuneInString(s[i+size:]); next == 's' || next == 'S' {
					if !isWordAt(s, i+size+nsize) {
						i += size + nsize
						tight = false
						out[len(out)-1].possessive = true
					}
				}
			}
		}
	}
	return out
}

// dottedAbbrevs are the abbreviations written with a dot inside names and
// before them.
var dottedAbbrevs = set("st", "mt", "ft", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col",
	"sgt", "capt", "prof", "rev", "messrs", "pres")

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// isInitials reports whether w is one letter, or letters each followed by
// a dot ("U", "U.S"): the start of an initialism.
func isInitials(w string) bool {
	for i, r := range w {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' || r >= utf8.RuneSelf {
			return false
		}
	}
	return len(w)%2 == 1
}

func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// foldWord is the key a word is matched by: lower case, diacritics
// dropped and curly apostrophes made straight, so that "Kijów", "KIJOW"
// and "Kijow" are one key.
func foldWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(w)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// foldKey is the key of a whole name: its folded words joined by spaces.
func foldKey(name string) string {
	if isPlainName(name) {
		return strings.ToLower(name)
	}
	return joinKeys(tokenize(name, nil))
}

// isPlainName reports whether a name is ASCII words parted by single
// spaces, whose key is simply its lower case: most names are, and the
// gazetteer folds every spelling at start-up.
func isPlainName(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}
