package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"weak"
)

//go:generate go run ./internal/gengazetteer -geonames ../../shared/data/geonames -out gazetteer.tsv.gz

// gazetteerData is the place list built by internal/gengazetteer from
// GeoNames (geonames.org, CC BY 4.0): countries, first-level divisions and
// cities of 15,000 people or more, with their English and Latin-script
// spellings.
//
//go:embed gazetteer.tsv.gz
var gazetteerData []byte

// placeKind is the level of a place in the hierarchy.
type placeKind uint8

const (
	kindCountry placeKind = iota
	kindDivision
	kindCity
)

// place is one gazetteer entry.
type place struct {
	name    string
	kind    placeKind
	parent  int32 // index of the division or country holding it; -1 for a country
	country int32 // index of its country (itself for a country)
	pop     int64
	iso     string // ISO code of a country; "" otherwise
	names   string // its other spellings, "|"-separated, as the file has them
	capital bool   // a country's capital, which news uses for its government
}

// nameRef ties a spelling to a place. primary is set where the spelling is
// the place's own name (or its ASCII form) rather than an alternate, so
// that "Georgia" is first the country and the US state, and never a city
// that lists Georgia among its foreign names.
type nameRef struct {
	place   int32
	primary bool
}

// keyEntry is what a folded spelling or first word leads to.
type keyEntry struct {
	refs []nameRef
	// maxTokens is the number of words of the longest spelling that
	// opens with this word: the matcher tries no longer phrase than that.
	maxTokens uint8
}

// refs returns the places a folded spelling names.
func (g *gazetteer) refs(key string) []nameRef {
	return g.keys[key].refs
}

// gazetteer is the decoded place list and its indexes.
type gazetteer struct {
	places []place
	// keys maps a folded spelling (see foldKey), or the first word of
	// one, to the places it names and the longest spelling it opens. One
	// map serves both, so that most words cost the matcher one lookup and
	// the decoder one insertion.
	keys       map[string]keyEntry
	refPool    []nameRef
	countryISO map[string]int32
	divisions  map[string]int32 // "CC.code" → place
	// words are the keys of city spellings that are also English words
	// (reading, nice, hull): see resolveOne.
	words      map[string]bool
	neighbours map[int32][]int32
}

// division returns the place of a division code ("US.CT"), or -1.
func (g *gazetteer) division(key string) int32 {
	if d, ok := g.divisions[key]; ok {
		return d
	}
	return -1
}

// loadGazetteer decodes the embedded place list once, on first use: it
// takes under a tenth of a second (BenchmarkDecodeGazetteer), which a
// process that never looks at regions should not pay.
func loadGazetteer() *gazetteer {
	gazetteerOnce.Do(func() { gazetteerLoaded.Store(mustDecodeGazetteer()) })
	return gazetteerLoaded.Load()
}

var (
	gazetteerOnce sync.Once
	// gazetteerLoaded is the decoded list once loadGazetteer has run,
	// nil before.
	gazetteerLoaded atomic.Pointer[gazetteer]
)

// tableGazetteer returns a list to build a table from (PlaceVariants,
// the region spellings) without loading it for good: the loaded list where
// there is one, else a decoded one that is held only weakly, so that
// tables built one after another (a search server's analyzers and region
// spellings) decode it once, and the collector takes it after.
func tableGazetteer() *gazetteer {
	if g := gazetteerLoaded.Load(); g != nil {
		return g
	}
	transientGazetteer.Lock()
	defer transientGazetteer.Unlock()
	if g := transientGazetteer.p.Value(); g != nil {
		return g
	}
	g := mustDecodeGazetteer()
	transientGazetteer.p = weak.Make(g)
	return g
}

// transientGazetteer is the list tableGazetteer last decoded.
var transientGazetteer struct {
	sync.Mutex
	p weak.Pointer[gazetteer]
}

func mustDecodeGazetteer() *gazetteer {
	g, err := decodeGazetteer(bytes.NewReader(gazetteerData))
	if err != nil {
		// The file is part of the build; a broken one is a build error.
		panic(fmt.Sprintf("corpus: embedded gazetteer: %v", err))
	}
	return g
}

