package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"dateline/corpus"
	"dateline/search"
)

// writeAnswer is the answer to a write of one request's worth of
// articles: the ids written, and for files the articles each gave.
type writeAnswer struct {
	Written int          `json:"written"`
	IDs     []string     `json:"ids"`
	Files   []fileAnswer `json:"files,omitempty"`
	Failed  int          `json:"failed,omitempty"`
}

type fileAnswer struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
	Error    string `json:"error,omitempty"`
}

// handlePostArticles adds or replaces articles, by the body's type: one
// JSON article, JSON Lines (a stream, see handleBulk), a web page, or
// files as multipart form data. It answers once what it wrote is durable.
func (s *server) handlePostArticles(c echo.Context) error {
	ct, _, err := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil {
		ct = ""
	}
	switch ct {
	case "application/json":
		return s.postJSON(c)
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines":
		return s.handleBulk(c)
	case "text/html", "application/xhtml+xml":
		return s.postPage(c)
	case "multipart/form-data":
		return s.postFiles(c)
	}
	return echo.NewHTTPError(http.StatusUnsupportedMediaType,
		"send application/json (one article), application/x-ndjson (one article a line), text/html (a web page, ?url= names it) or multipart/form-data (files)")
}

// postJSON writes one JSON article. Without an id it gets its stable one
// (corpus.StableID): its URL, else a hash of its text.
func (s *server) postJSON(c echo.Context) error {
	data, err := readBody(c)
	if err != nil {
		return err
	}
	a, err := decodeAPIArticle(data)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, err.Error())
	}
	return s.writeArticles(c, []corpus.Article{a})
}

// postPage writes the article of a web page; ?url= is where it was
// published, used where the page names no canonical address.
func (s *server) postPage(c echo.Context) error {
	pageURL := c.QueryParam("url")
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return &search.ParamError{Param: "url", Message: "url must be an absolute http or https address"}
		}
	}
	data, err := readBody(c)
	if err != nil {
		return err
	}
	a, err := corpus.ParseHTML(data, pageURL)
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("reading the page: %v", err))
	}
	a.ID = corpus.StableID(&a)
	a.Source = pageURL
	return s.writeArticles(c, []corpus.Article{a})
}

// postFiles writes the articles of the files of a multipart form, each
// read by the format its name names, as the indexer reads files; a file
// that cannot be read is reported in the answer and the others written.
func (s *server) postFiles(c echo.Context) error {
	mr, err := c.Request().MultipartReader()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("reading the form: %v", err))
	}
	t := s.tasks.start("upload")
	out, err := s.writeParts(c, mr, t)
	t.finish(err)
	if err != nil {
		return err
	}
	if out.Written == 0 && out.Failed == len(out.Files) {
		// Nothing could be read: the answer is the files' error, 413 where
		// one of them was past its limit.
		status, msgs := http.StatusBadRequest, make([]string, 0, len(out.Files))
		for _, f := range out.Files {
			msgs = append(msgs, f.Name+": "+f.Error)
			if strings.Contains(f.Error, corpus.ErrTooLarge.Error()) {
				status = http.StatusRequestEntityTooLarge
			}
		}
		return echo.NewHTTPError(status, "no article could be read: "+strings.Join(msgs, "; "))
	}
	return c.JSON(http.StatusOK, out)
}

// writeParts writes the files of a form one by one, reporting each on t.
func (s *server) writeParts(c echo.Context, mr *multipart.Reader, t *task) (writeAnswer, error) {
	out := writeAnswer{IDs: []string{}}
	for {
		s.extendDeadlines(c)
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return out, echo.NewHTTPError(http.StatusBadRequest, fmt.Sprintf("reading the form: %v", err))
		}
		name := part.FileName()
		if name == "" {
			part.Close()
			continue
		}
		arts, rerr := readPart(part, name)
		part.Close()
		fa := fileAnswer{Name: name, Articles: len(arts)}
		if rerr != nil {
			fa.Error = rerr.Error()
			out.Failed++
		}
		if len(arts) > 0 {
			if err := s.index.Put(arts); err != nil {
				return out, err
			}
			for _, a := range arts {
				out.IDs = append(out.IDs, a.ID)
			}
			out.Written += len(arts)
		}
		out.Files = append(out.Files, fa)
		t.update(out.Written, 0, out.Failed)
	}
	if len(out.Files) == 0 {
		return out, echo.NewHTTPError(http.StatusBadRequest, "the form holds no file")
	}
	return out, nil
}

