package corpus

import "testing"

// TestSpeakerKeyFirstNames checks that the transliterations of one first
// name share a key and that different names, and one name in two
// languages, do not.
func TestSpeakerKeyFirstNames(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"Oleksandr and Olexander", "Oleksandr Hrytsenko", "Olexander Hrytsenko", true},
		{"Oleksander", "Oleksander Hrytsenko", "Oleksandr Hrytsenko", true},
		{"Oleksiy and Olexiy", "Oleksiy Reznikov", "Olexiy Reznikov", true},
		{"Oleksii", "Oleksii Reznikov", "Oleksiy Reznikov", true},
		{"Serhiy and Sergiy", "Serhiy Marchenko", "Sergiy Marchenko", true},
		{"Serhii", "Serhii Marchenko", "Serhiy Marchenko", true},
		{"Mohammed and Muhammad", "Mohammed Haddad", "Muhammad Haddad", true},
		{"Mohamed and Mohammad", "Mohamed Haddad", "Mohammad Haddad", true},
		{"middle name folds", "Mohammed bin Salman", "Muhammad bin Salman", true},
		{"Yevgeny and Evgeny", "Yevgeny Prigozhin", "Evgeny Prigozhin", true},
		{"Ukrainian and Russian forms apart", "Oleksandr Hrytsenko", "Aleksandr Hrytsenko", false},
		{"Serhiy is not Sergei", "Serhiy Marchenko", "Sergei Marchenko", false},
		{"Hebrew Yosef is not Yusuf", "Yosef Levin", "Yusuf Levin", false},
		{"look-alike names apart", "Hamid Karzai", "Hamad Karzai", false},
		{"surname never folds", "Edward Said", "Edward Saeed", false},
		{"other surname", "Oleksandr Hrytsenko", "Olexander Hrytsenkov", false},
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

// TestSpeakersOfFoldsFirstNames checks that one article spelling a first
// name two ways lists the speaker once, under the commoner spelling.
func TestSpeakersOfFoldsFirstNames(t *testing.T) {
	quotes := []Quote{
		{Speaker: "Oleksandr Hrytsenko", Kind: KindPerson},
		{Speaker: "Olexander Hrytsenko", Kind: KindPerson},
		{Speaker: "Oleksandr Hrytsenko", Kind: KindPerson},
	}
	got := SpeakersOf(quotes)
	if len(got) != 1 || got[0] != "Oleksandr Hrytsenko" {
		t.Errorf("SpeakersOf(%v) = %q, want [\"Oleksandr Hrytsenko\"]", quotes, got)
	}
}
