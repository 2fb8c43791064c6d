package search

import (
	"fmt"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"dateline/analyzers"
)

// indexedField is a text field of a document as newDocument gives it to
// bleve: one value, or all the values of a field that keeps neither
// stored values nor term vectors, analysed into one table of term
// frequencies.
//
// It gives the index what bleve's own text fields give, for less. bleve
// keeps each value of a field apart, with a table of its own, and the
// index merges a document's tables of one field term by term
// (index.TokenFrequencies.MergeAll) and adds up their lengths; where no
// value is stored and no location kept, one table of all the values is
// the same. The tables are built from slabs rather than a term and a list
// of locations at a time, and the field knows its size without walking
// them, which bleve asks of every document it indexes.
type indexedField struct {
	name       string
	options    index.FieldIndexingOptions
	values     []fieldValue
	plainBytes uint64

	length int
	freqs  index.TokenFrequencies
	size   int

	// ta, where set, is released once the field is analysed: the field
	// is the document's last to read it.
	ta *analyzers.TextAnalysis
	// mem, where set, is the memory the table is built in, shared by the
	// fields of a batch (tableMemory).
	mem *tableMemory
}

// fieldValue is one value of a field, its array positions and the
// analyzer of that value.
type fieldValue struct {
	text           []byte
	arrayPositions []uint64
	analyzer       analysis.Analyzer
	// parts are parts of the value whose tokens' locations carry array
	// positions of their own (quoteMarks), in order of their start, and
	// positions tells the positions of their tokens once the value is
	// analysed; a value with term vectors only.
	parts     []valuePart
	positions partPositions
}

// valuePart is a part of a value, its bytes [start, end), whose tokens'
// locations carry mark as their array positions.
type valuePart struct {
	start, end int
	mark       []uint64
}

// partPositions tells the first and last positions of the tokens an
// analysis gave the bytes [start, end) of its text
// (analyzers.TextAnalysis).
type partPositions interface {
	Positions(start, end int) (first, last int, ok bool)
}

// markedRange is the positions of a valuePart's tokens and its mark.
type markedRange struct {
	first, last int
	mark        []uint64
}

// joinable reports whether the values of a field with these options can
// be one table: indexed, and neither stored nor with term vectors.
func joinable(o index.FieldIndexingOptions) bool {
	return o.IsIndexed() && !o.IsStored() && !o.IncludeTermVectors()
}

// fieldsBuilder collects the indexedFields of a document, value by value.
type fieldsBuilder struct {
	fields []document.Field
	joined map[string]*indexedField
}

// add adds a value of the field name.
func (b *fieldsBuilder) add(name string, options index.FieldIndexingOptions, v fieldValue) {
	if joinable(options) {
		if j := b.joined[name]; j != nil && j.options == options {
			j.values = append(j.values, v)
			j.plainBytes += uint64(len(v.text))
			return
		}
	}
	f := &indexedField{name: name, options: options, values: []fieldValue{v}, plainBytes: uint64(len(v.text))}
	if joinable(options) {
		if b.joined == nil {
			b.joined = map[string]*indexedField{}
		}
		b.joined[name] = f
	}
	b.fields = append(b.fields, f)
}

// indexFields replaces the text fields of d, as bleve mapped them, by
// indexedFields, the values of a joinable field joined into the first's
// place. Other fields are left as they are.
func indexFields(d *document.Document) {
	b := fieldsBuilder{fields: d.Fields[:0]}
	for _, f := range d.Fields {
		tf, ok := f.(*document.TextField)
		if !ok || !tf.Options().IsIndexed() {
			b.fields = append(b.fields, f)
			continue
		}
		b.add(tf.Name(), tf.Options(), fieldValue{text: tf.Value(), arrayPositions: tf.ArrayPositions(), analyzer: tf.Analyzer()})
	}
	clear(d.Fields[len(b.fields):])
	d.Fields = b.fields
}

// schema is what newDocument needs of an index mapping whose fields are
// all text fields, each of one FieldMapping named as its property, with
// an analyzer named, and no _all field: their options and analyzers, by
// name. bleve's MapDocument walks a document's fields by reflection and
// makes a field of each value, which newDocument would then replace.
type schema struct {
	fields map[string]schemaField
}

type schemaField struct {
	options  index.FieldIndexingOptions
	analyzer analysis.Analyzer
}

