package analyzers

import (
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// TestNewsTextValues checks that each value of a joined text gets the news
// analyzer's terms for it alone, at its positions moved past the values
// before it by ValueGap.
func TestNewsTextValues(t *testing.T) {
	news, err := NewNews(registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	text, err := NewNewsText(registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"Grain exports rose in Odesa"},
		{"Grain exports rose in Odesa", "Kiev talks", "Kiev talks"},
		{"The covid-19 cases and F-16 jets", "covid-19"},
		{"", "Peskov said", ""},
		{"a value with \x1e inside", "the next"},
	}
	type term struct {
		term string
		pos  int
	}
	for _, values := range tests {
		var want []term
		base := 0
		for _, v := range values {
			v = strings.ReplaceAll(v, "\x1e", " ")
			for _, tok := range news.Analyze([]byte(v)) {
				want = append(want, term{string(tok.Term), tok.Position + base})
			}
			last := 0
			for _, tok := range NewHyphenTokenizer().Tokenize([]byte(v)) {
				last = max(last, tok.Position)
			}
			base += last + ValueGap
		}
		var got []term
		for _, tok := range text.Analyze([]byte(JoinValues(values...))) {
			got = append(got, term{string(tok.Term), tok.Position})
		}
		if !slices.Equal(got, want) {
			t.Errorf("NewsText(%q) = %v, want %v", values, got, want)
		}
	}
}

// TestNewsTextOffsets checks that only tokens sharing bytes with another
// keep their offsets, and keep them right.
func TestNewsTextOffsets(t *testing.T) {
	a, err := NewNewsText(registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	input := "Rising covid-19 cases\x1eF-16 jets"
	want := map[string][2]int{
		"rise": {0, 0}, "case": {0, 0}, "jet": {0, 0},
		"covid": {7, 12}, "19": {13, 15}, "covid19": {7, 15},
		"f": {22, 23}, "16": {24, 26}, "f16": {22, 26},
	}
	got := map[string][2]int{}
	for _, tok := range a.Analyze([]byte(input)) {
		got[string(tok.Term)] = [2]int{tok.Start, tok.End}
	}
	for term, w := range want {
		if g, ok := got[term]; !ok || g != w {
			t.Errorf("NewsText(%q) %s at %v (found %v), want %v", input, term, g, ok, w)
		}
	}
}

func TestLoneOffsetsUnsorted(t *testing.T) {
	tok := func(term string, start, end int) *analysis.Token {
		return &analysis.Token{Term: []byte(term), Start: start, End: end}
	}
	in := analysis.TokenStream{tok("c", 20, 25), tok("ab", 0, 9), tok("b", 5, 9), tok("a", 0, 4), tok("d", 30, 31)}
	want := map[string][2]int{"a": {0, 4}, "b": {5, 9}, "ab": {0, 9}, "c": {0, 0}, "d": {0, 0}}
	for _, tok := range (loneOffsets{}).Filter(in) {
		if g := [2]int{tok.Start, tok.End}; g != want[string(tok.Term)] {
			t.Errorf("loneOffsets: %s at %v, want %v", tok.Term, g, want[string(tok.Term)])
		}
	}
}
