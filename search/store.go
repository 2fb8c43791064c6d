package search

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"dateline/corpus"
)

// storeFile is the name of the article store inside an index directory.
const storeFile = "articles.db"

// The store's buckets and meta keys.
var (
	bucketArticles = []byte("articles")
	bucketPending  = []byte("pending")
	bucketMeta     = []byte("meta")
	metaIndex      = []byte("index")
)

// store is the source of truth of an index: every article as it was
// given, before enrichment, in one bbolt file, keyed by id. The bleve index
// beside it can be built again from it at any time (see Rebuild).
//
// An article is kept as its JSON compressed with DEFLATE with a preset
// dictionary (store_dict.go, storeLevel), behind a one-byte tag naming the
// codec. On Reuters-21578 DEFLATE alone took the articles' JSON from 21.3
// MB to 13.0 MB, where snappy left 17.8, and the dictionary to 11.4 MB
// (10.75 MB, of 21.7 MB of JSON today, at storeLevel);
// it costs about a twentieth of the time indexing an article takes, and
// reading back (a Get, a rebuild) is faster still. A bulk load defers it
// to its compaction (raw). Pages are filled to
// storeFill, not bbolt's half, for the same reason: size.
//
// The pending bucket makes the store and the index agree after a crash:
// a write records its ids there in the same transaction that writes the
// articles, and they are cleared by the next write once the index holds
// them. Opening an index applies whatever is still pending.
type store struct {
	db *bolt.DB
	// raw has articles written as frames left uncompressed (codecFrame)
	// until compact compresses them. A bulk load (OpenForLoad) keeps
	// every core busy, then ends with a compaction that runs beside the
	// bleve merge, on the core the merge leaves idle: compressing there
	// takes the compression off the load (on Reuters-21578, 0.7 s of
	// processor time).
	raw bool
}

// openStore opens or creates the store at path. It fails with ErrLocked
// where another process holds it.
func openStore(path string, create bool) (*store, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{Timeout: lockWait})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, ErrLocked
		}
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketArticles, bucketPending, bucketMeta} {
			if tx.Bucket(b) != nil {
				continue
			}
			if !create {
				return fmt.Errorf("bucket %s is missing: not a Dateline article store", b)
			}
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	return &store{db: db}, nil
}

func (s *store) close() error { return s.db.Close() }

// write puts the articles and deletes the ids in one durable transaction,
// marks them pending, and clears settled: ids an earlier write made
// pending that the index now holds.
func (s *store) write(puts []corpus.Article, deletes, settled []string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		arts, pend := tx.Bucket(bucketArticles), tx.Bucket(bucketPending)
		arts.FillPercent = storeFill
		for _, id := range settled {
			if err := pend.Delete([]byte(id)); err != nil {
				return err
			}
		}
		for i := range puts {
			encode := encodeArticle
			if s.raw {
				encode = frameArticle
			}
			data, err := encode(&puts[i])
			if err != nil {
				return err
			}
			if err := arts.Put([]byte(puts[i].ID), data); err != nil {
				return fmt.Errorf("storing article %s: %w", puts[i].ID, err)
			}
			if err := pend.Put([]byte(puts[i].ID), nil); err != nil {
				return err
			}
		}
		for _, id := range deletes {
			if err := arts.Delete([]byte(id)); err != nil {
				return err
			}
			if err := pend.Put([]byte(id), nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// get returns the stored article with the given id; ok is false where
// there is none.
func (s *store) get(id string) (a corpus.Article, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketArticles).Get([]byte(id))
		if data == nil {
			return nil
		}
		ok = true
		a, err = decodeArticle(data)
		return err
	})
	return a, ok, err
}

// pending returns the ids written to the store that the index may not
// hold yet.
func (s *store) pending() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPending).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	return ids, err
}

// count returns the number of stored articles.
func (s *store) count() (int, error) {
	var n int
	err := s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(bucketArticles).Stats().KeyN
		return nil
	})
	return n, err
}

