package search

import (
	"html"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Snippets are built from the stored text, not by bleve's highlighter,
// whose fragmenter cuts words ("…ve <mark>Witkoff</mark>") and which needs
// term vectors of every field shown. The text is analysed again with the
// news analyzer, every token whose term the query matched is marked, and
// the best sentences are kept: sentence-bounded fragments, cut only at
// spaces and never inside a mark, the article's text always escaped.

// span is a byte range of a text.
type span struct{ start, end int }

// snippeter marks a query's terms in texts.
type snippeter struct {
	analyzer analysis.Analyzer
	terms    *markTerms
}

// marks returns the spans of text whose tokens the query matched, in
// order, overlapping ones merged ("covid-19" and its parts are one mark).
func (s *snippeter) marks(text string) []span {
	if s.analyzer == nil || s.terms.empty() {
		return nil
	}
	var out []span
	for _, t := range s.analyzer.Analyze([]byte(text)) {
		if s.terms.match(string(t.Term)) {
			out = append(out, span{t.Start, t.End})
		}
	}
	return mergeSpans(out)
}

// mergeSpans sorts spans by start and joins those that overlap or touch,
// in place.
func mergeSpans(spans []span) []span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// title returns the whole title as HTML with its marks.
func (s *snippeter) title(text string) string {
	return markHTML(text, span{0, len(text)}, s.marks(text))
}

// snippetLead is how many bytes of a text are analysed for marks before
// the rest: analysing a text costs about a microsecond a word, a tenth of
// a search for ten long articles, and news puts what an article is about
// first. The rest is analysed only when the lead holds fewer marked
// sentences than the snippet shows.
const snippetLead = 1500

// snippetScan is how many bytes of a text are analysed for marks at most:
// 32 KiB, a long feature of some 5,000 words (Reuters-21578's longest
// article is 27 KB), about 5 ms of analysis. Past it a text is a book or a
// data dump (the CIA World Factbook among Reuters' files is 279 KB, 40 ms
// a snippet), and a search that showed it would take as long as the text
// is, so its later matches make no snippet.
const snippetScan = 32 << 10

// scoredSentence is a sentence with marks, a candidate fragment.
type scoredSentence struct {
	sent  span
	marks []span
	score int
}

// snippet returns up to count fragments of about size bytes each, the
// sentences with the most marked terms, in the order of the text, joined
// by " … ". Without a mark it gives the start of the text.
func (s *snippeter) snippet(text string, size, count int) string {
	scan := scanEnd(text, snippetScan)
	lead := min(leadEnd(text, snippetLead), scan)
	marks := s.marks(text[:lead])
	cands := markedSentences(text, marks)
	if len(cands) < count && lead < scan {
		for _, m := range s.marks(text[lead:scan]) {
			marks = append(marks, span{m.start + lead, m.end + lead})
		}
		cands = markedSentences(text, marks)
	}
	if len(cands) == 0 {
		return html.EscapeString(leadText(text, size))
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > count {
		cands = cands[:count]
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].sent.start < cands[j].sent.start })
	// One ellipsis stands wherever text was left out: inside a sentence
	// cut to size, or between fragments.
	var b strings.Builder
	for i, c := range cands {
		win := window(text, c.sent, c.marks, size)
		if i > 0 {
			b.WriteString(" … ")
		} else if win.start > c.sent.start {
			b.WriteString("… ")
		}
		b.WriteString(markHTML(text, win, c.marks))
		if i == len(cands)-1 && win.end < c.sent.end {
			b.WriteString(" …")
		}
	}
	return b.String()
}

// leadEnd returns where the lead of about n bytes of text ends: at the
// first line break from n on, so that no word, and no spelling of several
// words, is cut; the whole text when it has none.
func leadEnd(text string, n int) int {
	if len(text) <= n {
		return len(text)
	}
	if i := strings.IndexByte(text[n:], '\n'); i >= 0 {
		return n + i
	}
	return len(text)
}

