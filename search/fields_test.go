package search

import (
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/google/go-cmp/cmp"

	"dateline/analyzers"
)

// TestIndexedFields checks that indexFields gives the index what bleve's
// own text fields give, field by field, for each kind of field: with and
// without term vectors, stored or not, frequencies skipped, several values
// or none, analysed by the news analyzer or as keywords.
func TestIndexedFields(t *testing.T) {
	cache := registry.NewCache()
	news, err := cache.AnalyzerNamed(analyzers.NewsName)
	if err != nil {
		t.Fatal(err)
	}
	kw, err := cache.AnalyzerNamed(keyword.Name)
	if err != nil {
		t.Fatal(err)
	}
	values := []string{
		"Officials in New York said the talks went well, the officials said.",
		"The talks, officials said, went on.",
		"",
		"new york",
	}
	tests := []struct {
		name    string
		options index.FieldIndexingOptions
		values  []string
	}{
		{"words", index.IndexField, values},
		{"one value", index.IndexField, values[:1]},
		{"no value", index.IndexField, nil},
		{"empty value", index.IndexField, values[2:3]},
		{"stored", index.IndexField | index.StoreField, values},
		{"term vectors", index.IndexField | index.IncludeTermVectors, values},
		{"term vectors, frequencies skipped", index.IndexField | index.IncludeTermVectors | index.SkipFreqNorm, values},
		{"frequencies skipped", index.IndexField | index.SkipFreqNorm, values},
		{"stored only", index.StoreField, values},
		{"keywords", index.IndexField, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := news
			vals := tt.values
			if tt.name == "keywords" {
				a, vals = kw, []string{"usa", "uk", "usa", ""}
			}
			build := func() *document.Document {
				d := document.NewDocument("a")
				d.AddField(document.NewTextFieldCustom("other", nil, []byte("before the field"), index.IndexField, news))
				for i, v := range vals {
					d.AddField(document.NewTextFieldCustom("f", []uint64{uint64(i)}, []byte(v), tt.options, a))
				}
				d.AddField(document.NewTextFieldCustom("other2", nil, []byte("after the field"), index.IndexField|index.StoreField, news))
				return d
			}
			want, got := build(), build()
			indexFields(got)
			if diff := cmp.Diff(analysedFields(want), analysedFields(got)); diff != "" {
				t.Fatalf("indexed fields differ from bleve's (-want +got):\n%s", diff)
			}
			fields := 0
			for _, f := range got.Fields {
				if f.Name() == "f" {
					fields++
				}
			}
			wantFields := len(vals)
			if joinable(tt.options) && wantFields > 1 {
				wantFields = 1
			}
			if fields != wantFields {
				t.Errorf("%d fields named f, want %d", fields, wantFields)
			}
		})
	}
}

// TestSchemaOfIndex checks that newDocument makes the fields of documents
// of an index of the current schema as read from its directory, and
// leaves to bleve those of an index whose publication date is a date
// field.
func TestSchemaOfIndex(t *testing.T) {
	x := mustIndex(t, testArticles)
	if schemaOf(x.cur.Mapping()) == nil {
		t.Error("the current schema, read from an index, has no schema for newDocument")
	}
	old := mustIndexWithMapping(t, oldDateMapping(), testArticles)
	if schemaOf(old.cur.Mapping()) != nil {
		t.Error("a mapping with a date field has a schema for newDocument")
	}
}

// TestSchemaMapFields checks that a schema maps a document's fields as
// bleve's MapDocument does, for each kind of text field: stored, with
// term vectors, frequencies skipped, not indexed, keywords; a field the
// mapping does not hold is left out, as bleve leaves it.
func TestSchemaMapFields(t *testing.T) {
	m := newMapping().(*mapping.IndexMappingImpl)
	dm := m.TypeMapping[docType]
	add := func(name string, f *mapping.FieldMapping) { dm.AddFieldMappingsAt(name, f) }
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer, f.IncludeInAll, f.DocValues, f.IncludeTermVectors, f.Store = analyzers.NewsName, false, false, false, false
		return f
	}
	stored := text()
	stored.Store = true
	vectors := text()
	vectors.IncludeTermVectors = true
	skip := text()
	skip.SkipFreqNorm = true
	storedOnly := text()
	storedOnly.Index, storedOnly.Store = false, true
	add("x_stored", stored)
	add("x_vectors", vectors)
	add("x_skip", skip)
	add("x_stored_only", storedOnly)
	sc := newSchema(m)
	if sc == nil {
		t.Fatal("no schema for a mapping of text fields")
	}
	values := []string{"Officials in New York said the talks went well.", "", "the talks, officials said"}
	fields := map[string]interface{}{
		"_type":         docType,
		fieldTitle:      "Talks in New York",
		fieldSpeaker:    []string{"Jane Doe", "", "Jane Doe"},
		"x_stored":      values,
		"x_vectors":     values,
		"x_skip":        values,
		"x_stored_only": values,
		"not_mapped":    "left out",
	}
	want := document.NewDocument("a")
	if err := m.MapDocument(want, fields); err != nil {
		t.Fatal(err)
	}
	got := document.NewDocument("a")
	if err := sc.mapFields(got, fields); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(analysedFields(want), analysedFields(got)); diff != "" {
		t.Fatalf("fields differ from bleve's mapping (-want +got):\n%s", diff)
	}
	if want.Indexed() != got.Indexed() {
		t.Errorf("indexed %v, want %v", got.Indexed(), want.Indexed())
	}
}
