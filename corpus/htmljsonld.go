package corpus

import (
	"encoding/json"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// linkedData is what a page's JSON-LD (schema.org) says of its article.
type linkedData struct {
	headline  string
	published string // datePublished as written
	created   string // dateCreated, for pages without datePublished
	authors   []string
	publisher string
}

// maxLDDepth bounds how deep readLinkedData walks nested JSON-LD: the
// objects it wants sit a few levels down (@graph, mainEntity); deeper is
// noise, and the bound keeps hostile input from costing more.
const maxLDDepth = 8

// articleTypes are the schema.org types of a news or blog article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "techarticle": true, "scholarlyarticle": true,
	"liveblogposting": true, "socialmediaposting": true, "posting": true, "report": true,
	"webpage": false, // read only when no article object exists
}

// readLinkedData reads the page's JSON-LD blocks. An article object wins
// over a WebPage one; a block that is not valid JSON is skipped.
func readLinkedData(doc *goquery.Document) linkedData {
	var best, page linkedData
	var found bool
	var blocks []any
	names := map[string]string{} // @id → name, for authors given by reference
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		var v any
		if json.Unmarshal([]byte(jsonControls.Replace(s.Text())), &v) != nil {
			return
		}
		blocks = append(blocks, v)
		walkLD(v, 0, func(obj map[string]any) {
			id, _ := obj["@id"].(string)
			if name := ldString(obj["name"]); id != "" && name != "" {
				names[id] = name
			}
		})
	})
	for _, v := range blocks {
		walkLD(v, 0, func(obj map[string]any) {
			isArticle, known := ldType(obj)
			switch {
			case isArticle && !found:
				best, found = ldFields(obj), true
			case known && !isArticle && page.headline == "" && page.published == "":
				page = ldFields(obj)
			}
		})
	}
	for _, ld := range []*linkedData{&best, &page} {
		ld.authors = resolveLD(ld.authors, names)
		if p := resolveLD([]string{ld.publisher}, names); len(p) > 0 {
			ld.publisher = p[0]
		} else {
			ld.publisher = ""
		}
	}
	if !found {
		return page
	}
	if best.publisher == "" {
		best.publisher = page.publisher
	}
	return best
}

// jsonControls blanks the raw line breaks and tabs that many pages leave
// inside JSON-LD strings, which JSON forbids; outside strings they were
// white space anyway.
var jsonControls = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// resolveLD replaces each "@id:" reference among names by the name the
// page gives that @id, dropping references it does not name.
func resolveLD(names []string, byID map[string]string) []string {
	var out []string
	for _, n := range names {
		if id, ok := strings.CutPrefix(n, "@id:"); ok {
			n = byID[id]
		}
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// walkLD calls fn on every JSON object in v, parents first.
func walkLD(v any, depth int, fn func(map[string]any)) {
	if depth > maxLDDepth {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		fn(x)
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"} {
			if c, ok := x[k]; ok {
				walkLD(c, depth+1, fn)
			}
		}
	case []any:
		for _, c := range x {
			walkLD(c, depth+1, fn)
		}
	}
}

// ldType reports whether obj is an article, and whether its type is one
// readLinkedData knows at all.
func ldType(obj map[string]any) (article, known bool) {
	for _, t := range ldStrings(obj["@type"]) {
		a, ok := articleTypes[strings.ToLower(t)]
		if ok {
			return a, true
		}
	}
	return false, false
}

func ldFields(obj map[string]any) linkedData {
	ld := linkedData{
		headline:  ldString(obj["headline"]),
		published: ldString(obj["datePublished"]),
		created:   ldString(obj["dateCreated"]),
	}
	if ld.headline == "" {
		ld.headline = ldString(obj["name"])
	}
	ld.authors = ldNames(obj["author"])
	if len(ld.authors) == 0 {
		ld.authors = ldNames(obj["creator"])
	}
	if p := ldNames(obj["publisher"]); len(p) > 0 {
		ld.publisher = p[0]
	}
	return ld
}

// ldNames reads a person or organisation, or a list of them, as names.
func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if s := collapseSpace(x); s != "" {
			out = append(out, s)
		}
	case map[string]any:
		if s := ldString(x["name"]); s != "" {
			out = append(out, s)
		} else if id, ok := x["@id"].(string); ok && id != "" {
			out = append(out, "@id:"+id) // resolved by readLinkedData
		}
	case []any:
		for _, c := range x {
			out = append(out, ldNames(c)...)
		}
	}
	return out
}

// ldString reads a JSON-LD value as one string: a string itself, the
// first of a list, or an object's @value.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return collapseSpace(x)
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

func ldStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, c := range x {
			if s, ok := c.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
