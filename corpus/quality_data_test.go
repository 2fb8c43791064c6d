package corpus

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/internal/shareddata"
)

// evalPage is one page of an evaluation set with its ground truth; fields a
// set does not annotate stay empty and has* says whether they were given.
type evalPage struct {
	name string // file name inside the set, for failure messages
	url  string
	data []byte

	body string // scrapinghub: the article body

	hasTitle, hasDate, hasAuthor bool
	title, date, author          string   // date as YYYY-MM-DD
	with, without                []string // trafilatura-eval snippets
}

// loadScrapinghub reads the scrapinghub article-extraction benchmark: each
// page gzip-compressed, its body and URL in ground-truth.json.
func loadScrapinghub(tb testing.TB) []evalPage {
	tb.Helper()
	dir := shareddata.Path(tb, "data", "htmlpages", "scrapinghub")
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	mustReadJSON(tb, filepath.Join(dir, "ground-truth.json"), &truth)
	var pages []evalPage
	for id, t := range truth {
		name := id + ".html.gz"
		pages = append(pages, evalPage{name: name, url: t.URL, body: t.ArticleBody,
			data: mustReadGzip(tb, filepath.Join(dir, "html", name))})
	}
	slices.SortFunc(pages, func(a, b evalPage) int { return strings.Compare(a.name, b.name) })
	return pages
}

// loadMediacloud reads htmldate's 2020 MediaCloud set: URL → file and date.
func loadMediacloud(tb testing.TB) []evalPage {
	tb.Helper()
	dir := shareddata.Path(tb, "data", "htmlpages", "htmldate-mediacloud")
	var truth map[string]struct {
		File string `json:"file"`
		Date string `json:"date"`
	}
	mustReadJSON(tb, filepath.Join(dir, "eval_mediacloud_2020.en.json"), &truth)
	var pages []evalPage
	for u, t := range truth {
		pages = append(pages, evalPage{name: t.File, url: u, hasDate: true, date: t.Date,
			data: mustReadFile(tb, filepath.Join(dir, "html", t.File))})
	}
	slices.SortFunc(pages, func(a, b evalPage) int { return strings.Compare(a.name, b.name) })
	return pages
}

// loadTrafilaturaEval reads trafilatura's English evaluation pages. Title,
// date and author are annotated on some pages only; an annotation present
// but empty means the page has none, and is scored as such. An author may
// be a list of names, joined here with "; " as Article.Author joins them.
func loadTrafilaturaEval(tb testing.TB) []evalPage {
	tb.Helper()
	dir := shareddata.Path(tb, "data", "htmlpages", "trafilatura-eval")
	var truth map[string]struct {
		File    string          `json:"file"`
		With    []string        `json:"with"`
		Without []string        `json:"without"`
		Title   *string         `json:"title"`
		Date    *string         `json:"date"`
		Author  json.RawMessage `json:"author"`
	}
	mustReadJSON(tb, filepath.Join(dir, "evaldata.en.json"), &truth)
	var pages []evalPage
	for u, t := range truth {
		p := evalPage{name: t.File, url: u, with: t.With, without: t.Without,
			data: mustReadFile(tb, filepath.Join(dir, "html", t.File))}
		if t.Title != nil {
			p.hasTitle, p.title = true, *t.Title
		}
		if t.Date != nil {
			p.hasDate, p.date = true, *t.Date
		}
		if len(t.Author) > 0 {
			var one string
			var many []string
			if json.Unmarshal(t.Author, &one) == nil {
				p.hasAuthor, p.author = true, one
			} else if json.Unmarshal(t.Author, &many) == nil {
				p.hasAuthor, p.author = true, strings.Join(many, "; ")
			}
		}
		pages = append(pages, p)
	}
	slices.SortFunc(pages, func(a, b evalPage) int { return strings.Compare(a.name, b.name) })
	return pages
}

func mustReadJSON(tb testing.TB, path string, v any) {
	tb.Helper()
	if err := json.Unmarshal(mustReadFile(tb, path), v); err != nil {
		tb.Fatalf("decoding %s: %v", path, err)
	}
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("ReadFile: %v", err)
	}
	return data
}

func mustReadGzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("gzip.NewReader(%s): %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	return data
}
