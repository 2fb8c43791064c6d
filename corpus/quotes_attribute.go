package corpus

// attribute gives each quotation of the sentence [s, e) to its nearest cue,
// continues the last speaker for a quotation that opens a sentence with no
// cue, and reports the statement of each cue left without a quotation.
func (x *extractor) attribute(s, e int) {
	para := x.toks[s].para
	var used uint64
	for i := s; i < e; i++ {
		t := &x.toks[i]
		if t.quote == 0 || x.spans[t.quote-1].open != i {
			continue
		}
		q := int(t.quote - 1)
		sp := &x.spans[q]
		best, bestD := -1, 1<<30
		for ci := range x.cues {
			c := &x.cues[ci]
			d := sp.open - c.tok
			if c.tok > sp.open {
				d = c.tok - sp.end
			}
			if d < bestD {
				best, bestD = ci, d
			}
		}
		switch {
		case best >= 0:
			x.emitDirect(q, &x.cues[best])
			if best < 64 {
				used |= 1 << best
			}
			x.setLast(&x.cues[best], para)
		case sp.open == s && x.last != nil && (sp.cont || x.lastPara >= para-1):
			x.emitDirect(q, x.last)
			x.lastPara = para
		}
	}
	x.demoteContent(e)
	for ci := range x.cues {
		c := &x.cues[ci]
		if ci < 64 && used&(1<<ci) != 0 || x.sameSpeakerElsewhere(ci, used) {
			continue
		}
		rs, re := c.tok+1, e
		switch {
		case c.inverted:
			rs, re = s, c.tok
		case c.according:
			if c.tok > s+1 {
				rs, re = s, c.tok
			} else {
				rs = c.npEnd
				if x.punctIs(rs, ',') {
					rs++
					for rs < e && !x.punctIs(rs, ',') {
						rs++
					}
					if x.punctIs(rs, ',') && rs+1 < e {
						rs++
					} else {
						rs = c.npEnd + 1
					}
				}
			}
		default:
			if ci+1 < len(x.cues) && x.cues[ci+1].npStart > c.tok {
				re = x.cues[ci+1].npStart
			}
			if re-rs <= 1 && c.npStart > s {
				// "…, the joint report said.": the statement came first.
				rs, re = s, c.npStart
			}
		}
		x.emitReported(rs, re, c)
		x.setLast(c, para)
	}
}

// sameSpeakerElsewhere reports whether another cue of the sentence with the
// same speaker carries the statement: an earlier one, or one given a
// quotation ("Peskov, commenting on …, told reporters “…”").
func (x *extractor) sameSpeakerElsewhere(ci int, used uint64) bool {
	c := &x.cues[ci]
	for k := range x.cues {
		o := &x.cues[k]
		if k == ci || o.speaker != c.speaker || o.kind != c.kind {
			continue
		}
		if k < ci || k < 64 && used&(1<<k) != 0 {
			return true
		}
	}
	return false
}

func (x *extractor) setLast(c *cue, para int32) {
	x.lastCue = *c
	x.last = &x.lastCue
	x.lastPara = para
}

// demoteContent marks the people named after a person's cue in the
// sentence ending at e as no antecedents: in "Mr Balls suggested that Mr
// Brown would …. He said …" the "he" is the one who spoke.
func (x *extractor) demoteContent(e int) {
	from := -1
	for ci := range x.cues {
		if c := &x.cues[ci]; c.kind == KindPerson && !c.inverted && !c.according {
			from = c.tok
			break
		}
	}
	if from < 0 {
		return
	}
	for k := lastBefore(x.reg.mentions, from+1) + 1; k < len(x.reg.mentions) && x.reg.mentions[k].tok < e; k++ {
		x.reg.mentions[k].object = true
	}
}
