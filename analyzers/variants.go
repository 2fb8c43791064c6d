package analyzers

import (
	"strings"
	"sync"
	"unicode/utf8"

	"dateline/corpus"

	"github.com/blevesearch/bleve/v2/analysis/lang/en"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// VariantsName is the name of the variant and synonym filter in bleve's
// registry.
const VariantsName = "dateline_variants"

// maxVariantWords bounds the words of one table entry ("united states of
// america"), and so how far the filter looks ahead.
const maxVariantWords = 4

// VariantTable maps spellings to one canonical term: the key is the
// spelling's words, lower case, folded, separated by single spaces ("kiev",
// "united states"); the value is the term indexed for all of them ("kyiv",
// "unitedstates"). An empty value marks a sequence that must not be
// replaced ("latin america" is not the United States).
type VariantTable map[string]string

// FromCanonical turns a table of canonical names and their other spellings
// (the gazetteer's and the speaker list's form) into a VariantTable; the
// canonical name is folded the same way. Where one spelling belongs to
// several names (the gazetteer's "New York" is a city's own name and
// another's other name, "Leon" a city and León de los Aldama), a name's
// own spelling wins over another's other spelling, and otherwise the
// smallest canonical term: the table must not depend on the order a map
// is walked in, or indexing and searching, in two processes, would not
// agree.
func FromCanonical(names map[string][]string) VariantTable {
	t := VariantTable{}
	own := map[string]bool{}
	for canon, variants := range names {
		c := strings.ReplaceAll(variantKey(canon), " ", "")
		for i, v := range append([]string{canon}, variants...) {
			k := variantKey(v)
			prev, seen := t[k]
			isOwn := i == 0
			if !seen || (isOwn && !own[k]) || (isOwn == own[k] && c < prev) {
				t[k] = c
				own[k] = own[k] || isOwn
			}
		}
	}
	return t
}

// variantKey is the key a spelling is looked up by.
func variantKey(s string) string {
	if plainASCII(s) {
		// Folding leaves ASCII as it is, and its words are already
		// parted by single spaces: the key is the lower case, which is s
		// itself, not a copy, where s has no capital. The tables of tens
		// of thousands of place spellings are built mostly so.
		return strings.ToLower(s)
	}
	return string(Fold([]byte(strings.Join(strings.Fields(strings.ToLower(s)), " "))))
}

// plainASCII reports whether s is ASCII without white space other than
// single spaces between words.
func plainASCII(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ' && s[i-1] == ' ':
			return false
		}
	}
	return true
}

// tokenKey is variantKey for one token, without allocating for the
// common case of a lower-case ASCII word.
func tokenKey(term []byte) string {
	for _, b := range term {
		if b >= utf8.RuneSelf || (b >= 'A' && b <= 'Z') || b == ' ' {
			return variantKey(string(term))
		}
	}
	return string(term)
}

// newsVariants are the spellings news uses for the same place or person,
// folded to one: transliterations from Russian and Ukrainian, and names
// spelled several ways. The gazetteer's table (placeVariants) comes
// beside it.
var newsVariants = FromCanonical(map[string][]string{
	"Kyiv":         {"Kiev"},
	"Luhansk":      {"Lugansk"},
	"Kharkiv":      {"Kharkov"},
	"Odesa":        {"Odessa"},
	"Lviv":         {"Lvov", "Lwow"},
	"Zaporizhzhia": {"Zaporozhye", "Zaporizhia", "Zaporozhzhia"},
	"Mykolaiv":     {"Nikolaev", "Nikolayev"},
	"Chernihiv":    {"Chernigov"},
	"Rivne":        {"Rovno"},
	"Donbas":       {"Donbass"},
	"Zelensky":     {"Zelenskiy", "Zelenskyy", "Zelenski"},
	"Gaddafi":      {"Qaddafi", "Kadhafi", "Qadhafi", "Gadhafi"},
	"alqaeda":      {"alqaida"}, // the joined form of "al-Qaeda" and "al-Qaida"
})

// newsSynonyms are the names of countries and unions written several ways,
// one or more words each.
var newsSynonyms = VariantTable{
	"u.s": "unitedstates", "u.s.a": "unitedstates", "usa": "unitedstates",
	"united states": "unitedstates", "united states of america": "unitedstates",
	"america":       "unitedstates",
	"latin america": "", "south america": "", "north america": "", "central america": "",
	"uk": "unitedkingdom", "u.k": "unitedkingdom", "britain": "unitedkingdom",
	"great britain": "unitedkingdom", "united kingdom": "unitedkingdom",
	"eu": "europeanunion", "european union": "europeanunion",
}

// upperOnly are keys matched only where written in capitals: "US" is the
// country, "us" the pronoun.
var upperOnly = map[string]string{"us": "unitedstates"}

// stopWords are bleve's English stop words, which no place spelling may
// take over.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	tm := analysis.NewTokenMap()
	if err := tm.LoadBytes(en.EnglishStopWords); err == nil {
		for w := range tm {
			m[w] = true
		}
	}
	return m
}()

// minPlaceVariant is the shortest one-word spelling taken from the
// gazetteer: its short alternate names ("us", "la", "ki") are words or
// abbreviations of other things far more often than the place.
const minPlaceVariant = 4

// placeVariants is the gazetteer's table (corpus.PlaceVariants), without
// its short one-word spellings and English stop words.
func placeVariants() VariantTable {
	t := FromCanonical(corpus.PlaceVariants())
	for k := range t {
		if !strings.Contains(k, " ") && (len(k) < minPlaceVariant || stopWords[k]) {
			delete(t, k)
		}
	}
	return t
}

// newsVariantFilter is the variant filter of the news analyzer: one for the
// process, whichever registry cache asks for it (creating an index and
// opening it each build the analyzer), and built when a text is first
// analysed rather than when the analyzer is, about a sixth of a second.
// By then an indexer has loaded the gazetteer to extract regions, which
// PlaceVariants then reads rather than decoding it again. The filter
// holds no state of a call, so every goroutine may share it.
var newsVariantFilter = sync.OnceValue(func() *VariantFilter {
	// The curated tables come last and win over the gazetteer's.
	return NewVariantFilter(placeVariants(), newsSynonyms, newsVariants)
})

// sharedVariants is the news analyzer's variant filter in the registry.
type sharedVariants struct{}

func (sharedVariants) Filter(input analysis.TokenStream) analysis.TokenStream {
	return newsVariantFilter().Filter(input)
}

func init() {
	registry.RegisterTokenFilter(VariantsName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return sharedVariants{}, nil
	})
}

// Preload builds the news analyzer's variant table now rather than at
// the first analysis, about a sixth of a second of processor time: a
// process about to analyse many texts calls it at start, beside its first
// reading, best as corpus.Preload(analyzers.Preload), which gives it the
// loaded gazetteer rather than one decoded for the table alone.
func Preload() { newsVariantFilter() }
