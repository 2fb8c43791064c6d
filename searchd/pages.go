package main

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"

	"net/url"
	"time"

	"github.com/labstack/echo/v4"
)

//go:embed templates/*.html
var templateFS embed.FS

// pageNames are the pages searchd renders; each must exist at start-up.
var pageNames = []string{"search", "article", "quotes", "speaker", "error"}

// pages holds the parsed templates, one clone of the base per page.
type pages struct {
	byName map[string]*template.Template
	static *staticFiles
}

func loadPages() (*pages, error) {
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"static": st.url,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format("2 Jan 2006")
		},
		"isoDate": func(t time.Time) string { return t.Format("2006-01-02") },
		"month": func(v string) string {
			t, err := time.Parse("2006-01", v)
			if err != nil {
				return v
			}
			return t.Format("Jan 2006")
		},
		// trusted marks HTML that search built with the article's text
		// escaped (snippets, highlighted titles).
		"trusted": func(s string) template.HTML { return template.HTML(s) },
		// speakerURL is the page of a speaker's quotes.
		"speakerURL": func(name string) string { return "/speakers/" + url.PathEscape(name) },
		// filterURL is the search for everything with one value.
		"filterURL": func(key, value string) string { return pageURL(url.Values{key: {value}}) },
	}
	base, err := template.New("base.html").Funcs(funcs).ParseFS(templateFS, "templates/base.html")
	if err != nil {
		return nil, fmt.Errorf("parsing base template: %w", err)
	}
	p := &pages{byName: map[string]*template.Template{}, static: st}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", name, err)
		}
		p.byName[name] = t
	}
	return p, nil
}

// renderPage renders a page into a buffer first, so that a template error
// can still become a clean error answer.
func (s *server) renderPage(c echo.Context, status int, name string, data any) error {
	t, ok := s.pages.byName[name]
	if !ok {
		return fmt.Errorf("no page %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base.html", data); err != nil {
		return fmt.Errorf("rendering %s: %w", name, err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

type errorPage struct {
	Status  int
	Message string
}
