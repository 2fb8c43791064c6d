package corpus

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dateline/internal/shareddata"
)

// The fuzz tests feed every reader arbitrary bytes: none may panic, hang
// or return text that is not valid UTF-8. Each is seeded with small
// hand-written inputs and, where the shared data is present, a few real
// pages or records. Run one with, for example,
//
//	go test ./corpus -run XXX -fuzz FuzzParseHTML -fuzztime 3m
//
// Inputs that once failed live in testdata/fuzz/<FuzzName>/ and run with
// every "go test".

// maxFuzzSeed bounds a real seed's size: the fuzzer mutates whole inputs,
// and large ones slow every execution.
const maxFuzzSeed = 64 << 10

// addSharedSeeds adds up to n files matching pattern under the shared data
// as seeds, cut to maxFuzzSeed; it adds nothing where the data is absent,
// so fuzzing works from any checkout.
func addSharedSeeds(f *testing.F, n int, pattern ...string) {
	f.Helper()
	root, err := shareddata.Root()
	if err != nil {
		return
	}
	files, _ := filepath.Glob(filepath.Join(append([]string{root, "data"}, pattern...)...))
	for _, p := range files[:min(n, len(files))] {
		var data []byte
		if strings.HasSuffix(p, ".gz") {
			data = mustReadGzip(f, p)
		} else {
			data = mustReadFile(f, p)
		}
		f.Add(data[:min(len(data), maxFuzzSeed)])
	}
}

// checkArticle fails on an article whose text a reader should never give.
func checkArticle(t *testing.T, call string, a Article) {
	t.Helper()
	for field, s := range map[string]string{"Title": a.Title, "Body": a.Body, "Author": a.Author, "Dateline": a.Dateline} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8: %q", call, field, s)
		}
		if strings.ContainsRune(s, 0) {
			t.Errorf("%s: %s holds NUL: %q", call, field, s)
		}
	}
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"",
		"<html><head><title>T</title></head><body><p>Text.</p></body></html>",
		`<meta charset="windows-1252"><title>Caf` + "\xe9" + `</title><p>` + "\x93quoted\x94",
		"\xEF\xBB\xBF<title>BOM</title><article><h1>Head</h1><p>KYIV, April 11 (Reuters) – Body.</p></article>",
		`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02","author":[{"name":"A B"}]}]}</script>`,
		"<div><div><div><span><b><i><table><tr><td><p>deep",
		"<p class=\"byline\">By Jane Doe | Reuters</p><time datetime=\"2019-13-45\">x</time>",
		"\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s))
	}
	for _, fix := range []string{"news-jsonld.html", "blog-windows1252.html", "wire-no-date.html"} {
		f.Add(mustReadFixture(f, fix))
	}
	addSharedSeeds(f, 3, "htmlpages", "scrapinghub", "html", "*.html.gz")
	addSharedSeeds(f, 3, "htmlpages", "trafilatura-eval", "html", "*.html")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML(data, "https://example.com/news/2020/05/01/story")
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrTooLarge) {
				t.Logf("ParseHTML: %v", err) // a page it cannot parse is an error, not a failure
			}
			return
		}
		checkArticle(t, "ParseHTML", a)
		for i, p := range a.Paragraphs() {
			if strings.Contains(p, "\n\n") || strings.TrimSpace(p) != p {
				t.Errorf("ParseHTML: paragraph %d not trimmed or split: %q", i, p)
			}
		}
	})
}

func FuzzReadSGML(f *testing.F) {
	for _, s := range []string{
		"",
		`<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>T</TITLE><DATELINE>NEW YORK, Feb 26 - </DATELINE><BODY>Body.</BODY></TEXT></REUTERS>`,
		`<REUTERS NEWID="2"><TEXT TYPE="UNPROC">LONDON, March 3 - Text.</TEXT></REUTERS>`,
		`<REUTERS NEWID="3"><PLACES><D>usa</D><D>uk</PLACES><BODY>x`,
		`<REUTERS NEWID="4"><TEXT><BODY>` + "caf\xe9 &lt;&#3;" + `</BODY></TEXT></REUTERS><REUTERS`,
	} {
		f.Add([]byte(s))
	}
	addSharedSeeds(f, 1, "reuters21578", "reut2-000.sgm")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := ReadSGML(bytes.NewReader(data))
		for _, a := range arts {
			if !strings.HasPrefix(a.ID, "reuters-") {
				t.Errorf("ReadSGML: article ID %q lacks the reuters- prefix", a.ID)
			}
			checkArticle(t, "ReadSGML", a)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		"",
		`{"id":"a","title":"T","body":"B","published":"2020-01-02T03:04:05Z"}` + "\n",
		`{"id":"b","title":"T","published":"2020-01-02"}` + "\r\n\n" + `{"id":"c"}` + "\n" + `{bad`,
		`{"id":"d","body":"` + "\xff\x00" + `","quotes":[{"text":"q","offset":-1}]}`,
		`{"id":" ","title":"no id"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, _ := ReadJSONL(bytes.NewReader(data))
		for _, a := range arts {
			if strings.TrimSpace(a.ID) == "" {
				t.Errorf("ReadJSONL: article without an ID from %q", data)
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Errorf("ReadJSONL: invalid UTF-8 in %q / %q", a.Title, a.Body)
			}
		}
	})
}

func FuzzReadText(f *testing.F) {
	for _, s := range []string{
		"",
		"Title\n\nFirst paragraph.\nSecond line.\n",
		"\uFEFFTitle\r\nBody\r\n",
		"\n\n\x00\xff\n  Title  \n\tbody",
	} {
		f.Add([]byte(s))
	}
	addSharedSeeds(f, 2, "bbc", "*", "*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := readText(bytes.NewReader(data), "fuzz.txt")
		if err != nil {
			return
		}
		if a.Title == "" {
			t.Errorf("readText(%q) gave no title and no error", data)
		}
		checkArticle(t, "readText", a)
	})
}
