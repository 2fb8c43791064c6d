package corpus

import "testing"

func TestSamples(t *testing.T) {
	arts, err := Samples()
	if err != nil {
		t.Fatalf("Samples: %v", err)
	}
	if len(arts) == 0 {
		t.Fatal("Samples: no articles")
	}
	months := map[string]bool{}
	ids := map[string]bool{}
	for _, a := range arts {
		if a.Title == "" || a.Published.IsZero() || len(a.Paragraphs()) < 3 {
			t.Errorf("sample %s: title %q, published %v, %d paragraphs; want all three", a.ID, a.Title, a.Published, len(a.Paragraphs()))
		}
		if ids[a.ID] {
			t.Errorf("sample id %s twice", a.ID)
		}
		ids[a.ID] = true
		months[a.Published.Format("2006-01")] = true
	}
	if len(months) < 6 {
		t.Errorf("samples span %d months, want at least six", len(months))
	}
}
