package search

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/search"
	"github.com/klauspost/compress/flate"
	bolt "go.etcd.io/bbolt"
)

// Reading what a page of hits shows of its articles, with no garbage but
// the texts.
//
// A stored article is DEFLATE-compressed (store.go). Inflating it with
// a new flate reader allocates the reader's 32 KB window, and a
// json.Decoder its own buffer: 150 KB per page of ten hits, 38% of all a
// search allocated on Reuters-21578, and so much of the garbage collector's
// work at hundreds of searches a second. The readers and the inflated text
// are therefore reused, from pools. The reader is klauspost/compress's,
// as the store's writer is: it inflates a page of ten Reuters hits in 126
// µs where the standard library's took 151 (BenchmarkHitRecords).

// inflater is a flate reader and the buffer it inflates into, reused.
type inflater struct {
	src bytes.Reader
	r   io.ReadCloser
	buf bytes.Buffer
}

var inflaters = sync.Pool{New: func() any {
	z := &inflater{}
	z.r = flate.NewReader(&z.src)
	return z
}}

// maxPooledText is the largest inflated text whose buffer goes back to
// the pool: an outsized article's buffer is left to the collector rather
// than kept for every later search.
const maxPooledText = 256 << 10

// inflate returns the inflated data, valid until z is used again.
func (z *inflater) inflate(data, dict []byte) ([]byte, error) {
	z.src.Reset(data)
	if err := z.r.(flate.Resetter).Reset(&z.src, dict); err != nil {
		return nil, err
	}
	z.buf.Reset()
	if _, err := z.buf.ReadFrom(z.r); err != nil {
		return nil, err
	}
	return z.buf.Bytes(), nil
}

func (z *inflater) release() {
	if z.buf.Cap() > maxPooledText {
		z.buf = bytes.Buffer{}
	}
	z.src.Reset(nil)
	inflaters.Put(z)
}

// storedHit is what a hit shows that the article store holds: the
// article's title, URL, date and body, as given. Enrichment changes none of
// them, so the bleve index need not keep them too.
type storedHit struct {
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"published"`
	Body      string    `json:"body"`
}

// hitIDs returns the ids of hits, in order.
func hitIDs(hits search.DocumentMatchCollection) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// hitRecords returns the stored title, URL, date and body of the articles
// with the given ids, by id, read in one transaction; an id the store
// lacks is left out. It reads as the store reads one article
// (decodeArticle), with pooled buffers and inflaters; the tests hold the
// plain version it must equal.
func (x *Index) hitRecords(ids []string) (map[string]storedHit, error) {
	out := make(map[string]storedHit, len(ids))
	z := inflaters.Get().(*inflater)
	defer z.release()
	err := x.st.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketArticles)
		for _, id := range ids {
			data := b.Get([]byte(id))
			if data == nil {
				continue
			}
			h, err := z.record(data)
			if err != nil {
				return fmt.Errorf("article %s: %w", id, err)
			}
			out[id] = h
		}
		return nil
	})
	return out, err
}

// record returns what a hit shows of a stored article, decoding no other
// field.
func (z *inflater) record(data []byte) (storedHit, error) {
	var h storedHit
	var dict []byte
	switch {
	case len(data) == 0:
		return h, errors.New("stored article is empty")
	case data[0] == codecFrame:
		h, _, err := readFrame(data[1:])
		return h, err
	case data[0] == codecFlateDict, data[0] == codecFramed:
		dict = storeDict
	case data[0] != codecFlate:
		return h, fmt.Errorf("stored article in an unknown encoding (tag %q)", data[0])
	}
	raw, err := z.inflate(data[1:], dict)
	if err != nil {
		return h, fmt.Errorf("decompressing stored article: %w", err)
	}
	if data[0] == codecFramed {
		h, _, err := readFrame(raw)
		return h, err
	}
	if err := json.Unmarshal(raw, &h); err != nil {
		return h, fmt.Errorf("decoding stored article: %w", err)
	}
	h.Published = h.Published.UTC() // the zero time stays zero
	return h, nil
}
