package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/google/go-cmp/cmp"
)

// TestHitsExtractedMatchBleve checks the speakers and regions of hits,
// read by their numbers in the snapshot searched, against bleve's own
// loading of the same stored fields, over several segments with deleted
// documents among them.
func TestHitsExtractedMatchBleve(t *testing.T) {
	arts := synthetic(300, 11)
	x := mustIndex(t, arts[:100])
	for _, part := range [][]int{{100, 200}, {200, 300}} {
		if err := x.Put(arts[part[0]:part[1]]); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"s3", "s5", "s150", "s151"} {
		if err := x.Delete(id); err != nil {
			t.Fatal(err)
		}
	}
	checked := 0
	for _, q := range []string{"grain", "oil talks", "news", "court strike", "bank"} {
		for page := 1; page <= 3; page++ {
			res, err := x.Search(context.Background(), Request{Query: q, Size: 10, Page: page})
			if err != nil {
				t.Fatalf("Search(%q): %v", q, err)
			}
			for _, h := range res.Hits {
				sr := bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{h.ID}))
				sr.Fields = []string{fieldSpeaker, fieldRegion}
				want, err := x.bi.Search(sr)
				if err != nil || len(want.Hits) != 1 {
					t.Fatalf("bleve's search for %s: %v, %d hits", h.ID, err, len(want.Hits))
				}
				f := want.Hits[0].Fields
				if diff := cmp.Diff(stringsField(f[fieldSpeaker]), h.Speakers); diff != "" {
					t.Errorf("Search(%q) hit %s speakers (-bleve +hit):\n%s", q, h.ID, diff)
				}
				if diff := cmp.Diff(stringsField(f[fieldRegion]), h.Regions); diff != "" {
					t.Errorf("Search(%q) hit %s regions (-bleve +hit):\n%s", q, h.ID, diff)
				}
				checked++
			}
		}
	}
	if checked < 50 {
		t.Fatalf("checked %d hits: the test shows little", checked)
	}
}
