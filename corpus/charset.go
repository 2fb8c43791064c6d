package corpus

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes a page into valid UTF-8, whatever it was written in.
//
// The order of trust is: a byte-order mark; then the bytes themselves when
// they are valid UTF-8 (a page that declares Latin-1 or Windows-1252 but is
// valid UTF-8 with non-ASCII letters was mislabelled: real Windows-1252 text
// is almost never valid UTF-8); then the charset the page declares in a
// <meta> tag; then, for undeclared bytes that are not UTF-8, Windows-1252,
// which is what browsers assume. Bytes a page declares as UTF-8 but that
// are not are replaced by U+FFFD, unless no multi-byte UTF-8 sequence is
// valid at all, which means the page is really in Windows-1252.
func toUTF8(data []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		return repairUTF8(data[3:]), nil
	case bytes.HasPrefix(data, []byte("\xFF\xFE")), bytes.HasPrefix(data, []byte("\xFE\xFF")):
		// UTF-16 with its mark: DetermineEncoding reads the mark.
		return decodeWith(data)
	case utf8.Valid(data):
		return data, nil
	}
	_, name, certain := charset.DetermineEncoding(data, "text/html")
	if name != "utf-8" && certain {
		return decodeWith(data)
	}
	if name == "utf-8" && hasValidMultibyte(data) {
		return repairUTF8(data), nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decoding windows-1252: %w", err)
	}
	return out, nil
}

// decodeWith decodes data in the charset DetermineEncoding finds for it.
func decodeWith(data []byte) ([]byte, error) {
	enc, name, _ := charset.DetermineEncoding(data, "text/html")
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", name, err)
	}
	return repairUTF8(out), nil
}

// repairUTF8 replaces each invalid byte sequence with U+FFFD.
func repairUTF8(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}

// hasValidMultibyte reports whether data holds at least one valid UTF-8
// sequence of more than one byte.
func hasValidMultibyte(data []byte) bool {
	for len(data) > 0 {
		i := 0
		for i < len(data) && data[i] < utf8.RuneSelf {
			i++
		}
		data = data[i:]
		if len(data) == 0 {
			return false
		}
		r, size := utf8.DecodeRune(data)
		if r != utf8.RuneError || size > 1 {
			return true
		}
		data = data[size:]
	}
	return false
}
