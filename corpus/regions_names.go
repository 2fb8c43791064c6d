package corpus

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// regionNames is the part of the gazetteer CanonicalRegion needs: every
// folded spelling with the canonical name of the place it names best. A
// process that only filters searches by region (a search server) holds
// this, about 3 MB, rather than the whole decoded list's 13 MB.
//
// The spellings are sorted and packed into one string, so that the table
// is a handful of allocations, none of which keeps a line of the decoded
// file alive.
type regionNames struct {
	keys   string   // the folded spellings, sorted, one after another
	ends   []uint32 // ends[i] is the end of spelling i in keys
	nameOf []int32  // nameOf[i] is the index in names of spelling i's place
	names  []string // the canonical names
}

// newRegionNames builds the table from a decoded gazetteer: for each of its
// keys, the place lookup would choose.
func newRegionNames(g *gazetteer) *regionNames {
	type entry struct {
		key  string
		name int32
	}
	entries := make([]entry, 0, len(g.keys))
	index := make(map[string]int32, 1<<15)
	t := &regionNames{}
	for key, e := range g.keys {
		best := g.bestOf(e.refs)
		if best < 0 {
			continue
		}
		name := g.places[best].name
		n, ok := index[name]
		if !ok {
			n = int32(len(t.names))
			name = strings.Clone(name)
			index[name] = n
			t.names = append(t.names, name)
		}
		entries = append(entries, entry{key, n})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
	var b strings.Builder
	t.ends = make([]uint32, len(entries))
	t.nameOf = make([]int32, len(entries))
	for i, e := range entries {
		b.WriteString(e.key)
		t.ends[i] = uint32(b.Len())
		t.nameOf[i] = e.name
	}
	t.keys = b.String()
	return t
}

// key returns spelling i.
func (t *regionNames) key(i int) string {
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.keys[start:t.ends[i]]
}

// canonical returns the canonical name of the place a folded spelling
// names, if the table has it.
func (t *regionNames) canonical(key string) (string, bool) {
	i := sort.Search(len(t.ends), func(i int) bool { return t.key(i) >= key })
	if i < len(t.ends) && t.key(i) == key {
		return t.names[t.nameOf[i]], true
	}
	return "", false
}

// loadRegionNames builds the table once, without loading the gazetteer
// for good (tableGazetteer).
var loadRegionNames = sync.OnceValue(func() *regionNames {
	return newRegionNames(tableGazetteer())
})
