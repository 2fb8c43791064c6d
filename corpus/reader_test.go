package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestReadSGML(t *testing.T) {
	arts, err := ReadFile("testdata/readers/reuters.sgm")
	if err != nil {
		t.Fatalf("ReadFile(reuters.sgm): %v", err)
	}
	want := []Article{
		{
			ID:        "reuters-101",
			Title:     "BAKER SAYS GRAIN TALKS <ON TRACK>",
			Body:      "Treasury Secretary James Baker said grain talks with Bonn were on track, Müller & Co said.\n\nBaker added that a deal was close.",
			Published: time.Date(1987, 3, 3, 9, 15, 22, 0, time.UTC),
			Dateline:  "NEW YORK, March 3",
			Regions:   []string{"usa", "west-germany"},
			Speakers:  []string{"james-baker"},
			Source:    "testdata/readers/reuters.sgm",
		},
		{
			ID:        "reuters-102",
			Title:     "OIL PRICES STEADY IN EUROPE",
			Published: time.Date(1987, 3, 4, 10, 0, 0, 0, time.UTC),
			Source:    "testdata/readers/reuters.sgm",
		},
	}
	if diff := cmp.Diff(want, arts); diff != "" {
		t.Errorf("ReadFile(reuters.sgm) (-want +got):\n%s", diff)
	}
}

func TestReadJSONL(t *testing.T) {
	arts, err := ReadFile("testdata/readers/articles.jsonl")
	var got []string
	for _, a := range arts {
		got = append(got, a.ID)
	}
	if diff := cmp.Diff([]string{"j1", "j2"}, got); diff != "" {
		t.Errorf("ReadFile(articles.jsonl) ids (-want +got):\n%s", diff)
	}
	for _, want := range []string{"line 2:", `line 4: article has no "id"`, "line 6: article j3: published"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadFile(articles.jsonl) error %v, want it to name %q", err, want)
		}
	}
	if !arts[1].Published.Equal(time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("j2 published %v, want 2025-04-12", arts[1].Published)
	}
	if arts[1].Speakers != nil || arts[0].Speakers == nil {
		t.Errorf("absent speakers must stay nil and given ones not: %v %v", arts[1].Speakers, arts[0].Speakers)
	}
}

func TestReadJSONLLongLine(t *testing.T) {
	long := `{"id":"big","title":"x","body":"` + strings.Repeat("a", MaxLineSize) + `"}`
	in := long + "\n" + `{"id":"after","title":"t","body":"b"}` + "\n"
	arts, err := ReadJSONL(strings.NewReader(in))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadJSONL(long line) err = %v, want ErrTooLarge", err)
	}
	if len(arts) != 1 || arts[0].ID != "after" {
		t.Errorf("ReadJSONL(long line) = %d articles, want the one after it", len(arts))
	}
}

func TestReadText(t *testing.T) {
	arts, err := ReadFile("testdata/readers/bom-crlf.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := Article{ID: "bom-crlf", Title: "A Title Line", Body: "First paragraph line.\n\nSecond paragraph.", Source: "testdata/readers/bom-crlf.txt"}
	if diff := cmp.Diff([]Article{want}, arts); diff != "" {
		t.Errorf("ReadFile(bom-crlf.txt) (-want +got):\n%s", diff)
	}
}

func TestReadFileErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"unknown ending", write("notes.docx", "x"), ErrFormat},
		{"empty text", write("empty.txt", "\n\n"), ErrEmpty},
		{"not gzip", write("page.html.gz", "<html>"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(tt.path)
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Errorf("ReadFile(%s) err = %v, want %v", filepath.Base(tt.path), err, tt.want)
			}
		})
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		name string
		want Format
		gz   bool
	}{
		{"a.html", FormatHTML, false}, {"A.HTM", FormatHTML, false}, {"a.html.gz", FormatHTML, true},
		{"r.sgm", FormatSGML, false}, {"x.jsonl", FormatJSONL, false}, {"x.ndjson", FormatJSONL, false},
		{"t.txt", FormatText, false}, {"x.pdf", FormatUnknown, false},
	}
	for _, tt := range tests {
		if got, gz := FormatOf(tt.name); got != tt.want || gz != tt.gz {
			t.Errorf("FormatOf(%q) = %v, %v; want %v, %v", tt.name, got, gz, tt.want, tt.gz)
		}
	}
}

func TestFiles(t *testing.T) {
	got, err := Files([]string{"testdata/readers"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"testdata/readers/articles.jsonl", "testdata/readers/bom-crlf.txt", "testdata/readers/reuters.sgm"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Files (-want +got):\n%s", diff)
	}
}

// TestReadAllLimited reads files, sized from their length, and other
// readers, to their end or to MaxInputSize bytes and no further.
func TestReadAllLimited(t *testing.T) {
	dir := t.TempDir()
	file := func(n int) func() io.Reader {
		path := filepath.Join(dir, fmt.Sprintf("f%d", n))
		if err := os.WriteFile(path, bytes.Repeat([]byte("a"), n), 0o644); err != nil {
			t.Fatal(err)
		}
		return func() io.Reader {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}
	}
	stream := func(n int) func() io.Reader {
		return func() io.Reader { return io.LimitReader(zeros{}, int64(n)) }
	}
	tests := []struct {
		name    string
		r       func() io.Reader
		n       int
		wantErr error
	}{
		{"empty file", file(0), 0, nil},
		{"small file", file(1000), 1000, nil},
		{"file of the largest size", file(MaxInputSize), MaxInputSize, nil},
		{"file too large", file(MaxInputSize + 1), 0, ErrTooLarge},
		{"small stream", stream(70000), 70000, nil},
		{"stream of the largest size", stream(MaxInputSize), MaxInputSize, nil},
		{"stream too large", stream(MaxInputSize + 1), 0, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := readAllLimited(tt.r())
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if len(data) != tt.n {
				t.Errorf("read %d bytes, want %d", len(data), tt.n)
			}
		})
	}
}

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
