// Command gengazetteer builds Dateline's compact gazetteer, the file the
// corpus package embeds, from the GeoNames extracts countryInfo.txt,
// admin1CodesASCII.txt and cities15000.txt.
//
// It keeps countries, first-level divisions and cities with the spellings an
// English news text may use: the GeoNames name and ASCII name, the Latin
// script alternates of cities large enough to be written about under several
// spellings, and the English short forms GeoNames lacks (US, Britain, Burma).
// The raw dump is 8.5 MB; the result is a gzipped tab-separated file of a few
// hundred kilobytes.
//
// Usage:
//
//	gengazetteer -geonames ../../shared/data/geonames -out gazetteer.tsv.gz
//
// The English word list (-words, Debian's wbritish) marks the spellings
// that are also ordinary words (Reading, Nice, Mobile, Hull): the matcher
// takes those only where the text makes them places. Alternates of fewer
// than four letters are dropped as fragments.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gengazetteer", flag.ContinueOnError)
	dir := fs.String("geonames", "../../shared/data/geonames", "folder holding the GeoNames extracts")
	out := fs.String("out", "gazetteer.tsv.gz", "gazetteer file to write")
	words := fs.String("words", "/usr/share/dict/british-english", "English word list, one a line (Debian package wbritish)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	g, err := load(*dir)
	if err != nil {
		return err
	}
	if g.words, err = loadWords(*words); err != nil {
		return err
	}
	if err := g.write(*out); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}
