package corpus

import (
	"slices"
	"testing"
)

// TestEnrichCompletesGivenSurnames checks that a speaker an input tagged
// by surname alone takes the full name the article's text gives it.
func TestEnrichCompletesGivenSurnames(t *testing.T) {
	tests := []struct {
		name  string
		given []string
		body  string
		want  []string
	}{
		{"quoted in full", []string{"halvorsen"}, "Federal Reserve chairman Tobias Halvorsen said rates would hold.", []string{"Tobias Halvorsen"}},
		{"named in full, not quoted", []string{"halvorsen"}, "Markets waited for Tobias Halvorsen. Mr Halvorsen was silent.", []string{"Tobias Halvorsen"}},
		{"title only", []string{"halvorsen"}, "President Halvorsen met the envoy.", []string{"Halvorsen"}},
		{"longer word is no match", []string{"baker"}, "Shares in Jones Bakers rose. Treasury Secretary Baker was away.", []string{"Baker"}},
		{"already full", []string{"mira-stone"}, "Stone spoke.", []string{"Mira Stone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Body: tt.body, Speakers: slices.Clone(tt.given)}
			Enrich(&a)
			if !slices.Equal(a.Speakers, tt.want) {
				t.Errorf("Enrich(speakers %q, %q).Speakers = %q, want %q", tt.given, tt.body, a.Speakers, tt.want)
			}
		})
	}
}
