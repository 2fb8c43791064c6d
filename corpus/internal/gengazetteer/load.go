package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// country, division and city are the GeoNames rows the gazetteer keeps.
type country struct {
	iso, name  string
	pop        int64
	neighbours string // ISO codes, comma-separated
	variants   []string
}

type division struct {
	key, label string // key is "CC.code"
	variants   []string
}

type city struct {
	id, name, parent string // parent is "CC.code", or "CC" where GeoNames has no such division
	pop              int64
	seat             bool // seat of its first-level division (PPLA) or capital (PPLC)
	capital          bool // capital of its country (PPLC)
	variants         []string
}

type gazetteer struct {
	countries []country
	divisions []division
	cities    []city
	words     map[string]bool // lower-case English words
}

// loadWords reads an English word list, keeping the words written in lower
// case: "reading" is a word, "Paris" in the list is a name.
func loadWords(path string) (map[string]bool, error) {
	words := make(map[string]bool, 80_000)
	err := eachRow(path, 1, func(f []string) error {
		w := f[0]
		if w != "" && strings.ToLower(w) == w && !strings.Contains(w, "'") {
			words[w] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the word list (install Debian's wbritish or pass -words): %w", err)
	}
	return words, nil
}

// minAlternatePop is the population from which a city keeps its alternate
// names: places this size are written about in English under exonyms and
// older transliterations (Kiev, Bombay, Peking); for smaller ones the
// alternates are mostly other languages' spellings, which only add noise.
const minAlternatePop = 100_000

func load(dir string) (*gazetteer, error) {
	g := &gazetteer{}
	if err := eachRow(filepath.Join(dir, "countryInfo.txt"), 18, g.addCountry); err != nil {
		return nil, err
	}
	if err := eachRow(filepath.Join(dir, "admin1CodesASCII.txt"), 4, g.addDivision); err != nil {
		return nil, err
	}
	if err := eachRow(filepath.Join(dir, "cities15000.txt"), 19, g.addCity); err != nil {
		return nil, err
	}
	g.linkDivisions()
	return g, nil
}

// eachRow calls fn with the tab-separated fields of every data line of a
// GeoNames file, skipping comments and dropping the CR that countryInfo.txt
// ends its lines with.
func eachRow(path string, minFields int, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("reading gazetteer source: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) < minFields {
			return fmt.Errorf("%s:%d: %d fields, want at least %d", path, line, len(fields), minFields)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	return nil
}

func (g *gazetteer) addCountry(f []string) error {
	pop, _ := strconv.ParseInt(f[7], 10, 64)
	c := country{iso: f[0], name: f[4], pop: pop, neighbours: f[17]}
	c.variants = append(c.variants, countryExtras[c.iso]...)
	g.countries = append(g.countries, c)
	return nil
}

func (g *gazetteer) addDivision(f []string) error {
	d := division{key: f[0], label: divisionLabel(f[1])}
	d.variants = latinVariants(d.label, f[1], f[2], divisionLabel(f[2]))
	d.variants = mergeVariants(d.variants, divisionExtras[d.key])
	g.divisions = append(g.divisions, d)
	return nil
}

func (g *gazetteer) addCity(f []string) error {
	pop, err := strconv.ParseInt(f[14], 10, 64)
	if err != nil {
		return fmt.Errorf("population %q: %w", f[14], err)
	}
	c := city{id: f[0], name: f[1], pop: pop, parent: f[8] + "." + f[10]}
	c.seat = f[7] == "PPLA" || f[7] == "PPLC"
	c.capital = f[7] == "PPLC"
	names := []string{f[1], f[2]}
	if pop >= minAlternatePop || c.seat && pop >= minAlternatePop/2 {
		names = append(names, strings.Split(f[3], ",")...)
	}
	c.variants = latinVariants(c.name, names...)
	// Only the name itself is abbreviated: an alternate "Saint James"
	// (Vũng Tàu's old French name) must not become "St James".
	c.variants = mergeVariants(c.variants, abbreviated([]string{f[1], f[2]}))
	g.cities = append(g.cities, c)
	return nil
}

// linkDivisions points cities at their country where GeoNames has no such
// division, strips a division's label to the name of its seat where they
// are the same place ("Kyiv City" is Kyiv), and lets a division and its
// seat share one spelling and the seat's variants when their names are
// spellings of one name: the oblast is "Zaporizhzhia", so its seat, which
// GeoNames spells "Zaporizhzhya", is "Zaporizhzhia" too, and both answer to
// "Zaporozhye"; but the city of Dnipro stays Dnipro in the Dnipropetrovsk
// division.
func (g *gazetteer) linkDivisions() {
	byKey := make(map[string]*division, len(g.divisions))
	for i := range g.divisions {
		byKey[g.divisions[i].key] = &g.divisions[i]
	}
	countryNames := make(map[string]bool)
	for _, c := range g.countries {
		countryNames[c.name] = true
	}
	for i := range g.cities {
		c := &g.cities[i]
		d := byKey[c.parent]
		if d == nil {
			c.parent = c.parent[:2]
			continue
		}
		if !c.seat {
			continue
		}
		if base, ok := strings.CutSuffix(d.label, " City"); ok && !countryNames[base] && contains(c.variants, base) {
			d.label = base
		}
		if d.label == c.name || contains(c.variants, d.label) && sameSpelling(d.label, c.name) {
			c.name = d.label
			d.variants = mergeVariants(d.variants, c.variants)
			c.variants = mergeVariants(c.variants, []string{d.label})
		}
	}
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func mergeVariants(a, b []string) []string {
	for _, v := range b {
		if !contains(a, v) {
			a = append(a, v)
		}
	}
	return a
}

// sameSpelling reports whether two names differ by at most two letters
// once folded: transliterations of one name (Zaporizhzhya, Zaporizhzhia;
// Mykolayiv, Mykolaiv), not two names.
func sameSpelling(a, b string) bool {
	x := []rune(strings.ToLower(foldLatin(a)))
	y := []rune(strings.ToLower(foldLatin(b)))
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)] <= 2
}

// abbreviated adds the short forms news writes of names that open with
// Saint, Fort or Mount: "St. Paul", "St Petersburg", "Ft. Worth".
func abbreviated(names []string) []string {
	var out []string
	for _, n := range names {
		for _, ab := range [][2]string{{"Saint ", "St"}, {"Fort ", "Ft"}, {"Mount ", "Mt"}} {
			if rest, ok := strings.CutPrefix(n, ab[0]); ok {
				out = append(out, ab[1]+". "+rest, ab[1]+" "+rest)
			}
		}
	}
	return out
}
