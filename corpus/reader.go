package corpus

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxInputSize is the largest input one file or page may have once
// decompressed: 32 MiB holds the largest Reuters file eight times over and
// any real news page, while a decompression bomb stops here.
const MaxInputSize = 32 << 20

var (
	// ErrTooLarge is returned for input larger than MaxInputSize.
	ErrTooLarge = errors.New("input too large")
	// ErrEmpty is returned for input that holds no article.
	ErrEmpty = errors.New("no article in input")
	// ErrFormat is returned for a file whose name names no known format.
	ErrFormat = errors.New("unknown input format")
)

// Format is an input format.
type Format int

// The input formats, chosen by a file's name (see FormatOf).
const (
	FormatUnknown Format = iota
	FormatHTML           // .html, .htm, .html.gz: a web page holding one article
	FormatSGML           // .sgm: Reuters-21578 SGML
	FormatJSONL          // .jsonl, .ndjson: one JSON article a line
	FormatText           // .txt: first line the title, the rest the body
)

func (f Format) String() string {
	switch f {
	case FormatHTML:
		return "html"
	case FormatSGML:
		return "sgml"
	case FormatJSONL:
		return "jsonl"
	case FormatText:
		return "text"
	}
	return "unknown"
}

// FormatOf returns the format a file's name names, and whether the file is
// gzip-compressed.
func FormatOf(name string) (f Format, gzipped bool) {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".gz") {
		gzipped = true
		lower = strings.TrimSuffix(lower, ".gz")
	}
	switch filepath.Ext(lower) {
	case ".html", ".htm":
		return FormatHTML, gzipped
	case ".sgm", ".sgml":
		return FormatSGML, gzipped
	case ".jsonl", ".ndjson":
		return FormatJSONL, gzipped
	case ".txt":
		return FormatText, gzipped
	}
	return FormatUnknown, gzipped
}

// Files expands paths into the input files below them: a file is taken as
// it is, a directory is walked recursively for files of a known format.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return out, err
		}
		if !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if f, _ := FormatOf(d.Name()); f != FormatUnknown {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			return out, fmt.Errorf("walking %s: %w", p, err)
		}
	}
	return out, nil
}

// ReadFile reads the articles in the file at path. Where some records of a
// file are bad and others good, it returns the good articles together with
// an error naming the bad ones.
func ReadFile(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	format, gzipped := FormatOf(path)
	if format == FormatUnknown {
		return nil, fmt.Errorf("%w: %s (want .html, .htm, .html.gz, .sgm, .jsonl, .ndjson or .txt)", ErrFormat, filepath.Base(path))
	}
	var r io.Reader = f
	if gzipped {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	return Read(r, path, format)
}

// Read reads the articles of the given format from r. name is the file or
// address the input came from: it becomes each article's Source, and for
// one-article formats its base name is the article's ID.
func Read(r io.Reader, name string, format Format) ([]Article, error) {
	var arts []Article
	var err error
	switch format {
	case FormatHTML:
		var a Article
		a, err = readHTMLFile(r, name)
		if err == nil {
			arts = []Article{a}
		}
	case FormatText:
		var a Article
		a, err = readText(r, name)
		if err == nil {
			a.ID = baseID(name)
			arts = []Article{a}
		}
	case FormatSGML:
		arts, err = ReadSGML(r)
	case FormatJSONL:
		arts, err = ReadJSONL(r)
	default:
		return nil, fmt.Errorf("%w: %s", ErrFormat, name)
	}
	for i := range arts {
		if arts[i].Source == "" {
			arts[i].Source = name
		}
	}
	return arts, err
}

// baseID derives an article ID from a file name: its base name without the
// format's endings ("seeds/000_cf.txt" → "000_cf").
func baseID(name string) string {
	base := filepath.Base(name)
	for {
		ext := filepath.Ext(base)
		if ext == "" || len(ext) > 6 || ext == base {
			break
		}
		if f, _ := FormatOf(base); f == FormatUnknown && ext != ".gz" {
			break
		}
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// readAllLimited reads r to its end, refusing more than MaxInputSize bytes.
// A file is read into a buffer of its size, as os.ReadFile does, rather
// than one grown while reading, which cleared and copied each 1.3 MB
// Reuters file four times over.
func readAllLimited(r io.Reader) ([]byte, error) {
	size := 512
	if f, ok := r.(*os.File); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			size = int(min(info.Size(), MaxInputSize)) + 1
		}
	}
	data := make([]byte, 0, size)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if len(data) > MaxInputSize {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, MaxInputSize)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// normalizeText makes text safe to index: invalid UTF-8 repaired, NUL and
// other control characters but tab and newline removed, a byte-order mark
// dropped, line endings made "\n".
func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	clean := func(r rune) bool {
		return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f
	}
	if strings.IndexFunc(s, clean) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b bytes.Buffer
	b.Grow(len(s))
	for _, r := range s {
		if !clean(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
