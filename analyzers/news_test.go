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
			want: []token{{"envoi", 2, 4, 9}, {"said", 3, 10, 14}},
		},
		{
			name: "accents folded with offsets on the original bytes",
			text: "Zürich José",
			want: []token{{"zurich", 1, 0, 7}, {"jose", 2, 8, 13}},
		},
		{
			name: "hyphenated code found whole and in parts",
			text: "covid-19 cases",
			want: []token{{"covid19", 1, 0, 8}, {"covid", 1, 0, 5}, {"19", 2, 6, 8}, {"case", 3, 9, 14}},
		},
		{
			name: "hyphenated model and season",
			text: "F-16 in 2024-25",
			want: []token{{"f16", 1, 0, 4}, {"f", 1, 0, 1}, {"16", 2, 2, 4}, {"202425", 4, 8, 15}, {"2024", 4, 8, 12}, {"25", 5, 13, 15}},
		},
		{
			name: "compound adjective not joined",
			text: "long-lasting",
			want: []token{{"long", 1, 0, 4}, {"last", 2, 5, 12}},
		},
		{
			name: "hyphen with spaces is no hyphenation",
			text: "covid - 19",
			want: []token{{"covid", 1, 0, 5}, {"19", 2, 8, 10}},
		},
		{
			name: "place variants are one term, offsets on the word as written",
			text: "Kiev Kyiv Lugansk Luhansk",
			want: []token{{"kyiv", 1, 0, 4}, {"kyiv", 2, 5, 9}, {"luhansk", 3, 10, 17}, {"luhansk", 4, 18, 25}},
		},
		{
			name: "name variants and possessive",
			text: "Zelenskiy's Zelensky Zelenskyy",
			want: []token{{"zelenski", 1, 0, 11}, {"zelenski", 2, 12, 20}, {"zelenski", 3, 21, 30}},
		},
		{
			name: "variant with an accent",
			text: "Kiëv",
			want: []token{{"kyiv", 1, 0, 5}},
		},
		{
			name: "U.S. and capital US are the country, us the pronoun",
			text: "U.S. and US told us",
			want: []token{{"unitedst", 1, 0, 3}, {"unitedst", 3, 9, 11}, {"told", 4, 12, 16}, {"us", 5, 17, 19}},
		},
		{
			name: "multi-word synonym spans its words, which stay",
			text: "United States and United Kingdom",
			want: []token{
				{"unitedst", 1, 0, 13}, {"unit", 1, 0, 6}, {"state", 2, 7, 13},
				{"unitedkingdom", 4, 18, 32}, {"unit", 4, 18, 24}, {"kingdom", 5, 25, 32},
			},
		},
		{
			name: "Britain, UK and European Union, EU",
			text: "Britain UK EU",
			want: []token{{"unitedkingdom", 1, 0, 7}, {"unitedkingdom", 2, 8, 10}, {"europeanunion", 3, 11, 13}},
		},
		{
			name: "America alone is the country, Latin America is not",
			text: "America Latin America",
			want: []token{{"unitedst", 1, 0, 7}, {"latin", 2, 8, 13}, {"america", 3, 14, 21}},
		},
		{
			name: "gazetteer spellings join the place's term",
			text: "Kiew Kyjiw",
			want: []token{{"kyiv", 1, 0, 4}, {"kyiv", 2, 5, 10}},
		},
		{
			name: "short gazetteer spellings are left alone",
			text: "LA us",
			want: []token{{"la", 1, 0, 2}, {"us", 2, 3, 5}},
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

func TestVariantFilterTable(t *testing.T) {
	f := NewVariantFilter(FromCanonical(map[string][]string{"Kyiv": {"Kiev"}, "New York City": {"New York", "NYC"}}))
	in := analysis.TokenStream{
		{Term: []byte("Kiev"), Position: 1, Start: 0, End: 4},
		{Term: []byte("New"), Position: 2, Start: 5, End: 8},
		{Term: []byte("York"), Position: 3, Start: 9, End: 13},
		{Term: []byte("nyc"), Position: 4, Start: 14, End: 17},
	}
	var got []token
	for _, tok := range f.Filter(in) {
		got = append(got, token{string(tok.Term), tok.Position, tok.Start, tok.End})
	}
	want := []token{{"kyiv", 1, 0, 4}, {"newyorkcity", 2, 5, 13}, {"New", 2, 5, 8}, {"York", 3, 9, 13}, {"newyorkcity", 4, 14, 17}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("VariantFilter.Filter mismatch (-want +got):\n%s", diff)
	}
}

func TestFromCanonicalConflicts(t *testing.T) {
	names := map[string][]string{
		"New York City":    {"New York", "NYC"},
		"New York":         {},
		"Saint Petersburg": {"St Petersburg"},
		"St. Petersburg":   {"St Petersburg"},
	}
	want := VariantTable{
		"new york city": "newyorkcity", "new york": "newyork", "nyc": "newyorkcity",
		"saint petersburg": "saintpetersburg", "st. petersburg": "st.petersburg",
		"st petersburg": "saintpetersburg",
	}
	// Maps are walked in a new order each time: ask often enough that an
	// answer depending on the order would show.
	for range 50 {
		if diff := cmp.Diff(want, FromCanonical(names)); diff != "" {
			t.Fatalf("FromCanonical mismatch (-want +got):\n%s", diff)
		}
	}
}

// infos returns what the filter knows of each of its keys.
func (f *VariantFilter) infos() map[string]variantKeyInfo {
	out := make(map[string]variantKeyInfo, len(f.keys))
	for k := range f.keys {
		out[k] = f.info([]byte(k))
	}
	return out
}

func TestVariantTableStable(t *testing.T) {
	a := NewVariantFilter(placeVariants(), newsSynonyms, newsVariants)
	b := NewVariantFilter(placeVariants(), newsSynonyms, newsVariants)
	if diff := cmp.Diff(a.infos(), b.infos(), cmp.AllowUnexported(variantKeyInfo{})); diff != "" {
		t.Errorf("two NewVariantFilter over the same tables differ (-first +second):\n%s", diff)
	}
}
