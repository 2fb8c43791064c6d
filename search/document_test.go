package search

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"dateline/analyzers"
	"dateline/corpus"
	"dateline/internal/shareddata"
)

// analysedFields analyses the fields of d in their order, as bleve does,
// and returns what the index takes of each field of d, by name, as it
// merges the values of one field of a document: their lengths added up,
// their terms with their frequencies added up and, where kept, their
// locations in order; and the values it stores, with their array
// positions.
func analysedFields(d *document.Document) map[string]string {
	return markedFields(d, nil)
}

// markedFields is analysedFields where marks, where not nil, gives the
// array positions of the locations of a field, by position, that it
// marks: it gives bleve's own analysis the marks that newDocument adds.
func markedFields(d *document.Document, marks func(field string, pos int) []uint64) map[string]string {
	type merged struct {
		options map[string]bool
		length  int
		freqs   map[string]int
		locs    map[string][]string
		stored  []string
	}
	fields := map[string]*merged{}
	d.VisitFields(func(f index.Field) {
		m := fields[f.Name()]
		if m == nil {
			m = &merged{options: map[string]bool{}, freqs: map[string]int{}, locs: map[string][]string{}}
			fields[f.Name()] = m
		}
		m.options[fmt.Sprint(f.Options())] = true
		if f.Options().IsStored() {
			m.stored = append(m.stored, fmt.Sprintf("%q%v", f.Value(), f.ArrayPositions()))
		}
		if !f.Options().IsIndexed() {
			return
		}
		f.Analyze()
		m.length += f.AnalyzedLength()
		for term, tf := range f.AnalyzedTokenFrequencies() {
			m.freqs[term] += tf.Frequency()
			for _, l := range tf.Locations {
				ap := l.ArrayPositions
				if marks != nil {
					if mark := marks(f.Name(), l.Position); mark != nil {
						ap = mark
					}
				}
				m.locs[term] = append(m.locs[term], fmt.Sprintf("%d:%d-%d%v", l.Position, l.Start, l.End, ap))
			}
		}
	})
	out := map[string]string{"composite fields": fmt.Sprint(len(d.CompositeFields))}
	for name, m := range fields {
		var b strings.Builder
		fmt.Fprintf(&b, "options %v\nlength %d\nstored %v\n", m.options, m.length, m.stored)
		terms := make([]string, 0, len(m.freqs))
		for term := range m.freqs {
			terms = append(terms, term)
		}
		slices.Sort(terms)
		for _, term := range terms {
			fmt.Fprintf(&b, "%q %d %v\n", term, m.freqs[term], m.locs[term])
		}
		out[name] = b.String()
	}
	return out
}

// TestShareAnalysis checks that the documents Put writes, whose title and
// quotes read their analysis from the text's, give the index what the
// schema's own analysis of every field gives: the same terms, frequencies,
// lengths and text locations. The quotes here are as given, some not the
// body's bytes.
func TestShareAnalysis(t *testing.T) {
	arts := append([]corpus.Article(nil), testArticles...)
	arts = append(arts,
		corpus.Article{ID: "edge-1", Title: "Talks in New York", Body: "Officials in New York said the covid-19 talks went well.",
			Quotes: []corpus.Quote{
				{Text: "York said the covid", Offset: 17},          // cuts a name and a hyphenated word
				{Text: "the covid-19 talks went well", Offset: 27}, // lies within
				{Text: "not in the body", Offset: 3},               // not the body's bytes
				{Text: "went well.", Offset: 1000},                 // past the end
			}},
		corpus.Article{ID: "edge-2", Title: "A title\x1ewith a separator", Body: "",
			Quotes: []corpus.Quote{{Text: "", Offset: 0}}},
	)
	for i := range arts {
		checkSharedAnalysis(t, &arts[i])
	}
	// A quote the extractor finds right after "Latin", which with the
	// quote's first word is a spelling the variants keep as it is.
	latin := corpus.Article{ID: "edge-3", Title: "Lula on trade",
		Body: "The region is changing. Latin \u201cAmerica is ready for trade,\u201d Brazilian President Luiz Inacio Lula da Silva said on Monday."}
	a := enriched(latin)
	if len(a.Quotes) == 0 {
		t.Fatalf("no quote found in %q", latin.Body)
	}
	checkSharedAnalysis(t, a)
}

