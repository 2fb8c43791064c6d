package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// findChromium returns the browser the end-to-end tests drive. Without one
// they skip, except in CI (env CI set), where a missing browser fails.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("no Chromium at /usr/bin/chromium; CI must run the browser tests (apt-get install -y chromium)")
	}
	t.Skip("no Chromium at /usr/bin/chromium: skipping the browser tests (apt-get install -y chromium to run them)")
	return ""
}

// browser is one headless Chromium tab on a test server, recording every
// console error and uncaught exception of its pages.
type browser struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string // where screenshots go
	// marks counts the pages navigateBy left.
	marks int

	mu     sync.Mutex
	errors []string
}

func mustBrowser(t *testing.T, base string) *browser {
	t.Helper()
	exe := findChromium(t)
	dir := os.Getenv("DATELINE_ARTIFACTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "dateline-browser-"); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	b := &browser{t: t, ctx: ctx, base: base, dir: dir}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.mu.Lock()
				b.errors = append(b.errors, fmt.Sprintf("%s:%d %s", m.URL, m.Line+1, m))
				b.mu.Unlock()
			}
		}
	}()
	return b
}

// do runs steps, failing the test with what was being done.
func (b *browser) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.t.Fatalf("%s: %v (console: %q)", what, err, b.errors)
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](b *browser, expr string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// navigateBy runs an action that leads to another page, and waits until
// that page has loaded: the old page's mark is gone (a page restored from
// the back-forward cache keeps an older one) and the document is complete.
func (b *browser) navigateBy(what string, act chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	b.marks++
	mark := fmt.Sprintf("page %d", b.marks)
	b.do(what+": marking the old page", chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`window.__mark = %q`, mark)))
	b.do(what, act)
	// Evaluated in a loop, not polled in the page: while the page
	// changes there is no page to poll in.
	var last error
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		loaded, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](fmt.Sprintf(`window.__mark !== %q && document.readyState === "complete"`, mark)))
		if err == nil && loaded {
			return
		}
		last = err
	}
	b.t.Fatalf("%s: the new page did not load (%v)", what, last)
}

func (b *browser) open(path string) {
	b.t.Helper()
	b.do("opening "+path, chromedp.Navigate(b.base+path), chromedp.WaitReady(chromedp.CSS("footer")))
}

// location returns the path and query of the page.
func (b *browser) location() (string, url.Values) {
	b.t.Helper()
	loc, err := chromedp.Run(b.ctx, chromedp.Location())
	if err != nil {
		b.t.Fatal(err)
	}
	u, err := url.Parse(loc)
	if err != nil {
		b.t.Fatal(err)
	}
	return u.Path, u.Query()
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatalf("reading %s: %v", sel, err)
	}
	return strings.TrimSpace(s)
}

// screenshot saves the whole page as name.png among the artifacts.
func (b *browser) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// checkConsole fails the test on any console error or exception so far.
func (b *browser) checkConsole() {
	b.t.Helper()
	time.Sleep(100 * time.Millisecond) // let the last messages arrive
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		b.t.Errorf("console: %s", e)
	}
	b.errors = nil
}

// pressKeys presses keys as a person does. chromedp's KeyEvent sends each
// key's character as an event of its own, which the page cannot cancel
// from its key handler as it can in a browser driven by a keyboard; the
// characters are left out here, so that what a page holds back stays held
// back.
func pressKeys(keys string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			for _, k := range kb.Encode(r) {
				if k.Type == kb.KeyChar {
					continue
				}
				if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, *k); err != nil {
					return fmt.Errorf("pressing %q: %w", r, err)
				}
			}
		}
		return nil
	})
}

// facetCount returns the count shown beside a value of a facet, or -1.
func facetCount(b *browser, facet, value string) int {
	return eval[int](b, fmt.Sprintf(`(() => {
		for (const a of document.querySelectorAll("#facet-%s li a")) {
			if (a.querySelector(".value").textContent === %q) return parseInt(a.querySelector(".count").textContent, 10);
		}
		return -1;
	})()`, facet, value))
}