// scanEnd returns where the first n bytes of text end without cutting a
// word: at the last white space at or before n; the whole text when it is
// no longer than n.
func scanEnd(text string, n int) int {
	if len(text) <= n {
		return len(text)
	}
	if i := strings.LastIndexAny(text[:n+1], " \n\t\r"); i > 0 {
		return i
	}
	return n
}

// markedSentences returns the sentences of text that hold marks, scored by
// their distinct marked words first and all their marks second.
func markedSentences(text string, marks []span) []scoredSentence {
	if len(marks) == 0 {
		return nil
	}
	// Sentences past the line holding the last mark hold none: they are
	// not split, which in a long text is most of it.
	end := len(text)
	if last := marks[len(marks)-1].end; last < end {
		if i := strings.IndexByte(text[last:], '\n'); i >= 0 {
			end = last + i + 1
		}
	}
	var cands []scoredSentence
	mi := 0
	for _, sent := range sentences(text[:end]) {
		for mi < len(marks) && marks[mi].start < sent.start {
			mi++
		}
		j := mi
		distinct := map[string]bool{}
		for j < len(marks) && marks[j].end <= sent.end {
			distinct[strings.ToLower(text[marks[j].start:marks[j].end])] = true
			j++
		}
		if j > mi {
			cands = append(cands, scoredSentence{sent, marks[mi:j], 10*len(distinct) + (j - mi)})
		}
		mi = j
	}
	return cands
}

// window narrows a sentence longer than size to about size bytes around
// its first mark, starting and ending at spaces and never inside a mark.
func window(text string, sent span, marks []span, size int) span {
	if sent.end-sent.start <= size {
		return sent
	}
	first := marks[0]
	start := max(sent.start, first.start-size/3)
	if start > sent.start {
		if i := strings.IndexByte(text[start:first.start], ' '); i >= 0 {
			start += i + 1
		} else {
			start = first.start
		}
	}
	end := min(sent.end, start+size)
	if end < sent.end {
		if i := strings.LastIndexByte(text[first.end:end], ' '); i >= 0 {
			end = first.end + i
		} else {
			end = first.end
		}
		for _, m := range marks {
			if m.start < end && m.end > end {
				end = m.end
			}
		}
	}
	return span{start, end}
}

// markHTML escapes text[win] and wraps the marks inside it in <mark>.
func markHTML(text string, win span, marks []span) string {
	var b strings.Builder
	at := win.start
	for _, m := range marks {
		if m.start < at || m.end > win.end {
			continue
		}
		b.WriteString(html.EscapeString(text[at:m.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[m.start:m.end]))
		b.WriteString("</mark>")
		at = m.end
	}
	b.WriteString(html.EscapeString(text[at:win.end]))
	return strings.TrimSpace(b.String())
}

// sentences splits text at line breaks and after ., ! or ? followed by
// white space and a capital, a digit or a quote (so "U.S. officials" stays
// one sentence), leaving out the white space between.
func sentences(text string) []span {
	var out []span
	start := 0
	emit := func(end int) {
		s := span{start, end}
		for s.start < s.end && isSpace(text[s.start]) {
			s.start++
		}
		for s.end > s.start && isSpace(text[s.end-1]) {
			s.end--
		}
		if s.end > s.start {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			emit(i + 1)
		case (c == '.' || c == '!' || c == '?') && i+2 < len(text) && text[i+1] == ' ' && opensSentence(text[i+2]) && !initial(text, i):
			emit(i + 1)
		}
	}
	emit(len(text))
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func opensSentence(c byte) bool {
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c >= 0x80
}

// initial reports whether the full stop at i ends a single capital, as in
// "U.S." or "J. Smith", rather than a sentence.
func initial(text string, i int) bool {
	if i < 1 || text[i] != '.' || text[i-1] < 'A' || text[i-1] > 'Z' {
		return false
	}
	return i == 1 || text[i-2] == '.' || text[i-2] == ' '
}