// scan returns up to n stored articles whose ids sort after the id after,
// in id order. Reading in short transactions rather than one long one lets
// writes go on during a rebuild: a long read transaction would hold bbolt's
// memory map and stall a write that grows the file.
func (s *store) scan(after string, n int) ([]corpus.Article, error) {
	var out []corpus.Article
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketArticles).Cursor()
		k, v := c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
		for ; k != nil && len(out) < n; k, v = c.Next() {
			a, err := decodeArticle(v)
			if err != nil {
				return fmt.Errorf("article %s: %w", k, err)
			}
			out = append(out, a)
		}
		return nil
	})
	return out, err
}

// meta returns a meta value, or "" where it is not set.
func (s *store) meta(key []byte) (string, error) {
	var v string
	err := s.db.View(func(tx *bolt.Tx) error {
		v = string(tx.Bucket(bucketMeta).Get(key))
		return nil
	})
	return v, err
}

// setMeta sets a meta value, durably.
func (s *store) setMeta(key []byte, value string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(key, []byte(value))
	})
}

// The codec tags of stored articles, all read: DEFLATE of the article's
// JSON alone (stores written before the dictionary), DEFLATE of its JSON
// with storeDict as the preset dictionary (stores written before the
// frame), and DEFLATE with storeDict of a frame (encodeArticle), which
// every write now uses.
const (
	codecFlate     = 'f'
	codecFlateDict = 'd'
	codecFramed    = 'b'
	// codecFrame is a frame left uncompressed (store.raw), which compact
	// compresses (codecFramed).
	codecFrame = 'r'
)

// storeFill is how full bbolt fills the article pages it splits: ids
// arrive in no order, and the default of half full left Reuters-21578's
// store at twice the size of its articles.
const storeFill = 0.9

// storeLevel is the DEFLATE level of stored articles. The compressor is
// klauspost/compress's, whose output any DEFLATE reader reads. On
// Reuters-21578's 21.7 MB of JSON, with storeDict, its level 5 gives
// 10.75 MB in 0.67 s, level 2 11.36 MB in 0.57 s and level 9 10.63 MB in
// 1.04 s; the standard library's level 6 gives 10.69 MB in 1.03 s, and
// its level 1 (which ignores a preset dictionary) 13.2 MB.
const storeLevel = 5

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriterDict(nil, storeLevel, storeDict)
	return w
}}

// encodeArticle returns an article as stored: its frame (appendFrame),
// compressed. A frame leads with what a hit shows, the title, URL,
// publication time and body, and ends with the JSON of the rest of the
// article, each as its length and its bytes: a page of hits reads the
// four without decoding JSON, which took three fifths of reading them
// (Reuters-21578, ten hits: 71 µs of JSON against 47 of inflating). The
// frames compress 2% worse than the JSON did (10.96 MB against 10.74).
func encodeArticle(a *corpus.Article) ([]byte, error) {
	frame, err := appendFrame(nil, a)
	if err != nil {
		return nil, err
	}
	return compressFrame(frame, a.ID)
}

// frameArticle returns an article as a bulk load stores it: its frame,
// uncompressed (codecFrame).
func frameArticle(a *corpus.Article) ([]byte, error) {
	return appendFrame([]byte{codecFrame}, a)
}

// compressStored returns a stored article compressed: a frame left
// uncompressed (codecFrame) as encodeArticle stores it, any other as it is.
func compressStored(id, data []byte) ([]byte, error) {
	if len(data) == 0 || data[0] != codecFrame {
		return data, nil
	}
	return compressFrame(data[1:], string(id))
}

// compressFrame returns a frame compressed (codecFramed).
func compressFrame(frame []byte, id string) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(frame)/2 + 16)
	buf.WriteByte(codecFramed)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(frame); err != nil {
		return nil, fmt.Errorf("compressing article %s: %w", id, err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("compressing article %s: %w", id, err)
	}
	return buf.Bytes(), nil
}