// schemas holds the schema of each mapping met, or nil for one that is
// not all text fields; an index closing, or swapped out by a rebuild,
// deletes its mapping's.
var schemas sync.Map // mapping.IndexMapping -> *schema

// schemaOf returns the schema of m, or nil where m is not all text fields.
func schemaOf(m mapping.IndexMapping) *schema {
	if sc, ok := schemas.Load(m); ok {
		return sc.(*schema)
	}
	sc := newSchema(m)
	schemas.Store(m, sc)
	return sc
}

func newSchema(m mapping.IndexMapping) *schema {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || im.IndexDynamic || im.TypeField != "_type" {
		return nil
	}
	// toDocument gives every document the type docType.
	dm, ok := im.TypeMapping[docType]
	if !ok || !dm.Enabled || dm.Dynamic {
		return nil
	}
	// No _all: bleve would add a composite field of every other.
	if all, ok := dm.Properties["_all"]; !ok || all.Enabled {
		return nil
	}
	sc := &schema{fields: map[string]schemaField{}}
	for name, p := range dm.Properties {
		if !p.Enabled {
			continue
		}
		if len(p.Properties) > 0 || len(p.Fields) != 1 {
			return nil
		}
		fm := p.Fields[0]
		if fm.Type != "text" || fm.Analyzer == "" || (fm.Name != "" && fm.Name != name) {
			return nil
		}
		a := m.AnalyzerNamed(fm.Analyzer)
		if a == nil {
			return nil
		}
		sc.fields[name] = schemaField{options: fm.Options(), analyzer: a}
	}
	return sc
}

// mapFields adds to d the fields of a document of toDocument as bleve's
// MapDocument would: its indexed fields as indexedFields, others as
// bleve's text fields, and a field the schema does not hold left out (the
// mapping is static). A value neither a string nor strings is an error.
func (sc *schema) mapFields(d *document.Document, fields map[string]interface{}) error {
	b := fieldsBuilder{fields: d.Fields}
	for name, v := range fields {
		f, ok := sc.fields[name]
		if !ok {
			continue
		}
		add := func(text string, arrayPositions []uint64) {
			if !f.options.IsIndexed() {
				b.fields = append(b.fields, document.NewTextFieldCustom(name, arrayPositions, []byte(text), f.options, f.analyzer))
				return
			}
			b.add(name, f.options, fieldValue{text: []byte(text), arrayPositions: arrayPositions, analyzer: f.analyzer})
		}
		switch v := v.(type) {
		case string:
			add(v, nil)
		case []string:
			for i, s := range v {
				add(s, []uint64{uint64(i)})
			}
		default:
			return fmt.Errorf("field %s holds a %T", name, v)
		}
	}
	d.Fields = b.fields
	d.SetIndexed()
	return nil
}

func (f *indexedField) Name() string { return f.name }

// ArrayPositions are those of the field's first value; only a field of
// one value keeps them.
func (f *indexedField) ArrayPositions() []uint64 {
	if len(f.values) == 0 {
		return nil
	}
	return f.values[0].arrayPositions
}
func (f *indexedField) Options() index.FieldIndexingOptions { return f.options }
func (f *indexedField) NumPlainTextBytes() uint64           { return f.plainBytes }
func (f *indexedField) EncodedFieldType() byte              { return 't' }
func (f *indexedField) AnalyzedLength() int                 { return f.length }
func (f *indexedField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	return f.freqs
}

// Value is the field's value, the first where it holds several; only a
// field of one value is stored.
func (f *indexedField) Value() []byte {
	if len(f.values) == 0 {
		return nil
	}
	return f.values[0].text
}

// Size estimates the memory the field holds, as bleve's text field does,
// from what Analyze counted.
func (f *indexedField) Size() int {
	n := indexedFieldSize + len(f.name) + f.size
	for _, v := range f.values {
		n += len(v.text) + 8*len(v.arrayPositions)
	}
	return n
}

// Memory estimates for Size: the field, a term of a table (its map entry
// and TokenFreq), and a location.
const (
	indexedFieldSize = 160
	termSize         = 80
	locationSize     = 56
)

