package search

import (
	"testing"

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
					if f.Options().IsIndexed() && f.Size() <= 0 {
						t.Errorf("size %d", f.Size())
					}
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
