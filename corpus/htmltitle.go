package corpus

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// titleSeparators split a page's <title> into the headline and the site's
// name or section ("Headline | Site", "Site - Headline").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", " : "}

// maxHeadings is how many <h1> and <h2> a page's title is looked for in;
// the headline is among the first, later ones head other stories.
const maxHeadings = 8

// title returns the article's headline. The headline as the page shows it
// in a heading is best, when a title in the metadata confirms it is the
// article's (a page has headings for menus and teasers too); else the
// JSON-LD headline, og:title and <title>, each without the site's name.
func (m *pageMeta) title() string {
	heads := m.headings()
	metaTitles := []string{m.ld.headline}
	// Every og:title: pages that carry two (from two plugins) have the
	// headline as shown in one of them.
	m.doc.Find(`meta[property="og:title"], meta[name="og:title"]`).Each(func(_ int, s *goquery.Selection) {
		metaTitles = append(metaTitles, collapseSpace(s.AttrOr("content", "")))
	})
	metaTitles = append(metaTitles, m.tag("twitter:title"),
		collapseSpace(m.doc.Find("title").First().Text()), m.tag("dc.title", "headline"))
	site := m.siteName()
	for _, h := range heads {
		if m.namesSite(h, site) {
			continue // the site's name in a heading, as many sites put it
		}
		for _, t := range metaTitles {
			if t == "" {
				continue
			}
			if sameText(h, t) || sameText(h, m.stripSite(t)) || isTitlePart(h, t) {
				return h
			}
		}
	}
	for _, t := range metaTitles {
		if t = strings.TrimRight(m.stripSite(t), " -|–—:·•»"); t != "" {
			return t
		}
	}
	for _, h := range heads {
		if !m.namesSite(h, site) {
			return h
		}
	}
	return ""
}

// headings returns the page's first non-empty <h1> and <h2> texts, h1
// first.
func (m *pageMeta) headings() []string {
	var out []string
	for _, sel := range []string{"h1", "h2"} {
		m.doc.Find(sel).EachWithBreak(func(_ int, s *goquery.Selection) bool {
			if t := collapseSpace(s.Text()); t != "" {
				out = append(out, t)
			}
			return len(out) < maxHeadings
		})
	}
	return out
}

// stripSite removes the site's name from the start or end of a title: a
// part before the first or after the last separator that names the site or
// its host. Failing that, a last part after " | " goes, as pipes almost
// always set off the site or section.
func (m *pageMeta) stripSite(t string) string {
	t = collapseSpace(t)
	site := m.siteName()
	for range 3 {
		cut := false
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(t, sep); i > 0 && m.namesSite(t[i+len(sep):], site) {
				t, cut = strings.TrimSpace(t[:i]), true
				break
			}
			if i := strings.Index(t, sep); i > 0 && m.namesSite(t[:i], site) {
				t, cut = strings.TrimSpace(t[i+len(sep):]), true
				break
			}
		}
		if !cut {
			break
		}
	}
	if i := strings.LastIndex(t, " | "); i > 0 {
		t = strings.TrimSpace(t[:i])
	}
	return t
}

// namesSite reports whether part of a title is the site's name: it is the
// og:site_name, or the host's name is in it or it is in the host's name
// ("The Verge" and theverge.com).
func (m *pageMeta) namesSite(part, site string) bool {
	p := foldText(part)
	if p == "" {
		return false
	}
	if site != "" && p == foldText(site) {
		return true
	}
	if m.host == "" {
		return false
	}
	h := m.host
	if i := strings.LastIndex(h, "."); i > 0 {
		h = h[:i] // drop the top-level domain
	}
	h = foldText(h)
	return len(p) >= 3 && (strings.Contains(h, p) || strings.Contains(p, h))
}

// isTitlePart reports whether heading h is the part of title t before a
// separator or after one ("Headline - Blog Name" when the page names no
// site, "Chapter 1: Prologue - Murdered - Book" for "Chapter 1: Prologue -
// Murdered"). The part must be the longer one: a site's name is shorter
// than a headline, and many sites put their name in an <h1>.
func isTitlePart(h, t string) bool {
	h, t = collapseSpace(h), collapseSpace(t)
	if h == "" || 2*len(h) < len(t) || len(h) >= len(t) {
		return false
	}
	for _, sep := range titleSeparators {
		if strings.EqualFold(t[:len(h)], h) && strings.HasPrefix(t[len(h):], sep) {
			return true
		}
		if k := len(t) - len(h); strings.EqualFold(t[k:], h) && strings.HasSuffix(t[:k], sep) {
			return true
		}
	}
	return false
}
