package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"slices"
	"strings"
)

// header opens the gazetteer file: the attribution GeoNames' licence asks
// for travels with every copy, and the layout is stated for readers.
const header = `# Dateline gazetteer: countries, first-level divisions and cities.
# Data: GeoNames, geonames.org, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
# Derived from countryInfo.txt, admin1CodesASCII.txt and cities15000.txt:
# names filtered to English and Latin-script spellings, division labels shortened.
# Lines, tab-separated, variants separated by "|":
#   C  ISO  name  population  variants  neighbours (ISO, comma-separated)
#   A  CC.code  name  variants
#   P  parent (CC.code or CC)  name  population  variants  "capital" for a country's capital
#   W  spellings of cities that are also English words, lower case
`

func (g *gazetteer) write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	w := bufio.NewWriter(zw)
	w.WriteString(header)
	for _, c := range g.countries {
		fmt.Fprintf(w, "C\t%s\t%s\t%d\t%s\t%s\n", c.iso, c.name, c.pop, join(c.name, c.variants), c.neighbours)
	}
	for _, d := range g.divisions {
		fmt.Fprintf(w, "A\t%s\t%s\t%s\n", d.key, d.label, join(d.label, d.variants))
	}
	// Most populous first, so the file reads in the order places are ranked.
	cities := slices.Clone(g.cities)
	slices.SortStableFunc(cities, func(a, b city) int {
		if a.pop != b.pop {
			return int(b.pop - a.pop)
		}
		return strings.Compare(a.id, b.id)
	})
	for _, c := range cities {
		capital := ""
		if c.capital {
			capital = "capital"
		}
		fmt.Fprintf(w, "P\t%s\t%s\t%d\t%s\t%s\n", c.parent, c.name, c.pop, join(c.name, c.variants), capital)
	}
	fmt.Fprintf(w, "W\t%s\n", strings.Join(g.wordSpellings(), "|"))
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// join lists the variants other than the name itself.
func join(name string, variants []string) string {
	var vs []string
	for _, v := range variants {
		if v != name && !strings.ContainsAny(v, "|\t\n") {
			vs = append(vs, v)
		}
	}
	return strings.Join(vs, "|")
}

// wordSpellings lists, sorted, the city spellings that are English words:
// "Reading" is a town and a word, so a text must show it means the town.
func (g *gazetteer) wordSpellings() []string {
	seen := make(map[string]bool)
	for _, c := range g.cities {
		for _, v := range c.variants {
			if lv := strings.ToLower(v); g.words[lv] {
				seen[lv] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}
