package corpus

import "strings"

// register adds a named entity, or returns the one of that name.
func (x *extractor) register(name, kind string) int {
	r := &x.reg
	key := strings.ToLower(name)
	if id, ok := r.byKey[key]; ok {
		return id
	}
	if kind == KindOrganisation {
		// "NAO" and "National Audit Office" are one body.
		if ini := initials(name); ini != "" {
			if id, ok := r.byKey[ini]; ok && r.ents[id].kind == KindOrganisation {
				r.ents[id].name, r.ents[id].key, r.ents[id].ini = name, key, initials(name)
				r.byKey[key] = id
				return id
			}
		}
		for id := range r.ents {
			if r.ents[id].kind == KindOrganisation && r.ents[id].ini == key {
				r.byKey[key] = id
				return id
			}
		}
	}
	if id, ok := r.byKey[strings.ReplaceAll(key, " ", "")]; ok {
		r.byKey[key] = id
		return id
	}
	id := len(r.ents)
	r.ents = append(r.ents, entity{name: name, key: key, kind: kind})
	if kind == KindOrganisation {
		r.ents[id].ini = initials(name)
	}
	r.byKey[key] = id
	if strings.Contains(key, " ") {
		r.byKey[strings.ReplaceAll(key, " ", "")] = id
	}
	if kind == KindPerson {
		parts := strings.Fields(key)
		last := parts[len(parts)-1]
		if len(parts) == 1 {
			if _, ok := r.bySurname[last]; !ok {
				r.bySurname[last] = id
			}
		} else {
			r.bySurname[last] = id
			if prev, ok := r.byFirst[parts[0]]; ok && prev != id {
				r.byFirst[parts[0]] = -1 // two people share it: it names neither
			} else {
				r.byFirst[parts[0]] = id
			}
			if g, ok := genderOfFirst(parts[0]); ok {
				r.ents[id].gender = g
			}
		}
	}
	return id
}

func genderOfFirst(first string) (byte, bool) {
	if femaleNames[first] {
		return 'f', true
	}
	if maleNames[first] {
		return 'm', true
	}
	return 0, false
}

// tieRole records the role words [rs, ns) before a person's name and an
// appositive after it ("Steve Witkoff, the US special envoy,") as roles
// of the person, so that "the envoy" later finds the name.
func (x *extractor) tieRole(id, rs, ns, e int) {
	if id < 0 {
		return
	}
	ent := &x.reg.ents[id]
	if rs < ns {
		if g, ok := personTitles[x.lwBare(rs)]; ok && g != 0 && ent.gender == 0 {
			ent.gender = g
		}
		for j := rs; j < ns; j++ {
			if g := personTitles[x.lwBare(j)]; g != 0 && ent.gender == 0 {
				ent.gender = g
			}
		}
		if h := x.lwBare(ns - 1); personRoles[h] {
			ent.heads = append(ent.heads, h)
			ent.roleTexts = append(ent.roleTexts, x.low[x.toks[rs].s:x.toks[ns-1].e])
			if ent.role == "" {
				ent.role = x.nameText(rs, ns)
			}
		}
	}
	// The appositive: ", the US special envoy," or ", leader of the ...".
	if e+1 < len(x.toks) && x.punctIs(e, ',') {
		head, end := "", e+1
		for j := e + 1; j < len(x.toks) && j < e+12 && x.toks[j].kind == tokWord && x.toks[j].quote == 0; j++ {
			w := x.lw(j)
			if j > e+1 && (prepositions[w] || w == "who" || w == "which" || strings.HasSuffix(w, "ing")) {
				break
			}
			if personRoles[w] {
				head, end = w, j+1
			}
		}
		if head != "" {
			ent.heads = append(ent.heads, head)
			ent.roleTexts = append(ent.roleTexts, x.low[x.toks[e+1].s:x.toks[end-1].e])
			if ent.role == "" {
				s := e + 1
				if determiners[x.lw(s)] {
					s++
				}
				ent.role = x.nameText(s, end)
			}
		}
	}
}

// lookupName finds the entity the words [s, e) name: the full name, an
// acronym, or a surname of a person named in full elsewhere in the article.
func (x *extractor) lookupName(s, e, rs int) int {
	r := &x.reg
	key := x.nameKey(s, e)
	if id, ok := r.byKey[key]; ok {
		return id
	}
	if id, ok := r.bySurname[x.lwBare(e-1)]; ok && (e-s == 1 || r.ents[id].kind == KindPerson) {
		return id
	}
	if id, ok := r.byKey[strings.ReplaceAll(key, " ", "")]; ok {
		return id // "TimeWarner" and "Time Warner"
	}
	if e-s == 1 {
		// "Telegraph" for the "Telegraph Group" named before.
		for id := range r.ents {
			if n := r.ents[id].key; r.ents[id].kind == KindOrganisation &&
				strings.HasPrefix(n, key+" ") && allOrgWords(n[len(key)+1:]) {
				return id
			}
		}
	}
	// "Sir Digby" is Sir Digby Jones: these titles go with the first name.
	if e-s == 1 && rs < s {
		if t := x.lwBare(s - 1); t == "sir" || t == "dame" {
			if id, ok := r.byFirst[x.lwBare(s)]; ok && id >= 0 {
				return id
			}
		}
	}
	// "Chen said" after "Chen Rui, vice president": Chinese, Korean and
	// Vietnamese names put the family name first, and a news story then
	// shortens to that first word. Only a known family name that opens
	// exactly one full name of the article is taken so: "Apple" is not the
	// "Apple TV" named before.
	if w := x.lwBare(s); e-s == 1 && familyNamesFirst[w] {
		if id, ok := r.byFirst[w]; ok && id >= 0 && r.ents[id].kind == KindPerson {
			return id
		}
	}
	return -1
}

// nameText returns the words [s, e) as written, a final possessive dropped.
func (x *extractor) nameText(s, e int) string {
	if s >= e {
		return ""
	}
	t := x.body[x.toks[s].s:x.toks[e-1].e]
	if x.toks[e-1].poss {
		t = trimPossessive(t)
	}
	if strings.ContainsAny(t, "\n\t") || strings.Contains(t, "  ") {
		t = collapseSpace(t)
	}
	return t
}

// nameKey is the lower-case nameText.
func (x *extractor) nameKey(s, e int) string {
	if s >= e {
		return ""
	}
	t := x.low[x.toks[s].s:x.toks[e-1].e]
	if x.toks[e-1].poss {
		t = trimPossessive(t)
	}
	return t
}

func trimPossessive(t string) string {
	if strings.HasSuffix(t, "’s") || strings.HasSuffix(t, "’S") {
		return t[:len(t)-len("’s")]
	}
	if strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "'S") {
		return t[:len(t)-2]
	}
	return t
}

// initials returns the lower-case initials of a name of three or more
// capitalised words ("National Audit Office" → "nao"), or "".
func initials(name string) string {
	var b []byte
	n := 0
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "of", "and", "for", "the", "&":
			continue
		}
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b = append(b, c+'a'-'A')
			n++
		} else {
			return ""
		}
	}
	if n < 2 {
		return ""
	}
	return string(b)
}

// allOrgWords reports whether every word of s is an organisation word, as
// in the "Group Inc" that follows "USAir".
func allOrgWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if !orgWords[strings.TrimSuffix(w, ".")] {
			return false
		}
	}
	return true
}
