package corpus

import "strings"

// givenNameFamilies maps each transliteration of a common Slavic or Arabic
// first name to one spelling of its family, in the form SpeakerKey's word
// folding leaves it (doubled letters single, a final "-iy"/"-ii" as "y"):
// Oleksandr, Olexander and Oleksander are one Ukrainian name written three
// ways, Mohammed, Muhammad and Mohamed one Arabic name. A family holds the
// spellings of one name in one language only: Ukrainian Oleksandr and
// Russian Aleksandr, Serhiy and Sergei, Dmytro and Dmitry stay apart, since
// news writes one person consistently in one of them and different people
// do carry the two; Yosef (Hebrew) is not Yusuf. Names that merely look
// alike (Hamid and Hamad, Salah and Saleh, Jamal and Gamal) are no family.
var givenNameFamilies = func() map[string]string {
	families := [][]string{
		// Ukrainian.
		{"oleksandr", "olexandr", "oleksander", "olexander", "oleksandre"},
		{"oleksy", "olexy", "oleksiy", "olexiy", "oleksij", "oleksii", "olexii"},
		{"serhy", "sergy", "serhiy", "sergiy", "serhii", "sergii"},
		{"mykhailo", "mykhaylo", "mykhajlo"},
		{"yevhen", "jevhen", "ievgen", "yevgen", "evhen"},
		{"tetiana", "tetyana"},
		{"yulia", "yuliya", "iulia", "yulija"},
		{"natalia", "natalya", "nataliya", "natalija"},
		{"volodymyr", "volodimir"},
		{"andry", "andriy", "andrij", "andrii"},
		{"vasyl", "vasil"},
		// Russian.
		{"aleksandr", "alexandr", "aleksander", "alexander"},
		{"aleksey", "alexey", "aleksei", "alexei"},
		{"sergei", "sergey", "sergej"},
		{"dmitry", "dmitri", "dmitrij", "dmitrii"},
		{"yury", "yuri", "iury", "yurii"},
		{"evgeny", "yevgeny", "evgeni", "yevgeni", "evgenij"},
		{"nikolai", "nikolay", "nikolaj"},
		{"tatiana", "tatyana", "tatjana"},
		{"pyotr", "petr"},
		{"matvei", "matvey"},
		{"arkady", "arkadi", "arkadiy"},
		// Arabic.
		{"mohamed", "mohammed", "muhammad", "muhamad", "mohammad", "mohamad", "muhammed", "muhamed", "mohamud", "muhamud"},
		{"ahmed", "ahmad"},
		{"mahmoud", "mahmud", "mahmood", "mahmod"},
		{"yusuf", "yousef", "youssef", "yusef", "yousif", "yussef"},
		{"abdulah", "abdullah", "abdallah", "abdalah", "abdula", "abdulla"},
		{"husein", "hussein", "husain", "hussain"},
		{"omar", "umar"},
		{"khaled", "khalid"},
		{"mustafa", "mustapha", "moustafa", "moustapha", "mostafa"},
		{"osama", "usama"},
		{"muamar", "muammar", "moamar", "moammar"},
		{"abdel", "abdul", "abdal"},
		{"saleh", "salih"},
		{"said", "saeed", "saed"},
		{"walid", "waleed", "waled"},
		{"rashid", "rasheed", "rashed"},
		{"faisal", "feisal", "faysal"},
		{"yaser", "yasser", "yasir"},
		{"hamza", "hamzah"},
		{"ibrahim", "ebrahim"},
		{"nasser", "naser", "nasir"},
	}
	m := make(map[string]string, 200)
	for _, f := range families {
		for _, v := range f {
			m[string(foldKeyWord([]byte(v)))] = string(foldKeyWord([]byte(f[0])))
		}
	}
	return m
}()

// foldGivenNames folds the transliterated first names of a SpeakerKey to
// their family (see givenNameFamilies). Every word but the last is a
// first name or a middle one ("mohamed bin salman"); the last, the
// surname, is left as it is, and so is a name of one word, which may be
// anyone's surname ("Said").
func foldGivenNames(key string) string {
	last := strings.LastIndexByte(key, ' ')
	if last < 0 {
		return key
	}
	var b strings.Builder
	changed := false
	start := 0
	for start <= last {
		end := start + strings.IndexByte(key[start:], ' ')
		w := key[start:end]
		if f, ok := givenNameFamilies[w]; ok && f != w {
			w, changed = f, true
		}
		b.WriteString(w)
		b.WriteByte(' ')
		start = end + 1
	}
	if !changed {
		return key
	}
	b.WriteString(key[last+1:])
	return b.String()
}
