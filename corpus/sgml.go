package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadSGML reads Reuters-21578 SGML: one article per <REUTERS> element, with
// the id "reuters-<NEWID>", its <DATE>, <TITLE>, <DATELINE> and <BODY>, and
// its <PLACES> as regions and <PEOPLE> as speakers. A record it cannot read
// is named in the returned error and skipped.
func ReadSGML(r io.Reader) ([]Article, error) {
	data, err := readAllLimited(r)
	if err != nil {
		return nil, fmt.Errorf("reading sgml: %w", err)
	}
	if !utf8.Valid(data) {
		data = latin1ToUTF8(data)
	}
	var arts []Article
	var errs []error
	rest := data
	for {
		start := bytes.Index(rest, []byte("<REUTERS"))
		if start < 0 {
			break
		}
		rest = rest[start:]
		end := bytes.Index(rest, []byte("</REUTERS>"))
		if end < 0 {
			errs = append(errs, fmt.Errorf("record at byte %d: no </REUTERS>", len(data)-len(rest)))
			break
		}
		rec := rest[:end]
		rest = rest[end+len("</REUTERS>"):]
		a, err := parseReuters(rec)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		arts = append(arts, a)
	}
	if len(arts) == 0 && len(errs) == 0 {
		return nil, ErrEmpty
	}
	return arts, errors.Join(errs...)
}

func parseReuters(rec []byte) (Article, error) {
	headEnd := bytes.IndexByte(rec, '>')
	if headEnd < 0 {
		return Article{}, errors.New("record without a closed <REUTERS> tag")
	}
	newid := attr(rec[:headEnd], "NEWID")
	if newid == "" {
		return Article{}, errors.New("record without NEWID")
	}
	a := Article{ID: "reuters-" + newid}
	a.Published, _ = parseReutersDate(element(rec, "DATE"))
	a.Title = collapseSpace(cleanSGML(element(rec, "TITLE")))
	a.Dateline = strings.TrimSpace(strings.TrimRight(cleanSGML(element(rec, "DATELINE")), " -–"))
	a.Regions = dValues(element(rec, "PLACES"))
	a.Speakers = dValues(element(rec, "PEOPLE"))
	body := element(rec, "BODY")
	if body == "" && a.Title == "" {
		// TYPE="UNPROC" records keep their text straight in <TEXT>.
		body = element(rec, "TEXT")
	}
	a.Body = reutersParagraphs(cleanSGML(body))
	if a.Dateline == "" {
		// Records without <DATELINE> may open their text with one.
		if d, ok := ParseDateline(a.Body); ok {
			a.Dateline = d.Text
		}
	}
	// A few records hold no text at all; they are kept, with their date
	// and categories, so that the collection indexes whole.
	if a.Title == "" {
		a.Title = firstSentence(a.Body)
	}
	return a, nil
}

// attr returns the value of the attribute name="value" in an SGML tag.
func attr(tag []byte, name string) string {
	i := bytes.Index(tag, []byte(name+`="`))
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+2:]
	j := bytes.IndexByte(v, '"')
	if j < 0 {
		return ""
	}
	return string(v[:j])
}

// element returns the raw content of the first <name>…</name> in rec.
func element(rec []byte, name string) string {
	open := []byte("<" + name)
	i := 0
	for {
		j := bytes.Index(rec[i:], open)
		if j < 0 {
			return ""
		}
		i += j + len(open)
		// The tag name must end here: <TEXT> is not <TEXTURE>.
		if i < len(rec) && (rec[i] == '>' || rec[i] == ' ') {
			break
		}
	}
	k := bytes.IndexByte(rec[i:], '>')
	if k < 0 {
		return ""
	}
	content := rec[i+k+1:]
	end := bytes.Index(content, []byte("</"+name+">"))
	if end < 0 {
		return string(content)
	}
	return string(content[:end])
}

// dValues returns the <D> values of a Reuters category element.
func dValues(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "<D>")
		if i < 0 {
			return out
		}
		s = s[i+3:]
		j := strings.Index(s, "</D>")
		if j < 0 {
			return out
		}
		if v := strings.TrimSpace(s[:j]); v != "" {
			out = append(out, v)
		}
		s = s[j+4:]
	}
}

// parseReutersDate reads dates such as "26-FEB-1987 15:01:01.79", some of
// which carry trailing junk in the collection.
func parseReutersDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) >= len("2-JAN-2006 15:04:05") {
		for _, layout := range []string{"2-Jan-2006 15:04:05", "02-Jan-2006 15:04:05"} {
			if n := len(layout); len(s) >= n {
				if t, err := time.Parse(layout, titleMonth(s[:n])); err == nil {
					return t, nil
				}
			}
		}
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		if t, err := time.Parse("2-Jan-2006", titleMonth(s[:i])); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: %q", ErrNoDate, s)
}

// titleMonth turns "FEB" in a date into "Feb", the form time.Parse reads.
func titleMonth(s string) string {
	i := strings.IndexByte(s, '-')
	if i < 0 || len(s) < i+4 {
		return s
	}
	return s[:i+2] + strings.ToLower(s[i+2:i+4]) + s[i+4:]
}

// cleanSGML resolves entities and drops the control characters Reuters
// wraps its texts in.
func cleanSGML(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return normalizeText(s)
}

// reutersParagraphs rebuilds paragraphs from Reuters' fixed-width lines: a
// paragraph starts at an indented line; the closing "Reuter" is dropped.
func reutersParagraphs(s string) string {
	var paras []string
	// A paragraph is gathered in one buffer, reused, and copied out whole.
	cur := make([]byte, 0, len(s))
	flush := func() {
		if p := bytes.TrimSpace(cur); len(p) > 0 {
			paras = append(paras, string(p))
		}
		cur = cur[:0]
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.HasPrefix(line, "   ") || strings.HasPrefix(line, "\t") {
			flush()
		}
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, line...)
	}
	flush()
	if n := len(paras); n > 0 {
		last := paras[n-1]
		for _, tail := range []string{"Reuter", "REUTER"} {
			if last == tail {
				paras = paras[:n-1]
				break
			}
			if strings.HasSuffix(last, " "+tail) {
				paras[n-1] = strings.TrimSpace(strings.TrimSuffix(last, tail))
				break
			}
		}
	}
	return joinParagraphs(paras)
}

// firstSentence returns the first sentence of s, at most 120 bytes.
func firstSentence(s string) string {
	if i := strings.IndexAny(s, ".\n"); i > 0 {
		s = s[:i]
	}
	if len(s) > 120 {
		s = s[:120]
		if i := strings.LastIndexByte(s, ' '); i > 60 {
			s = s[:i]
		}
		s = strings.ToValidUTF8(s, "")
	}
	return strings.TrimSpace(s)
}

// latin1ToUTF8 decodes bytes as Latin-1 (every byte one rune).
func latin1ToUTF8(b []byte) []byte {
	out := make([]byte, 0, len(b)+16)
	for _, c := range b {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}
