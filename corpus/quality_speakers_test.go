package corpus

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/internal/shareddata"
)

// speakerLabel is one hand-labelled article of testdata/bbc-dev/labels.json.
type speakerLabel struct {
	File          string     `json:"file"`
	Speakers      []string   `json:"speakers"`
	Organisations [][]string `json:"organisations"`
}

// minSpeakerF1 is the speaker F1 Dateline must reach on a hand-labelled set:
// below it the speaker facet misleads more than it helps.
const minSpeakerF1 = 0.90

// TestQualitySpeakersSeeds checks the speakers of the seed articles and who
// said their key quotes, exactly as a reader of them would say.
func TestQualitySpeakersSeeds(t *testing.T) {
	dir := shareddata.Path(t, "seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed articles absent: %v", err)
	}
	tests := []struct {
		name     string
		file     string
		speakers []string
		quotes   map[string]string // a quote's text (a prefix) → its speaker
	}{
		{
			name:     "000 Witkoff and Peskov",
			file:     "000_cfddc0d4ad748412.txt",
			speakers: []string{"Steve Witkoff", "Dmitry Peskov", "Donald Trump"},
			quotes: map[string]string{
				"compelling":                             "Steve Witkoff",
				"the verge":                              "Steve Witkoff",
				"So beyond just a ceasefire":             "Steve Witkoff",
				"took a while for us":                    "Steve Witkoff",
				"There’re security protocols":            "Steve Witkoff",
				"might be on the verge of something":     "Steve Witkoff",
				"no clear outlines of any agreement yet": "Dmitry Peskov",
				"constructive and substantive":           "Dmitry Peskov",
			},
		},
		{
			name:     "003 Trump and Zelenskiy",
			file:     "003_5c8f9a4ab42cdc54.txt",
			speakers: []string{"Donald Trump", "Volodymyr Zelenskiy", "Steve Witkoff"},
			quotes: map[string]string{
				"Vladimir, STOP!": "Donald Trump",
				"preposterous":    "Steve Witkoff",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustReadOne(t, filepath.Join(dir, tt.file))
			qs := FindQuotes(&a)
			got := SpeakersOf(qs)
			t.Logf("speakers of %s: %q", tt.file, got)
			if !slices.Equal(got, tt.speakers) {
				t.Errorf("SpeakersOf(FindQuotes(%s)) = %q, want %q", tt.file, got, tt.speakers)
			}
			for _, s := range got {
				if SpeakerKey(s) == SpeakerKey("Vladimir Putin") {
					t.Errorf("SpeakersOf(FindQuotes(%s)) holds Putin, who says nothing there", tt.file)
				}
			}
			for prefix, want := range tt.quotes {
				found := false
				for _, q := range qs {
					if strings.HasPrefix(q.Text, prefix) {
						found = true
						if q.Speaker != want || !q.Direct {
							t.Errorf("FindQuotes(%s): %q said by %q (direct %v), want %q (direct)", tt.file, prefix, q.Speaker, q.Direct, want)
						}
					}
				}
				if !found {
					t.Errorf("FindQuotes(%s): no quote %q", tt.file, prefix)
				}
			}
		})
	}
	if SpeakerKey("Volodymyr Zelenskiy") != SpeakerKey("Volodymyr Zelensky") {
		t.Errorf("SpeakerKey(Zelenskiy) = %q, SpeakerKey(Zelensky) = %q, want equal", SpeakerKey("Volodymyr Zelenskiy"), SpeakerKey("Volodymyr Zelensky"))
	}
}

// TestQualitySpeakersBBCDev measures speaker F1 on the hand-labelled BBC
// development set: micro over (article, speaker) pairs, people and
// organisations together.
func TestQualitySpeakersBBCDev(t *testing.T) {
	labels := mustLabels(t, filepath.Join("testdata", "bbc-dev", "labels.json"))
	bbc := shareddata.Path(t, "data", "bbc")
	var tp, fp, fn int
	for _, l := range labels {
		a := mustReadOne(t, filepath.Join(bbc, filepath.FromSlash(l.File)))
		got := SpeakersOf(FindQuotes(&a))
		m, extra, missed := matchSpeakers(got, l)
		tp += m
		fp += len(extra)
		fn += len(missed)
		if len(extra)+len(missed) > 0 {
			t.Logf("%s: extra %q, missed %q", l.File, extra, missed)
		}
	}
	p, r, f := speakerPRF(tp, fp, fn)
	t.Logf("BBC dev speakers: %d articles, tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f", len(labels), tp, fp, fn, p, r, f)
	if f < minSpeakerF1 {
		t.Errorf("speaker F1 on BBC dev = %.3f, want >= %.2f", f, minSpeakerF1)
	}
}

// matchSpeakers pairs predicted speakers with a label's people and
// organisations. A prediction matches a label when their SpeakerKeys are
// equal, or when the label's surname is the whole prediction and the label
// has only that person of that surname.
func matchSpeakers(got []string, l speakerLabel) (tp int, extra, missed []string) {
	type want struct {
		keys []string
		name string
		done bool
	}
	var wants []*want
	surnames := map[string]int{}
	for _, s := range l.Speakers {
		wants = append(wants, &want{keys: []string{SpeakerKey(s)}, name: s})
		surnames[lastWord(SpeakerKey(s))]++
	}
	for _, o := range l.Organisations {
		w := &want{name: o[0]}
		for _, s := range o {
			w.keys = append(w.keys, SpeakerKey(s))
		}
		wants = append(wants, w)
	}
	for _, g := range got {
		k := SpeakerKey(g)
		var hit *want
		for _, w := range wants {
			if !w.done && slices.Contains(w.keys, k) {
				hit = w
				break
			}
		}
		if hit == nil {
			for _, w := range wants[:len(l.Speakers)] {
				sn := lastWord(w.keys[0])
				if !w.done && sn == k && surnames[sn] == 1 {
					hit = w
					break
				}
			}
		}
		if hit == nil {
			extra = append(extra, g)
			continue
		}
		hit.done = true
		tp++
	}
	for _, w := range wants {
		if !w.done {
			missed = append(missed, w.name)
		}
	}
	return tp, extra, missed
}

func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

func speakerPRF(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// mustLabels reads a labels file, skipping the test where it is absent.
func mustLabels(tb testing.TB, path string) []speakerLabel {
	tb.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		tb.Skipf("labels absent: %v", err)
	}
	if err != nil {
		tb.Fatalf("reading labels: %v", err)
	}
	var labels []speakerLabel
	if err := json.Unmarshal(data, &labels); err != nil {
		tb.Fatalf("decoding %s: %v", path, err)
	}
	return labels
}

// mustReadOne reads the one article of a file.
func mustReadOne(tb testing.TB, path string) Article {
	tb.Helper()
	arts, err := ReadFile(path)
	if err != nil {
		tb.Fatalf("ReadFile(%s): %v", path, err)
	}
	if len(arts) != 1 {
		tb.Fatalf("ReadFile(%s) = %d articles, want 1", path, len(arts))
	}
	return arts[0]
}
