package corpus

import (
	"strings"
)

// segment is the part of an article a mention was found in.
type segment uint8

const (
	segTitle segment = iota
	segDateline
	segBody
)

// mention is one place name found in a text, before it is resolved.
type mention struct {
	seg         segment
	first, last int // token indexes, inclusive
	key         string
	refs        []nameRef
	para        int // paragraph index in the body; 0 for title and dateline
	// caps is set in a headline written in capitals or title case, where
	// a capital says nothing about a name.
	caps bool
	// Context the resolver reads: a place preposition before ("in
	// Washington"), a division word after ("Kherson region"), "state"
	// after ("Washington state").
	afterPrep, beforeDivision, beforeState bool
	// shouting is set for a name written in capitals in running text.
	shouting bool
	// sentStart is set for a name that opens a sentence.
	sentStart bool
	// government is set where the name stands for a government:
	// "Beijing's policy", "Washington insists".
	government bool
}

// matcher scans one text segment for gazetteer names.
type matcher struct {
	g    *gazetteer
	toks []token
	buf  []byte
}

// scan appends the names found in toks to ms. In a headline-case segment
// every word is capitalised, so names are taken by their spelling alone
// and only organisation words rule them out.
func (m *matcher) scan(toks []token, seg segment, para int, caps bool, ms []mention) []mention {
	m.toks = toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.upper {
			i++
			continue
		}
		first := m.g.keys[t.key]
		maxN := int(first.maxTokens)
		if maxN == 0 {
			i++
			continue
		}
		found := false
		for n := min(maxN, len(toks)-i); n >= 1; n-- {
			var refs []nameRef
			key := t.key
			if n == 1 {
				refs = first.refs
			} else {
				var ok bool
				if key, ok = m.phraseKey(i, n); !ok {
					continue
				}
				refs = m.g.refs(key)
			}
			if refs == nil {
				continue
			}
			ms = append(ms, mention{seg: seg, first: i, last: i + n - 1, key: key, refs: refs, para: para, caps: caps,
				shouting: !caps && t.allCaps && !strings.Contains(t.text, "."), sentStart: t.sentStart})
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return ms
}

// phraseKey joins the folded words i..i+n-1 into a lookup key; ok is false
// where the words do not run on (punctuation between) or a word that
// should be capitalised in a name is not.
func (m *matcher) phraseKey(i, n int) (string, bool) {
	if n == 1 {
		return m.toks[i].key, true
	}
	m.buf = m.buf[:0]
	for j := i; j < i+n; j++ {
		t := m.toks[j]
		if j > i {
			if !t.tight || !t.upper && !nameParticles[t.key] {
				return "", false
			}
			m.buf = append(m.buf, ' ')
		}
		m.buf = append(m.buf, t.key...)
	}
	return string(m.buf), true
}

// nameParticles are the lower-case words inside place names: "Isle of
// Man", "Rio de Janeiro", "Trinidad and Tobago".
var nameParticles = set("of", "the", "and", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des",
	"la", "le", "les", "el", "al", "am", "an", "im", "upon", "on", "sur", "y", "e", "en", "op", "aan", "bei")

// isHeadlineCase reports whether most words of a short text are
// capitalised, as in "BAHIA COCOA REVIEW" or "Putin Seeks Lasting Ukraine
// Peace".
func isHeadlineCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if len(t.key) < 4 {
			continue // short words are often left lower case in title case
		}
		words++
		if t.upper {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

// joinKeys folds a run of words for a list lookup ("south african").
func joinKeys(toks []token) string {
	switch len(toks) {
	case 0:
		return ""
	case 1:
		return toks[0].key
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.key)
	}
	return b.String()
}
