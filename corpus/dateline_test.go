package corpus

import (
	"testing"
	"time"
)

func TestParseDateline(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		ok    bool
		want  DatelineParts
		story string // what follows the dateline
	}{
		{name: "reuters", text: "KYIV, April 11 (Reuters) – Russia said on Friday", ok: true,
			want:  DatelineParts{Text: "KYIV, April 11 (Reuters)", Place: "KYIV", Month: time.April, Day: 11, Agency: "Reuters"},
			story: "Russia said on Friday"},
		{name: "reuters 1987", text: "NEW YORK, March 3 - Shares rose", ok: true,
			want:  DatelineParts{Text: "NEW YORK, March 3", Place: "NEW YORK", Month: time.March, Day: 3},
			story: "Shares rose"},
		{name: "abbreviated month", text: "SPRINGFIELD, Mass., Sept. 30 (AP) — A fire", ok: true,
			want:  DatelineParts{Text: "SPRINGFIELD, Mass., Sept. 30 (AP)", Place: "SPRINGFIELD, Mass.", Month: time.September, Day: 30, Agency: "AP"},
			story: "A fire"},
		{name: "day first", text: "Kyiv, 11 April -- Officials said", ok: true,
			want:  DatelineParts{Text: "Kyiv, 11 April", Place: "Kyiv", Month: time.April, Day: 11},
			story: "Officials said"},
		{name: "agency without date", text: "WASHINGTON (Reuters) - The U.S. Senate", ok: true,
			want:  DatelineParts{Text: "WASHINGTON (Reuters)", Place: "WASHINGTON", Agency: "Reuters"},
			story: "The U.S. Senate"},
		{name: "capitals alone", text: "LONDON — Britain's economy", ok: true,
			want:  DatelineParts{Text: "LONDON", Place: "LONDON"},
			story: "Britain's economy"},
		{name: "sentence with a dash", text: "The President - who spoke late - said no", ok: false},
		{name: "two capitals", text: "US - China talks resumed", ok: false},
		{name: "no dash", text: "KYIV, April 11 (Reuters) Russia said", ok: false},
		{name: "impossible day", text: "PARIS, May 42 - Nothing", ok: false},
		{name: "empty", text: "", ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseDateline(tt.text)
			if ok != tt.ok {
				t.Fatalf("ParseDateline(%q) ok = %v, want %v (%+v)", tt.text, ok, tt.ok, got)
			}
			if !ok {
				return
			}
			story := tt.text[got.Len:]
			got.Len = 0
			if got != tt.want {
				t.Errorf("ParseDateline(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			if story != tt.story {
				t.Errorf("ParseDateline(%q): story starts %q, want %q", tt.text, story, tt.story)
			}
		})
	}
}

func TestDatelineDate(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	tests := []struct {
		name      string
		published time.Time
		dateline  string
		year      int
		want      string
	}{
		{name: "no date: dateline's day in the hinted year", dateline: "KYIV, April 11 (Reuters) - x", year: 2022, want: "2022-04-11"},
		{name: "no date and no year", dateline: "KYIV, April 11 (Reuters) - x", want: ""},
		{name: "UTC a day after the newsroom's day",
			published: time.Date(2020, 5, 2, 2, 54, 0, 0, time.UTC), dateline: "NEW YORK, May 1 (AP) - x", want: "2020-05-01"},
		{name: "same day kept", published: time.Date(2020, 5, 1, 20, 0, 0, 0, ny), dateline: "NEW YORK, May 1 - x", want: "2020-05-01"},
		{name: "far apart: metadata kept", published: time.Date(2020, 5, 9, 0, 0, 0, 0, time.UTC), dateline: "NEW YORK, May 1 - x", want: "2020-05-09"},
		{name: "year's turn", published: time.Date(2021, 1, 1, 3, 0, 0, 0, time.UTC), dateline: "LONDON, Dec 31 - x", want: "2020-12-31"},
		{name: "dateline without date", published: time.Date(2021, 1, 1, 3, 0, 0, 0, time.UTC), dateline: "LONDON (Reuters) - x", want: "2021-01-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := ParseDateline(tt.dateline)
			if !ok {
				t.Fatalf("ParseDateline(%q) failed", tt.dateline)
			}
			if got := day(datelineDate(tt.published, d, tt.year)); got != tt.want {
				t.Errorf("datelineDate(%v, %q, %d) = %q, want %q", tt.published, tt.dateline, tt.year, got, tt.want)
			}
		})
	}
}
