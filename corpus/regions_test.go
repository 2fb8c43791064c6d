package corpus

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"dateline/internal/shareddata"
)

func TestMentionedPlaces(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want []string
	}{
		{"transliterations fold", Article{Body: "Shelling hit Kiev and Lugansk. Odessa was calm."}, []string{"Kyiv", "Luhansk", "Odesa"}},
		{"exonyms fold", Article{Body: "Flights from Bombay to Peking were cut."}, []string{"Mumbai", "Beijing"}},
		{"oblast named by its seat", Article{Body: "Troops left the Zaporozhye region."}, []string{"Zaporizhzhia"}},
		{"short forms", Article{Body: "U.S. and British officials met in the UK."}, []string{"United States", "United Kingdom"}},
		{"nationality is no place", Article{Body: "Russian gas flows fell."}, []string{}},
		{"common words", Article{Body: "Mobile phone sales rose. It was a nice day in March. Reading is fun, he said."}, []string{}},
		{"country in its long name", Article{Body: "The Republic of Ireland and the Isle of Man voted."}, []string{"Ireland", "Isle of Man"}},
		{"organisations", Article{Body: "The Bank of England raised rates. Shares on the New York Stock Exchange fell. The Washington Post said Manchester United lost."}, []string{}},
		{"person named like a country", Article{Body: "Michael Jordan scored 40 points. Jordan said he was tired."}, []string{}},
		{"country at a sentence start", Article{Body: "Jordan said it would close its border with Syria."}, []string{"Jordan", "Syria"}},
		{"Washington for the government", Article{Body: "Washington imposed new sanctions on Moscow."}, []string{"United States", "Moscow"}},
		{"Washington the city", Article{Body: "He flew to Washington on Tuesday."}, []string{"Washington"}},
		{"dateline", Article{Dateline: "KYIV, April 11", Body: "Officials said nothing."}, []string{"Kyiv"}},
		{"dateline qualified by a state", Article{Dateline: "ELWOOD, KAN., Feb 26 -", Body: "Shr loss six cts."}, []string{"Kansas"}},
		{"dateline with a dotted abbreviation", Article{Dateline: "ST. LOUIS, Feb 26", Body: "Net rose."}, []string{"St. Louis"}},
		{"dateline left in the body", Article{Body: "REPEAT FROM LATE FRIDAY\n\nWASHINGTON, Feb 27 - The USDA said it would act."}, []string{"Washington"}},
		{"New York is the city", Article{Body: "In late trading in New York, the dollar fell."}, []string{"New York City"}},
		{"capital for its government", Article{Body: "Calls for a shift in Beijing's policy fell on deaf ears in Beijing."}, []string{"China", "Beijing"}},
		{"word city in a story naming its country", Article{Body: "They include Dallas in the US, Bordeaux in France and Oporto in Portugal."}, []string{"Dallas", "United States", "Bordeaux", "France", "Porto", "Portugal"}},
		{"currency is no place", Article{Body: "The US dollar fell."}, []string{}},
		{"town of the same name elsewhere", Article{Body: "The prime minister toured Manchester, Leicester and Somerset in England."}, []string{"Manchester", "Leicester", "England"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MentionedPlaces(&tt.a)
			if !slices.Equal(got, tt.want) {
				t.Errorf("MentionedPlaces(%q) = %q, want %q", tt.a.Body, got, tt.want)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	tests := []struct {
		name          string
		body          string
		want, without []string
	}{
		{"city with its division and country", "Beer flowed in Munich.", []string{"Munich", "Bavaria", "Germany"}, nil},
		{"oblast with its country", "Shelling hit Donetsk.", []string{"Donetsk", "Ukraine"}, nil},
		{"Georgia the country", "Protesters gathered in Tbilisi, the capital of Georgia.", []string{"Georgia", "Tbilisi"}, []string{"United States"}},
		{"Georgia the state", "The governor of Georgia spoke in Atlanta on Monday.", []string{"Georgia", "Atlanta", "United States"}, nil},
		{"Washington state", "Washington state passed a law.", []string{"Washington", "United States"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Regions(&Article{Body: tt.body})
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("Regions(%q) = %q, missing %q", tt.body, got, w)
				}
			}
			for _, w := range tt.without {
				if slices.Contains(got, w) {
					t.Errorf("Regions(%q) = %q, should not hold %q", tt.body, got, w)
				}
			}
		})
	}
}

func TestCanonicalRegion(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"canonical", "Ukraine", "Ukraine", true},
		{"alternate", "Kiev", "Kyiv", true},
		{"alternate lower case", "lugansk", "Luhansk", true},
		{"Reuters code", "usa", "United States", true},
		{"Reuters code uk", "uk", "United Kingdom", true},
		{"Reuters historical", "west-germany", "Germany", true},
		{"Reuters ussr", "ussr", "Russia", true},
		{"Reuters hyphenated", "hong-kong", "Hong Kong", true},
		{"short form", "Britain", "United Kingdom", true},
		{"division", "Crimea", "Crimea", true},
		{"unknown", "Narnia", "Narnia", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CanonicalRegion(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("CanonicalRegion(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestCanonicalRegionReutersCodes folds every Reuters-21578 place code to a
// country.
func TestCanonicalRegionReutersCodes(t *testing.T) {
	f, err := os.Open(shareddata.Path(t, "data", "reuters21578", "all-places-strings.lc.txt"))
	if err != nil {
		t.Fatalf("opening the code list: %v", err)
	}
	defer f.Close()
	g := loadGazetteer()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		code := strings.TrimSpace(sc.Text())
		if code == "" {
			continue
		}
		id := g.lookup(code)
		if id < 0 || g.places[id].kind != kindCountry {
			t.Errorf("CanonicalRegion(%q) does not fold to a country", code)
		}
	}
}

func TestEnrichRegions(t *testing.T) {
	tests := []struct {
		name string
		a    Article
		want []string
	}{
		{"given values folded, unknown kept", Article{Regions: []string{"Kiev", "Narnia"}}, []string{"Kyiv", "Ukraine", "Narnia"}},
		{"given codes folded", Article{Regions: []string{"usa", "west-germany"}}, []string{"United States", "Germany"}},
		{"none given", Article{Body: "Shelling hit Donetsk."}, []string{"Donetsk", "Ukraine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.a
			Enrich(&a)
			if !slices.Equal(a.Regions, tt.want) {
				t.Errorf("Enrich: Regions = %q, want %q", a.Regions, tt.want)
			}
		})
	}
}

func TestPlaceVariants(t *testing.T) {
	vs := PlaceVariants()
	for canonical, want := range map[string]string{"Kyiv": "kiev", "Luhansk": "lugansk", "Mumbai": "bombay", "United States": "u.s.", "United Kingdom": "britain"} {
		if !slices.Contains(vs[canonical], want) {
			t.Errorf("PlaceVariants()[%q] = %q, missing %q", canonical, vs[canonical], want)
		}
	}
	seen := make(map[string]string)
	for canonical, keys := range vs {
		for _, k := range keys[1:] {
			if other, ok := seen[k]; ok {
				t.Errorf("PlaceVariants: %q under both %q and %q", k, other, canonical)
			}
			seen[k] = canonical
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"initialisms", "U.S.-based firms", []string{"u.s.", "based", "firms"}},
		{"possessive", "Ukraine’s army", []string{"ukraine", "army"}},
		{"inner apostrophe", "Côte d'Ivoire", []string{"cote", "d'ivoire"}},
		{"sentence end", "in the U.S. Prices", []string{"in", "the", "u.s.", "prices"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.in, nil) {
				got = append(got, tok.key)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q) keys = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// FuzzMentionedPlaces checks that no text makes place extraction panic and
// that every place it finds has a canonical name CanonicalRegion knows.
func FuzzMentionedPlaces(f *testing.F) {
	for _, s := range []string{"Shelling hit Kiev.", "U.S.-based", "Côte d'Ivoire’s", "WASHINGTON, March 2 -", "St. Paul, Minn.", "", "'s", "U.S.S.R."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a := &Article{Title: s, Dateline: s, Body: s}
		for _, p := range MentionedPlaces(a) {
			if _, ok := CanonicalRegion(p); !ok {
				t.Errorf("MentionedPlaces(%q) gave %q, which CanonicalRegion does not know", s, p)
			}
		}
		Regions(a)
	})
}
