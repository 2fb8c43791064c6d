package corpus

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// boilerplateSelector matches the parts of a page that are never the
// story, by the names sites give them: comment threads, social buttons,
// related links, author bios, newsletter boxes, copyright notices. (Names
// such as "share", "promo" or "subscribe" also mark parts of real stories
// on the scrapinghub pages, and are left alone.) go-trafilatura drops them before it looks for the
// text, which keeps them from being taken in with a story they sit inside.
// As sites also put such names on the wrappers of whole pages ("has-
// newsletter"), pruneBoilerplate spares an element holding the headline or
// half the page's paragraphs.
const boilerplateSelector = `aside, [role="complementary"], ` +
	`[class*="comments"], [id*="comments"], [id="respond"], [class*="social"], ` +
	`[class*="related"], [id*="related"], [class*="author-bio"], [class*="author-box"], ` +
	`[class*="newsletter"], [class*="copyright"], [class*="disclaimer"]`

// mainText finds the article's text in the page with go-trafilatura and
// returns it as paragraphs. Its date search is off (publishedDate does
// that once), as is its fallback to readability and DOM distiller: on the
// scrapinghub pages the fallback gains nothing Dateline keeps and halves
// the speed. FavorRecall keeps the short paragraphs a story ends with.
// lang is the language go-trafilatura detects in the text ("en"), which
// it does whatever it is asked.
func mainText(root *html.Node, pageURL string) (paras []string, lang string) {
	opts := trafilatura.Options{
		ExcludeComments: true,
		Focus:           trafilatura.FavorRecall,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if u, err := url.Parse(pageURL); err == nil && isAbsURL(pageURL) {
		opts.OriginalURL = u
	}
	doc := goquery.NewDocumentFromNode(root)
	pruneBoilerplate(doc)
	if textSize(root) > maxExtractText {
		return largePageText(doc), ""
	}
	res, err := trafilatura.ExtractDocument(root, opts)
	if err != nil || res.ContentNode == nil {
		return nil, ""
	}
	return nodeParagraphs(res.ContentNode), res.Metadata.Language
}

// maxExtractText is the most text a page may hold for go-trafilatura to
// read it: its time grows with the square of the text (it builds strings
// by appending), a second for 512 KiB, where the longest news stories hold
// a tenth of that. Larger pages, up to MaxInputSize, are read by
// largePageText in linear time.
const maxExtractText = 512 << 10

// textSize is the number of bytes of text in the tree.
func textSize(root *html.Node) int {
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.TextNode {
			n += len(x.Data)
		}
		for c := x.FirstChild; c != nil && n <= maxExtractText; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return n
}

// largePageText reads a page too large for go-trafilatura: the paragraphs
// of its first <article>, else its <main>, else its <body>, boilerplate
// pruned before.
func largePageText(doc *goquery.Document) []string {
	for _, sel := range []string{"article", "main", "body"} {
		if s := doc.Find(sel).First(); s.Length() > 0 {
			return nodeParagraphs(s.Get(0))
		}
	}
	return nodeParagraphs(doc.Get(0))
}

// pruneBoilerplate removes what boilerplateSelector matches from the page,
// but for an element that holds the headline, an <article>, or half the
// page's paragraphs: that is the story's wrapper, whatever its name.
//
// Scripts, styles and other markup that holds no text go too, all of
// them: by now the metadata is read, and go-trafilatura copies the tree
// three times before it drops them itself.
func pruneBoilerplate(doc *goquery.Document) {
	doc.Find("script, style, svg, link").Each(func(_ int, s *goquery.Selection) {
		if n := s.Get(0); n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	})
	total := doc.Find("p").Length()
	doc.Find(boilerplateSelector).Each(func(_ int, s *goquery.Selection) {
		n := s.Get(0)
		if n.Parent == nil {
			return // inside an element already removed, or the root
		}
		if s.Find("h1, article").Length() > 0 || 2*s.Find("p").Length() > total {
			return
		}
		n.Parent.RemoveChild(n)
	})
}

// nodeParagraphs returns the text of a tree as paragraphs: every block
// element and every <br> ends one; inline elements run on without a
// space, as "<b>W</b>ord" is one word.
func nodeParagraphs(root *html.Node) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if t := collapseSpace(cur.String()); t != "" {
			out = append(out, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		// go-trafilatura renames elements by their Data alone, leaving
		// DataAtom behind: the name is read from Data.
		var a atom.Atom
		switch n.Type {
		case html.TextNode:
			if needsSpace(cur.String(), n.Data) {
				cur.WriteByte(' ')
			}
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			a = atom.Lookup([]byte(n.Data))
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br, atom.Hr:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(a)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(root)
	flush()
	return out
}

// isBlock reports whether an element starts a paragraph of its own.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li,
		atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre, atom.Table,
		atom.Tr, atom.Td, atom.Th, atom.Section, atom.Article, atom.Figure, atom.Figcaption,
		atom.Header, atom.Footer, atom.Main, atom.Aside, atom.Body, atom.Details, atom.Summary:
		return true
	}
	return false
}

// needsSpace reports whether a space must go between text already written
// and the next text node. go-trafilatura trims the text around the
// elements it keeps, so "a <a>link</a> in" comes out as "a", "link", "in":
// words are set apart again, but not punctuation from the word before it
// ("link," stays one token) nor from an opening bracket or quote.
func needsSpace(prev, next string) bool {
	if prev == "" || next == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsSpace(last) || unicode.IsSpace(first) || strings.ContainsRune("([{“‘\"'/-–—", last) {
		return false
	}
	return unicode.IsLetter(first) || unicode.IsDigit(first) || strings.ContainsRune("([{“‘", first)
}