// Analyze analyses the field's values into its table, as bleve's text
// field analyses each (a stored value is copied first, since analyzers
// write into what they are given).
func (f *indexedField) Analyze() {
	f.length = 0
	b := freqBuilder{options: f.options, mem: f.mem}
	for _, v := range f.values {
		b.arrayPositions = v.arrayPositions
		text := v.text
		if f.options.IsStored() {
			text = append([]byte(nil), text...)
		}
		var tokens analysis.TokenStream
		if v.analyzer != nil {
			tokens = v.analyzer.Analyze(text)
		} else {
			tokens = analysis.TokenStream{&analysis.Token{
				Term: text, Start: 0, End: len(text), Position: 1, Type: analysis.AlphaNumeric,
			}}
		}
		f.length += len(tokens)
		b.marks = b.marks[:0]
		if v.positions != nil {
			for _, p := range v.parts {
				if first, last, ok := v.positions.Positions(p.start, p.end); ok {
					b.marks = append(b.marks, markedRange{first, last, p.mark})
				}
			}
		}
		b.add(tokens)
	}
	f.freqs = b.freqs
	if f.freqs == nil {
		f.freqs = index.TokenFrequencies{}
	}
	f.size = len(f.freqs)*termSize + b.locations*locationSize
	if f.ta != nil {
		f.ta.Release()
		f.ta = nil
	}
}

// freqBuilder builds a table of term frequencies, what
// analysis.TokenFrequency gives, its entries taken from slabs.
type freqBuilder struct {
	options        index.FieldIndexingOptions
	mem            *tableMemory // nil: each table from the heap
	arrayPositions []uint64
	freqs          index.TokenFrequencies
	slab           []index.TokenFreq
	locations      int
	// marks are the positions of the value's parts, in order, whose
	// locations carry the part's mark rather than arrayPositions.
	marks []markedRange
}

// arrayPositionsAt returns the array positions of a location at
// position pos of the value.
func (b *freqBuilder) arrayPositionsAt(pos int) []uint64 {
	if len(b.marks) == 0 {
		return b.arrayPositions
	}
	i := sort.Search(len(b.marks), func(i int) bool { return b.marks[i].last >= pos })
	if i < len(b.marks) && b.marks[i].first <= pos {
		return b.marks[i].mark
	}
	return b.arrayPositions
}

// entry returns the table's entry for term, adding it; left is how many
// tokens of the value are left, this one included, from which the size
// of a new slab is guessed: about one new term in two, and never more
// than are left.
func (b *freqBuilder) entry(term []byte, left int) *index.TokenFreq {
	if tf, ok := b.freqs[string(term)]; ok {
		return tf
	}
	if len(b.slab) == cap(b.slab) {
		b.slab = b.mem.freqs(min(left/2+4, left))[:0]
	}
	b.slab = append(b.slab, index.TokenFreq{Term: term})
	tf := &b.slab[len(b.slab)-1]
	b.freqs[string(term)] = tf
	return tf
}

// add adds the tokens of one value to the table.
func (b *freqBuilder) add(tokens analysis.TokenStream) {
	if len(tokens) == 0 {
		return
	}
	vectors := b.options.IncludeTermVectors()
	if b.freqs == nil {
		// A text has fewer terms than tokens, a short value about as
		// many.
		hint := len(tokens)
		if vectors {
			hint = hint * 3 / 4
		}
		b.freqs = make(index.TokenFrequencies, hint)
	}
	count := !b.options.SkipFreqNorm()
	if !vectors {
		for i, tok := range tokens {
			tf := b.entry(tok.Term, len(tokens)-i)
			if count {
				tf.SetFrequency(tf.Frequency() + 1)
			}
		}
		return
	}
	// With term vectors, which a field of one value keeps: a first pass
	// finds each token's entry and counts it, so that a second gives
	// every entry its locations in one piece of a shared array, in the
	// order of the tokens.
	entries, locs, ptrs := b.mem.vectors(len(tokens))
	for i, tok := range tokens {
		tf := b.entry(tok.Term, len(tokens)-i)
		tf.SetFrequency(tf.Frequency() + 1)
		entries[i] = tf
	}
	next := 0
	for i, tf := range entries {
		if tf.Locations == nil {
			n := tf.Frequency()
			tf.Locations = ptrs[next : next : next+n]
			next += n
		}
		locs[i] = index.TokenLocation{
			ArrayPositions: b.arrayPositionsAt(tokens[i].Position),
			Start:          tokens[i].Start,
			End:            tokens[i].End,
			Position:       tokens[i].Position,
		}
		tf.Locations = append(tf.Locations, &locs[i])
	}
	if !count {
		for _, tf := range entries {
			tf.SetFrequency(0)
		}
	}
	b.locations += len(tokens)
}