// TestShareAnalysisReuters checks the same of the first thousand
// Reuters-21578 articles, enriched as Put enriches them, four at a time,
// as bleve's analysis workers take them: the documents' TextAnalyses are
// released and reused as they go.
func TestShareAnalysisReuters(t *testing.T) {
	arts, err := corpus.ReadFile(filepath.Join(shareddata.Path(t, "data", "reuters21578"), "reut2-000.sgm"))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for w := range errs {
		wg.Go(func() {
			for i := w; i < len(arts) && errs[w] == nil; i += len(errs) {
				errs[w] = sharedAnalysisDiff(enriched(arts[i]))
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func checkSharedAnalysis(t *testing.T, a *corpus.Article) {
	t.Helper()
	if err := sharedAnalysisDiff(a); err != nil {
		t.Fatal(err)
	}
}

// shareMappings are the schema twice: documents of the first are made by
// newDocument (schemaOf), of the second mapped by bleve and their fields
// replaced (indexFields).
var shareMappings = sync.OnceValue(func() [2]mapping.IndexMapping {
	byBleve := newMapping()
	schemas.Store(byBleve, (*schema)(nil))
	return [2]mapping.IndexMapping{newMapping(), byBleve}
})

// sharedAnalysisDiff says how the documents Put writes for a, both ways
// (shareMappings), differ from the schema's own analysis, or returns nil.
func sharedAnalysisDiff(a *corpus.Article) error {
	for i, m := range shareMappings() {
		if (schemaOf(m) != nil) != (i == 0) {
			return fmt.Errorf("mapping %d: schema %v", i, schemaOf(m))
		}
		d, err := newDocument(m, a, toDocument(a))
		if err != nil {
			return err
		}
		// The tables are built in memory the last article's used, as
		// Put's batches build them.
		mem := newTableMemory()
		defer mem.release()
		withTables(d, mem)
		if d.Fields[0].Name() != fieldText {
			return fmt.Errorf("article %s: first field %s, want %s", a.ID, d.Fields[0].Name(), fieldText)
		}
		ref := document.NewDocument(a.ID)
		fields := toDocument(a)
		fitDocument(fields, m, a)
		if err := m.MapDocument(ref, fields); err != nil {
			return err
		}
		marks, err := quotePositions(m, a)
		if err != nil {
			return err
		}
		if diff := cmp.Diff(markedFields(ref, marks), analysedFields(d)); diff != "" {
			return fmt.Errorf("article %s, mapping %d: fields differ from the schema's analysis (-want +got):\n%s", a.ID, i, diff)
		}
	}
	return nil
}

// quotePositions returns the marks newDocument gives the locations of
// article a's text, found apart from it: the positions of the tokens that
// start within a quote (quoteLayout) of the text as the text's analyzer
// gives them before it drops the offsets of most (the last filter of
// analyzers.NewsTextName). Where m marks no quotes it returns nil.
func quotePositions(m mapping.IndexMapping, a *corpus.Article) (func(field string, pos int) []uint64, error) {
	if !quotesInText(m) {
		return nil, nil
	}
	fields := toDocument(a)
	fitDocument(fields, m, a)
	text, ok := fields[fieldText].(string)
	if !ok {
		return nil, fmt.Errorf("article %s: text is not one value", a.ID)
	}
	da, ok := m.AnalyzerNamed(analyzers.NewsTextName).(*analysis.DefaultAnalyzer)
	if !ok {
		return nil, fmt.Errorf("the text analyzer is a %T", m.AnalyzerNamed(analyzers.NewsTextName))
	}
	withOffsets := *da
	withOffsets.TokenFilters = withOffsets.TokenFilters[:len(da.TokenFilters)-1]
	tokens := withOffsets.Analyze([]byte(text))
	parts, _ := quoteLayout(a)
	marked := map[int][]uint64{}
	for _, p := range parts {
		first, last := -1, -1
		for _, t := range tokens {
			if t.Start >= p.start && t.Start < p.end {
				if first < 0 || t.Position < first {
					first = t.Position
				}
				last = max(last, t.Position)
			}
		}
		for pos := first; first >= 0 && pos <= last; pos++ {
			marked[pos] = p.mark
		}
	}
	return func(field string, pos int) []uint64 {
		if field == fieldText {
			return marked[pos]
		}
		return nil
	}, nil
}

// BenchmarkDocumentAnalysis analyses every field of the documents of the
// first thousand Reuters-21578 articles, as bleve does when they are
// indexed: as Put maps them (shared, the titles and quotes reading the
// text's analysis) and as the schema alone maps them (schema).
//
//	DATELINE_SHARED=/work/shared go test ./search -run XXX -bench DocumentAnalysis
func BenchmarkDocumentAnalysis(b *testing.B) {
	arts, err := corpus.ReadFile(filepath.Join(shareddata.Path(b, "data", "reuters21578"), "reut2-000.sgm"))
	if err != nil {
		b.Fatal(err)
	}
	enrichedArts := make([]*corpus.Article, len(arts))
	for i := range arts {
		enrichedArts[i] = enriched(arts[i])
	}
	m := newMapping()
	analyse := func(d *document.Document) {
		d.VisitFields(func(f index.Field) { f.Analyze() })
	}
	b.Run("shared", func(b *testing.B) {
		for b.Loop() {
			mem := newTableMemory()
			for _, a := range enrichedArts {
				d, err := newDocument(m, a, toDocument(a))
				if err != nil {
					b.Fatal(err)
				}
				withTables(d, mem)
				analyse(d)
			}
			mem.release()
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	})
	b.Run("schema", func(b *testing.B) {
		for b.Loop() {
			for _, a := range enrichedArts {
				d := document.NewDocument(a.ID)
				if err := m.MapDocument(d, toDocument(a)); err != nil {
					b.Fatal(err)
				}
				analyse(d)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
	})
}
