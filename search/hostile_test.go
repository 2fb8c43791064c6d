package search

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestSearchHostileQueries checks that expensive and malformed queries are
// answered or refused as a bad parameter, never failed.
func TestSearchHostileQueries(t *testing.T) {
	x := mustIndex(t, testArticles)
	tests := []string{
		strings.Repeat("x", MaxQueryLength),
		strings.Repeat("ж", MaxQueryLength),
		strings.Repeat("(", 1000) + "grain" + strings.Repeat(")", 1000),
		strings.Repeat("grain OR ", 500) + "grain",
		strings.Repeat("x", 4000) + "~2", "title:" + strings.Repeat("y", 3000) + "~1",
		"published:<0000-02-01", "published:>=9999-01-01", "published:0001-01",
		"*a*b*c*", "/.*.*.*x/", "supercalifragilisticexpialidocious~2", "a~5",
		`"unclosed`, "published:>=9999-99-99", "title:", "\x00\xff", "grain^1000000",
	}
	for _, q := range tests {
		_, err := x.Search(context.Background(), Request{Query: q})
		var pe *ParamError
		if err != nil && !errors.As(err, &pe) {
			t.Errorf("Search(%.40q): %v", q, err)
		}
	}
}

func TestSearchDatesOutOfRange(t *testing.T) {
	x := mustIndex(t, testArticles)
	for _, r := range []Request{
		{From: date("0001-01-01")},
		{To: date("0001-01-01")},
		{From: date("9999-01-01")},
		{From: date("0001-01-01"), To: date("9999-12-31")},
	} {
		if _, err := x.Search(context.Background(), r); err != nil {
			t.Errorf("Search(from %v, to %v): %v", r.From, r.To, err)
		}
	}
}
