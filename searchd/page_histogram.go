package main

import (
	"fmt"
	"net/url"
	"time"

	"dateline/search"
)

// The histogram is drawn on the server as inline SVG, one link per bar,
// so that it works without JavaScript; the script adds dragging across
// bars to pick a range.
const (
	histWidth  = 600
	histHeight = 72
	// histMinBar is the height of a bar with no articles, so that it is
	// still seen and clicked.
	histMinBar = 1.5
	// histMaxBar is the widest a bar is drawn.
	histMaxBar = 40
)

type histogramView struct {
	Interval string
	Bars     []histBar
	Width    int
	Height   int
	// First and Last label the two ends of the axis; Max the top.
	First string
	Last  string
	Max   int
}

type histBar struct {
	X, Y, W, H float64
	Count      int
	Label      string
	// Start and End are the bar's days, for the range a drag selects.
	Start, End string
	URL        string
	Selected   bool
}

// histogramOf lays out the buckets as bars; each bar's link narrows the
// dates to its own.
func histogramOf(v url.Values, r *search.Request, h search.Histogram) histogramView {
	view := histogramView{Interval: string(h.Interval), Width: histWidth, Height: histHeight}
	n := len(h.Buckets)
	if n == 0 {
		return view
	}
	for _, b := range h.Buckets {
		view.Max = max(view.Max, b.Count)
	}
	// A few bars keep a bar's width and sit in the middle, rather than
	// stretch into blocks.
	w := min(float64(histWidth)/float64(n), histMaxBar)
	left := (float64(histWidth) - w*float64(n)) / 2
	gap := min(w*0.15, 2)
	for i, b := range h.Buckets {
		start, end := b.Start.Format(time.DateOnly), b.End.AddDate(0, 0, -1).Format(time.DateOnly)
		height := histMinBar
		if view.Max > 0 && b.Count > 0 {
			height = max(histMinBar, float64(b.Count)/float64(view.Max)*(histHeight-4))
		}
		view.Bars = append(view.Bars, histBar{
			X: left + float64(i)*w + gap/2, W: w - gap, Y: histHeight - height, H: height,
			Count: b.Count, Label: bucketLabel(h.Interval, b), Start: start, End: end,
			URL:      pageURL(withDates(v, start, end)),
			Selected: (r.From.IsZero() || !b.Start.Before(day(r.From))) && (r.To.IsZero() || !b.End.After(day(r.To).AddDate(0, 0, 1))) && (!r.From.IsZero() || !r.To.IsZero()),
		})
	}
	view.First = bucketLabel(h.Interval, h.Buckets[0])
	view.Last = bucketLabel(h.Interval, h.Buckets[n-1])
	return view
}

// bucketLabel names a bucket as a person reads its interval.
func bucketLabel(iv search.Interval, b search.Bucket) string {
	switch iv {
	case search.IntervalDay:
		return b.Start.Format("2 Jan 2006")
	case search.IntervalWeek:
		return "week of " + b.Start.Format("2 Jan 2006")
	case search.IntervalYear:
		return b.Start.Format("2006")
	}
	return b.Start.Format("Jan 2006")
}

// Title is what a bar says when pointed at.
func (b histBar) Title() string {
	noun := "articles"
	if b.Count == 1 {
		noun = "article"
	}
	return fmt.Sprintf("%s: %d %s", b.Label, b.Count, noun)
}

func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
