package analyzers

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/google/go-cmp/cmp"
)

// token is the part of a bleve token a test compares.
type token struct {
	Term       string
	Position   int
	Start, End int
}

func mustAnalyze(tb testing.TB, name, text string) []token {
	tb.Helper()
	a, err := registry.NewCache().AnalyzerNamed(name)
	if err != nil {
		tb.Fatalf("AnalyzerNamed(%q): %v", name, err)
	}
	var out []token
	for _, t := range a.Analyze([]byte(text)) {
		out = append(out, token{string(t.Term), t.Position, t.Start, t.End})
	}
	return out
}

func TestNews(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []token
	}{
		{
			name: "possessive, case and stemming",
			text: "Putin's talks",
			want: []token{{"putin", 1, 0, 7}, {"talk", 2, 8, 13}},
		},
		{
			name: "stop words dropped, positions kept",
			text: "the envoy said",
			want: []token{{"envoy", 2, 4, 9}, {"said", 3, 10, 14}},
		},
		{
			name: "accents folded with offsets on the original bytes",
			text: "Zürich José",
			want: []token{{"zurich", 1, 0, 7}, {"jose", 2, 8, 13}},
		},
		{
			name: "typographic apostrophe in a possessive",
			text: "Ukraine’s",
			want: []token{{"ukrain", 1, 0, 11}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustAnalyze(t, NewsName, tt.text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Analyze(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"zürich", "zurich"},
		{"straße", "strasse"},
		{"łódź", "lodz"},
		{"ﬁnance", "finance"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := string(Fold([]byte(tt.in))); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldFilterLeavesASCII(t *testing.T) {
	in := analysis.TokenStream{{Term: []byte("kyiv")}}
	out := NewFoldFilter().Filter(in)
	if string(out[0].Term) != "kyiv" {
		t.Errorf("Filter(kyiv) = %q", out[0].Term)
	}
}
