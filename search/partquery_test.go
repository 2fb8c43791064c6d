package search

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"dateline/corpus"
)

// quotedArticles hold the same words inside a quote and outside one.
func quotedArticles() []corpus.Article {
	day := time.Date(2025, 4, 11, 0, 0, 0, 0, time.UTC)
	quoted := `The minister said "oil prices will fall sharply" on Monday in Kyiv.`
	return []corpus.Article{{
		ID: "quoted", Title: "Minister on the market", Body: quoted, Published: day,
		Quotes: []corpus.Quote{{
			Text: "oil prices will fall sharply", Speaker: "Olga Stefanishyna", Direct: true,
			Offset: strings.Index(quoted, "oil"),
		}},
	}, {
		ID: "plain", Title: "Markets on Monday", Published: day,
		Body:   "Oil prices fell sharply on Monday as the minister left Kyiv.",
		Quotes: []corpus.Quote{},
	}, {
		ID: "covid", Title: "Virus", Published: day,
		Body: `Covid-19 spread fast. "Covid is over," the minister said.`,
		Quotes: []corpus.Quote{{Text: "Covid is over,", Speaker: "Jane Doe", Direct: true,
			Offset: strings.Index(`Covid-19 spread fast. "Covid is over," the minister said.`, "Covid is")}},
	}, {
		ID: "two-quotes", Title: "Rally", Published: day,
		Body: `"We will fight" and "victory is ours" were the cries.`,
		Quotes: []corpus.Quote{
			{Text: "We will fight", Speaker: "Jane Doe", Direct: true, Offset: 1},
			{Text: "victory is ours", Speaker: "John Roe", Direct: true, Offset: 21},
		},
	}, {
		// A quote the body does not hold: its words are the text's too.
		ID: "given", Title: "Grain talks", Published: day,
		Body:   "The talks on grain went on in Istanbul.",
		Quotes: []corpus.Quote{{Text: "Corridors stay open", Speaker: "Hakan Fidan", Direct: true, Offset: 3}},
	}}
}

