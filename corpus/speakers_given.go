package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// completeGivenSpeakers gives the full name to each one-word speaker an
// input carried (Reuters-21578 codes most people by surname: "volcker",
// "yeutter") where the article's own text writes it in full: a person
// quoted under a longer name ending in that word ("Paul Volcker said"), or
// else a capitalised first name written just before it in the body.
// Without it the facet would list "Volcker" from tagged articles beside
// "Paul Volcker" from untagged ones. A surname the text never completes
// stays as it is (see SpeakersOf on why).
func completeGivenSpeakers(a *Article, names []string) []string {
	for i, n := range names {
		if strings.Contains(n, " ") || n == "" {
			continue
		}
		if full := fullNameInText(a, n); full != "" {
			names[i] = full
		}
	}
	return names
}

// fullNameInText returns the longer name the article gives to the
// surname, or "".
func fullNameInText(a *Article, surname string) string {
	key := SpeakerKey(surname)
	for _, q := range a.Quotes {
		if q.Kind != KindPerson || !strings.Contains(q.Speaker, " ") {
			continue
		}
		if k := SpeakerKey(q.Speaker); strings.HasSuffix(k, " "+key) {
			return q.Speaker
		}
	}
	body := a.Body
	for off := 0; off < len(body); {
		j := strings.Index(body[off:], surname)
		if j < 0 {
			break
		}
		j += off
		off = j + len(surname)
		if off < len(body) {
			if r, _ := utf8.DecodeRuneInString(body[off:]); unicode.IsLetter(r) {
				continue // "Bakers", not "Baker"
			}
		}
		if first := wordBefore(body, j); first != "" {
			return first + " " + surname
		}
	}
	return ""
}

// wordBefore returns the capitalised word that stands, one space apart,
// just before offset j of s, where it can be a first name: not a title
// ("Mr", "President"), a nationality or a common word opening a
// sentence.
func wordBefore(s string, j int) string {
	if j < 2 || s[j-1] != ' ' {
		return ""
	}
	k := j - 1
	for k > 0 && s[k-1] != ' ' && s[k-1] != '\n' {
		k--
	}
	w := s[k : j-1]
	r, _ := utf8.DecodeRuneInString(w)
	if len(w) < 2 || !unicode.IsUpper(r) {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < utf8.RuneSelf && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-') {
			return "" // punctuation: "said. Baker", "U.S. Baker"
		}
	}
	l := strings.ToLower(w)
	if titleWords[l] || nationalities[l] || notNames[l] || isCommonWord(l) || places[l] || orgWords[l] {
		return ""
	}
	return w
}
