package search

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the query language, so that no input costs more than a page of
// results is worth.
const (
	// MaxQueryDepth bounds the nesting of parentheses: people write two or
	// three levels; more is a pasted expression, searched as words.
	MaxQueryDepth = 8
	// MaxQueryTerms bounds the words, phrases and field values of one
	// query: every term opens a posting list, and a paragraph of a
	// hundred words says no more than its first sixty-four.
	MaxQueryTerms = 64
	// maxFuzziness is the largest edit distance word~N asks for: at three
	// edits a short word matches half the dictionary.
	maxFuzziness = 2
	// minExpanded is the shortest prefix (prefix*) or fuzzy word (word~)
	// expanded over the dictionary: "a*" would open a posting list for
	// every word starting with a, and "ox~" match every short word.
	// Shorter ones are searched as words.
	minExpanded = 3
	// maxFuzzyLength is the longest word made fuzzy: no word of a language
	// is longer, and the automaton of the words near a longer one grows
	// past what bleve builds. Longer ones are searched as words.
	maxFuzzyLength = 40
)

// occur is how a clause takes part in a query.
type occur int

const (
	should  occur = iota // preferred, not required (plain words)
	must                 // +word, or joined by AND
	mustNot              // -word, NOT word
)

// clauseKind says what a clause matches.
type clauseKind int

const (
	kindWord   clauseKind = iota // one word, ranked by BM25
	kindPhrase                   // "words in order"
	kindPrefix                   // word*
	kindFuzzy                    // word~ or word~2
	kindGroup                    // ( … )
	kindDate                     // published:…
)

// clause is one part of a parsed query.
type clause struct {
	occur occur
	kind  clauseKind
	// field is "" for the article's text, else title, speaker, region or
	// quote.
	field string
	text  string // the word, phrase, prefix, or date as typed
	fuzz  int    // the edit distance of a fuzzy word
	group *parsedQuery
}

// parsedQuery is a query as the parser understood it: alternatives joined
// by OR, each a sequence of clauses.
type parsedQuery struct {
	alts [][]clause
}

// queryFields are the fields a person may name; published is the date.
var queryFields = map[string]bool{"title": true, "speaker": true, "region": true, "quote": true, "published": true}

// errSyntax is why a query is searched as plain words instead.
var errSyntax = errors.New("query syntax")

// parseQuery parses the query language (see README, "Searching: the query
// language"). What it cannot parse falls back to the query's plain words,
// so every input gives a query; fellBack reports that.
func parseQuery(input string) (q *parsedQuery, fellBack bool) {
	p := &parser{toks: lex(input)}
	q, err := p.parse(0)
	if err == nil && p.pos < len(p.toks) {
		err = fmt.Errorf("%w: unexpected %q", errSyntax, p.toks[p.pos].text)
	}
	if err == nil {
		return q, false
	}
	return plainWords(input), true
}

// plainWords is the fallback: the input split at white space and the
// characters of the syntax, each piece that holds a letter or digit a word
// for the analyzer ("IL-10" stays one).
func plainWords(input string) *parsedQuery {
	words := strings.FieldsFunc(input, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`()"*~:+`, r) })
	words = slices.DeleteFunc(words, func(w string) bool { return !hasWord(w) })
	if len(words) > MaxQueryTerms {
		words = words[:MaxQueryTerms]
	}
	var seq []clause
	for _, w := range words {
		seq = append(seq, clause{kind: kindWord, text: w})
	}
	return &parsedQuery{alts: [][]clause{seq}}
}

// token is one lexical unit: an operator, a quoted phrase or a word.
type token struct {
	kind byte // '(' ')' '"' (phrase) 'w' (word)
	text string
	// glued says the token follows the one before without a space, as in
	// "(H2A)-histone", where a leading - is a hyphen, not NOT.
	glued bool
}

// lex splits the input into tokens: parentheses, quoted phrases (an
// unclosed quote runs to the end) and words separated by white space.
func lex(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			out = append(out, token{kind: c, text: string(c)})
			i++
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				j = len(s) - i - 1
			}
			out = append(out, token{kind: '"', text: s[i+1 : i+1+j]})
			i += j + 2
		default:
			j := i
			for j < len(s) && !strings.ContainsRune(" \t\n\r()", rune(s[j])) {
				if s[j] == '"' && j > i && (s[j-1] == ':' || s[i:j] == "+" || s[i:j] == "-") {
					break // field:"a phrase", +"a phrase"
				}
				j++
			}
			glued := i > 0 && (s[i-1] == ')' || s[i-1] == '"')
			out = append(out, token{kind: 'w', text: s[i:j], glued: glued})
			i = j
		}
	}
	return out
}

// parser is a recursive-descent parser over the tokens.
type parser struct {
	toks  []token
	pos   int
	terms int
}

func (p *parser) peek() (token, bool) {
	if p.pos < len(p.toks) {
		return p.toks[p.pos], true
	}
	return token{}, false
}

