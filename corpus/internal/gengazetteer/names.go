package main

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// divisionSuffixes are the type words GeoNames appends to some division
// labels and English news leaves out: a story says "Donetsk" or "the
// Donetsk region", not "Donetsk Oblast". "Province" and "Region" are
// stripped only from names of more than one word, so "Western Province"
// keeps its word.
var divisionSuffixes = []string{" Oblast’", " Oblast", " Krai", " Kray", " Governorate", " Prefecture",
	" Voivodeship", " Republic", " Province", " Region"}

// divisionLabel is the English news form of a GeoNames division label.
func divisionLabel(name string) string {
	name = strings.TrimPrefix(name, "State of ")
	for _, s := range divisionSuffixes {
		base, ok := strings.CutSuffix(name, s)
		if !ok || base == "" {
			continue
		}
		switch base {
		case "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Capital", "Autonomous":
			return name
		}
		return base
	}
	return name
}

// latinVariants keeps the spellings, among names, that an English text may
// use: Latin script, a capital first letter, no digits, at least four
// letters and at most four words; codes written in capitals (IATA "IEV")
// and fragments go. canonical comes first.
func latinVariants(canonical string, names ...string) []string {
	out := []string{canonical}
	for _, n := range names {
		n = norm.NFC.String(strings.TrimSpace(n))
		if n == "" || contains(out, n) || !isNewsSpelling(n) {
			continue
		}
		// A spelling that differs from one kept only by its diacritics
		// adds nothing: Dateline folds them when it matches.
		if containsFolded(out, foldLatin(n)) {
			continue
		}
		out = append(out, n)
	}
	return out
}

func containsFolded(vs []string, f string) bool {
	for _, v := range vs {
		if foldLatin(v) == f {
			return true
		}
	}
	return false
}

func isNewsSpelling(n string) bool {
	first, _ := utf8.DecodeRuneInString(n)
	if !unicode.IsUpper(first) || utf8.RuneCountInString(n) < 4 || len(strings.Fields(n)) > 4 || strings.HasSuffix(n, " osh") {
		return false
	}
	letters, upper := 0, 0
	for _, r := range n {
		switch {
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return false
		}
	}
	// All capitals is a code (IEV, NYC), not a name.
	return letters >= 3 && upper < letters
}

// foldLatin drops diacritics (São Paulo → Sao Paulo), as wire copy does.
func foldLatin(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// countryExtras are the English names of countries GeoNames does not carry:
// short forms (US, UK), older or other official names a news archive holds
// (Burma, Zaire, Soviet Union, West Germany), keyed by ISO code. Historical
// states fold into their main successor, so a 1987 story on the Soviet
// Union and a 2025 story on Russia share a facet value.
var countryExtras = map[string][]string{
	"US": {"US", "U.S.", "USA", "U.S.A.", "America", "United States of America"},
	"GB": {"UK", "U.K.", "Britain", "Great Britain"},
	"RU": {"Russian Federation", "Soviet Union", "USSR", "U.S.S.R."},
	"DE": {"West Germany", "East Germany", "Federal Republic of Germany"},
	"MM": {"Burma"},
	"CI": {"Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"},
	"CZ": {"Czech Republic", "Czechoslovakia"},
	"TR": {"Türkiye", "Turkiye"},
	"NL": {"Netherlands", "Holland"},
	"CD": {"DR Congo", "DRC", "Zaire", "Congo-Kinshasa"},
	"CG": {"Congo", "Congo-Brazzaville"},
	"SZ": {"Swaziland"},
	"MK": {"Macedonia"},
	"VA": {"Vatican City", "Holy See"},
	"PS": {"Palestine", "West Bank", "Gaza", "Gaza Strip"},
	"AE": {"UAE", "U.A.E."},
	"KH": {"Kampuchea"},
	"RS": {"Yugoslavia"},
	"WS": {"Western Samoa"},
	"KR": {"Korea", "Republic of Korea"},
	"KP": {"Democratic People's Republic of Korea", "DPRK"},
	"CN": {"People's Republic of China", "PRC", "Mainland China"},
	"TW": {"Republic of China"},
	"CV": {"Cape Verde"},
	"TL": {"East Timor"},
	"VN": {"Viet Nam"},
	"LA": {"Lao"},
	"IR": {"Persia"},
	"LK": {"Ceylon"},
	"BF": {"Upper Volta"},
	"TT": {"Trinidad"},
	"SA": {"Saudi"},
	"BA": {"Bosnia"},
	"MO": {"Macau"},
	"YE": {"North Yemen", "South Yemen"},
	"KN": {"St Kitts and Nevis", "St. Kitts and Nevis"},
	"LC": {"St Lucia", "St. Lucia"},
	"VC": {"St Vincent", "St. Vincent"},
	"FM": {"Micronesia"},
	"VI": {"US Virgin Islands"},
}

// divisionExtras are the dotted abbreviations of US states that wire copy
// uses in running text ("Corning, N.Y."); the undotted ones ("Miss.",
// "Ill.") are words and are read only in datelines.
var divisionExtras = map[string][]string{
	"US.NY": {"N.Y."}, "US.NJ": {"N.J."}, "US.NC": {"N.C."}, "US.SC": {"S.C."}, "US.NH": {"N.H."},
	"US.RI": {"R.I."}, "US.NM": {"N.M."}, "US.ND": {"N.D."}, "US.SD": {"S.D."},
}
