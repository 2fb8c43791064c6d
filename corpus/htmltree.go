package corpus

import (
	"bytes"
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNesting is how deep parsePage lets elements nest. The HTML parser
// refuses a page with more than 512 elements open at once, and real
// articles nest a few dozen deep; deeper nesting is markup gone wrong (or
// an attack), whose extra levels carry no structure worth keeping.
const maxNesting = 256

// parsePage parses a UTF-8 page into a tree, once, for every extractor to
// share. A page nested too deep for the parser is flattened below
// maxNesting and parsed again, so its text survives: the work stays linear
// in the size of the page however deep it nests.
func parsePage(data []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err == nil {
		return root, nil
	}
	root, err2 := html.Parse(bytes.NewReader(flattenNesting(data, maxNesting)))
	if err2 != nil {
		return nil, fmt.Errorf("parsing html: %w (flattened: %w)", err, err2)
	}
	return root, nil
}

// flattenNesting rewrites a page without the start and end tags that would
// open an element deeper than limit, keeping all text. Depth is counted
// naively (a start tag opens, its end tag closes, void elements do
// neither), which is deeper than or as deep as the tree the parser builds,
// never shallower, so the rewritten page parses.
func flattenNesting(data []byte, limit int) []byte {
	var out bytes.Buffer
	out.Grow(len(data))
	z := html.NewTokenizer(bytes.NewReader(data))
	var open []atom.Atom
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if isVoid(a) {
				break
			}
			if len(open) >= limit {
				dropped[string(name)]++
				continue
			}
			open = append(open, a)
		case html.EndTagToken:
			name, _ := z.TagName()
			if dropped[string(name)] > 0 {
				dropped[string(name)]--
				continue
			}
			a := atom.Lookup(name)
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == a {
					open = open[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
}

// isVoid reports whether an element never has content, so its start tag
// opens nothing.
func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
