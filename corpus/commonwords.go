package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"sync"
)

// commonWordsData is the list of English words written in lower case only,
// one a line, built by internal/gencommonwords from Debian's wbritish list.
//
//go:embed commonwords.txt.gz
var commonWordsData []byte

// loadCommonWords decodes the embedded word list once, on first use: about
// 62,000 words, a few milliseconds, paid only by a process that extracts
// speakers.
var loadCommonWords = sync.OnceValue(func() map[string]bool {
	m, err := decodeCommonWords(commonWordsData)
	if err != nil {
		// The file is part of the build; a broken one is a build error.
		panic(fmt.Sprintf("corpus: embedded word list: %v", err))
	}
	return m
})

func decodeCommonWords(data []byte) (map[string]bool, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("opening word list: %w", err)
	}
	m := make(map[string]bool, 64_000)
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		m[sc.Text()] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading word list: %w", err)
	}
	return m, nil
}

// isCommonWord reports whether the lower-case word w is an ordinary English
// word that is never a name: "policy" and "engineers" are, "bell" and
// "grant" are not (they are surnames too), nor is any word the list lacks.
func isCommonWord(w string) bool {
	return loadCommonWords()[w]
}

// isGivenName reports whether the lower-case word w is a first name the
// tables know.
func isGivenName(w string) bool {
	return femaleNames[w] || maleNames[w]
}
