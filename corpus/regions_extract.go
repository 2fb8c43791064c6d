package corpus

import (
	"strings"
)

// extraction is what the place matcher found in one article.
type extraction struct {
	mentions []mention
	// demonyms are the countries named by nationality words ("Russian").
	demonyms []int32
	// surnames are the names seen as a person's ("Michael Jordan"): their
	// other bare mentions in the article are the person too.
	surnames []string
	// hintCountry and hintDivision come from the dateline's second part
	// ("GREENWICH, Conn.", "SALVADOR, Brazil"); -1 where there is none.
	hintCountry, hintDivision int32
}

// extract finds the place names in an article's title, dateline and body,
// and drops those that are words, people or parts of organisation names.
func (g *gazetteer) extract(a *Article) *extraction {
	x := &extraction{hintCountry: -1, hintDivision: -1}
	m := &matcher{g: g}
	var toks []token
	if a.Title != "" {
		toks = tokenize(a.Title, toks[:0])
		x.scanSegment(m, toks, segTitle, 0, isHeadlineCase(toks))
	}
	dateline := a.Dateline
	para := 0
	for p := range strings.SplitSeq(a.Body, "\n\n") {
		if dateline == "" && para < maxDatelinePara {
			// A dateline left at the head of the body: "WASHINGTON,
			// Feb 27 - The USDA said".
			if d, rest, ok := bodyDateline(p); ok {
				dateline, p = d, rest
			}
		}
		toks = tokenize(p, toks[:0])
		x.scanSegment(m, toks, segBody, para, isShouted(toks))
		para++
	}
	if dateline != "" {
		x.scanDateline(m, dateline)
	}
	x.dropSurnames()
	return x
}

// scanSegment matches one segment and keeps the mentions its context
// allows.
func (x *extraction) scanSegment(m *matcher, toks []token, seg segment, para int, caps bool) {
	start := len(x.mentions)
	x.mentions = m.scan(toks, seg, para, caps, x.mentions)
	kept := x.mentions[:start]
	for _, mn := range x.mentions[start:] {
		ok, surname := keepMention(m.g, toks, &mn)
		if surname {
			x.surnames = append(x.surnames, mn.key)
		}
		if ok {
			kept = append(kept, mn)
		}
	}
	x.mentions = kept
	if useDemonyms && seg != segDateline && !caps {
		x.findDemonyms(m.g, toks)
	}
}

// findDemonyms notes the countries named by nationality words.
func (x *extraction) findDemonyms(g *gazetteer, toks []token) {
	for i, t := range toks {
		if !t.upper {
			continue
		}
		iso, ok := demonyms[t.key]
		if !ok && i+1 < len(toks) && toks[i+1].tight {
			iso, ok = demonyms[t.key+" "+toks[i+1].key]
		}
		if !ok {
			continue
		}
		if c, ok := g.countryISO[iso]; ok {
			x.demonyms = append(x.demonyms, c)
		}
	}
}

// isShouted reports whether a body paragraph is written in capitals, as
// some wire tables are.
func isShouted(toks []token) bool {
	n, caps := 0, 0
	for _, t := range toks {
		if len(t.key) < 3 {
			continue
		}
		n++
		if t.allCaps {
			caps++
		}
	}
	return n >= 3 && caps*10 >= n*7
}
