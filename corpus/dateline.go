package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DatelineParts is a dateline read from the start of a story: "KYIV, April
// 11 (Reuters) –" has the place "KYIV", April 11, the agency "Reuters".
type DatelineParts struct {
	// Text is the dateline as written, without the dash that ends it
	// ("KYIV, April 11 (Reuters)").
	Text  string
	Place string
	// Month and Day are zero for a dateline without a date ("WASHINGTON
	// (AP) —"); a dateline never carries the year.
	Month  time.Month
	Day    int
	Agency string
	// Len is the dateline's length in bytes, dash and spaces included:
	// the story proper starts at text[Len:].
	Len int
}

// maxDatelineLen bounds how far into a text a dateline is looked for: the
// longest real ones ("SPRINGFIELD, Mass., Sept. 30 (Reuters) -") are half
// of it.
const maxDatelineLen = 100

var datelineRE = regexp.MustCompile(`^\s*` +
	// The place: capitalised words, then up to two more parts after commas
	// ("SPRINGFIELD, Mass.", "Paris, France").
	`(\p{Lu}[\p{L}.'’\- ]{0,39}?(?:,\s*\p{Lu}[\p{L}.'’\- ]{0,29}?){0,2}?)` +
	// The date: "April 11", "Apr. 11", "11 April".
	`(?:,\s*(?:(` + monthNames + `)\.?\s+(\d{1,2})|(\d{1,2})\s+(` + monthNames + `)\.?))?` +
	// The agency: "(Reuters)", "(AP)".
	`\s*(?:\(([\p{L}. ]{2,30})\))?` +
	// The dash that ends it.
	`\s*(?:-{1,2}|–|—)(?:\s+|$)`)

const monthNames = `Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|` +
	`Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?`

// ParseDateline reads the dateline that opens text, if any. A dateline has
// a place and ends with a dash; to tell it from a sentence that happens to
// start with capitalised words and a dash, it must carry a date or an
// agency, or its place must be written in capitals as wire stories write
// it ("WASHINGTON -").
func ParseDateline(text string) (DatelineParts, bool) {
	head := text
	if len(head) > maxDatelineLen {
		head = head[:maxDatelineLen]
	}
	m := datelineRE.FindStringSubmatchIndex(head)
	if m == nil {
		return DatelineParts{}, false
	}
	sub := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return head[m[2*i]:m[2*i+1]]
	}
	d := DatelineParts{Place: strings.TrimRight(strings.TrimSpace(sub(1)), ","), Agency: sub(6), Len: m[1]}
	monthText, dayText := sub(2), sub(3)
	if monthText == "" {
		monthText, dayText = sub(5), sub(4)
	}
	if monthText != "" {
		d.Month = monthOf(monthText)
		d.Day, _ = strconv.Atoi(dayText)
		if d.Day < 1 || d.Day > 31 {
			return DatelineParts{}, false
		}
	}
	if d.Month == 0 && d.Agency == "" && !allCaps(d.Place) {
		return DatelineParts{}, false
	}
	d.Text = strings.TrimRight(strings.TrimSpace(head[:m[1]]), "-–— ")
	return d, true
}

// Date returns the dateline's day in the given year, or the zero time for
// a dateline without a date or a day the month does not have.
func (d DatelineParts) Date(year int, loc *time.Location) time.Time {
	if d.Month == 0 || d.Day == 0 {
		return time.Time{}
	}
	t := time.Date(year, d.Month, d.Day, 0, 0, 0, 0, loc)
	if t.Day() != d.Day {
		return time.Time{}
	}
	return t
}

// monthOf reads an English month name or its abbreviation.
func monthOf(s string) time.Month {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s[:min(3, len(s))]) {
			return m
		}
	}
	return 0
}

// allCaps reports whether s has at least three letters, all capitals (two
// would take "US - China talks" for a dateline).
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 3
}
