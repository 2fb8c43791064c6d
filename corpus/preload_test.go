package corpus

import (
	"sync/atomic"
	"testing"
)

// TestPreload checks that Preload leaves the gazetteer loaded for good and
// runs what it is given once it is.
func TestPreload(t *testing.T) {
	var ran atomic.Bool
	Preload(func() {
		if gazetteerLoaded.Load() == nil {
			t.Error("an also function ran before the gazetteer was loaded")
		}
		ran.Store(true)
	})
	if gazetteerLoaded.Load() == nil {
		t.Fatal("the gazetteer is not loaded after Preload")
	}
	if !ran.Load() {
		t.Fatal("Preload returned before running its also function")
	}
	if tableGazetteer() != gazetteerLoaded.Load() {
		t.Error("tables read a gazetteer other than the loaded one")
	}
}
