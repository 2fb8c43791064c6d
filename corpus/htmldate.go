package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// publishedTags are the meta tags that give an article's first publication,
// most trusted first; modification dates are left out on purpose.
var publishedTags = []string{
	"article:published_time", "og:article:published_time", "article.published", "datepublished",
	"published_time", "article_date_original", "publication_date", "publish-date", "publish_date",
	"pubdate", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.date", "dc.date",
	"date", "citation_publication_date", "originalpublicationdate", "cxenseparse:recs:publishtime",
}

// dateLayouts are the forms of a date in metadata that time.Parse reads;
// anything else is left to go-htmldate.
var dateLayouts = []string{
	time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02",
	"2006/01/02", time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, Jan 2 2006 15:04:05 MST",
	"Mon, Jan 2 2006 15:04:05 -0700", "Mon Jan 2 2006 15:04:05 MST", "January 2, 2006", "Jan 2, 2006",
	"2 January 2006", "January 2, 2006 15:04 MST", "January 2, 2006 3:04 PM",
}

// isoDay finds a YYYY-MM-DD day at the start of a longer timestamp.
var isoDay = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})`)

// minPublished is the earliest date taken as a publication: web pages
// older than the web are not news, and such dates are placeholders.
var minPublished = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

// parseMetaDate reads a date as metadata writes it, keeping the zone it
// was written in, so the day is the day the publication saw.
func parseMetaDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, plausibleDate(t)
		}
	}
	if m := isoDay.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse(time.DateOnly, m[0]); err == nil {
			return t, plausibleDate(t)
		}
	}
	return time.Time{}, false
}

// plausibleDate reports whether t can be a web article's publication:
// not before the web, not after tomorrow (a page's clock may run ahead of
// ours by a time zone).
func plausibleDate(t time.Time) bool {
	return !t.Before(minPublished) && t.Before(time.Now().Add(48*time.Hour))
}

// publishedDate returns the article's publication date.
//
// The page's metadata (meta tags, then JSON-LD) states it; but the date
// the page shows its reader beside the headline (shownDate) wins where it
// is later, as an update the page stands by, or where it is the day
// before a UTC time of the morning, which is the evening before in the
// Americas, where the newsroom wrote it. A page without metadata takes
// the shown date, then the first Unix time stamped on an element (pages
// of posts), then what go-htmldate finds (the URL, <time> elements,
// other text), asked for the original date rather than the latest.
func (m *pageMeta) publishedDate(root *html.Node, pageURL, title string) time.Time {
	meta := m.newsroomTime(m.metaDate())
	shown := shownDate(root, title)
	if !meta.IsZero() {
		if !shown.IsZero() && shownWins(shown, meta) {
			return shown
		}
		return meta
	}
	if !shown.IsZero() {
		return shown
	}
	if t := firstStamp(root); !t.IsZero() {
		return t
	}
	// Its extensive search hands much of the text to a date parser, which
	// takes minutes on a page of megabytes: such pages get the fast one.
	res, err := htmldate.FromDocument(root, htmldate.Options{URL: pageURL, UseOriginalDate: true,
		SkipExtensiveSearch: textSize(root) > maxExtractText})
	if err == nil && !res.IsZero() {
		return res.DateTime
	}
	if t, ok := parseMetaDate(m.ld.created); ok {
		return t
	}
	return time.Time{}
}

// metaDate is the publication date the page's metadata states.
func (m *pageMeta) metaDate() time.Time {
	for _, k := range publishedTags {
		if t, ok := parseMetaDate(m.tags[k]); ok {
			return t
		}
	}
	if t, ok := parseMetaDate(m.ld.published); ok {
		return t
	}
	return time.Time{}
}

// usEastern is the clock of most American newsrooms, without daylight
// saving: an hour off in summer moves no story across midnight that the
// four to eight hours between UTC and American clocks would not.
var usEastern = time.FixedZone("EST", -5*60*60)

// newsroomTime gives a UTC time in the metadata of an American page (its
// locale en-US) the clock of the newsroom that wrote it, so that a story
// of the evening keeps its day. A bare date (midnight exactly) is left
// alone: it carries no clock to convert.
func (m *pageMeta) newsroomTime(t time.Time) time.Time {
	_, offset := t.Zone()
	if t.IsZero() || offset != 0 || (t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0) {
		return t
	}
	locale := strings.ToLower(firstNonEmpty(m.tag("og:locale"), m.doc.Find("html").AttrOr("lang", "")))
	if strings.ReplaceAll(locale, "_", "-") != "en-us" {
		return t
	}
	return t.In(usEastern)
}

// shownWins reports whether the day a page shows beats its metadata's.
func shownWins(shown, meta time.Time) bool {
	metaDay := time.Date(meta.Year(), meta.Month(), meta.Day(), 0, 0, 0, 0, time.UTC)
	if shown.After(metaDay) {
		return true
	}
	_, offset := meta.Zone()
	return offset == 0 && meta.Hour() < 12 && shown.Equal(metaDay.AddDate(0, 0, -1))
}

// urlYear finds a year in a URL's path ("/2020/04/...", "-2020-").
var urlYear = regexp.MustCompile(`[/_-]((?:199|20[0-9])[0-9])[/_-]`)

// yearHint returns the year a dateline's day most likely falls in, for a
// page whose metadata has no publication date: the year in its URL, else
// that of its last modification. Zero when the page gives none.
func (m *pageMeta) yearHint(pageURL string) int {
	if u := urlYear.FindStringSubmatch(pageURL); u != nil {
		y, _ := strconv.Atoi(u[1])
		return y
	}
	for _, k := range []string{"article:modified_time", "og:updated_time", "datemodified", "last-modified"} {
		if t, ok := parseMetaDate(m.tags[k]); ok {
			return t.Year()
		}
	}
	return 0
}

// datelineDate settles the publication day with the story's dateline. A
// page without a date takes the dateline's day in the year yearHint finds.
// A page whose metadata gives a time in another zone than the newsroom's
// (often UTC) may be a day off the day the story went out, which the
// dateline states: within a day, the dateline's day wins.
func datelineDate(published time.Time, d DatelineParts, year int) time.Time {
	if d.Month == 0 {
		return published
	}
	if published.IsZero() {
		if year == 0 {
			return published
		}
		return d.Date(year, time.UTC)
	}
	loc := published.Location()
	day := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, loc)
	// The year's turn: "Dec 31" against a UTC time on January 1.
	for _, y := range []int{published.Year(), published.Year() - 1, published.Year() + 1} {
		local := d.Date(y, loc)
		if gap := local.Sub(day); !local.IsZero() && gap != 0 && gap.Abs() <= 24*time.Hour {
			return local
		}
	}
	return published
}
