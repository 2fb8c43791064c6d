// Command gencommonwords builds the list of common English words that the
// corpus package embeds (commonwords.txt.gz), from Debian's wbritish word
// list (SCOWL, by Kevin Atkinson, free to use, copy and distribute).
//
// A word is kept where the list writes it in lower case only: "policy",
// "engineers", "granting". Words the list also writes capitalised ("Bell",
// "Grant", "Rose") are left out, since they are surnames or given names as
// well, and so are words with an apostrophe. Speaker extraction uses the
// result to tell a capitalised heading ("Policy Shortcomings") from a
// person's name: a name made only of such words is no name.
//
// Usage:
//
//	gencommonwords -words /usr/share/dict/british-english -out commonwords.txt.gz
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gencommonwords:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gencommonwords", flag.ContinueOnError)
	in := fs.String("words", "/usr/share/dict/british-english", "English word list, one a line (Debian package wbritish)")
	out := fs.String("out", "commonwords.txt.gz", "file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	words, err := commonWords(*in)
	if err != nil {
		return err
	}
	if err := write(*out, words); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	return nil
}

// commonWords reads the word list at path and returns, sorted, the words
// it writes in lower case and never capitalised.
func commonWords(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading the word list (install Debian's wbritish or pass -words): %w", err)
	}
	defer f.Close()
	lower := map[string]bool{}
	proper := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.ContainsAny(w, "'’") {
			continue
		}
		if l := strings.ToLower(w); l == w {
			lower[w] = true
		} else {
			proper[l] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	out := make([]string, 0, len(lower))
	for w := range lower {
		if !proper[w] {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out, nil
}

// write stores the words one a line, gzip-compressed.
func write(path string, words []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, w := range words {
		bw.WriteString(w)
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
