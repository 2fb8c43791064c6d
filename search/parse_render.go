package search

import (
	"strconv"
	"strings"
)

// String renders the query as Dateline understood it, in the query
// language itself, so a person can see what was searched for and edit it.
func (q *parsedQuery) String() string {
	var alts []string
	for _, seq := range q.alts {
		var parts []string
		for _, c := range seq {
			parts = append(parts, c.String())
		}
		alts = append(alts, strings.Join(parts, " "))
	}
	return strings.Join(alts, " OR ")
}

func (c clause) String() string {
	var b strings.Builder
	if c.occur != should && c.kind == kindWord && c.field == "" && startsSigned(c.text) {
		// +1 and -3 read back as signed numbers: group them.
		c.kind, c.group = kindGroup, &parsedQuery{alts: [][]clause{{{kind: kindWord, text: c.text}}}}
	}
	switch c.occur {
	case must:
		b.WriteByte('+')
	case mustNot:
		b.WriteByte('-')
	}
	if c.field != "" {
		b.WriteString(c.field + ":")
	}
	switch c.kind {
	case kindPhrase:
		b.WriteString(`"` + c.text + `"`)
	case kindPrefix:
		b.WriteString(c.text + "*")
	case kindFuzzy:
		b.WriteString(c.text + "~" + strconv.Itoa(c.fuzz))
	case kindGroup:
		b.WriteString("(" + c.group.String() + ")")
	default:
		b.WriteString(c.text)
	}
	return b.String()
}

// startsSigned reports whether a word would read back as a signed number
// or an operator after + or -.
func startsSigned(w string) bool {
	return w != "" && (w[0] >= '0' && w[0] <= '9' || w[0] == '+' || w[0] == '-')
}
