package corpus

import (
	"slices"
	"testing"
)

// TestRegionsListTail checks that a page listing many towns keeps the
// places it is about and the first of the list, not the whole list.
func TestRegionsListTail(t *testing.T) {
	a := Article{Title: "Leeds freezes bus fares", Body: mustReadText(t, "regions", "list-page.txt")}
	got := Regions(&a)
	tests := []struct {
		name  string
		place string
		want  bool
	}{
		{"the place of the title", "Leeds", true},
		{"its country", "United Kingdom", true},
		{"the division holding the list", "England", true},
		{"the first of the list", "Bolton", true},
		{"the tenth of the list", "Southampton", true},
		{"the eleventh of the list", "Portsmouth", false},
		{"the end of the list", "Bradford", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if has := slices.Contains(got, tt.place); has != tt.want {
				t.Errorf("Regions(list page) = %q: holds %q = %v, want %v", got, tt.place, has, tt.want)
			}
		})
	}
	if len(got) > maxTailPlaces+8 {
		t.Errorf("Regions(list page) = %d places %q, want at most %d", len(got), got, maxTailPlaces+8)
	}
}

// TestRegionsShortListKept checks that a story naming a few places in
// passing keeps them all.
func TestRegionsShortListKept(t *testing.T) {
	a := Article{Title: "Leeds freezes bus fares", Body: "The council in Leeds froze fares.\n\nBolton, Blackpool and Ipswich did the same last year."}
	got := Regions(&a)
	for _, p := range []string{"Leeds", "Bolton", "Blackpool", "Ipswich"} {
		if !slices.Contains(got, p) {
			t.Errorf("Regions(short list) = %q, want it to hold %q", got, p)
		}
	}
}
