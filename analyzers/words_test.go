package analyzers

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
)

// fullToken is every field of a bleve token, for comparing streams.
type fullToken struct {
	Term                 string
	Position, Start, End int
	Type                 analysis.TokenType
	KeyWord              bool
}

func fullTokens(ts analysis.TokenStream) []fullToken {
	out := make([]fullToken, 0, len(ts))
	for _, t := range ts {
		out = append(out, fullToken{string(t.Term), t.Position, t.Start, t.End, t.Type, t.KeyWord})
	}
	return out
}

// diffStreams describes the first difference between two token streams,
// or returns "" where they are the same.
func diffStreams(got, want []fullToken) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("token %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("got %d tokens, want %d", len(got), len(want))
	}
	return ""
}

// mustMatchReference fails tb where the news tokenizer and the reference
// split text differently; it returns the number of tokens compared.
func mustMatchReference(tb testing.TB, text []byte) int {
	tb.Helper()
	// Each tokenizer gets its own copy: later filters write into the
	// input, and a tokenizer must not see the other's changes.
	want := fullTokens(newReferenceTokenizer().Tokenize(append([]byte(nil), text...)))
	got := fullTokens(NewHyphenTokenizer().Tokenize(append([]byte(nil), text...)))
	if d := diffStreams(got, want); d != "" {
		tb.Fatalf("HyphenTokenizer.Tokenize(%q) differs from the segmenter: %s", text, d)
	}
	return len(want)
}

func TestTokenizerTricky(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the terms, where the test states them
	}{
		{name: "apostrophes", text: "Putin's don't rock'n'roll 'quoted' o'", want: []string{"Putin's", "don't", "rock'n'roll", "quoted", "o"}},
		{name: "typographic apostrophe", text: "Ukraine’s Kyiv’ ’s"},
		{name: "initialisms", text: "the U.S. and U.K.-based e.g. a.b.c. U.S.A", want: []string{"the", "U.S", "and", "U.K", "based", "e.g", "a.b.c", "U.S.A"}},
		{name: "numbers", text: "3.5% 1,000 1,000.50 2024-25 3:30 1;2 1.a a.1 1..2 .5 5.", want: []string{"3.5", "1,000", "1,000.50", "202425", "2024", "25", "3", "30", "1;2", "1", "a", "a", "1", "1", "2", "5", "5"}},
		{name: "letters and digits", text: "F-16 covid-19 mp3 3D 4x4 a_b _x_ __ 1_000", want: []string{"F16", "F", "16", "covid19", "covid", "19", "mp3", "3D", "4x4", "a_b", "_x_", "__", "1_000"}},
		{name: "colon joins letters only", text: "a:b 1:2 a:1 a::b", want: []string{"a:b", "1", "2", "a", "1", "a", "b"}},
		{name: "e-mail and URLs", text: "e-mail me at a.b@example.com or https://news.example.org/a-b?c=1&d=e_f#g"},
		{name: "hyphen joins", text: "x-ray al-Qaeda state-of-the-art long-lasting a-b-c-d-e-f-g-h covid - 19 covid‐19 F‑16 a--b"},
		{name: "variants", text: "Kiev Kyiv Kiëv Lugansk Zelenskiy's"},
		{name: "non-Latin scripts", text: "Київ Москва 北京市 東京 ひらがな カタカナ 한국어 العربية עברית ש\"ע ש'"},
		{name: "combining marks", text: "Kie\u0301v e\u0301 a \u0301b 1\u03012 .\u0301 _\u0301x"},
		{name: "emoji", text: "news 👍 today 🇺🇦🇷🇺 flag 👩‍👩‍👧 family"},
		{name: "NUL and controls", text: "a\x00b c\x01d\x7fe\tf\r\ng\vh\fi\r"},
		{name: "invalid UTF-8", text: "good \xff bad"},
		{name: "invalid UTF-8 after a letter", text: "abc\xffdef ghi"},
		{name: "truncated sequence", text: "abc \xe2\x80 def"},
		{name: "lead byte before ASCII", text: "ab\xcdA cd \xc4 ef"},
		{name: "quotes and dashes", text: "“Peace,” he said — “now” – 1990–91"},
		{name: "soft hyphen and zero width", text: "co\u00adoperate zero\u200bwidth joi\u200dner"},
		{name: "no-break space", text: "10\u00a0km 1\u202f000"},
		{name: "empty", text: ""},
		{name: "only punctuation", text: "... --- !!!"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mustMatchReference(t, []byte(tt.text))
			if tt.want == nil {
				return
			}
			var got []string
			for _, tok := range NewHyphenTokenizer().Tokenize([]byte(tt.text)) {
				got = append(got, string(tok.Term))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Tokenize(%q) terms = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestSplitWordsASCII compares splitWords with bleve's unicode tokenizer
// on every ASCII text of up to three bytes, and on every text of up to
// five characters over one of each class, where the joiners' rules act:
// with the typographic quotes and dashes splitWords knows, and a
// combining mark, an Arabic letter and an invalid byte that it hands to
// the segmenter.
func TestSplitWordsASCII(t *testing.T) {
	ref := unicode.NewUnicodeTokenizer()
	check := func(text []byte) {
		want := fullTokens(ref.Tokenize(text))
		words, _ := splitWords(text)
		got := fullTokens(words)
		if d := diffStreams(got, want); d != "" {
			t.Fatalf("splitWords(%q) differs from the segmenter: %s", text, d)
		}
	}
	var all []string
	for b := range 128 {
		all = append(all, string(rune(b)))
	}
	eachText(all, 3, check)
	if testing.Short() {
		return
	}
	eachText([]string{"a", "0", "_", ":", ".", "'", ",", " ", "\r", "\n", "\"", "’", "“", "—", "\u0301", "ب", "\xff"}, 5, check)
}

// eachText calls f with every text of up to n pieces from alphabet.
func eachText(alphabet []string, n int, f func([]byte)) {
	var buf []byte
	var rec func(depth int)
	rec = func(depth int) {
		f(buf)
		if depth == n {
			return
		}
		for _, s := range alphabet {
			buf = append(buf, s...)
			rec(depth + 1)
			buf = buf[:len(buf)-len(s)]
		}
	}
	rec(0)
}

// FuzzTokenizerMatchesSegmenter holds the news tokenizer to the reference
// (bleve's unicode tokenizer and the hyphen joins) on arbitrary input.
func FuzzTokenizerMatchesSegmenter(f *testing.F) {
	for _, s := range []string{
		"Putin's U.S. 3.5% 1,000 e-mail covid-19",
		"Kiev Київ 北京 👍 a\x00b \xff",
		"ab\xcdA cd \xc4 ef “quoted” — 1990–91",
		"co\u00adoperate Kie\u0301v 10\u00a0km",
		"a\r\nb\r c\n",
		"Ukraine’s ‘quoted’ “said” — 1990–91 don’t 3’5 ’’ ’\u0301 “\xff",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		mustMatchReference(t, text)
	})
}
