package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxAuthorWords is the most words one author's name may have: more is a
// sentence or a bio, not a byline.
const maxAuthorWords = 6

// bylineSelectors find a byline in the page when the metadata names no
// author, most specific first.
var bylineSelectors = []string{
	`[itemprop="author"] [itemprop="name"]`, `[itemprop="author"]`, `[rel="author"]`,
	`.author-name`, `.author_name`, `.byline-name`, `.byline__name`, `.author a`, `.byline a`,
	`.author`, `.byline`, `[class*="author-name"]`, `[class*="byline"]`, `[id*="byline"]`,
	`[data-testid*="byline"]`, `[class*="author"]`, `[id*="author"]`, `[class*="wrote"]`, `[class*="writer"]`,
}

// notBylines holds the authors of other texts than the article's: those
// of comments, and of the stories teasers and footers link to.
const notBylines = `[class*="comment"], [id*="comment"], [id="respond"], aside, footer, nav`

var (
	// bylinePrefix ends at the "by" that leads a byline, after at most a
	// few words or a date ("By", "Posted by", "View all posts by", "Posted
	// on September 21, 2020 by").
	bylinePrefix = regexp.MustCompile(`(?i)^(?:(?:[\pL\pN ,.]{0,40}\s)?by[:\s]+|(?:author|writer|reporter)s?\s*:\s*)`)
	// credential is a degree or title after a name's comma ("Jane Doe,
	// PhD"): not a second name.
	credential = regexp.MustCompile(`^(?:PhD|Ph\.D\.?|MD|M\.D\.?|RDN?|MS|MA|MSc|MBA|MPH|RN|CPT|CSCS|DO|LD|Esq\.?)$`)
	// bylineTail ends a byline at what follows the names: a date, a role,
	// a site ("Jane Doe | Reuters", "Jane Doe, Staff Writer").
	bylineTail = regexp.MustCompile(`(?i)\s*(?:[|•·]|\bon\s+\w+\s+\d|\bupdated\b|\bpublished\b|\d{1,2}[:/.]\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:` + monthNames + `)\.?\s+\d).*$`)
)

// author returns the article's author or authors, joined with "; ". A
// name that is the site's own is no author: it is what sites put where
// they credit no one. (Only the very name: a personal blog's host often
// holds its author's surname.)
func (m *pageMeta) author() string {
	site := foldText(m.siteName())
	host := m.host
	if i := strings.LastIndex(host, "."); i > 0 {
		host = host[:i]
	}
	host = foldText(host)
	cleanAuthors := func(raw []string) []string {
		var out []string
		for _, n := range cleanAuthors(raw) {
			if f := foldText(n); f != site && f != host {
				out = append(out, n)
			}
		}
		return out
	}
	if names := cleanAuthors(m.ld.authors); len(names) > 0 {
		return strings.Join(names, "; ")
	}
	for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author",
		"dc.creator", "byl", "twitter:creator", "citation_author"} {
		v := m.tags[k]
		if v == "" || isAbsURL(v) || strings.HasPrefix(v, "@") {
			continue
		}
		if names := cleanAuthors([]string{v}); len(names) > 0 {
			return strings.Join(names, "; ")
		}
	}
	for _, sel := range bylineSelectors {
		var names []string
		m.doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if s.Closest(notBylines).Length() > 0 {
				return true
			}
			names = cleanAuthors([]string{spacedText(s.Get(0))})
			return len(names) == 0
		})
		if len(names) > 0 {
			return strings.Join(names, "; ")
		}
	}
	return ""
}

// cleanAuthors turns raw bylines into names: "By" and what follows the
// names dropped, "A and B" split, and anything that cannot be a name (a
// URL, an e-mail address, a long phrase, no capital letter) left out.
func cleanAuthors(raw []string) []string {
	var out []string
	for _, r := range raw {
		r = bylinePrefix.ReplaceAllString(collapseSpace(r), "")
		r = bylineTail.ReplaceAllString(r, "")
		for _, name := range splitNames(r) {
			name = strings.Trim(name, " ,;:-–—")
			if isName(name) && !credential.MatchString(name) && !containsFold(out, name) {
				out = append(out, name)
			}
		}
	}
	return out
}

// splitNames splits "A, B and C" into its names; "Jane Doe, PhD" stays
// whole only as far as a name can (the part after the comma is dropped
// as a title by isName's checks failing on it alone).
func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " and ", ", ")
	s = strings.ReplaceAll(s, " & ", ", ")
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isName reports whether s can be a person's or desk's name.
func isName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxAuthorWords || strings.EqualFold(s, "by") {
		return false
	}
	if strings.ContainsAny(s, "@/<>{}=") || isAbsURL(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
	}
	// Names are capitalised ("Jose de la Cruz"), sentences are not
	// ("Welcome to my first ever story").
	capital := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			capital++
		}
	}
	return capital > 0 && 2*capital >= len(words)
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// spacedText returns the text in n with a space where elements meet, so
// that "<span>By</span><a>Jane Doe</a>" reads "By Jane Doe".
func spacedText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
