package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dateline/internal/shareddata"
)

// wantQuote is what a test checks of a Quote: who, what kind, and how the
// quoted or reported text begins.
type wantQuote struct {
	prefix  string
	speaker string
	kind    string
	direct  bool
}

func TestFindQuotesFixtures(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		quotes   []wantQuote
		speakers []string
	}{
		{
			name: "American style, role, pronoun and continued paragraph",
			file: "american.txt",
			quotes: []wantQuote{
				{"We are close to something", "Steve Witkoff", KindPerson, true},
				{"frank.", "Steve Witkoff", KindPerson, true},
				{"There is a lot of detail", "Steve Witkoff", KindPerson, true},
				{"But both sides want a deal", "Steve Witkoff", KindPerson, true},
				{"no clear outlines", "Dmitry Peskov", KindPerson, true},
				{"a deal was unlikely", "Analysts", KindAnonymous, false},
			},
			speakers: []string{"Steve Witkoff", "Dmitry Peskov"},
		},
		{
			name: "British style, run-together paragraphs, organisations and anonymous sources",
			file: "british.txt",
			quotes: []wantQuote{
				{"the chancellor against raising taxes", "CBI", KindOrganisation, false},
				{"weary of new burdens", "Digby Jones", KindPerson, true},
				{"We have said it before", "Digby Jones", KindPerson, true},
				{"Business cannot carry more costs", "Digby Jones", KindPerson, true},
				{"entirely speculative", "A Treasury spokesman", KindAnonymous, true},
				{"the plans were drawn up", "a senior official", KindAnonymous, false},
				{"Welsh councils should keep", "", KindOrganisation, false},
			},
			speakers: []string{"Digby Jones", "CBI"},
		},
		{
			name: "guillemets, inverted attribution and an unnamed ministry",
			file: "guillemets.txt",
			quotes: []wantQuote{
				{"Nous ne céderons pas", "Marie Dupont", KindPerson, true},
				{"the claims were false", "Marie Dupont", KindPerson, false},
				{"The agreement stands.", "Marie Dupont", KindPerson, true},
				{"in a statement that talks would resume", "", KindOrganisation, false},
			},
			speakers: []string{"Marie Dupont"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustReadOne(t, filepath.Join("testdata", "quotes", tt.file))
			got := FindQuotes(&a)
			if len(got) != len(tt.quotes) {
				for _, q := range got {
					t.Logf("got %s %q: %q", q.Kind, q.Speaker, q.Text)
				}
				t.Fatalf("FindQuotes(%s) = %d quotes, want %d", tt.file, len(got), len(tt.quotes))
			}
			for i, w := range tt.quotes {
				q := got[i]
				if !strings.HasPrefix(q.Text, w.prefix) || q.Speaker != w.speaker || q.Kind != w.kind || q.Direct != w.direct {
					t.Errorf("FindQuotes(%s)[%d] = {%q %q %s direct=%v}, want {%q… %q %s direct=%v}",
						tt.file, i, q.Text, q.Speaker, q.Kind, q.Direct, w.prefix, w.speaker, w.kind, w.direct)
				}
				if !strings.HasPrefix(a.Body[q.Offset:], q.Text) {
					t.Errorf("FindQuotes(%s)[%d]: Body at Offset %d does not hold %q", tt.file, i, q.Offset, q.Text)
				}
			}
			if s := SpeakersOf(got); !slices.Equal(s, tt.speakers) {
				t.Errorf("SpeakersOf(FindQuotes(%s)) = %q, want %q", tt.file, s, tt.speakers)
			}
		})
	}
}