// extendDeadlines gives a long write (many files, a bulk stream) another
// round of the server's read and write timeouts. Those bound a whole
// request, which a body of any size may outlast; renewed at each file or
// batch, they still end a client that stalls.
func (s *server) extendDeadlines(c echo.Context) {
	rc := http.NewResponseController(c.Response())
	rc.SetReadDeadline(deadline(s.cfg.ReadTimeout))
	rc.SetWriteDeadline(deadline(s.cfg.WriteTimeout))
}

// deadline is d from now, or no deadline (the zero time) where d is not
// positive, as http.Server reads its timeouts.
func deadline(d time.Duration) time.Time {
	if d <= 0 {
		return time.Time{}
	}
	return time.Now().Add(d)
}

// readPart reads the articles of one uploaded file.
func readPart(r io.Reader, name string) ([]corpus.Article, error) {
	base := path.Base(name)
	format, gzipped := corpus.FormatOf(base)
	if format == corpus.FormatUnknown {
		return nil, fmt.Errorf("%w: %s (want .html, .htm, .html.gz, .sgm, .jsonl, .ndjson or .txt)", corpus.ErrFormat, base)
	}
	if gzipped {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	return corpus.Read(r, name, format)
}

// writeArticles writes articles and answers with their ids.
func (s *server) writeArticles(c echo.Context, arts []corpus.Article) error {
	if err := s.index.Put(arts); err != nil {
		return err
	}
	out := writeAnswer{Written: len(arts), IDs: make([]string, len(arts))}
	for i := range arts {
		out.IDs[i] = arts[i].ID
	}
	return c.JSON(http.StatusOK, out)
}

// handleDeleteArticle removes one article: 404 where none has the id.
func (s *server) handleDeleteArticle(c echo.Context) error {
	id := articleID(c)
	ok, err := s.index.Has(id)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("deleting %s: %w", id, search.ErrNotFound)
	}
	if err := s.index.Delete(id); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string][]string{"deleted": {id}})
}

// articleID is the {id} of the path, unescaped: ids that are URLs arrive
// with their slashes escaped, and the router matches the raw path.
func articleID(c echo.Context) string {
	id := c.Param("id")
	if u, err := url.PathUnescape(id); err == nil {
		return u
	}
	return id
}

// readBody reads a one-article body, refusing more than a page may hold:
// at once where the request declares its length, else once the limit is
// read.
func readBody(c echo.Context) ([]byte, error) {
	tooLarge := echo.NewHTTPError(http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes; send many articles as JSON Lines", corpus.MaxInputSize))
	if c.Request().ContentLength > corpus.MaxInputSize {
		return nil, tooLarge
	}
	var buf bytes.Buffer
	if n := c.Request().ContentLength; n > 0 {
		buf.Grow(int(n))
	}
	if _, err := buf.ReadFrom(io.LimitReader(c.Request().Body, corpus.MaxInputSize+1)); err != nil {
		return nil, fmt.Errorf("reading the request: %w", err)
	}
	if buf.Len() > corpus.MaxInputSize {
		return nil, tooLarge
	}
	return buf.Bytes(), nil
}

// decodeAPIArticle reads one JSON article as a .jsonl line is read, but
// an article without an id is given its stable one.
func decodeAPIArticle(data []byte) (corpus.Article, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return corpus.Article{}, fmt.Errorf("decoding article: %w", err)
	}
	var id string
	if raw, ok := fields["id"]; ok {
		json.Unmarshal(raw, &id)
	}
	if id != "" {
		return corpus.DecodeJSON(data)
	}
	// DecodeJSON wants an id; a placeholder stands in until the text
	// is read and the stable id can be computed.
	fields["id"] = json.RawMessage(`"(without id)"`)
	withID, err := json.Marshal(fields)
	if err != nil {
		return corpus.Article{}, fmt.Errorf("decoding article: %w", err)
	}
	a, err := corpus.DecodeJSON(withID)
	if err != nil {
		return corpus.Article{}, err
	}
	a.ID = corpus.StableID(&a)
	return a, nil
}
