package corpus

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/PuerkitoBio/goquery"
)

// readHTMLFile reads a web page from a file; the article's ID is the
// file's base name.
func readHTMLFile(r io.Reader, name string) (Article, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return Article{}, fmt.Errorf("reading page: %w", err)
	}
	a, err := ParseHTML(data, "")
	if err != nil {
		return Article{}, fmt.Errorf("page %s: %w", filepath.Base(name), err)
	}
	a.ID = baseID(filepath.Base(name))
	return a, nil
}

// ParseHTML extracts the article from a web page: its headline, publication
// date, author, site, canonical URL and language from the page's metadata
// and markup (the language, where the page declares none, as detected in
// its text), and its text without menus, teasers, comments and other
// boilerplate, as paragraphs, the headline left out. Dateline is the place
// of a dateline that opens the text ("KYIV"). pageURL, when known, is where the page was
// fetched from; it helps tell the site's name from the headline and may
// carry the date.
//
// The page may be in any charset and may be malformed, truncated or nested
// arbitrarily deep; larger than MaxInputSize it is refused with
// ErrTooLarge, and a page with neither title nor text gives ErrEmpty.
func ParseHTML(data []byte, pageURL string) (Article, error) {
	if len(data) > MaxInputSize {
		return Article{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxInputSize)
	}
	utf8Data, err := toUTF8(data)
	if err != nil {
		return Article{}, err
	}
	root, err := parsePage(utf8Data)
	if err != nil {
		return Article{}, err
	}
	doc := goquery.NewDocumentFromNode(root)
	m := readPageMeta(doc, pageURL)
	a := Article{
		URL:      m.canonicalURL(pageURL),
		Title:    m.title(),
		Author:   m.author(),
		Site:     m.siteName(),
		Language: m.language(),
	}
	a.Published = m.publishedDate(root, firstNonEmpty(pageURL, a.URL), a.Title)
	paras, lang := mainText(root, firstNonEmpty(pageURL, a.URL))
	if a.Language == "" {
		a.Language = lang
	}
	// The headline is the title, not the story's first paragraph.
	if len(paras) > 0 && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	paras = dropBoilerplate(paras)
	if len(paras) > 0 {
		if d, ok := ParseDateline(paras[0]); ok {
			a.Dateline = d.Place
			a.Published = datelineDate(a.Published, d, m.yearHint(firstNonEmpty(pageURL, a.URL)))
		}
	}
	a.Body = joinParagraphs(paras)
	for _, f := range []*string{&a.Title, &a.Body, &a.Author, &a.Site, &a.Dateline, &a.URL} {
		*f = normalizeText(*f)
	}
	if a.Title == "" && a.Body == "" {
		return Article{}, ErrEmpty
	}
	return a, nil
}
