// Package shareddata finds, for tests and benchmarks, the evaluation data
// that sits beside the repository: the corpora and their ground truth
// never live in it. They are read from the folder named by
// $DATELINE_SHARED, or from ../shared beside the module.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared folder: $DATELINE_SHARED where it is set, or the
// folder shared beside the module that holds the working directory.
func Root() (string, error) {
	if root := os.Getenv("DATELINE_SHARED"); root != "" {
		return root, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// Path returns the path of parts under the shared folder, skipping the
// test, saying why, where it is absent.
func Path(tb testing.TB, parts ...string) string {
	tb.Helper()
	root, err := Root()
	if err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	p := filepath.Join(append([]string{root}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return p
}
