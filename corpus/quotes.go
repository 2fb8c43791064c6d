package corpus

import (
	"strings"
	"sync"
)

// The kinds of speaker a Quote has.
const (
	// KindPerson is a named person: Speaker is the full name.
	KindPerson = "person"
	// KindOrganisation is an organisation speaking as such ("the Kremlin
	// said"): Speaker is its name, or empty where the article only says
	// "the ministry" and names no ministry (Role then holds the phrase).
	KindOrganisation = "organisation"
	// KindAnonymous is an unnamed source ("a senior Russian official",
	// "analysts"): Speaker is the phrase the article uses.
	KindAnonymous = "anonymous"
	// KindState is a country or its capital speaking ("Russia has stated",
	// "Moscow insists"): neither a person nor a named organisation, so it is
	// kept out of Article.Speakers.
	KindState = "state"
)

// extractor holds the scratch state of finding the quotes of one body.
// Extractors are pooled: their slices and maps are reused across articles,
// since FindQuotes runs on every article indexed.
type extractor struct {
	body, low string
	lowBuf    []byte
	toks      []qtoken
	spans     []quoteSpan
	sents     [][2]int
	runs      []nameRun
	cues      []cue
	reg       registry
	// midCaps holds the capitalised words seen inside a sentence: a lone
	// unknown word that only ever opens sentences is no name.
	midCaps  map[string]bool
	seenCaps map[string]bool
	// lowerWords are the words the body writes in lower case, filled on
	// demand (lowerDone) by usedLowercase.
	lowerWords map[string]bool
	lowerDone  bool
	// suffixes maps the shorter forms of long person names to them.
	suffixes map[string]int
	// spoke lists the person speakers resolved so far, as mentions, so that
	// a "he said" after a quote goes back to the one who spoke.
	spoke []nameMention
	// last is the speaker of the latest statement, for quotations that
	// continue it without attribution; lastPara is its paragraph.
	last     *cue
	lastCue  cue
	lastPara int32
	lastOrg  int
	// lastOrgTok is where lastOrg spoke.
	lastOrgTok int
	out        []Quote
}

var extractors = sync.Pool{New: func() any {
	return &extractor{
		midCaps: map[string]bool{}, seenCaps: map[string]bool{},
		lowerWords: map[string]bool{}, suffixes: map[string]int{},
	}
}}

// FindQuotes finds the quotations and reported statements of an article's
// body and who made each: direct quotes with their attribution before or
// after them, reported speech ("X said that…", "according to X"), quotes
// continued over sentences and paragraphs, and speakers named by pronoun
// or role resolved to the name the article gave. Quotes are in body order.
func FindQuotes(a *Article) []Quote {
	if a == nil || a.Body == "" {
		return nil
	}
	x := extractors.Get().(*extractor)
	x.reset(a.Body)
	x.run()
	var out []Quote
	if len(x.out) > 0 {
		out = make([]Quote, len(x.out))
		copy(out, x.out)
	}
	x.reset("")
	if cap(x.toks) < 1<<18 {
		// A huge body's scratch space is left to the collector rather
		// than kept for the small articles that make up most input.
		extractors.Put(x)
	}
	return out
}

func (x *extractor) reset(body string) {
	x.body = body
	x.lowBuf = x.lowBuf[:0]
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.lowBuf = append(x.lowBuf, c)
	}
	x.low = string(x.lowBuf)
	x.toks = x.toks[:0]
	x.spans = x.spans[:0]
	x.sents = x.sents[:0]
	x.runs = x.runs[:0]
	x.cues = x.cues[:0]
	x.reg.ents = x.reg.ents[:0]
	x.reg.mentions = x.reg.mentions[:0]
	x.reg.orgMentions = x.reg.orgMentions[:0]
	clear(x.midCaps)
	clear(x.seenCaps)
	clear(x.lowerWords)
	x.lowerDone = false
	clear(x.suffixes)
	clear(x.reg.byKey)
	clear(x.reg.bySurname)
	clear(x.reg.byFirst)
	x.spoke = x.spoke[:0]
	x.last = nil
	x.lastPara = -10
	x.lastOrg = -1
	x.out = x.out[:0]
}

func (x *extractor) run() {
	x.toks = tokenizeQuotes(x.body, x.toks)
	x.spans = markQuotes(x.toks, x.spans)
	x.splitSentences()
	x.buildRegistry()
	for _, s := range x.sents {
		x.sentence(s[0], s[1])
	}
}

// word returns token i as written; lw lower-cased (ASCII letters only).
func (x *extractor) word(i int) string { return x.body[x.toks[i].s:x.toks[i].e] }
func (x *extractor) lw(i int) string   { return x.low[x.toks[i].s:x.toks[i].e] }

// lwBare is lw without a possessive ending.
func (x *extractor) lwBare(i int) string {
	w := x.lw(i)
	if x.toks[i].poss {
		w = trimPossessive(w)
	}
	return w
}

