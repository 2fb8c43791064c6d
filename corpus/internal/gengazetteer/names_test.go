package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dateline/internal/shareddata"
)

func TestDivisionLabel(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"oblast", "Kyiv Oblast", "Kyiv"},
		{"curly oblast", "Kharkivs’ka Oblast’", "Kharkivs’ka"},
		{"bare", "Donetsk", "Donetsk"},
		{"state of", "State of Berlin", "Berlin"},
		{"compass word kept", "Western Province", "Western Province"},
		{"republic", "Tatarstan Republic", "Tatarstan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := divisionLabel(tt.in); got != tt.want {
				t.Errorf("divisionLabel(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLatinVariants(t *testing.T) {
	got := latinVariants("Kyiv", "Kiev", "IEV", "Ko", "Київ", "kiv", "Kijów", "Kijow", "Kiev osh")
	want := []string{"Kyiv", "Kiev", "Kijów"}
	if !slices.Equal(got, want) {
		t.Errorf("latinVariants = %q, want %q", got, want)
	}
}

func TestSameSpelling(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Zaporizhzhia", "Zaporizhzhya", true},
		{"Mykolaiv", "Mykolayiv", true},
		{"Dnipropetrovsk", "Dnipro", false},
	}
	for _, tt := range tests {
		if got := sameSpelling(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSpelling(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestAbbreviated(t *testing.T) {
	got := abbreviated([]string{"Saint Paul", "Fort Worth", "Paris"})
	want := []string{"St. Paul", "St Paul", "Ft. Worth", "Ft Worth"}
	if !slices.Equal(got, want) {
		t.Errorf("abbreviated = %q, want %q", got, want)
	}
}

// TestGeneratedFileCurrent rebuilds the gazetteer from the shared GeoNames
// extracts and checks that the committed file holds the same text, so that
// a change to the generator is never left ungenerated.
func TestGeneratedFileCurrent(t *testing.T) {
	words := "/usr/share/dict/british-english"
	if _, err := os.Stat(words); err != nil {
		t.Skipf("word list absent (Debian package wbritish): %v", err)
	}
	dir := shareddata.Path(t, "data", "geonames")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	out := filepath.Join(t.TempDir(), "gazetteer.tsv.gz")
	if err := run([]string{"-geonames", dir, "-words", words, "-out", out}); err != nil {
		t.Fatalf("run: %v", err)
	}
	got, want := mustGunzip(t, out), mustGunzip(t, filepath.Join("..", "..", "gazetteer.tsv.gz"))
	if !bytes.Equal(got, want) {
		t.Errorf("corpus/gazetteer.tsv.gz is stale: run go generate ./corpus")
	}
}

func mustGunzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	return data
}
