package corpus

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugQuotes(t *testing.T) {
	path := os.Getenv("QFILE")
	if path == "" {
		t.Skip()
	}
	arts, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts {
		qs := FindQuotes(&a)
		for _, q := range qs {
			fmt.Printf("%-13s %-25q role=%q cue=%q direct=%v  %q\n", q.Kind, q.Speaker, q.Role, q.Cue, q.Direct, trunc(q.Text))
		}
		fmt.Println("SPEAKERS:", SpeakersOf(qs))
	}
}

func trunc(s string) string {
	if len(s) > 70 {
		return s[:70]
	}
	return s
}
