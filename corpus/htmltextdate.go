package corpus

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page shows its reader the date it stands by next to the headline:
// "By Jane Doe, March 12, 2020" or "Updated 7 April 2020". Dates elsewhere
// (today's date in the masthead, teasers, archives) are further away.

// Window around the headline searched for a shown date, in bytes of
// visible text: the byline block after a headline fits in the first, even
// with share buttons and a rating widget between (recipe and magazine
// pages), and a date line above it in the second.
const (
	shownDateAfter  = 2500
	shownDateBefore = 250
)

var (
	monthDayYear = regexp.MustCompile(`(?i)\b(` + monthNames + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	dayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthNames + `)\.?,?\s+((?:19|20)\d\d)\b`)
	isoDate      = regexp.MustCompile(`\b((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	// dottedDate is day.month.year, as most of Europe writes it; slashed
	// dates are left out, as month/day and day/month cannot be told apart.
	dottedDate = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b`)
	// otherEvent, just before a date, says it dates something other than
	// the story: a member's joining, a copyright, a life.
	otherEvent = regexp.MustCompile(`(?i)(?:joined|since|member|©|copyright|born|died|founded|established|expires?)\W{0,3}(?:on\s+|in\s+)?$`)
)

// shownDate returns the date the page shows nearest after its headline,
// or, failing that, nearest before it; the zero time when none is shown
// near it or the page has no headline to measure from.
//
// A date that stands (nearly) alone in its element, as in a byline or a
// date line, is taken before one inside a sentence, such as a photo's
// caption.
func shownDate(root *html.Node, title string) time.Time {
	text, at, short := visibleText(root, title)
	if at < 0 {
		return time.Time{}
	}
	end := min(len(text), at+shownDateAfter)
	var first time.Time
	for _, d := range textDates(text[at:end]) {
		if short(at + d.pos) {
			return d.t
		}
		if first.IsZero() {
			first = d.t
		}
	}
	if !first.IsZero() {
		return first
	}
	return lastTextDate(text[max(0, at-shownDateBefore):at])
}

// maxDateLine is the longest text node a date stands alone in: a byline
// with a name and a time ("By Jane Doe | Updated March 3, 2020 at 4:05 p.m.
// EST") fits; a sentence mostly does not.
const maxDateLine = 90

// visibleText returns the page's visible text, each element's text set
// off by a space, and where in it the headline starts: the <h1> or <h2>
// whose text is the title, else the first <h1>; -1 when there is none.
// short reports whether the text at an offset is in a text node of at most
// maxDateLine bytes.
func visibleText(root *html.Node, title string) (text string, at int, short func(int) bool) {
	var b strings.Builder
	var longs [][2]int // spans of the longer text nodes, in order
	at, firstH1 := -1, -1
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if len(strings.TrimSpace(n.Data)) > maxDateLine {
				longs = append(longs, [2]int{b.Len(), b.Len() + len(n.Data)})
			}
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Iframe,
				atom.Svg, atom.Select, atom.Button, atom.Figure, atom.Figcaption:
				// Not shown, or a photo's caption: the day the photo
				// was taken, not the story's.
				return
			case atom.H1, atom.H2:
				if at < 0 && title != "" && sameText(textOf(n), title) {
					at = b.Len()
				}
				if firstH1 < 0 && n.DataAtom == atom.H1 {
					firstH1 = b.Len()
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		b.WriteByte(' ')
	}
	walk(root)
	if at < 0 {
		at = firstH1
	}
	short = func(pos int) bool {
		i := sort.Search(len(longs), func(i int) bool { return longs[i][1] > pos })
		return i == len(longs) || longs[i][0] > pos
	}
	return b.String(), at, short
}

// textOf returns the text inside n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// textDate is a date written in a text, and its offset there.
type textDate struct {
	t   time.Time
	pos int
}

// textDates returns every plausible date written in s, in order.
func textDates(s string) []textDate {
	var out []textDate
	add := func(pos, y, m, d int) {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m >= 1 && m <= 12 && t.Day() == d && plausibleDate(t) && !otherEvent.MatchString(s[max(0, pos-24):pos]) {
			out = append(out, textDate{t, pos})
		}
	}
	for _, m := range monthDayYear.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], atoi(s[m[6]:m[7]]), int(monthOf(s[m[2]:m[3]])), atoi(s[m[4]:m[5]]))
	}
	for _, m := range dayMonthYear.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], atoi(s[m[6]:m[7]]), int(monthOf(s[m[4]:m[5]])), atoi(s[m[2]:m[3]]))
	}
	for _, m := range isoDate.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], atoi(s[m[2]:m[3]]), atoi(s[m[4]:m[5]]), atoi(s[m[6]:m[7]]))
	}
	for _, m := range dottedDate.FindAllStringSubmatchIndex(s, -1) {
		add(m[0], atoi(s[m[6]:m[7]]), atoi(s[m[4]:m[5]]), atoi(s[m[2]:m[3]]))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

func lastTextDate(s string) time.Time {
	ds := textDates(s)
	if len(ds) == 0 {
		return time.Time{}
	}
	return ds[len(ds)-1].t
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// stampAttrs are the attributes in which pages stamp posts and comments
// with Unix times (social networks, forums, live blogs).
var stampAttrs = []string{"data-time", "data-timestamp", "data-utime", "data-created"}

// firstStamp returns the first Unix time a page stamps an element with, in
// UTC; the zero time when there is none. It dates pages made of posts,
// which have no article metadata: the first post is the page's own.
func firstStamp(root *html.Node) time.Time {
	var found time.Time
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				for _, k := range stampAttrs {
					if a.Key != k || len(a.Val) != 10 {
						continue
					}
					if secs, err := strconv.ParseInt(a.Val, 10, 64); err == nil {
						if t := time.Unix(secs, 0).UTC(); plausibleDate(t) {
							found = t
							return true
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(root)
	return found
}