// TestQuotesInText checks quote: against the quotes marked in text: each
// kind of clause finds the words within a quote and not the same words
// outside one, and a phrase of text runs into a quote and out of it.
func TestQuotesInText(t *testing.T) {
	x := mustIndex(t, quotedArticles())
	if !quotesInText(x.cur.Mapping()) {
		t.Fatal("quotesInText = false for a new index")
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"quote:oil", []string{"quoted"}},
		{"quote:oil quote:prices", []string{"quoted"}},
		{"+quote:sharply", []string{"quoted"}},
		{"quote:pric*", []string{"quoted"}},
		{"quote:sharpy~1", []string{"quoted"}},
		{`+quote:"prices will fall"`, []string{"quoted"}},
		{`quote:"minister said"`, nil},
		{`+quote:"said oil"`, nil},
		{`quote:"the sharply"`, []string{"quoted"}},
		{`+quote:"oil prices" -quote:"prices oil"`, []string{"quoted"}},
		{"quote:minister", nil},
		{"quote:monday", nil},
		{"quote:corridors", []string{"given"}},
		{"quote:istanbul", nil},
		{"+quote:covid-19", nil},
		{"+quote:covid", []string{"covid"}},
		{"+covid-19", []string{"covid"}},
		{`+quote:"fight and victory"`, nil},
		{`+"fight and victory"`, []string{"two-quotes"}},
		{`+quote:"victory is ours"`, []string{"two-quotes"}},
		{"oil -quote:oil", []string{"plain"}},
		{"oil prices", []string{"plain", "quoted"}},
		{"corridors", []string{"given"}},
		{`+"said oil prices"`, []string{"quoted"}},
		{`+"said oil prices fall"`, nil},
		{`+"sharply on monday"`, []string{"plain", "quoted"}},
	}
	for _, tt := range tests {
		res, err := x.Search(context.Background(), Request{Query: tt.query, Size: 10})
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, append([]string{}, tt.want...)) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("Search(%q) = %v, want %v", tt.query, got, tt.want)
		}
		if res.Total != uint64(len(tt.want)) {
			t.Errorf("Search(%q).Total = %d, want %d", tt.query, res.Total, len(tt.want))
		}
	}

	qr, err := x.Quotes(context.Background(), Request{Query: "prices", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if qr.Articles != 1 || len(qr.Quotes) != 1 || qr.Quotes[0].ArticleID != "quoted" {
		t.Errorf("Quotes(prices) = %d articles, %+v; want the quote of quoted", qr.Articles, qr.Quotes)
	}
}

// TestQuotesInTextRank checks that quote: ranks by the occurrences within
// quotes: an article that says a word once in a quote and often outside
// ranks below one that quotes it twice.
func TestQuotesInTextRank(t *testing.T) {
	day := time.Date(2025, 4, 11, 0, 0, 0, 0, time.UTC)
	once := `Wheat, wheat and wheat again: "wheat is cheap," he said. Wheat fell.`
	twice := `Traders said "wheat is cheap and wheat is plenty" this week.`
	x := mustIndex(t, []corpus.Article{
		{ID: "once", Title: "Grain", Body: once, Published: day, Quotes: []corpus.Quote{
			{Text: "wheat is cheap,", Speaker: "Ivan Petrov", Offset: strings.Index(once, `wheat is`)}}},
		{ID: "twice", Title: "Grain", Body: twice, Published: day, Quotes: []corpus.Quote{
			{Text: "wheat is cheap and wheat is plenty", Speaker: "Ivan Petrov", Offset: strings.Index(twice, `wheat is`)}}},
	})
	res, err := x.Search(context.Background(), Request{Query: "quote:wheat", Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !slices.Equal(got, []string{"twice", "once"}) {
		t.Errorf("Search(quote:wheat) = %v, want [twice once]", got)
	}
}

// TestQuoteLayout checks where the quotes of an article lie in its text
// and how they are marked.
func TestQuoteLayout(t *testing.T) {
	body := "Officials said oil prices\nwould fall sharply. \"We will act,\" he said."
	at := strings.Index
	tests := []struct {
		name   string
		quotes []corpus.Quote
		parts  []valuePart
		extra  []string
	}{
		{"at its offset", []corpus.Quote{{Text: "We will act,", Offset: at(body, "We")}},
			[]valuePart{{at(body, "We"), at(body, "We") + 12, quoteMarks[0]}}, nil},
		{"white space collapsed across a line break", []corpus.Quote{{Text: "oil prices would fall sharply", Offset: at(body, "oil")}},
			[]valuePart{{at(body, "oil"), at(body, "sharply") + 7, quoteMarks[0]}}, nil},
		{"offset wrong, words in the body", []corpus.Quote{{Text: "We will act,", Offset: 3}},
			[]valuePart{{at(body, "We"), at(body, "We") + 12, quoteMarks[0]}}, nil},
		{"an offset no body reaches", []corpus.Quote{{Text: "We will act,", Offset: math.MaxInt - 3}},
			[]valuePart{{at(body, "We"), at(body, "We") + 12, quoteMarks[0]}}, nil},
		{"not in the body", []corpus.Quote{{Text: "Corridors stay open", Offset: 0}, {Text: "Ships sail", Offset: -1}},
			[]valuePart{{len(body) + 2*(1+len("T")) + 1, len(body) + 2*(1+len("T")) + 1 + 19, quoteMarks[0]},
				{len(body) + 2*(1+len("T")) + 21, len(body) + 2*(1+len("T")) + 31, quoteMarks[1]}},
			[]string{"Corridors stay open", "Ships sail"}},
		{"overlapping quotes joined, the next marked by turns",
			[]corpus.Quote{{Text: "We will act,", Offset: at(body, "We")}, {Text: "oil prices", Offset: at(body, "oil")}, {Text: "prices\nwould", Offset: at(body, "prices")}, {Text: ""}},
			[]valuePart{{at(body, "oil"), at(body, "would") + 5, quoteMarks[0]}, {at(body, "We"), at(body, "We") + 12, quoteMarks[1]}}, nil},
	}
	for _, tt := range tests {
		parts, extra := quoteLayout(&corpus.Article{Title: "T", Body: body, Quotes: tt.quotes})
		if !slices.EqualFunc(parts, tt.parts, func(a, b valuePart) bool {
			return a.start == b.start && a.end == b.end && slices.Equal(a.mark, b.mark)
		}) || !slices.Equal(extra, tt.extra) {
			t.Errorf("%s: quoteLayout = %v, %q; want %v, %q", tt.name, parts, extra, tt.parts, tt.extra)
		}
	}
}
