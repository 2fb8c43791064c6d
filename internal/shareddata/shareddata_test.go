package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoot(t *testing.T) {
	t.Setenv("DATELINE_SHARED", "")
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	// The module's root is two folders up from this package.
	want, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared"))
	if root != want {
		t.Errorf("Root() = %q, want %q", root, want)
	}
	t.Setenv("DATELINE_SHARED", "/elsewhere")
	if root, _ := Root(); root != "/elsewhere" {
		t.Errorf("Root() with DATELINE_SHARED = %q, want /elsewhere", root)
	}
}

func TestPathSkipsWhereAbsent(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "data", "here"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DATELINE_SHARED", dir)
	if got := Path(t, "data", "here"); got != filepath.Join(dir, "data", "here") {
		t.Errorf("Path = %q", got)
	}
	skipped := true
	t.Run("absent", func(t *testing.T) {
		Path(t, "data", "missing")
		skipped = false
	})
	if !skipped {
		t.Error("Path of a missing folder did not skip")
	}
}
