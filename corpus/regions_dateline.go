package corpus

import (
	"strings"
)

// maxDatelinePara is how far into the body a dateline may have been left:
// wire copy repeated from an earlier feed opens with a line or two
// ("REPEAT FROM LATE FRIDAY") before it.
const maxDatelinePara = 3

// months open the date part of a dateline.
var months = set("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")

// scanDateline reads a dateline, "PLACE, Qualifier, Month D": the place,
// and the US state, division or country that qualifies it ("ELWOOD,
// Kan.", "WINNIPEG, Manitoba"). The qualifier counts as a place of its own
// and picks among the place's namesakes (see resolveOne); a place the
// gazetteer does not hold in the qualifier is dropped, so that a Kansas
// town missing from it is not a namesake in Australia.
func (x *extraction) scanDateline(m *matcher, dateline string) {
	parts := strings.Split(dateline, ",")
	toks := tokenize(parts[0], nil)
	if len(parts) > 1 {
		x.hintFrom(m.g, parts[1])
	}
	x.scanSegment(m, toks, segDateline, 0, true)
	hint := x.hintDivision
	if hint < 0 {
		hint = x.hintCountry
	}
	if hint >= 0 {
		x.mentions = append(x.mentions, mention{seg: segDateline, key: strings.TrimSpace(strings.ToLower(parts[1])),
			refs: []nameRef{{place: hint, primary: true}}, caps: true})
	}
}

// bodyDateline splits a paragraph that opens with a dateline in capitals,
// "WASHINGTON, Feb 27 - The USDA said", into the dateline and the rest.
func bodyDateline(p string) (dateline, rest string, ok bool) {
	head, tail, found := strings.Cut(p, " - ")
	if !found || len(head) > 60 {
		return "", p, false
	}
	place, date, found := strings.Cut(head, ",")
	if !found || place == "" || strings.ToUpper(place) != place {
		return "", p, false
	}
	fields := strings.Fields(date)
	if len(fields) == 0 || !months[strings.ToLower(strings.TrimSuffix(fields[len(fields)-min(2, len(fields))], "."))] {
		return "", p, false
	}
	return head, tail, true
}

// hintFrom reads the part of a dateline after the place: a US state
// abbreviation or a country.
func (x *extraction) hintFrom(g *gazetteer, rest string) {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return
	}
	toks := tokenize(rest, nil)
	if len(toks) == 0 || !toks[0].upper || months[toks[0].key] {
		return
	}
	key := toks[0].key
	if st, ok := usStateAbbrevs[strings.TrimSuffix(key, ".")]; ok {
		x.hintDivision = g.division("US." + st)
		return
	}
	for n := min(len(toks), 4); n >= 1; n-- {
		for _, r := range g.refs(joinKeys(toks[:n])) {
			switch g.places[r.place].kind {
			case kindCountry:
				x.hintCountry = r.place
				return
			case kindDivision:
				if r.primary {
					x.hintDivision = r.place
					return
				}
			}
		}
	}
}
