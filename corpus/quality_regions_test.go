package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dateline/internal/shareddata"
)

// The quality figures of the region facet, printed by
//
//	go test ./corpus -run QualityRegions -v
//
// over the shared evaluation data; each test skips, saying why, where its
// data is absent.

// TestQualityRegionsSeeds checks the places of the seed articles: every
// place the war story names, whatever its spelling (Kiev, Lugansk,
// Zaporozhye), under one canonical name.
func TestQualityRegionsSeeds(t *testing.T) {
	shared := shareddata.Path(t)
	files, err := filepath.Glob(filepath.Join(shared, "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("shared data absent: no seeds under %s", shared)
	}
	want := []string{"Crimea", "Donetsk", "Luhansk", "Kherson", "Zaporizhzhia", "Kyiv", "Moscow", "Ukraine", "Russia"}
	found := false
	for _, f := range files {
		arts, err := ReadFile(f)
		if err != nil {
			t.Fatalf("ReadFile(%s): %v", f, err)
		}
		for _, a := range arts {
			got := Regions(&a)
			t.Logf("%s: Regions = %q", filepath.Base(f), got)
			if !slices.Contains(got, "Crimea") || !slices.Contains(got, "Kherson") {
				continue
			}
			found = true
			for _, w := range want {
				if !slices.Contains(got, w) {
					t.Errorf("Regions(%s) = %q, missing %q", filepath.Base(f), got, w)
				}
			}
		}
	}
	if !found {
		t.Errorf("no seed article names Crimea and Kherson")
	}
}

// prf is a precision, recall and F1 tally over (item, label) pairs.
type prf struct{ tp, fp, fn int }

func (c *prf) add(got, want []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			c.tp++
		} else {
			c.fp++
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.fn++
		}
	}
}

func (c prf) scores() (p, r, f float64) {
	if c.tp+c.fp > 0 {
		p = float64(c.tp) / float64(c.tp+c.fp)
	}
	if c.tp+c.fn > 0 {
		r = float64(c.tp) / float64(c.tp+c.fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// countriesOf keeps the country names among canonical region names.
func countriesOf(names []string) []string {
	g := loadGazetteer()
	var out []string
	for _, n := range names {
		if id := g.lookup(n); id >= 0 && g.places[id].kind == kindCountry && g.places[id].name == n && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// mustReadReuters reads all Reuters-21578 articles that carry places.
func mustReadReuters(tb testing.TB) []Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(shareddata.Path(tb, "data", "reuters21578"), "reut2-*.sgm"))
	if err != nil || len(files) == 0 {
		tb.Skip("shared data absent: no reut2-*.sgm")
	}
	var out []Article
	for _, f := range files {
		arts, err := ReadFile(f)
		if err != nil && len(arts) == 0 {
			tb.Fatalf("ReadFile(%s): %v", f, err)
		}
		for _, a := range arts {
			if len(a.Regions) > 0 {
				out = append(out, a)
			}
		}
	}
	return out
}

// TestQualityRegionsReuters measures country-level extraction against the
// <PLACES> of Reuters-21578, from title, dateline and body alone: the
// countries of Regions against the countries the place codes fold to.
func TestQualityRegionsReuters(t *testing.T) {
	arts := mustReadReuters(t)
	var micro prf
	macro := make(map[string]*prf)
	for _, a := range arts {
		var want []string
		for _, code := range a.Regions {
			if c, ok := CanonicalRegion(code); ok {
				want = append(want, c)
			} else {
				t.Errorf("CanonicalRegion(%q) does not know the Reuters code", code)
			}
		}
		want = countriesOf(want)
		text := a
		text.Regions = nil
		got := countriesOf(Regions(&text))
		micro.add(got, want)
		for _, c := range append(slices.Clone(got), want...) {
			if macro[c] == nil {
				macro[c] = &prf{}
			}
		}
		for c, m := range macro {
			m.add(filterEq(got, c), filterEq(want, c))
		}
	}
	p, r, f := micro.scores()
	var sum float64
	n := 0
	for _, m := range macro {
		if m.tp+m.fn == 0 {
			continue // a country no article is about has no recall to average
		}
		_, _, mf := m.scores()
		sum += mf
		n++
	}
	t.Logf("Reuters-21578 country level, %d articles with places: micro P %.3f R %.3f F1 %.3f; macro F1 %.3f over %d countries", len(arts), p, r, f, sum/float64(n), n)
	if f < 0.85 {
		t.Errorf("country-level micro F1 = %.3f, want >= 0.85", f)
	}
}

func filterEq(vs []string, v string) []string {
	if slices.Contains(vs, v) {
		return []string{v}
	}
	return nil
}

// bbcLabel is one hand-labelled BBC article of testdata/bbc-dev.
type bbcLabel struct {
	File    string   `json:"file"`
	Regions []string `json:"regions"`
}

// TestQualityRegionsBBC measures MentionedPlaces against the hand labels
// of the BBC development set: every country, division or city the text
// names as a place, parents not added.
func TestQualityRegionsBBC(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "bbc-dev", "labels.json"))
	if err != nil {
		t.Skipf("BBC labels absent: %v", err)
	}
	var labels []bbcLabel
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatalf("decoding labels.json: %v", err)
	}
	dir := shareddata.Path(t, "data", "bbc")
	var micro prf
	for _, l := range labels {
		arts, err := ReadFile(filepath.Join(dir, l.File))
		if err != nil || len(arts) != 1 {
			t.Fatalf("ReadFile(%s): %d articles, %v", l.File, len(arts), err)
		}
		got := MentionedPlaces(&arts[0])
		micro.add(got, l.Regions)
		if testing.Verbose() && !sameSet(got, l.Regions) {
			t.Logf("%s: MentionedPlaces = %q, labels %q", l.File, got, l.Regions)
		}
	}
	p, r, f := micro.scores()
	t.Logf("BBC dev, %d articles: region micro P %.3f R %.3f F1 %.3f", len(labels), p, r, f)
	if f < 0.90 {
		t.Errorf("region micro F1 = %.3f, want >= 0.90", f)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	return true
}
