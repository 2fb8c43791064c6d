package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// MaxLineSize is the longest JSON Lines record read: 8 MiB is a hundred
// times a long article, and a bound on what one bad line can cost.
const MaxLineSize = 8 << 20

// ErrNoDate is returned where a date cannot be read.
var ErrNoDate = errors.New("no date")

// wireArticle is the JSON form of an article as it arrives: published is a
// string in one of several forms, and absent speakers or regions (nil)
// differ from empty ones.
type wireArticle struct {
	ID        string   `json:"id"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	Published string   `json:"published"`
	Author    string   `json:"author"`
	Site      string   `json:"site"`
	Language  string   `json:"language"`
	Dateline  string   `json:"dateline"`
	Speakers  []string `json:"speakers"`
	Regions   []string `json:"regions"`
	Quotes    []Quote  `json:"quotes"`
	Source    string   `json:"source"`
}

// DecodeJSON reads one JSON article. id is required.
func DecodeJSON(data []byte) (Article, error) {
	var w wireArticle
	if err := json.Unmarshal(data, &w); err != nil {
		return Article{}, fmt.Errorf("decoding article: %w", err)
	}
	if strings.TrimSpace(w.ID) == "" {
		return Article{}, errors.New(`article has no "id"`)
	}
	a := Article{
		ID:       strings.TrimSpace(w.ID),
		URL:      w.URL,
		Title:    normalizeText(strings.TrimSpace(w.Title)),
		Body:     normalizeText(w.Body),
		Author:   w.Author,
		Site:     w.Site,
		Language: w.Language,
		Dateline: w.Dateline,
		Speakers: w.Speakers,
		Regions:  w.Regions,
		Quotes:   w.Quotes,
		Source:   w.Source,
	}
	if w.Published != "" {
		t, err := ParseDate(w.Published)
		if err != nil {
			return Article{}, fmt.Errorf("article %s: published: %w", a.ID, err)
		}
		a.Published = t
	}
	if a.Title == "" && a.Body == "" {
		return Article{}, fmt.Errorf("article %s has no title and no body", a.ID)
	}
	return a, nil
}

// ParseDate reads a date as RFC 3339 or YYYY-MM-DD (taken as UTC).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: %q is neither RFC 3339 nor YYYY-MM-DD", ErrNoDate, s)
}

// ReadJSONL reads JSON Lines, one article a line. A bad line is named in
// the returned error and skipped; the good lines are all returned.
func ReadJSONL(r io.Reader) ([]Article, error) {
	var arts []Article
	var errs []error
	err := EachJSONL(r, func(line int, a Article, err error) error {
		if err != nil {
			errs = append(errs, err)
			return nil
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return arts, errors.Join(errs...)
}

// EachJSONL calls fn for every line of JSON Lines read from r, with the
// article or the error that line gave. Blank lines are skipped. Reading
// stops at the first error fn returns, or when r fails.
func EachJSONL(r io.Reader, fn func(line int, a Article, err error) error) error {
	br := bufio.NewReaderSize(r, 64*1024)
	for n := 1; ; n++ {
		line, err := readLine(br)
		if len(bytes.TrimSpace(line)) > 0 {
			var a Article
			var lerr error
			if errors.Is(err, ErrTooLarge) {
				lerr = fmt.Errorf("line %d: %w: longer than %d bytes", n, ErrTooLarge, MaxLineSize)
			} else if a, lerr = DecodeJSON(line); lerr != nil {
				lerr = fmt.Errorf("line %d: %w", n, lerr)
			}
			if ferr := fn(n, a, lerr); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil && !errors.Is(err, ErrTooLarge) {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
}

// readLine reads one line, without its newline. A line longer than
// MaxLineSize is read to its end and dropped, and ErrTooLarge returned.
func readLine(br *bufio.Reader) ([]byte, error) {
	var buf []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineSize+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if tooLong {
			if err == nil || err == io.EOF {
				return []byte("x"), ErrTooLarge
			}
			return nil, err
		}
		return bytes.TrimRight(buf, "\r\n"), err
	}
}
