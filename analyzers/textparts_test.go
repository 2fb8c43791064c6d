package analyzers

import (
	"math"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/google/go-cmp/cmp"
)

// termCounts returns how often each term occurs in tokens.
func termCounts(tokens analysis.TokenStream) map[string]int {
	counts := map[string]int{}
	for _, tok := range tokens {
		counts[string(tok.Term)]++
	}
	return counts
}

// TestTextAnalysisPart checks that a part of a text gets from the text's
// analysis the terms the news analyzer gives it alone, and that the
// analysis is read from the text exactly where that holds: the part is
// the text's bytes and no token crosses its ends.
func TestTextAnalysisPart(t *testing.T) {
	cache := registry.NewCache()
	news, err := NewNews(cache)
	if err != nil {
		t.Fatal(err)
	}
	text, err := NewNewsText(cache)
	if err != nil {
		t.Fatal(err)
	}
	body := "Officials in the United States said the covid-19 talks in Kiev were going well, Peskov's aide said. " +
		"In Latin \u201cAmerica is ready,\u201d he said; it isn't; the aaa-bbb-ccc-ddd-eee-fff-ggg-hhh run ends."
	title := "Kyiv talks go well"
	joined := JoinValues(body, title, title)
	at := func(s string) int { return strings.Index(body, s) }
	tests := []struct {
		name   string
		start  int
		value  string
		shared bool // read from the text's analysis
	}{
		{"a clause", at("the covid"), "the covid-19 talks in Kiev were going well", true},
		{"the whole body", 0, body, true},
		{"the title", len(body) + 1, title, true},
		{"the title's second copy", len(body) + len(title) + 2, title, true},
		{"one word", at("Kiev"), "Kiev", true},
		{"no words", at(", Peskov"), ", ", true},
		{"inside a hyphenated word", at("19 talks"), "19 talks in Kiev", false},
		{"inside a spelling of several words", at("States"), "States said the", false},
		{"cutting a possessive", at("Peskov's"), "Peskov", false},
		{"bytes that are not the text's", at("Kiev"), "Kyiv", false},
		{"past the end", len(joined) - 2, "well and more", false},
		{"an offset no text reaches", math.MaxInt - 2, "well", false},
		{"before the start", -1, "Officials", false},
		{"two values and their separator", len(body) - 5, "ends.\x1eKyiv", false},
		{"after a spelling of several words kept as it is", at("America"), "America is ready", false},
		{"cutting a stop word", at("isn't"), "isn", false},
		{"inside a long hyphenated run", at("bbb-"), "bbb-ccc-ddd-eee-fff-ggg-hhh", false},
		{"before a hyphen", at("the aaa"), "the aaa", false},
		{"a whole hyphenated run", at("aaa-"), "aaa-bbb-ccc-ddd-eee-fff-ggg-hhh", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ta TextAnalysis
			keeping := ta.Analyzer(text)
			if _, ok := keeping.(keepingAnalyzer); !ok {
				t.Fatalf("Analyzer(NewsText) = %T, want one that keeps the analysis", keeping)
			}
			// The text's own analysis is unchanged, offsets dropped alike.
			got, want := keeping.Analyze([]byte(joined)), text.Analyze([]byte(joined))
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("the keeping analyzer's tokens differ from NewsText's (-want +got):\n%s", diff)
			}
			if _, shared := ta.part(tt.start, []byte(tt.value)); shared != tt.shared {
				t.Errorf("part(%d, %q) read from the text = %v, want %v", tt.start, tt.value, shared, tt.shared)
			}
			part := ta.Part(tt.start, news).Analyze([]byte(tt.value))
			if diff := cmp.Diff(termCounts(news.Analyze([]byte(tt.value))), termCounts(part)); diff != "" {
				t.Errorf("Part(%d).Analyze(%q) terms differ from the news analyzer's (-want +got):\n%s", tt.start, tt.value, diff)
			}
		})
	}
}

// TestTextAnalysisBeforeText checks that a part analysed before the text,
// or beside an analyzer that keeps nothing, is analysed as usual.
func TestTextAnalysisBeforeText(t *testing.T) {
	news, err := NewNews(registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	var ta TextAnalysis
	if a := ta.Analyzer(news); a != news {
		t.Errorf("Analyzer(news) = %T, want news itself: it has no offsets to keep", a)
	}
	value := "Peskov said the talks went well"
	got := ta.Part(0, news).Analyze([]byte(value))
	if diff := cmp.Diff(termCounts(news.Analyze([]byte(value))), termCounts(got)); diff != "" {
		t.Errorf("Part before the text: terms differ (-want +got):\n%s", diff)
	}
}

// TestTextAnalysisPositions checks that the positions of a part of a text
// are those the text's analysis gave the tokens within its bytes, though
// the analysis drops the offsets of most.
func TestTextAnalysisPositions(t *testing.T) {
	text, err := NewNewsText(registry.NewCache())
	if err != nil {
		t.Fatal(err)
	}
	body := `Peskov said on Tuesday: "Crimea is part of Russia." The talks in Kiev went on.`
	joined := JoinValues(body, "Kyiv talks", "Kyiv talks")
	at := func(s string) int { return strings.Index(joined, s) }
	tests := []struct {
		name        string
		start, end  int
		first, last int
		ok          bool
		terms       string // the terms at positions first to last
	}{
		{"a quote", at("Crimea"), at(`."`), 5, 9, true, "crimea part russia"},
		{"one word, folded", at("Kiev"), at(" went"), 13, 13, true, "kyiv"},
		{"stop words only", at("is part"), at("is ") + 2, 0, 0, false, ""},
		{"the first title", len(body) + 1, len(body) + 11, 116, 117, true, "kyiv talk"},
		{"nothing", 3, 3, 0, 0, false, ""},
	}
	var ta TextAnalysis
	if _, _, ok := ta.Positions(0, len(joined)); ok {
		t.Errorf("Positions before the text's analysis: ok, want none")
	}
	tokens := ta.Analyzer(text).Analyze([]byte(joined))
	for _, tt := range tests {
		first, last, ok := ta.Positions(tt.start, tt.end)
		if ok != tt.ok || first != tt.first || last != tt.last {
			t.Errorf("%s: Positions(%d, %d) = %d, %d, %v; want %d, %d, %v", tt.name, tt.start, tt.end, first, last, ok, tt.first, tt.last, tt.ok)
		}
		var terms []string
		for _, tok := range tokens {
			if ok && tok.Position >= first && tok.Position <= last {
				terms = append(terms, string(tok.Term))
			}
		}
		if got := strings.Join(terms, " "); got != tt.terms {
			t.Errorf("%s: terms at the part's positions %q, want %q", tt.name, got, tt.terms)
		}
	}
	ta.Release()
	if _, _, ok := ta.Positions(0, len(joined)); ok {
		t.Errorf("Positions after Release: ok, want none")
	}
}
