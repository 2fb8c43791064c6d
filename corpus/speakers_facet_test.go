package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// mustReadText reads an invented article body from testdata/dir.
func mustReadText(tb testing.TB, dir, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", dir, name))
	if err != nil {
		tb.Fatalf("ReadFile(%s): %v", name, err)
	}
	return string(data)
}

// TestSpeakersFacet checks the speaker facet of invented articles that
// hold the traps real pages set: crowds and cities opening a sentence,
// surnames after an "According to X," that looks like an appositive,
// family names written first, surname particles, and capitalised headings.
func TestSpeakersFacet(t *testing.T) {
	tests := []struct {
		name string
		file string
		want []string
	}{
		{"plural nouns are crowds", "crowd-plurals.txt", []string{"Tariq Nasser", "Helga Marsh"}},
		{"a city is no organisation", "places-as-speakers.txt", []string{"Greta Lindqvist"}},
		{"of-and organisation name", "org-joined.txt", []string{"Chamber of Forests and Metals"}},
		{"surname after according to", "surname-appositive.txt", []string{"Dalia Brenner", "Tobias Rainer"}},
		{"family name first", "surname-first.txt", []string{"Wu Haoran"}},
		{"surname particles", "surname-particles.txt", []string{"Jacobus van der Walt"}},
		// The article never gives Mr Okonjo's first name: the surname is
		// the speaker (see SpeakersOf on why it is neither dropped nor
		// joined to another article's Okonjo).
		{"surname only", "surname-only.txt", []string{"Okonjo"}},
		{"possessive in a company's name", "company-possessive.txt", []string{"Hartley and Brook's Corp", "Kessler's Rating Service Inc", "Rupert Vane"}},
		{"short forms of a company", "company-short-forms.txt", []string{"Northgate Commodities Exchange", "Kessler and Lowe Corp"}},
		{"role and place words before a name", "lead-words.txt", []string{"Tamsin Oakridge", "Joshua Pell", "Glenn Harrower", "Grand Meadow Publishing"}},
		{"headings are no people", "headings.txt", []string{"Open Seas", "Coastal Futures"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Body: mustReadText(t, "speakers", tt.file)}
			got := SpeakersOf(FindQuotes(&a))
			if !slices.Equal(got, tt.want) {
				t.Errorf("SpeakersOf(FindQuotes(%s)) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}