func decodeGazetteer(r io.Reader) (*gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("opening gazetteer: %w", err)
	}
	// The sizes are those of the embedded file (38,000 places, 100,000
	// spellings), so that decoding grows no table.
	g := &gazetteer{
		places:     make([]place, 0, 40_000),
		keys:       make(map[string]keyEntry, 100_000),
		refPool:    make([]nameRef, 0, 100_000),
		countryISO: make(map[string]int32, 256),
		neighbours: make(map[int32][]int32, 256),
	}
	g.divisions = make(map[string]int32, 4096)
	divisions := g.divisions
	neighbourCodes := make(map[int32]string, 256)
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		var fields [8]string
		f := splitTabs(text, fields[:0])
		var p place
		var names string
		switch {
		case f[0] == "C" && len(f) >= 6:
			p = place{name: f[2], kind: kindCountry, parent: -1, iso: f[1]}
			p.pop, _ = strconv.ParseInt(f[3], 10, 64)
			names = f[4]
			neighbourCodes[int32(len(g.places))] = f[5]
		case f[0] == "W" && len(f) >= 2:
			g.words = make(map[string]bool, 1024)
			for w := range strings.SplitSeq(f[1], "|") {
				g.words[w] = true
			}
			continue
		case f[0] == "A" && len(f) >= 4:
			p = place{name: f[2], kind: kindDivision}
			c, ok := g.countryISO[f[1][:min(2, len(f[1]))]]
			if !ok {
				continue
			}
			p.parent, p.country = c, c
			names = f[3]
		case f[0] == "P" && len(f) >= 5:
			p = place{name: f[2], kind: kindCity}
			p.pop, _ = strconv.ParseInt(f[3], 10, 64)
			if d, ok := divisions[f[1]]; ok {
				p.parent, p.country = d, g.places[d].country
			} else if c, ok := g.countryISO[f[1][:min(2, len(f[1]))]]; ok {
				p.parent, p.country = c, c
			} else {
				continue
			}
			names = f[4]
			p.capital = len(f) > 5 && f[5] == "capital"
		default:
			return nil, fmt.Errorf("gazetteer line %d: malformed", line)
		}
		id := int32(len(g.places))
		if p.kind == kindCountry {
			p.country = id
			g.countryISO[p.iso] = id
		}
		if p.kind == kindDivision {
			divisions[f[1]] = id
		}
		p.names = names
		g.places = append(g.places, p)
		nameKey := g.addName(p.name, id, true)
		// Lower-casing the whole list at once spares an allocation per
		// spelling: most keys are then slices of it (see foldKey).
		for v := range strings.SplitSeq(strings.ToLower(names), "|") {
			if v == "" {
				continue
			}
			key := v
			if !isPlainName(v) {
				key = foldKey(v)
			}
			// The ASCII form of the name counts as the name itself, and
			// so do a country's English short forms (US, Britain) and
			// the first words of a long name ("Newcastle" of Newcastle
			// upon Tyne, "Frankfurt" of Frankfurt am Main).
			primary := key == nameKey || p.kind == kindCountry || strings.HasPrefix(nameKey, key+" ")
			g.addKey(key, id, primary)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gazetteer: %w", err)
	}
	for id, codes := range neighbourCodes {
		for c := range strings.SplitSeq(codes, ",") {
			if n, ok := g.countryISO[c]; ok {
				g.neighbours[id] = append(g.neighbours[id], n)
			}
		}
	}
	return g, nil
}

// addName indexes one spelling of a place and returns its key.
func (g *gazetteer) addName(name string, id int32, primary bool) string {
	key := foldKey(name)
	g.addKey(key, id, primary)
	return key
}

func (g *gazetteer) addKey(key string, id int32, primary bool) {
	if key == "" {
		return
	}
	n := 1
	first := key
	if i := strings.IndexByte(key, ' '); i >= 0 {
		first = key[:i]
		n = min(strings.Count(key, " ")+1, 255)
	}
	e := g.keys[key]
	if n == 1 {
		e.maxTokens = max(e.maxTokens, 1)
	}
	for i, r := range e.refs {
		if r.place == id {
			e.refs[i].primary = r.primary || primary
			return
		}
	}
	ref := nameRef{place: id, primary: primary}
	if e.refs == nil {
		// Most spellings name one place: slice them from one pool
		// rather than allocate each.
		g.refPool = append(g.refPool, ref)
		n := len(g.refPool)
		e.refs = g.refPool[n-1 : n : n]
	} else {
		e.refs = append(e.refs, ref)
	}
	g.keys[key] = e
	if n > 1 {
		f := g.keys[first]
		if uint8(n) > f.maxTokens {
			f.maxTokens = uint8(n)
			g.keys[first] = f
		}
	}
}

func containsString(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

// splitTabs appends the tab-separated fields of line to f, which the
// caller gives room for: the decoder splits forty thousand lines at every
// start.
func splitTabs(line string, f []string) []string {
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(f, line)
		}
		f = append(f, line[:i])
		line = line[i+1:]
	}
}
