package corpus

import (
	"bytes"
	"testing"
)

// BenchmarkDecodeGazetteer measures what every process pays once, on the
// first use of regions.
func BenchmarkDecodeGazetteer(b *testing.B) {
	for b.Loop() {
		if _, err := decodeGazetteer(bytes.NewReader(gazetteerData)); err != nil {
			b.Fatal(err)
		}
	}
}