// appendFrame appends the frame of an article to dst.
func appendFrame(dst []byte, a *corpus.Article) ([]byte, error) {
	rest := *a
	rest.Title, rest.URL, rest.Body, rest.Published = "", "", "", time.Time{}
	data, err := json.Marshal(&rest)
	if err != nil {
		return nil, fmt.Errorf("encoding article %s: %w", a.ID, err)
	}
	published := ""
	if !a.Published.IsZero() {
		published = a.Published.UTC().Format(time.RFC3339Nano)
	}
	for _, f := range [frameFields]string{a.Title, a.URL, published, a.Body} {
		dst = binary.AppendUvarint(dst, uint64(len(f)))
		dst = append(dst, f...)
	}
	dst = binary.AppendUvarint(dst, uint64(len(data)))
	return append(dst, data...), nil
}

// frameFields is how many fields lead a frame.
const frameFields = 4

// readFrame returns what a hit shows of an inflated frame (its title,
// URL, publication time and body) and the JSON of the rest of the article.
func readFrame(frame []byte) (h storedHit, rest []byte, err error) {
	next := func() ([]byte, error) {
		n, k := binary.Uvarint(frame)
		if k <= 0 || n > uint64(len(frame)-k) {
			return nil, errors.New("stored article is cut short")
		}
		b := frame[k : k+int(n)]
		frame = frame[k+int(n):]
		return b, nil
	}
	var fields [frameFields][]byte
	for i := range fields {
		if fields[i], err = next(); err != nil {
			return h, nil, err
		}
	}
	if rest, err = next(); err != nil {
		return h, nil, err
	}
	if published := fields[2]; len(published) > 0 {
		t, err := time.Parse(time.RFC3339Nano, string(published))
		if err != nil {
			return h, nil, fmt.Errorf("stored article's publication time: %w", err)
		}
		h.Published = t.UTC()
	}
	h.Title, h.URL, h.Body = string(fields[0]), string(fields[1]), string(fields[3])
	return h, rest, nil
}

// articleReader returns a reader of a compressed stored article, inflated:
// its JSON or its frame, by its codec tag. An uncompressed frame
// (codecFrame) needs none.
func articleReader(data []byte) (io.ReadCloser, error) {
	if len(data) == 0 {
		return nil, errors.New("stored article is empty")
	}
	switch data[0] {
	case codecFlateDict, codecFramed:
		return flate.NewReaderDict(bytes.NewReader(data[1:]), storeDict), nil
	case codecFlate:
		return flate.NewReader(bytes.NewReader(data[1:])), nil
	}
	return nil, fmt.Errorf("stored article in an unknown encoding (tag %q)", data[0])
}

func decodeArticle(data []byte) (corpus.Article, error) {
	var a corpus.Article
	if len(data) > 0 && data[0] == codecFrame {
		return decodeFrame(data[1:])
	}
	r, err := articleReader(data)
	if err != nil {
		return a, err
	}
	raw, err := io.ReadAll(r)
	if err != nil {
		return a, fmt.Errorf("decompressing stored article: %w", err)
	}
	if data[0] == codecFramed {
		return decodeFrame(raw)
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, fmt.Errorf("decoding stored article: %w", err)
	}
	if !a.Published.IsZero() {
		a.Published = a.Published.UTC()
	}
	return a, nil
}

// decodeFrame returns the article of an inflated frame.
func decodeFrame(frame []byte) (corpus.Article, error) {
	var a corpus.Article
	h, rest, err := readFrame(frame)
	if err != nil {
		return a, err
	}
	if err := json.Unmarshal(rest, &a); err != nil {
		return a, fmt.Errorf("decoding stored article: %w", err)
	}
	a.Title, a.URL, a.Published, a.Body = h.Title, h.URL, h.Published, h.Body
	return a, nil
}

// lockWait is how long opening an index waits for another process to let
// go of it: long enough to ride out a process that is just closing, short
// enough that a user learns at once that a running searchd holds it.
const lockWait = 2 * time.Second

// Each calls fn with every stored article, as it was given, in id order,
// until fn returns an error, which Each returns. Writes may go on
// meanwhile; an article written during the walk may or may not be seen.
func (x *Index) Each(fn func(a corpus.Article) error) error {
	for after := ""; ; {
		arts, err := x.st.scan(after, rebuildBatch)
		if err != nil {
			return fmt.Errorf("reading the store: %w", err)
		}
		if len(arts) == 0 {
			return nil
		}
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
		after = arts[len(arts)-1].ID
	}
}