func TestFindQuotesNotSpeakers(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"met", "Steve Witkoff met Vladimir Putin on Friday."},
		{"killed", "A senior official, General Igor Petrov, was killed in a car bombing."},
		{"negated", "Steve Witkoff has not commented on the meeting."},
		{"passive", "Vladimir Putin was described as relaxed by those present."},
		{"future", "Charles Kennedy is expected to say that the plans are wrong."},
		{"seeking", "Russian President Vladimir Putin is seeking a lasting peace."},
		{"noun", "Mr Balls stepped down from his Treasury post to stand in the election."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Body: tt.body}
			got := FindQuotes(&a)
			if s := SpeakersOf(got); len(s) != 0 {
				t.Errorf("SpeakersOf(FindQuotes(%q)) = %q, want none", tt.body, s)
			}
		})
	}
}

func TestFindQuotesKinds(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		speaker string
		kind    string
	}{
		{"Kremlin", "The Kremlin said the talks were useful.", "Kremlin", KindOrganisation},
		{"acronym defined", "The Welsh Local Government Association (WLGA) said cuts were likely. The WLGA added that councils were worried.", "Welsh Local Government Association", KindOrganisation},
		{"anonymous according to", "According to a senior Russian official, the talks were productive.", "a senior Russian official", KindAnonymous},
		{"state", "Russia has stated that it is willing to talk.", "Russia", KindState},
		{"spokeswoman for", "A spokeswoman for Human Rights Watch said the law was unjust.", "A spokeswoman for Human Rights Watch", KindAnonymous},
		{"title kept apart", "Prime Minister Tony Blair said the plan would work.", "Tony Blair", KindPerson},
		{"surname resolves", "Tony Blair arrived late. Later Mr Blair told MPs the plan would work.", "Tony Blair", KindPerson},
		{"company", "Yukos, the Russian oil group, said it would appeal.", "Yukos", KindOrganisation},
		{"according to figures", "According to Labor Department figures, jobs rose by 2%.", "Labor Department", KindOrganisation},
		{"single quotes", "‘We will not back down,’ Mr Smith said.", "Smith", KindPerson},
		{"straight quotes inverted", `"It is a good deal," said Sue Essex.`, "Sue Essex", KindPerson},
		{"named committee", "The Commons public accounts committee said the project was late. The committee added that costs had doubled.", "Commons public accounts committee", KindOrganisation},
		{"quoted as saying", "Gordon Brown was quoted as saying the economy was strong.", "Gordon Brown", KindPerson},
		{"role with modifier", "Finance Minister Ralph Goodale spoke first. The prime minister said the budget was fair.", "The prime minister", KindAnonymous},
		{"role resolved", "Prime Minister Tony Blair arrived late. The prime minister said the budget was fair.", "Tony Blair", KindPerson},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Article{Body: tt.body}
			got := FindQuotes(&a)
			if len(got) == 0 {
				t.Fatalf("FindQuotes(%q) = no quotes, want one by %q", tt.body, tt.speaker)
			}
			q := got[len(got)-1]
			if q.Speaker != tt.speaker || q.Kind != tt.kind {
				t.Errorf("FindQuotes(%q) speaker = %q (%s), want %q (%s)", tt.body, q.Speaker, q.Kind, tt.speaker, tt.kind)
			}
		})
	}
}

func TestSpeakerKey(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"Zelenskiy and Zelensky", "Volodymyr Zelenskiy", "Volodymyr Zelensky", true},
		{"Zelenskyy and Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelensky", true},
		{"accents", "François Hollande", "Francois Hollande", true},
		{"case", "TONY BLAIR", "Tony Blair", true},
		{"title", "Mr Witkoff", "Witkoff", true},
		{"Dmitriy", "Dmitriy Peskov", "Dmitry Peskov", true},
		{"different people", "Gordon Brown", "Gordon Browne", false},
		{"different first names", "Ed Miliband", "David Miliband", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ka, kb := SpeakerKey(tt.a), SpeakerKey(tt.b)
			if (ka == kb) != tt.same {
				t.Errorf("SpeakerKey(%q) = %q, SpeakerKey(%q) = %q, want same=%v", tt.a, ka, tt.b, kb, tt.same)
			}
		})
	}
}

