package corpus

import (
	"flag"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// showFailures makes the quality tests print every page they score wrong,
// with what was expected and what was found: the way to find classes of
// failure ("go test ./corpus -run Quality -v -failures").
var showFailures = flag.Bool("failures", false, "print the pages the quality tests score wrong")

// pageExtractor is one way of reading a page; the quality figures compare
// Dateline's ParseHTML with the libraries alone.
type pageExtractor func(data []byte, pageURL string) Article

func parseHTMLExtractor(data []byte, pageURL string) Article {
	a, _ := ParseHTML(data, pageURL)
	return a
}

// extractAll runs ex over the pages on every core and returns the articles
// in page order.
func extractAll(pages []evalPage, ex pageExtractor) []Article {
	out := make([]Article, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = ex(pages[i].data, pages[i].url)
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// tokenF1 scores an extracted body against the true one on the multisets
// of their white-space separated tokens (strings.Fields, case and
// punctuation kept): precision is the share of extracted tokens matched by
// a true token, recall the share of true tokens matched, each token
// matching at most as many times as it occurs on both sides; F1 is their
// harmonic mean. Two empty bodies score 1, one empty body 0.
func tokenF1(got, want string) float64 {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) == 0 && len(w) == 0 {
		return 1
	}
	if len(g) == 0 || len(w) == 0 {
		return 0
	}
	counts := make(map[string]int, len(w))
	for _, t := range w {
		counts[t]++
	}
	match := 0
	for _, t := range g {
		if counts[t] > 0 {
			counts[t]--
			match++
		}
	}
	if match == 0 {
		return 0
	}
	p, r := float64(match)/float64(len(g)), float64(match)/float64(len(w))
	return 2 * p * r / (p + r)
}

// day is the calendar day of t in the zone it carries, "" for no date.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// evalScores are the figures of one extractor on trafilatura-eval.
type evalScores struct {
	title, date, author, with, without float64
}

// scoreTrafilaturaEval scores articles on the trafilatura-eval pages, each
// figure over the pages annotated with a non-empty value (as htmldate's own
// evaluation leaves out pages without a date): title exact after white
// space is folded; date the exact day; author exact ignoring case; body the share of "with" snippets found in it and the share
// of "without" snippets found in it (white space folded on both sides).
func scoreTrafilaturaEval(t *testing.T, pages []evalPage, arts []Article) evalScores {
	t.Helper()
	var titles, titleOK, dates, dateOK, authors, authorOK, with, withOK, without, withoutIn int
	for i, p := range pages {
		a := arts[i]
		if p.hasTitle && p.title != "" {
			titles++
			if collapseSpace(a.Title) == collapseSpace(p.title) {
				titleOK++
			} else if *showFailures {
				t.Logf("%s: title %q, want %q", p.name, a.Title, p.title)
			}
		}
		if p.hasDate && p.date != "" {
			dates++
			if day(a.Published) == p.date {
				dateOK++
			} else if *showFailures {
				t.Logf("%s: date %q, want %q", p.name, day(a.Published), p.date)
			}
		}
		if p.hasAuthor && p.author != "" {
			authors++
			if strings.EqualFold(collapseSpace(a.Author), collapseSpace(p.author)) {
				authorOK++
			} else if *showFailures {
				t.Logf("%s: author %q, want %q", p.name, a.Author, p.author)
			}
		}
		body := collapseSpace(a.Body)
		for _, s := range p.with {
			with++
			if strings.Contains(body, collapseSpace(s)) {
				withOK++
			} else if *showFailures {
				t.Logf("%s: body lacks %q", p.name, s)
			}
		}
		for _, s := range p.without {
			without++
			if strings.Contains(body, collapseSpace(s)) {
				withoutIn++
				if *showFailures {
					t.Logf("%s: body holds %q", p.name, s)
				}
			}
		}
	}
	return evalScores{
		title:   share(titleOK, titles),
		date:    share(dateOK, dates),
		author:  share(authorOK, authors),
		with:    share(withOK, with),
		without: share(withoutIn, without),
	}
}

// scoreBodies is the mean token F1 of the articles' bodies on scrapinghub.
func scoreBodies(t *testing.T, pages []evalPage, arts []Article) float64 {
	t.Helper()
	var sum float64
	for i, p := range pages {
		f := tokenF1(arts[i].Body, p.body)
		sum += f
		if *showFailures && f < 0.9 {
			t.Logf("%s: F1 %.3f (%d tokens, want %d) %s", p.name, f,
				len(strings.Fields(arts[i].Body)), len(strings.Fields(p.body)), p.url)
		}
	}
	return sum / float64(len(pages))
}

// scoreDates is the share of pages whose date is the annotated day.
func scoreDates(t *testing.T, pages []evalPage, arts []Article) float64 {
	t.Helper()
	ok := 0
	for i, p := range pages {
		if day(arts[i].Published) == p.date {
			ok++
		} else if *showFailures {
			t.Logf("%s: date %q, want %q %s", p.name, day(arts[i].Published), p.date, p.url)
		}
	}
	return share(ok, len(pages))
}

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}
