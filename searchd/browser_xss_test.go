package main

import (
	"net/url"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestBrowserArticleTextIsInert opens every page that shows the test
// article whose title, body, speaker and URL hold <script>, onerror= and a
// javascript: link, and clicks its links: no dialog may open and no script
// of the article's may run.
func TestBrowserArticleTextIsInert(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests are not short")
	}
	ts := mustServer(t)
	b := mustBrowser(t, ts.URL)
	var mu sync.Mutex
	var dialogs []string
	if err := chromedp.Listen(b.ctx, func(ev any) {
		if d, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, d.Message)
			mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	paths := []string{
		"/?q=grain",
		"/?q=" + url.QueryEscape("<script>alert(5)</script>"),
		"/articles/xss",
		"/speakers/" + url.PathEscape("<b>Bold</b>"),
		"/quotes?q=grain",
	}
	for _, p := range paths {
		b.open(p)
		if n := eval[int](b, `document.querySelectorAll("main script, main img, main b, [onerror]").length`); n > 0 {
			t.Errorf("%s: %d elements from the article's text became markup", p, n)
		}
		if n := eval[int](b, `[...document.querySelectorAll("a[href]")].filter(a => a.protocol === "javascript:").length`); n > 0 {
			t.Errorf("%s: %d javascript: links", p, n)
		}
		b.checkConsole()
	}
	// The article's own link, javascript: in the data, is clicked too.
	b.open("/articles/xss")
	if eval[bool](b, `!!document.querySelector("a.source")`) {
		b.do("clicking the article's source link", chromedp.Evaluate[chromedp.Void](`document.querySelector("a.source").click()`))
	}
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %q", dialogs)
	}
}