func TestCanonicalSpeaker(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Reuters code", "james-baker", "James Baker"},
		{"Reuters one word", "volcker", "Volcker"},
		{"title", "President Ronald Reagan", "Ronald Reagan"},
		{"Mr", "Mr  Witkoff", "Witkoff"},
		{"two-word title", "Prime Minister Tony Blair", "Tony Blair"},
		{"organisation kept", "the Treasury", "Treasury"},
		{"plain", "Steve Witkoff", "Steve Witkoff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalSpeaker(tt.in); got != tt.want {
				t.Errorf("CanonicalSpeaker(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSpeakersOf(t *testing.T) {
	qs := []Quote{
		{Speaker: "Volodymyr Zelenskiy", Kind: KindPerson},
		{Speaker: "Donald Trump", Kind: KindPerson},
		{Speaker: "Volodymyr Zelensky", Kind: KindPerson},
		{Speaker: "Volodymyr Zelensky", Kind: KindPerson},
		{Speaker: "a senior official", Kind: KindAnonymous},
		{Speaker: "Russia", Kind: KindState},
		{Speaker: "", Kind: KindOrganisation, Role: "the ministry"},
		{Speaker: "Kremlin", Kind: KindOrganisation},
	}
	want := []string{"Volodymyr Zelensky", "Donald Trump", "Kremlin"}
	if got := SpeakersOf(qs); !slices.Equal(got, want) {
		t.Errorf("SpeakersOf = %q, want %q", got, want)
	}
}

func TestEnrichSpeakers(t *testing.T) {
	tests := []struct {
		name     string
		in       Article
		speakers []string
		quotes   int
	}{
		{
			name:     "found in the text",
			in:       Article{Body: `"We will win," said Tony Blair.`},
			speakers: []string{"Tony Blair"},
			quotes:   1,
		},
		{
			name:     "Reuters codes tidied",
			in:       Article{Body: "Nothing quoted here.", Speakers: []string{"james-baker", "volcker", "James Baker"}},
			speakers: []string{"James Baker", "Volcker"},
		},
		{
			name:     "no speakers",
			in:       Article{Body: "Nothing quoted here."},
			speakers: []string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.in
			Enrich(&a)
			if !slices.Equal(a.Speakers, tt.speakers) || a.Speakers == nil {
				t.Errorf("Enrich: Speakers = %#v, want %#v", a.Speakers, tt.speakers)
			}
			if len(a.Quotes) != tt.quotes {
				t.Errorf("Enrich: %d quotes, want %d", len(a.Quotes), tt.quotes)
			}
		})
	}
}

func FuzzFindQuotes(f *testing.F) {
	for _, name := range []string{"american.txt", "british.txt", "guillemets.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "quotes", name))
		if err != nil {
			f.Fatalf("reading seed %s: %v", name, err)
		}
		f.Add(string(data))
	}
	f.Add(`"“‘'«»,” said . He said: "`)
	f.Fuzz(func(t *testing.T, body string) {
		a := Article{Body: body}
		for _, q := range FindQuotes(&a) {
			if q.Offset < 0 || q.Offset+len(q.Text) > len(body) {
				t.Fatalf("FindQuotes: quote %q at %d outside a body of %d bytes", q.Text, q.Offset, len(body))
			}
		}
	})
}

// BenchmarkFindQuotesReuters finds the quotes and speakers of the real
// Reuters articles of one SGML file and reports articles per second.
func BenchmarkFindQuotesReuters(b *testing.B) {
	path := shareddata.Path(b, "data", "reuters21578", "reut2-000.sgm")
	f, err := os.Open(path)
	if err != nil {
		b.Fatalf("opening %s: %v", path, err)
	}
	defer f.Close()
	arts, err := ReadSGML(f)
	if err != nil && len(arts) == 0 {
		b.Fatalf("ReadSGML(%s): %v", path, err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for i := range arts {
			FindQuotes(&arts[i])
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
