package search

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"dateline/analyzers"

	"dateline/corpus"
)

// phraseArticles hold the words of the phrases below, once in order and
// once out of order or split across values.
func phraseArticles() []corpus.Article {
	day := time.Date(2025, 4, 11, 0, 0, 0, 0, time.UTC)
	return []corpus.Article{{
		ID:        "in-order",
		Title:     "Grain corridor reopens at the port",
		Body:      "Ships left the port on Tuesday.",
		Published: day,
		Speakers:  []string{"Steve Witkoff"},
		Regions:   []string{"United States"},
		Quotes: []corpus.Quote{
			{Text: "We are making real progress", Speaker: "Steve Witkoff", Direct: true},
			{Text: "The talks will go on", Speaker: "Marco Rubio", Direct: true},
		},
	}, {
		ID:        "scattered",
		Title:     "Corridor for grain reopens at the port",
		Body:      "Ships left the port on Wednesday.",
		Published: day,
		Speakers:  []string{"Steve Rubio", "Marco Witkoff"},
		Regions:   []string{"United Kingdom"},
		Quotes: []corpus.Quote{
			{Text: "Progress, real progress, we are making it", Speaker: "Steve Rubio", Direct: true},
		},
	}}
}

// phraseCases are required phrases on each short field (a phrase alone
// ranks the documents holding its words, the phrase first): hits, by id,
// in any order.
var phraseCases = []struct {
	name  string
	query string
	want  []string
}{
	{"title phrase", `+title:"grain corridor"`, []string{"in-order"}},
	{"title phrase reversed", `+title:"corridor grain"`, nil},
	{"title phrase over a stop word", `+title:"reopens at the port"`, []string{"in-order", "scattered"}},
	{"quote phrase", `+quote:"making real progress"`, []string{"in-order"}},
	{"quote phrase across two quotes", `+quote:"progress the talks"`, nil},
	{"speaker phrase", `+speaker:"Steve Witkoff"`, []string{"in-order"}},
	{"speaker phrase across two speakers", `+speaker:"Rubio Marco"`, nil},
	{"speaker phrase of a quote's speaker", `+speaker:"Marco Rubio"`, []string{"in-order"}},
	{"region phrase", `+region:"United States"`, []string{"in-order"}},
	{"region phrase reversed", `+region:"States United"`, nil},
	{"one word phrase", `+title:"corridor"`, []string{"in-order", "scattered"}},
}

// checkPhrases runs phraseCases against x.
func checkPhrases(t *testing.T, x *Index) {
	t.Helper()
	for _, tc := range phraseCases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := x.Search(context.Background(), Request{Query: tc.query, Size: 10})
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.query, err)
			}
			got := ids(res)
			slices.Sort(got)
			want := append([]string{}, tc.want...)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("Search(%q) hits %v, want %v", tc.query, got, want)
			}
			if res.Total != uint64(len(want)) {
				t.Errorf("Search(%q).Total = %d, want %d", tc.query, res.Total, len(want))
			}
		})
	}
}

// TestShortFieldPhrases checks phrases on the fields that keep no
// positions against their text.
func TestShortFieldPhrases(t *testing.T) {
	x := mustIndex(t, phraseArticles())
	for _, f := range []string{fieldTitle, fieldSpeakerName, fieldRegionName} {
		if keepsVectors(x.cur.Mapping(), f) {
			t.Errorf("keepsVectors(%s) = true, want the field without positions", f)
		}
	}
	if !quotesInText(x.cur.Mapping()) {
		t.Errorf("quotesInText = false, want the quotes marked in %s", fieldText)
	}
	if !keepsVectors(x.cur.Mapping(), fieldText) {
		t.Errorf("keepsVectors(%s) = false, want positions for phrases and proximity", fieldText)
	}
	checkPhrases(t, x)
	// After a rebuild the phrases are checked against the same store
	// through the new index.
	if err := x.Rebuild(context.Background(), nil); err != nil {
		t.Fatalf("Rebuild: %v", err)
	}
	checkPhrases(t, x)
}

// TestShortFieldPhrasesOldIndex checks that an index made while the short
// fields kept their positions answers the same phrases from them.
func TestShortFieldPhrasesOldIndex(t *testing.T) {
	m := quoteFieldMapping()
	for _, f := range []string{fieldTitle, fieldQuote, fieldSpeakerName, fieldRegionName} {
		m.TypeMapping[docType].Properties[f].Fields[0].IncludeTermVectors = true
	}
	x := mustIndexWithMapping(t, m, phraseArticles())
	if !keepsVectors(x.cur.Mapping(), fieldQuote) {
		t.Fatalf("keepsVectors(%s) = false on an index made with positions", fieldQuote)
	}
	checkPhrases(t, x)
}

// TestQuoteFieldIndex checks that an index made while the quotes were a
// field of their own, without positions, answers the same phrases.
func TestQuoteFieldIndex(t *testing.T) {
	x := mustIndexWithMapping(t, quoteFieldMapping(), phraseArticles())
	if quotesInText(x.cur.Mapping()) || keepsVectors(x.cur.Mapping(), fieldQuote) {
		t.Fatalf("quotesInText, keepsVectors(%s) = %v, %v; want the quotes a field without positions",
			fieldQuote, quotesInText(x.cur.Mapping()), keepsVectors(x.cur.Mapping(), fieldQuote))
	}
	checkPhrases(t, x)
	// Its text is the body and the titles alone: a quote the body does
	// not hold is in the quote field only.
	y := mustIndexWithMapping(t, quoteFieldMapping(), quotedArticles())
	for q, want := range map[string][]string{"corridors": {}, "quote:corridors": {"given"}, "+quote:covid-19": {}, `+quote:"fight and victory"`: {}} {
		res, err := y.Search(context.Background(), Request{Query: q, Size: 10})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		if got := ids(res); !slices.Equal(got, want) {
			t.Errorf("quote field index: Search(%q) = %v, want %v", q, got, want)
		}
	}
}

// quoteFieldMapping returns the schema of indexes made while the quotes
// were a field of their own, analysed as news English without positions.
func quoteFieldMapping() *mapping.IndexMappingImpl {
	m := newMapping().(*mapping.IndexMappingImpl)
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzers.NewsName
	f.Store, f.IncludeTermVectors, f.IncludeInAll, f.DocValues = false, false, false, false
	m.TypeMapping[docType].AddFieldMappingsAt(fieldQuote, f)
	return m
}

// BenchmarkShortFieldPhrase measures a phrase on the title and one on the
// quotes, each checked against the text of the documents holding its words.
func BenchmarkShortFieldPhrase(b *testing.B) {
	x := mustIndex(b, phraseArticles())
	for _, q := range []string{`+title:"grain corridor"`, `+quote:"making real progress"`} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := x.Search(context.Background(), Request{Query: q, Size: 10}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
