package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dateline/corpus"
)

// Files go to searchd in requests of at most pushMaxFiles files and about
// pushMaxBytes bytes: each request is one acknowledgement, so a failure
// costs at most one request's worth, and the progress shown moves steadily.
const (
	pushMaxFiles = 50
	pushMaxBytes = 8 << 20
)

// pushAnswer is searchd's answer to a multipart POST /api/articles.
type pushAnswer struct {
	Written int `json:"written"`
	Files   []struct {
		Name     string `json:"name"`
		Articles int    `json:"articles"`
		Error    string `json:"error"`
	} `json:"files"`
}

// push sends the files under the paths to a running searchd, which reads
// them as the indexer would, so the articles get the same ids either way.
func push(ctx context.Context, cfg config, stderr io.Writer) error {
	endpoint, err := articlesURL(cfg.push)
	if err != nil {
		return fmt.Errorf("%w: -push: %v", errUsage, err)
	}
	files, err := corpus.Files(cfg.paths)
	if err != nil {
		return err
	}
	prog := newProgress(stderr, files)
	start := time.Now()
	var written, failed int
	for _, group := range groupFiles(files) {
		ans, err := pushFiles(ctx, endpoint, cfg.token, group)
		if err != nil {
			return fmt.Errorf("after %d articles: %w", written, err)
		}
		written += ans.Written
		for i, f := range ans.Files {
			if f.Error != "" {
				failed++
				prog.fileFailed(group[i].path, errors.New(f.Error))
			}
			prog.fileDone(group[i].size, f.Articles)
		}
	}
	elapsed := time.Since(start)
	prog.finish(fmt.Sprintf("pushed %d articles from %d files to %s in %s (%.0f articles/s)",
		written, len(files), endpoint, elapsed.Round(time.Millisecond), float64(written)/elapsed.Seconds()))
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be read in full (named above); everything else was indexed", failed, len(files))
	}
	return nil
}

// articlesURL turns what -push was given (http://HOST:PORT, with or
// without the API path) into the address of POST /api/articles.
func articlesURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http(s)://HOST:PORT address", s)
	}
	if !strings.HasSuffix(u.Path, "/api/articles") {
		u.Path = strings.TrimSuffix(u.Path, "/") + "/api/articles"
	}
	return u.String(), nil
}

type pushFile struct {
	path string
	size int64
}

// groupFiles splits the files into requests.
func groupFiles(files []string) [][]pushFile {
	var groups [][]pushFile
	var cur []pushFile
	var bytes int64
	for _, f := range files {
		pf := pushFile{path: f}
		if info, err := os.Stat(f); err == nil {
			pf.size = info.Size()
		}
		if len(cur) > 0 && (len(cur) >= pushMaxFiles || bytes+pf.size > pushMaxBytes) {
			groups = append(groups, cur)
			cur, bytes = nil, 0
		}
		cur = append(cur, pf)
		bytes += pf.size
	}
	if len(cur) > 0 {
		groups = append(groups, cur)
	}
	return groups
}

// pushFiles sends one group of files as a multipart form, streamed from
// disk, and returns searchd's answer once it has made them durable.
func pushFiles(ctx context.Context, endpoint, token string, group []pushFile) (*pushAnswer, error) {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		pw.CloseWithError(writeForm(mw, group))
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, pr)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("sending to searchd: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return nil, fmt.Errorf("reading searchd's answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		msg := strings.TrimSpace(string(body))
		if json.Unmarshal(body, &e) == nil && e.Error.Message != "" {
			msg = e.Error.Message
		}
		hint := ""
		if resp.StatusCode == http.StatusUnauthorized {
			hint = " (give searchd's write token with -token TOKEN or DATELINE_WRITE_TOKEN)"
		}
		return nil, fmt.Errorf("searchd answered %s: %s%s", resp.Status, msg, hint)
	}
	var ans pushAnswer
	if err := json.Unmarshal(body, &ans); err != nil {
		return nil, fmt.Errorf("reading searchd's answer: %w", err)
	}
	if len(ans.Files) != len(group) {
		return nil, fmt.Errorf("searchd answered for %d files of %d sent", len(ans.Files), len(group))
	}
	return &ans, nil
}

func writeForm(mw *multipart.Writer, group []pushFile) error {
	for _, f := range group {
		if err := copyFile(mw, f.path); err != nil {
			return err
		}
	}
	return mw.Close()
}

func copyFile(mw *multipart.Writer, path string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	w, err := mw.CreateFormFile("file", filepath.Base(path))
	if err != nil {
		return err
	}
	_, err = io.Copy(w, in)
	return err
}
