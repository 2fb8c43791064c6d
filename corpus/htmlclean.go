package corpus

import (
	"regexp"
	"unicode"
)

// What go-trafilatura leaves of a page's furniture are whole paragraphs:
// links to other stories set in the text, and notices before and after the
// story (copyright, paywall, newsletter, advertising disclosures).

// maxNoticeLen is the longest paragraph taken for a notice: notices are a
// sentence or two, and a longer paragraph that mentions copyright or
// subscribers is more likely the story's.
const maxNoticeLen = 400

// A notice at the end of the text takes with it up to maxNoticeTail-1
// lines after it, each at most maxNoticeLine bytes: a list of what a
// subscription brings, a row of links.
const (
	maxNoticeTail = 6
	maxNoticeLine = 100
)

var (
	// linkLine is a paragraph that only points to another story: "Read
	// more: …", "Related: …".
	linkLine = regexp.MustCompile(`(?i)^(?:read more|read also|also read|related|see also|more on this|recommended|watch|listen)\s*[:|»]`)
	// notice is a sentence of the site's, not the story's.
	notice = regexp.MustCompile(`(?i)all rights reserved|©|\bcopyright|copyrighted property|written permission|` +
		`\bsubscribe\b|\bsubscribers?\b|\bsubscription\b|\bsign up\b|\bnewsletter|\blog in\b|\bregister\b|` +
		`view comments|\bcomments?\b.*\b(?:policy|moderated)\b|give us feedback|\bfollow us\b|` +
		`\baffiliate|may receive compensation|\badvertis|\bsponsored\b|products? (?:we|from)|` +
		`recommend the best products|\bcookies?\b|privacy policy|terms of (?:use|service)|` +
		`want to be informed|share this|click here|\bdonate\b|\bjoin now\b|unlimited (?:digital )?access|` +
		`become a (?:member|subscriber)`)
)

// dropBoilerplate removes link lines wherever they are, and notices from
// the start and the end of the text: a notice can be quoted in a story,
// but nothing of the story comes before the first paragraph that is not
// one or after the last.
func dropBoilerplate(paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if !(len(p) <= maxNoticeLen && linkLine.MatchString(p)) && !disguised(p) {
			out = append(out, p)
		}
	}
	isNotice := func(p string) bool { return len(p) <= maxNoticeLen && notice.MatchString(p) }
	// At the end, a notice may be followed by short lines of its own (a
	// paywall's list of what members get): they go with it.
	for {
		cut := -1
		for i := len(out) - 1; i >= 0 && len(out)-i <= maxNoticeTail; i-- {
			if isNotice(out[i]) {
				cut = i
				break
			}
			if len(out[i]) > maxNoticeLine {
				break
			}
		}
		if cut < 0 {
			break
		}
		out = out[:cut]
	}
	for len(out) > 0 && isNotice(out[0]) {
		out = out[1:]
	}
	return out
}

// disguised reports whether a paragraph writes words in Latin and
// Cyrillic letters at once ("Yоur соntеnt"): a way advertisements slip
// past filters that no real text has.
func disguised(p string) bool {
	mixed := 0
	latin, cyrillic := false, false
	for _, r := range p {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.IsSpace(r):
			if latin && cyrillic {
				mixed++
			}
			latin, cyrillic = false, false
		}
	}
	if latin && cyrillic {
		mixed++
	}
	return mixed >= 2
}