func (x *extractor) punctIs(i int, c byte) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == tokPunct && x.body[x.toks[i].s] == c
}

// isCloseMark reports whether token i is the closing mark of a quotation.
func (x *extractor) isCloseMark(i int) bool {
	t := &x.toks[i]
	return t.quote != 0 && x.spans[t.quote-1].closed && x.spans[t.quote-1].end == i
}

// splitSentences cuts each paragraph into sentences at a stop outside a
// quotation, at a quotation ending in a stop unless a bare attribution
// ("Trump said.") follows it, and where a quotation opens another.
func (x *extractor) splitSentences() {
	toks := x.toks
	start := 0
	cut := func(i int) {
		if i > start {
			x.sents = append(x.sents, [2]int{start, i})
		}
		start = i
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if i > 0 && t.para != toks[i-1].para {
			cut(i)
		}
		if t.quote != 0 {
			q := int(t.quote - 1)
			sp := &x.spans[q]
			if sp.open == i && q > 0 && !x.spans[q-1].closed && x.spans[q-1].end == i {
				cut(i)
			}
			if sp.closed && sp.end == i && i > 0 && x.isStop(i-1) && x.startsSentence(i+1) && !x.bareAttribution(i+1) {
				cut(i + 1)
			}
			continue
		}
		if x.isStop(i) && x.startsSentence(i+1) && !x.abbrevBefore(i) {
			cut(i + 1)
		}
	}
	cut(len(toks))
}

func (x *extractor) isStop(i int) bool {
	if x.toks[i].kind != tokPunct {
		return false
	}
	c := x.body[x.toks[i].s]
	return c == '.' || c == '!' || c == '?'
}

func (x *extractor) startsSentence(j int) bool {
	if j >= len(x.toks) || x.toks[j].para != x.toks[j-1].para {
		return true
	}
	t := &x.toks[j]
	switch t.kind {
	case tokWord:
		c := x.body[t.s]
		return t.cap || c >= '0' && c <= '9'
	case tokOpen, tokAmb:
		return true
	}
	return false
}

// abbrevBefore reports whether the stop at i ends an abbreviation or an
// initial ("Mr.", "J.") rather than a sentence.
func (x *extractor) abbrevBefore(i int) bool {
	if i == 0 || x.body[x.toks[i].s] != '.' || x.toks[i-1].kind != tokWord || x.toks[i-1].e != x.toks[i].s {
		return false
	}
	w := x.lw(i - 1)
	return abbrevs[w] || len(w) == 1 && x.toks[i-1].cap
}

// bareAttribution reports whether the words from j are only an attribution
// of the quotation before them ("Trump said." / "he added, …").
func (x *extractor) bareAttribution(j int) bool {
	cue := false
	for k := j; k < len(x.toks) && k < j+8; k++ {
		t := &x.toks[k]
		if t.para != x.toks[j-1].para || t.quote != 0 {
			return false
		}
		if t.kind == tokPunct {
			c := x.body[t.s]
			if c == '.' || c == ',' || c == '!' || c == '?' || c == ';' {
				return cue
			}
			continue
		}
		if _, ok := cueVerbs[x.lw(k)]; ok {
			cue = true
		}
	}
	return false
}

// speakerText is the speaker of a quote as it is stored.
func (c *cue) quoteFields() (speaker, kind, role string) {
	return c.speaker, c.kind, c.role
}

// emitDirect adds quotation q, spoken by c.
func (x *extractor) emitDirect(q int, c *cue) {
	sp := &x.spans[q]
	s := int(x.toks[sp.open].e)
	var e int
	if sp.closed {
		e = int(x.toks[sp.end].s)
	} else {
		e = int(x.toks[sp.end-1].e)
	}
	if e <= s {
		return
	}
	text := x.body[s:e]
	trimmed := strings.TrimLeft(text, " \n\t")
	s += len(text) - len(trimmed)
	text = strings.TrimRight(trimmed, " \n\t,")
	if text == "" {
		return
	}
	speaker, kind, role := c.quoteFields()
	x.out = append(x.out, Quote{Text: text, Speaker: speaker, Role: role, Cue: c.cueWord, Offset: s, Direct: true, Kind: kind})
}

// emitReported adds the statement in tokens [s, e), spoken by c.
func (x *extractor) emitReported(s, e int, c *cue) {
	for s < e && x.toks[s].kind == tokWord && (x.lw(s) == "that" || x.lw(s) == "to") {
		s++
	}
	for e > s && x.toks[e-1].kind == tokPunct {
		e--
	}
	if s >= e {
		return
	}
	bs, be := int(x.toks[s].s), int(x.toks[e-1].e)
	text := x.body[bs:be]
	if strings.ContainsAny(text, "\n") {
		text = collapseSpace(text)
	}
	speaker, kind, role := c.quoteFields()
	x.out = append(x.out, Quote{Text: text, Speaker: speaker, Role: role, Cue: c.cueWord, Offset: bs, Direct: false, Kind: kind})
}
