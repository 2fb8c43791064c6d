package corpus

import (
	"net/url"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

// pageMeta is what a page says about itself, read once: its <meta> tags
// and its JSON-LD.
type pageMeta struct {
	doc  *goquery.Document
	tags map[string]string // name, property, itemprop (lower case) → first non-empty content
	ld   linkedData
	host string // the page's host without "www.", for telling a site's name from a title
}

func readPageMeta(doc *goquery.Document, pageURL string) *pageMeta {
	m := &pageMeta{doc: doc, tags: map[string]string{}, ld: readLinkedData(doc)}
	doc.Find("meta[content]").Each(func(_ int, s *goquery.Selection) {
		content := collapseSpace(s.AttrOr("content", ""))
		if content == "" {
			return
		}
		for _, attr := range []string{"property", "name", "itemprop"} {
			if k := strings.ToLower(strings.TrimSpace(s.AttrOr(attr, ""))); k != "" {
				if _, seen := m.tags[k]; !seen {
					m.tags[k] = content
				}
			}
		}
	})
	if u, err := url.Parse(pageURL); err == nil {
		m.host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	return m
}

// tag returns the first of the named meta tags the page has.
func (m *pageMeta) tag(names ...string) string {
	for _, n := range names {
		if v := m.tags[n]; v != "" {
			return v
		}
	}
	return ""
}

// canonicalURL is the page's own address: its canonical link, og:url, or
// the address it was fetched from.
func (m *pageMeta) canonicalURL(pageURL string) string {
	if c := strings.TrimSpace(m.doc.Find(`link[rel="canonical"]`).AttrOr("href", "")); isAbsURL(c) {
		return c
	}
	if og := m.tag("og:url"); isAbsURL(og) {
		return og
	}
	return pageURL
}

// siteName is the publication's name.
func (m *pageMeta) siteName() string {
	return firstNonEmpty(m.tag("og:site_name", "application-name", "twitter:site"), m.ld.publisher)
}

// language is the page's declared language as a lower-case ISO 639-1 code
// ("en" for "en-US").
func (m *pageMeta) language() string {
	lang := firstNonEmpty(m.doc.Find("html").AttrOr("lang", ""), m.tag("og:locale", "content-language", "dc.language", "language"))
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if len(lang) < 2 || len(lang) > 3 || strings.IndexFunc(lang, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	return lang
}

func isAbsURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// collapseSpace trims s and folds every run of white space to one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// sameText reports whether two texts are the same but for case, white
// space and punctuation.
func sameText(a, b string) bool {
	return a != "" && foldText(a) == foldText(b)
}

// foldText keeps only the letters and digits of s, lower-cased.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