func facetXPath(facet, value string) string {
	return fmt.Sprintf(`//section[@id="facet-%s"]//a[span[@class="value"]=%q]`, facet, value)
}

// TestBrowserExploresAStory drives Chromium through the search page as a
// person would: the keyboard and completions, a facet, a histogram bar,
// an article and back, dragging across the histogram, the quotes and a
// speaker's page, and the same on a phone.
func TestBrowserExploresAStory(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser tests are not short")
	}
	ts := mustServer(t)
	b := mustBrowser(t, ts.URL)

	b.open("/")
	b.screenshot("01-home-desktop")
	if got := b.text(".summary .total"); got != "12" {
		t.Errorf("home: total %q, want 12", got)
	}

	// A query typed and sent with Enter.
	b.navigateBy("searching for ceasefire", chromedp.SendKeys(chromedp.CSS("#q"), "ceasefire"+kb.Enter))
	if _, q := b.location(); q.Get("q") != "ceasefire" {
		t.Errorf("after searching: query %v, want q=ceasefire", q)
	}
	if got := b.text(".summary .total"); got != "2" {
		t.Errorf("ceasefire: total %q, want 2", got)
	}
	if got := b.text(".hit .snippet mark"); !strings.EqualFold(got, "ceasefire") {
		t.Errorf("ceasefire: first mark in the snippets %q", got)
	}
	b.open("/")

	// "/" focuses the search box; typing offers completions.
	b.do("pressing /", pressKeys("/"))
	if id := eval[string](b, `document.activeElement.id`); id != "q" {
		t.Fatalf("after pressing /: focus on %q, want the search box", id)
	}
	b.do("typing zel", chromedp.SendKeys(chromedp.CSS("#q"), "zel"), chromedp.WaitVisible(chromedp.CSS("#suggestions li")))
	if got := b.text("#suggestions li"); !strings.Contains(got, "Volodymyr Zelensky") {
		t.Errorf("first suggestion for zel = %q, want Volodymyr Zelensky", got)
	}
	b.screenshot("02-suggestions")
	b.navigateBy("choosing the first suggestion", pressKeys(kb.ArrowDown+kb.Enter))
	if _, q := b.location(); q.Get("speaker") != "Volodymyr Zelensky" {
		t.Fatalf("after choosing a speaker: query %v, want speaker=Volodymyr Zelensky", q)
	}
	if got := b.text(".summary .total"); got != "4" {
		t.Errorf("Zelensky's articles: total %q, want 4", got)
	}

	// A place narrows the results to its count, and the speaker counts
	// change with it.
	kyiv := facetCount(b, "region", "Kyiv")
	witkoffBefore := facetCount(b, "speaker", "Steve Witkoff")
	b.navigateBy("choosing Kyiv", chromedp.Click(facetXPath("region", "Kyiv")))
	if got := b.text(".summary .total"); got != fmt.Sprint(kyiv) {
		t.Errorf("after choosing Kyiv (count %d): total %s", kyiv, got)
	}
	if got := b.text(".chips"); !strings.Contains(got, "Kyiv") || !strings.Contains(got, "Volodymyr Zelensky") {
		t.Errorf("after choosing Kyiv: chips %q", got)
	}
	if after := facetCount(b, "speaker", "Steve Witkoff"); after == witkoffBefore {
		t.Errorf("after choosing Kyiv: Steve Witkoff still counts %d", after)
	}
	b.screenshot("03-facet-selected")

	// A bar of the histogram sets the dates to its own.
	bar := eval[int](b, `[...document.querySelectorAll("figure.histogram a.bar")].findIndex(a => !a.getAttribute("aria-label").includes(": 0 "))`)
	start := eval[string](b, fmt.Sprintf(`document.querySelectorAll("figure.histogram a.bar")[%d].dataset.start`, bar))
	b.navigateBy("clicking a histogram bar", chromedp.Click(chromedp.CSS(fmt.Sprintf("figure.histogram a.bar:nth-of-type(%d)", bar+1))))
	if _, q := b.location(); q.Get("from") != start || q.Get("region") != "Kyiv" {
		t.Errorf("after clicking the bar of %s: query %v", start, q)
	}
	if got := b.text(".chips"); !strings.Contains(got, start) {
		t.Errorf("after clicking a bar: chips %q, want the date %s", got, start)
	}
	b.screenshot("04-histogram-bar")

	// An article, and back to the same results.
	title := b.text(".hit h3 a")
	b.navigateBy("opening an article", chromedp.Click(chromedp.CSS(".hit h3 a")))
	if got := b.text("h1"); got != title {
		t.Errorf("article page h1 = %q, want %q", got, title)
	}
	if got := b.text(".quotes"); !strings.Contains(got, "Volodymyr Zelensky") {
		t.Errorf("article quotes = %q", got)
	}
	b.screenshot("05-article")
	b.navigateBy("going back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	if _, q := b.location(); q.Get("from") != start {
		t.Errorf("back from the article: query %v, want from=%s", q, start)
	}

	// Dragging across bars picks their range.
	b.open("/")
	first := eval[string](b, `document.querySelectorAll("figure.histogram a.bar")[1].dataset.start`)
	last := eval[string](b, `document.querySelectorAll("figure.histogram a.bar")[4].dataset.end`)
	b.navigateBy("dragging across the histogram", chromedp.DragAndDrop(
		chromedp.CSS("figure.histogram a.bar:nth-of-type(2) rect.hitbox"), chromedp.CSS("figure.histogram a.bar:nth-of-type(5) rect.hitbox")))
	if _, q := b.location(); q.Get("from") != first || q.Get("to") != last {
		t.Errorf("after dragging over bars 2 to 5: query %v, want from=%s to=%s", q, first, last)
	}

	// The search inside a facet, live.
	b.open("/")
	b.do("finding a speaker", chromedp.SendKeys(chromedp.CSS("#speaker-prefix"), "lul"))
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[bool](`document.querySelectorAll("#facet-speaker li").length === 1`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("typing lul in the speaker facet: the list was not narrowed to one: %v", err)
	} else if got := b.text("#facet-speaker li"); !strings.Contains(got, "Luiz Inácio Lula da Silva") {
		t.Errorf("typing lul in the speaker facet: %q", got)
	}

	b.open("/quotes?q=ceasefire")
	if got := eval[int](b, `document.querySelectorAll(".speaker-group").length`); got != 2 {
		t.Errorf("quotes for ceasefire: %d speakers, want 2", got)
	}
	b.screenshot("06-quotes")
	b.open("/speakers/Volodymyr%20Zelensky")
	b.screenshot("07-speaker")
	b.open("/?q=ceasefire+ships+talks&speaker=Volodymyr+Zelensky&speaker=Emmanuel+Macron")
	if got := eval[int](b, `document.querySelectorAll(".hit .snippet mark").length`); got == 0 {
		t.Errorf("a search for ceasefire, ships and talks marks no word in the snippets")
	}
	b.screenshot("08-query-desktop")

	// A phone: nothing wider than the screen.
	b.do("a phone's screen", chromedp.EmulateViewport(390, 844))
	for _, page := range []struct{ path, name string }{
		{"/?q=ceasefire+grain+talks&region=Ukraine", "09-phone-search"},
		{"/articles/zelensky-grain", "10-phone-article"},
		{"/quotes?q=grain", "11-phone-quotes"},
	} {
		b.open(page.path)
		if w := eval[int](b, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s on a phone: %dpx wide, wider than the 390px screen", page.path, w)
		}
		b.screenshot(page.name)
	}
	b.checkConsole()
}
