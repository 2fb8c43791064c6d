package corpus

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// maxAuthorWords is the most words one author's name may have: more is a
// sentence or a bio, not a byline.
const maxAuthorWords = 6

// bylineSelectors find a byline in the page when the metadata names no
// author, most specific first.
var bylineSelectors = []string{
	`[itemprop="author"] [itemprop="name"]`, `[itemprop="author"]`, `[rel="author"]`,
	`.author-name`, `.author_name`, `.byline-name`, `.byline__name`, `.author a`, `.byline a`,
	`.author`, `.byline`, `[class*="author-name"]`, `[class*="byline"]`,
}

var (
	// bylinePrefix ends at the "by" that leads a byline, after at most a
	// few words ("By", "Posted by", "View all posts by").
	bylinePrefix = regexp.MustCompile(`(?i)^(?:[\pL ]{0,30}\s)?by[:\s]+`)
	// credential is a degree or title after a name's comma ("Jane Doe,
	// PhD"): not a second name.
	credential = regexp.MustCompile(`^(?:PhD|Ph\.D\.?|MD|M\.D\.?|RDN?|MS|MA|MSc|MBA|MPH|RN|CPT|CSCS|DO|LD|Esq\.?)$`)
	// bylineTail ends a byline at what follows the names: a date, a role,
	// a site ("Jane Doe | Reuters", "Jane Doe, Staff Writer").
	bylineTail = regexp.MustCompile(`\s*(?:[|•·]|\bon\s+\w+\s+\d|\bupdated\b|\bpublished\b|\d{1,2}[:/.]\d).*$`)
)

// author returns the article's author or authors, joined with "; ".
func (m *pageMeta) author() string {
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
			names = cleanAuthors([]string{s.Text()})
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
	if len(words) == 0 || len(words) > maxAuthorWords {
		return false
	}
	if strings.ContainsAny(s, "@/<>{}=") || isAbsURL(s) {
		return false
	}
	upper := false
	for _, r := range s {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	return upper
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
