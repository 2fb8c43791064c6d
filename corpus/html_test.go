package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustReadFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "html", name))
	if err != nil {
		tb.Fatalf("ReadFile: %v", err)
	}
	return data
}

func TestParseHTMLFixtures(t *testing.T) {
	tests := []struct {
		name, file, url                     string
		title, author, site, dateline, lang string
		published                           string // RFC 3339, or a day
		wantURL                             string
		bodyHas, bodyLacks                  []string
		firstParagraph                      string // prefix
	}{
		{
			name: "news page with JSON-LD, menus, related links and comments", file: "news-jsonld.html",
			title: "Grain corridor talks resume in Istanbul", author: "Olena Marchenko; Tom Reyes",
			site: "The Harbour Gazette", dateline: "KYIV", lang: "en", published: "2023-04-11T18:40:00+03:00",
			wantURL:        "https://gazette.example.org/world/2023/04/11/grain-corridor-talks",
			firstParagraph: "KYIV, April 11 (Reuters) – Negotiators",
			bodyHas:        []string{"insurance costs would fall quickly", `"We are close to an understanding`},
			bodyLacks:      []string{"cookies", "Wheat prices fall", "Great reporting", "All rights reserved", "Home"},
		},
		{
			name: "Windows-1252 blog post with a byline meta tag and a <time>", file: "blog-windows1252.html",
			title: "Café culture in the old town", author: "Renée Dubois", published: "2019-06-14", lang: "en", // detected
			firstParagraph: "The old town has more cafés",
			bodyHas:        []string{"“You come for the coffee", "the town’s history"},
			bodyLacks:      []string{"Archive"},
		},
		{
			name: "wire story dated only by its dateline and the URL's year", file: "wire-no-date.html",
			url:   "https://news.example.com/markets/2021/rates-steady",
			title: "Bank holds rates steady", dateline: "LONDON", published: "2021-03-03", lang: "en", // detected
			wantURL:        "https://news.example.com/markets/2021/rates-steady",
			firstParagraph: "LONDON, March 3 (Reuters) - The central bank",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML(mustReadFixture(t, tt.file), tt.url)
			if err != nil {
				t.Fatalf("ParseHTML(%s): %v", tt.file, err)
			}
			fields := []struct{ field, got, want string }{
				{"Title", a.Title, tt.title}, {"Author", a.Author, tt.author}, {"Site", a.Site, tt.site},
				{"Dateline", a.Dateline, tt.dateline}, {"Language", a.Language, tt.lang}, {"URL", a.URL, tt.wantURL},
			}
			for _, f := range fields {
				if f.got != f.want {
					t.Errorf("ParseHTML(%s).%s = %q, want %q", tt.file, f.field, f.got, f.want)
				}
			}
			want, err := time.Parse(time.RFC3339, tt.published)
			if err != nil {
				want, _ = time.Parse(time.DateOnly, tt.published)
			}
			if !a.Published.Equal(want) && day(a.Published) != tt.published {
				t.Errorf("ParseHTML(%s).Published = %v, want %s", tt.file, a.Published, tt.published)
			}
			paras := a.Paragraphs()
			if len(paras) < 2 {
				t.Fatalf("ParseHTML(%s).Body has %d paragraphs, want several: %q", tt.file, len(paras), a.Body)
			}
			if !strings.HasPrefix(paras[0], tt.firstParagraph) {
				t.Errorf("ParseHTML(%s) first paragraph = %q, want it to start %q", tt.file, paras[0], tt.firstParagraph)
			}
			for _, s := range tt.bodyHas {
				if !strings.Contains(a.Body, s) {
					t.Errorf("ParseHTML(%s).Body lacks %q: %q", tt.file, s, a.Body)
				}
			}
			for _, s := range tt.bodyLacks {
				if strings.Contains(a.Body, s) {
					t.Errorf("ParseHTML(%s).Body holds boilerplate %q: %q", tt.file, s, a.Body)
				}
			}
		})
	}
}

