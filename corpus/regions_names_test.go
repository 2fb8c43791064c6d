package corpus

import (
	"os"
	"os/exec"
	"testing"
)

// TestRegionNamesAgreeWithGazetteer checks the table CanonicalRegion reads
// against the gazetteer it is built from, spelling by spelling.
func TestRegionNamesAgreeWithGazetteer(t *testing.T) {
	g := loadGazetteer()
	names := newRegionNames(g)
	known := 0
	for key, e := range g.keys {
		want, wantOK := "", false
		if id := g.bestOf(e.refs); id >= 0 {
			want, wantOK = g.places[id].name, true
			known++
		}
		if got, ok := names.canonical(key); got != want || ok != wantOK {
			t.Errorf("canonical(%q) = %q, %v; the gazetteer gives %q, %v", key, got, ok, want, wantOK)
		}
	}
	if known < 50_000 {
		t.Errorf("the table knows %d spellings; want the gazetteer's 50,000 or more", known)
	}
	for _, key := range []string{"", "a", "zzzz", "kyivv", "\xff"} {
		if got, ok := names.canonical(key); ok {
			t.Errorf("canonical(%q) = %q; want nothing", key, got)
		}
	}
}

// TestSearchingLeavesGazetteerUnloaded runs, in a process of its own, what
// a search server does with regions (its analyzers' PlaceVariants, a
// region filter's CanonicalRegion) and checks that the gazetteer itself was
// never loaded: it would hold 13 MB of the server's heap.
func TestSearchingLeavesGazetteerUnloaded(t *testing.T) {
	if os.Getenv("DATELINE_GAZETTEER_CHILD") == "1" {
		if len(PlaceVariants()["Kyiv"]) == 0 {
			t.Fatal("PlaceVariants has no spellings of Kyiv")
		}
		if c, ok := CanonicalRegion("Kiev"); !ok || c != "Kyiv" {
			t.Fatalf(`CanonicalRegion("Kiev") = %q, %v; want "Kyiv", true`, c, ok)
		}
		if gazetteerLoaded.Load() != nil {
			t.Fatal("the gazetteer was loaded")
		}
		return
	}
	if testing.Short() {
		t.Skip("runs a test binary")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSearchingLeavesGazetteerUnloaded$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DATELINE_GAZETTEER_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