// parse reads alternatives separated by OR up to a closing parenthesis.
func (p *parser) parse(depth int) (*parsedQuery, error) {
	if depth > MaxQueryDepth {
		return nil, fmt.Errorf("%w: parentheses nested deeper than %d", errSyntax, MaxQueryDepth)
	}
	q := &parsedQuery{}
	var seq []clause
	next := should
	for {
		t, ok := p.peek()
		if !ok || t.kind == ')' {
			break
		}
		if t.kind == 'w' && (t.text == "+" || t.text == "-") && !t.glued &&
			p.pos+1 < len(p.toks) && (p.toks[p.pos+1].kind == '(' || p.toks[p.pos+1].kind == '"') {
			next = must // +( … ), +" … "
			if t.text == "-" {
				next = mustNot
			}
			p.pos++
			continue
		}
		if t.kind == 'w' && !hasWord(t.text) {
			p.pos++ // a dash or full stop between words
			continue
		}
		if t.kind == 'w' {
			switch t.text {
			case "OR":
				if len(seq) == 0 {
					return nil, fmt.Errorf("%w: OR without a left side", errSyntax)
				}
				q.alts = append(q.alts, seq)
				seq, next = nil, should
				p.pos++
				continue
			case "AND":
				if len(seq) == 0 {
					return nil, fmt.Errorf("%w: AND without a left side", errSyntax)
				}
				if seq[len(seq)-1].occur == should {
					seq[len(seq)-1].occur = must
				}
				next = must
				p.pos++
				continue
			case "NOT":
				next = mustNot
				p.pos++
				continue
			}
		}
		c, err := p.clause(depth, next)
		if err != nil {
			return nil, err
		}
		if plain := plainGroup(c); plain != nil {
			// "(SIDS)" in running text is its words, ranked with the rest.
			seq = append(seq, plain...)
		} else {
			seq = append(seq, c)
		}
		next = should
	}
	if len(seq) == 0 {
		return nil, fmt.Errorf("%w: nothing to search for", errSyntax)
	}
	if next != should {
		return nil, fmt.Errorf("%w: operator without a right side", errSyntax)
	}
	q.alts = append(q.alts, seq)
	return q, nil
}

// clause reads one clause: a group, a phrase or a word with its prefix
// (+, -), field and suffix (*, ~).
func (p *parser) clause(depth int, oc occur) (clause, error) {
	t := p.toks[p.pos]
	p.pos++
	if p.terms++; p.terms > MaxQueryTerms {
		return clause{}, fmt.Errorf("%w: more than %d terms", errSyntax, MaxQueryTerms)
	}
	switch t.kind {
	case '(':
		g, err := p.parse(depth + 1)
		if err != nil {
			return clause{}, err
		}
		if t, ok := p.peek(); !ok || t.kind != ')' {
			return clause{}, fmt.Errorf("%w: unclosed parenthesis", errSyntax)
		}
		p.pos++
		return clause{occur: oc, kind: kindGroup, group: g}, nil
	case ')':
		return clause{}, fmt.Errorf("%w: unopened parenthesis", errSyntax)
	case '"':
		if !hasWord(t.text) {
			return clause{}, fmt.Errorf("%w: empty phrase", errSyntax)
		}
		return clause{occur: oc, kind: kindPhrase, text: t.text}, nil
	}
	w := strings.ReplaceAll(t.text, `"`, "") // a stray quote inside a word
	if t.glued {
		w = strings.TrimLeft(w, "+-") // "(H2A)-histone": a hyphen, no operator
	}
	// +1 and -3 are signed numbers, not operators.
	if len(w) > 1 && (w[0] == '+' || w[0] == '-') && !t.glued && !(w[1] >= '0' && w[1] <= '9') {
		if w[0] == '+' {
			oc = must
		} else {
			oc = mustNot
		}
		w = strings.TrimLeft(w[1:], "+-")
	}
	c := clause{occur: oc, kind: kindWord}
	if i := strings.IndexByte(w, ':'); i > 0 && queryFields[strings.ToLower(w[:i])] {
		c.field = strings.ToLower(w[:i])
		w = w[i+1:]
		if w == "" {
			nt, ok := p.peek()
			if !ok || nt.kind != '"' {
				return clause{}, fmt.Errorf("%w: field %s without a value", errSyntax, c.field)
			}
			p.pos++
			c.kind, c.text = kindPhrase, nt.text
			if c.field == "published" {
				return clause{}, fmt.Errorf("%w: published takes a date", errSyntax)
			}
			return c, nil
		}
		if c.field == "published" {
			if _, _, err := dateBounds(w); err != nil {
				return clause{}, err
			}
			c.kind, c.text = kindDate, w
			return c, nil
		}
	}
	switch {
	case strings.HasSuffix(w, "*") && utf8.RuneCountInString(strings.TrimRight(w, "*")) >= minExpanded:
		c.kind, c.text = kindPrefix, strings.TrimRight(w, "*")
	case strings.Contains(w, "~") && utf8.RuneCountInString(w[:strings.IndexByte(w, '~')]) >= minExpanded &&
		utf8.RuneCountInString(w[:strings.IndexByte(w, '~')]) <= maxFuzzyLength:
		i := strings.IndexByte(w, '~')
		c.kind, c.text, c.fuzz = kindFuzzy, w[:i], 1
		if n, err := strconv.Atoi(w[i+1:]); err == nil && n >= 0 {
			c.fuzz = min(n, maxFuzziness)
		}
	default:
		c.text = w
	}
	if !hasWord(c.text) {
		return clause{}, fmt.Errorf("%w: %q holds no word", errSyntax, t.text)
	}
	return c, nil
}

// hasWord reports whether s holds a letter or digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// plainGroup returns the clauses of a preferred group that holds only
// preferred plain words, or nil.
func plainGroup(c clause) []clause {
	if c.kind != kindGroup || c.occur != should || len(c.group.alts) != 1 {
		return nil
	}
	for _, in := range c.group.alts[0] {
		if in.kind != kindWord || in.occur != should {
			return nil
		}
	}
	return c.group.alts[0]
}