func TestParseHTMLCharsets(t *testing.T) {
	const story = "<p>Le café était plein, et personne ne parlait d’autre chose que de la pluie qui tombait depuis trois jours sur la ville entière.</p>"
	page := func(head string) string {
		return "<html><head>" + head + "<title>Un café</title></head><body>" + story + "</body></html>"
	}
	tests := []struct {
		name string
		data []byte
		want string // in the body
	}{
		{name: "UTF-8", data: []byte(page(`<meta charset="utf-8">`)), want: "café était"},
		{name: "UTF-8 with a byte-order mark", data: append([]byte("\xEF\xBB\xBF"), page("")...), want: "café était"},
		{name: "Windows-1252 declared", data: []byte(strings.NewReplacer("é", "\xe9", "’", "\x92").Replace(page(`<meta charset="windows-1252">`))), want: "d’autre"},
		{name: "ISO-8859-1 declared in http-equiv", data: []byte(strings.NewReplacer("é", "\xe9", "’", "'").Replace(page(`<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">`))), want: "café était"},
		{name: "Windows-1252 undeclared", data: []byte(strings.NewReplacer("é", "\xe9", "’", "\x92").Replace(page(""))), want: "d’autre"},
		{name: "UTF-8 mislabelled as Latin-1", data: []byte(page(`<meta charset="iso-8859-1">`)), want: "café était"},
		{name: "invalid UTF-8 repaired", data: []byte(strings.Replace(page(`<meta charset="utf-8">`), "plein", "pl\xffein", 1)), want: "pl\uFFFDein"},
		{name: "UTF-16 with its mark", data: utf16LE(page("")), want: "café était"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML(tt.data, "")
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if !strings.Contains(a.Body, tt.want) {
				t.Errorf("ParseHTML(%s).Body = %q, want it to hold %q", tt.name, a.Body, tt.want)
			}
			if a.Title != "Un café" {
				t.Errorf("ParseHTML(%s).Title = %q, want %q", tt.name, a.Title, "Un café")
			}
		})
	}
}

// utf16LE encodes s as UTF-16, little-endian, with its byte-order mark.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestParseHTMLHostileInput(t *testing.T) {
	para := "<p>" + strings.Repeat("The harbour reopened after the storm and the ferries ran again. ", 5) + "</p>"
	tests := []struct {
		name    string
		data    []byte
		wantErr error
		want    string // in the body
	}{
		{name: "100,000 nested divs", data: []byte("<html><body>" + strings.Repeat("<div>", 100000) + para), want: "ferries ran again"},
		{name: "100,000 nested unclosed spans and bolds", data: []byte("<body>" + strings.Repeat("<span><b>", 50000) + para), want: "ferries ran again"},
		{name: "100,000 nested tables", data: []byte("<body>" + strings.Repeat("<table><tr><td>", 33000) + para), want: "ferries ran again"},
		{name: "truncated mid-tag", data: []byte("<html><head><title>Storm</title></head><body>" + para + para + "<p class=\"x"), want: "ferries ran again"},
		{name: "NUL bytes and control characters", data: []byte("<title>Sto\x00rm</title><body>" + strings.Replace(para, "storm", "st\x01orm", 1)), want: "ferries"},
		{name: "empty", data: nil, wantErr: ErrEmpty},
		{name: "only markup", data: []byte("<html><body><div></div></body></html>"), wantErr: ErrEmpty},
		{name: "larger than MaxInputSize", data: make([]byte, MaxInputSize+1), wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseHTML(tt.data, "")
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("ParseHTML error = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseHTML: %v", err)
			}
			if !strings.Contains(a.Body, tt.want) {
				t.Errorf("ParseHTML(%s).Body = %.200q, want it to hold %q", tt.name, a.Body, tt.want)
			}
			if strings.ContainsAny(a.Body+a.Title, "\x00\x01") {
				t.Errorf("ParseHTML(%s) kept control characters: %q %q", tt.name, a.Title, a.Body)
			}
		})
	}
}

// TestParseHTMLLargePage reads a page near MaxInputSize: it must take
// time in proportion to its size (the benchmark of the same name gives the
// figure), where the extraction libraries alone take the square of it.
func TestParseHTMLLargePage(t *testing.T) {
	if testing.Short() {
		t.Skip("a 25 MB page takes seconds; skipped with -short")
	}
	a, err := ParseHTML(largePage(150000), "")
	if err != nil {
		t.Fatalf("ParseHTML: %v", err)
	}
	for _, want := range []string{"Paragraph 0 of", "Paragraph 149999 of"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("ParseHTML(25 MB page).Body lacks %q", want)
		}
	}
}

// largePage is a page of n paragraphs with a link each and an advert
// between them, about 170 bytes a paragraph.
func largePage(n int) []byte {
	var b strings.Builder
	b.WriteString("<html><head><title>Big</title></head><body><article><h1>Big</h1>")
	for i := range n {
		fmt.Fprintf(&b, "<p>Paragraph %d of a very long story about <a href='/x%d'>harbours</a> and ferries.</p>\n<div class='ad'><span>ad %d</span></div>", i, i, i)
	}
	return []byte(b.String())
}

func TestReadFileHTMLGzip(t *testing.T) {
	arts, err := ReadFile(filepath.Join("testdata", "html", "news-jsonld.html"))
	if err != nil || len(arts) != 1 {
		t.Fatalf("ReadFile = %d articles, %v; want 1, nil", len(arts), err)
	}
	if arts[0].ID != "news-jsonld" || arts[0].Title != "Grain corridor talks resume in Istanbul" {
		t.Errorf("ReadFile: ID %q, Title %q", arts[0].ID, arts[0].Title)
	}
}
