package corpus

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// readText reads a plain-text article: the first non-empty line is the
// title, the rest the body.
func readText(r io.Reader, name string) (Article, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return Article{}, fmt.Errorf("reading text: %w", err)
	}
	text := normalizeText(string(data))
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64*1024), MaxInputSize)
	var title string
	var body strings.Builder
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if title == "" {
			title = line
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return Article{}, fmt.Errorf("reading text: %w", err)
	}
	if title == "" {
		return Article{}, ErrEmpty
	}
	return Article{Title: title, Body: joinParagraphs(splitLines(body.String()))}, nil
}

// splitLines returns the non-empty lines of s, trimmed.
func splitLines(s string) []string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// splitParagraphs splits a body into paragraphs at blank lines.
func splitParagraphs(body string) []string {
	var out []string
	for p := range strings.SplitSeq(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// joinParagraphs joins paragraphs with a blank line, the form of Body.
func joinParagraphs(ps []string) string {
	return strings.Join(ps, "\n\n")
}
