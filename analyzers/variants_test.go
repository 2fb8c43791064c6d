package analyzers

import (
	"strings"
	"testing"

	"dateline/corpus"
)

// foldedKey is variantKey without its shortcut for plain ASCII.
func foldedKey(s string) string {
	return string(Fold([]byte(strings.Join(strings.Fields(strings.ToLower(s)), " "))))
}

// TestVariantKey checks that variantKey's shortcut for plain ASCII gives
// what folding gives: on spellings that take it, on ones that must not,
// and on every spelling of the gazetteer's places.
func TestVariantKey(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"kyiv", "kyiv"},
		{"Kyiv", "kyiv"},
		{"New York", "new york"},
		{"new  york", "new york"},
		{" kiev", "kiev"},
		{"kiev ", "kiev"},
		{"st.\tpetersburg", "st. petersburg"},
		{"Côte d'Ivoire", "cote d'ivoire"},
		{"Straße", "strasse"},
		{"Kyiv’s", "kyiv's"},
		{"", ""},
		{"u.s.", "u.s."},
	}
	for _, tt := range tests {
		if got := variantKey(tt.in); got != tt.want {
			t.Errorf("variantKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := foldedKey(tt.in); got != tt.want {
			t.Errorf("folding %q gives %q, want %q", tt.in, got, tt.want)
		}
	}
	n := 0
	for canon, spellings := range corpus.PlaceVariants() {
		for _, s := range append(spellings, canon) {
			if got, want := variantKey(s), foldedKey(s); got != want {
				t.Errorf("variantKey(%q) = %q, folding gives %q", s, got, want)
			}
			n++
		}
	}
	if n < 10000 {
		t.Errorf("checked %d place spellings, want the gazetteer's tens of thousands", n)
	}
}
