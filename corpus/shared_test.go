package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData returns the path of a folder or file under the shared data
// that sits beside the project (../shared/data), or $DATELINE_SHARED/data
// where that is set. It skips the test, saying why, where the data is
// absent: the quality figures need the real corpora, which never live in
// the repository.
func sharedData(tb testing.TB, parts ...string) string {
	tb.Helper()
	root := os.Getenv("DATELINE_SHARED")
	if root == "" {
		dir, err := os.Getwd()
		if err != nil {
			tb.Fatalf("Getwd: %v", err)
		}
		for {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				break
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				tb.Skip("shared data absent: no go.mod above the test's directory")
			}
			dir = parent
		}
		root = filepath.Join(dir, "..", "shared")
	}
	p := filepath.Join(append([]string{root, "data"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}
