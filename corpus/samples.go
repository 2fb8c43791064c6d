package corpus

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
)

// samples is the bundled demo corpus: original short news articles written
// for Dateline as web pages, with fictional speakers and real places, so
// that a new index shows every facet at work.
//
//go:embed samples/*.html
var samples embed.FS

// Samples reads the bundled demo corpus, enriched as every reader's
// articles are.
func Samples() ([]Article, error) {
	names, err := fs.Glob(samples, "samples/*.html")
	if err != nil {
		return nil, err
	}
	arts := make([]Article, 0, len(names))
	for _, name := range names {
		f, err := samples.Open(name)
		if err != nil {
			return nil, err
		}
		got, err := Read(f, path.Base(name), FormatHTML)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("sample %s: %w", name, err)
		}
		for i := range got {
			Enrich(&got[i])
		}
		arts = append(arts, got...)
	}
	return arts, nil
}
