package analyzers

import "github.com/blevesearch/bleve/v2/analysis"

// insertion is a token to put into a stream before the token at index at.
type insertion struct {
	at  int
	tok *analysis.Token
}

// insertTokens returns ts with each insertion's token before the token at
// its index; ins is in ascending order of index. Where ts has room
// enough, as splitWords leaves it, the tokens move up within it, so that
// a stream of ten thousand tokens is not copied for a few joined words or
// place names; otherwise the stream is copied. Like append, it may write
// past len(ts) within its capacity.
func insertTokens(ts analysis.TokenStream, ins []insertion) analysis.TokenStream {
	if len(ins) == 0 {
		return ts
	}
	n := len(ts) + len(ins)
	if n > cap(ts) {
		out := make(analysis.TokenStream, 0, n+n/16)
		from := 0
		for _, in := range ins {
			out = append(out, ts[from:in.at]...)
			out = append(out, in.tok)
			from = in.at
		}
		return append(out, ts[from:]...)
	}
	out := ts[:n]
	src, dst := len(ts)-1, n-1
	for k := len(ins) - 1; k >= 0; k-- {
		for src >= ins[k].at {
			out[dst] = ts[src]
			dst--
			src--
		}
		out[dst] = ins[k].tok
		dst--
	}
	return out
}
