package search

import "strings"

// markTerms are the terms of a query that snippets mark: analysed terms,
// prefixes and fuzzy words, as the index holds them.
type markTerms struct {
	exact    map[string]bool
	prefixes []string
	fuzzy    []fuzzyTerm
}

// fuzzyTerm is a word searched with word~N.
type fuzzyTerm struct {
	term string
	dist int
}

func newMarkTerms() *markTerms { return &markTerms{exact: map[string]bool{}} }

// markedField reports whether terms of a query field show in the title
// and body: speaker and region names match fields of their own.
func markedField(field string) bool {
	return field == "" || field == "title" || field == "quote"
}

func (m *markTerms) addTerms(field string, terms []weightedTerm) {
	if markedField(field) {
		for _, t := range terms {
			m.exact[t.Term] = true
		}
	}
}

func (m *markTerms) addPrefix(field, prefix string) {
	if markedField(field) {
		m.prefixes = append(m.prefixes, prefix)
	}
}

func (m *markTerms) addFuzzy(field, term string, dist int) {
	if markedField(field) {
		m.fuzzy = append(m.fuzzy, fuzzyTerm{term, dist})
	}
}

func (m *markTerms) empty() bool {
	return len(m.exact) == 0 && len(m.prefixes) == 0 && len(m.fuzzy) == 0
}

// match reports whether an analysed term of the text is marked.
func (m *markTerms) match(term string) bool {
	if m.exact[term] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(term, p) {
			return true
		}
	}
	for _, f := range m.fuzzy {
		if editDistance(term, f.term, f.dist) <= f.dist {
			return true
		}
	}
	return false
}

// editDistance is the Levenshtein distance of a and b in runes, or
// limit+1 as soon as it exceeds limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
