package corpus

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
)

// readHTMLFile reads a web page from a file; the article's ID is the
// canonical URL's when the page names one, else the file's base name.
func readHTMLFile(r io.Reader, name string) (Article, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return Article{}, fmt.Errorf("reading page: %w", err)
	}
	a, err := ParseHTML(data, "")
	if err != nil {
		return Article{}, err
	}
	a.ID = baseID(filepath.Base(name))
	return a, nil
}

// ParseHTML extracts the article from a web page. pageURL, when known, is
// where the page was fetched from.
func ParseHTML(data []byte, pageURL string) (Article, error) {
	if len(data) > MaxInputSize {
		return Article{}, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxInputSize)
	}
	utf8Data, err := toUTF8(data)
	if err != nil {
		return Article{}, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(utf8Data))
	if err != nil {
		return Article{}, fmt.Errorf("parsing html: %w", err)
	}
	a := Article{URL: pageURL}
	if canon, ok := doc.Find(`link[rel="canonical"]`).Attr("href"); ok && isAbsURL(canon) {
		a.URL = canon
	} else if og := metaContent(doc, "og:url"); isAbsURL(og) && a.URL == "" {
		a.URL = og
	}
	a.Title = pageTitle(doc)
	a.Author = firstNonEmpty(metaContent(doc, "author"), metaContent(doc, "article:author"),
		strings.TrimSpace(doc.Find(`[rel="author"], .byline, [itemprop="author"]`).First().Text()))
	a.Author = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(a.Author), "By "))
	a.Site = metaContent(doc, "og:site_name")
	a.Language, _ = doc.Find("html").Attr("lang")
	a.Published = pageDate(doc)
	a.Body = joinParagraphs(pageParagraphs(doc))
	if a.Title == "" && a.Body == "" {
		return Article{}, ErrEmpty
	}
	return a, nil
}

// toUTF8 decodes a page in whatever charset it declares (BOM, meta tag,
// or content sniffing) into UTF-8.
func toUTF8(data []byte) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	if name == "utf-8" {
		return []byte(normalizeText(string(data))), nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", name, err)
	}
	return []byte(normalizeText(string(out))), nil
}

func isAbsURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// metaContent returns the content of <meta property=name> or <meta name=name>.
func metaContent(doc *goquery.Document, name string) string {
	sel := doc.Find(`meta[property="` + name + `"], meta[name="` + name + `"], meta[itemprop="` + name + `"]`)
	v, _ := sel.First().Attr("content")
	return collapseSpace(v)
}

func pageTitle(doc *goquery.Document) string {
	if t := metaContent(doc, "og:title"); t != "" {
		return t
	}
	if t := collapseSpace(doc.Find("h1").First().Text()); t != "" {
		return t
	}
	return collapseSpace(doc.Find("title").First().Text())
}

// pageDate reads the publication date from the page's metadata.
func pageDate(doc *goquery.Document) time.Time {
	for _, name := range []string{"article:published_time", "datePublished", "pubdate", "date", "dc.date"} {
		if v := metaContent(doc, name); v != "" {
			if t, err := ParseDate(v); err == nil {
				return t
			}
		}
	}
	if v, ok := doc.Find("time[datetime]").First().Attr("datetime"); ok {
		if t, err := ParseDate(v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// pageParagraphs returns the text paragraphs of the page's main content.
func pageParagraphs(doc *goquery.Document) []string {
	root := doc.Find("article").First()
	if root.Length() == 0 {
		root = doc.Find("main").First()
	}
	if root.Length() == 0 {
		root = doc.Find("body")
	}
	var out []string
	root.Find("p").Each(func(_ int, p *goquery.Selection) {
		if p.Closest("nav, footer, aside, header, form").Length() > 0 {
			return
		}
		if t := collapseSpace(p.Text()); t != "" {
			out = append(out, t)
		}
	})
	return out
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
