package search

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/search"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		want     string
		fellBack bool
	}{
		{name: "plain words", in: "grain corridor", want: "grain corridor"},
		{name: "phrase and exclusion", in: `"grain corridor" -Odesa`, want: `"grain corridor" -Odesa`},
		{name: "required", in: "+grain Poland", want: "+grain Poland"},
		{name: "AND makes both sides required", in: "grain AND Poland", want: "+grain +Poland"},
		{name: "OR", in: "grain OR wheat", want: "grain OR wheat"},
		{name: "NOT", in: "grain NOT wheat", want: "grain -wheat"},
		{name: "group", in: "+(grain OR wheat) Poland", want: "+(grain OR wheat) Poland"},
		{name: "group of plain words is its words", in: "sudden infant death syndrome (SIDS).", want: "sudden infant death syndrome SIDS"},
		{name: "hyphen after a parenthesis is no operator", in: "(H2A)-histone", want: "H2A histone"},
		{name: "signed number", in: "E2f-1, -2, +1", want: "E2f-1, -2, +1"},
		{name: "prefix", in: "export*", want: "export*"},
		{name: "required phrase", in: `+"grain corridor" -"war risk"`, want: `+"grain corridor" -"war risk"`},
		{name: "short prefix is a word", in: "ex*", want: "ex*"},
		{name: "fuzzy with distance", in: "Witkof~2", want: "Witkof~2"},
		{name: "fuzzy capped", in: "Witkof~9", want: "Witkof~2"},
		{name: "fields", in: "title:Kyiv speaker:Witkoff region:Crimea quote:progress", want: "title:Kyiv speaker:Witkoff region:Crimea quote:progress"},
		{name: "field phrase", in: `speaker:"Steve Witkoff"`, want: `speaker:"Steve Witkoff"`},
		{name: "dates", in: "grain published:>=2025-04-01 published:2025-04", want: "grain published:>=2025-04-01 published:2025-04"},
		{name: "unknown field is a word", in: "a:b", want: "a:b"},
		{name: "bad date falls back", in: "published:April", want: "published April", fellBack: true},
		{name: "unclosed parenthesis falls back", in: "(grain", want: "grain", fellBack: true},
		{name: "stray closing parenthesis falls back", in: "grain)", want: "grain", fellBack: true},
		{name: "lone operator falls back", in: "OR", want: "OR", fellBack: true},
		{name: "unclosed quote runs to the end", in: `"grain corridor`, want: `"grain corridor"`},
		{name: "too deep falls back", in: strings.Repeat("(", MaxQueryDepth+2) + "x" + strings.Repeat(")", MaxQueryDepth+2), want: "x", fellBack: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, fellBack := parseQuery(tt.in)
			if got := q.String(); got != tt.want || fellBack != tt.fellBack {
				t.Errorf("parseQuery(%q) = %q, fell back %v; want %q, %v", tt.in, got, fellBack, tt.want, tt.fellBack)
			}
		})
	}
}

func TestParseQueryTermLimit(t *testing.T) {
	q, fellBack := parseQuery(strings.Repeat("word ", MaxQueryTerms+10))
	if !fellBack || len(q.alts[0]) != MaxQueryTerms {
		t.Errorf("parseQuery(%d words) kept %d words, fell back %v; want %d, true", MaxQueryTerms+10, len(q.alts[0]), fellBack, MaxQueryTerms)
	}
}

func TestDateBounds(t *testing.T) {
	tests := []struct{ in, start, end string }{
		{"2025-04", "2025-04-01", "2025-05-01"},
		{"2025-04-01", "2025-04-01", "2025-04-02"},
		{"2025", "2025-01-01", "2026-01-01"},
		{">=2025-04-01", "2025-04-01", ""},
		{">2025-04", "2025-05-01", ""},
		{"<=2025-04-30", "", "2025-05-01"},
		{"<2025-04-30", "", "2025-04-30"},
	}
	show := func(t interface {
		IsZero() bool
		Format(string) string
	}) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	for _, tt := range tests {
		start, end, err := dateBounds(tt.in)
		if err != nil || show(start) != tt.start || show(end) != tt.end {
			t.Errorf("dateBounds(%q) = %s, %s, %v; want %s, %s", tt.in, show(start), show(end), err, tt.start, tt.end)
		}
	}
}

// FuzzParseQuery checks that no input breaks the parser or the query built
// from it, and that what the parser understood reads back the same.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"grain", `"a b" -c +d`, "(a OR b) AND NOT c", "title:x published:>=2025-04", "a~2 b* (", `"`, "covid-19", "a:b", "-", "+(", "((((", "published:"} {
		f.Add(s)
	}
	m := newMapping()
	stats := &search.BM25Stats{DocCount: 10, FieldCardinality: map[string]int{fieldText: 100}}
	f.Fuzz(func(t *testing.T, in string) {
		q, fellBack := parseQuery(in)
		newCompiler(m, stats).compile(q)
		if fellBack {
			return
		}
		again, fb := parseQuery(q.String())
		if fb || again.String() != q.String() {
			t.Errorf("parseQuery(%q) = %q, which parses as %q (fell back %v)", in, q.String(), again.String(), fb)
		}
	})
}
