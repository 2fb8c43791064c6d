package main

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"runtime"
	"runtime/debug"
	rtmetrics "runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// searchd's memory: a soft limit on the Go heap.
//
// Most of what searchd holds is there before the first search: the index's
// dictionaries and facet tables, and what the analysis and extraction
// packages build (date-parsing rules, the name variants, the place
// spellings; the gazetteer itself only once an article is added). Each
// search leaves garbage behind, under two hundred kilobytes, and the
// garbage collector lets the heap grow to twice what was live before
// collecting, with more in flight under load. A soft limit makes the
// collector run before the heap doubles; "auto", the default, sets it
// once the index is open to what the process then holds plus half of it,
// at least autoHeadroom, and raises it as the process comes to hold more
// (followHeld). The limit is soft: a heap that truly needs more gets it,
// and the collector never takes more than about half the CPU.
//
// In the shared harness (Reuters-21578, eight concurrent searches), three
// runs each way, auto (with 48 MiB of room then) held peak resident memory
// at 169 to 172 MB where off reached 181 to 186, and answered 983 to 1,350
// searches a second where off answered 964 to 1,219: the machine's noise,
// no cost to see. With autoHeadroom's 80 MiB it peaks at 176 MB.

// autoHeadroom is the least room "auto" leaves for searches' garbage above
// what the process holds once its index is open: some four hundred
// searches' worth, so that the collector runs two or three times a second
// at full load. Each collection marks for some 45 ms on this 2-core
// machine, slowing the searches in flight, so how often it runs shows in
// the slowest searches: in the shared harness (Reuters-21578, which holds
// 58 MiB), alternate runs with the limit at 140 MiB (this headroom) and at
// 106 MiB (48 MiB of headroom) gave p99 at eight concurrent searches of
// 26.0 and 23.0 ms against 29.4 and 25.7 ms, p95 15.3 and 14.7 against
// 16.4 and 16.5, for a peak resident memory of 176 MB against 163.
const autoHeadroom = 80 << 20

// memoryLimit is the value of -memory-limit: auto, off, or a size.
type memoryLimit struct {
	auto  bool
	bytes int64 // 0 for off
}

func (m memoryLimit) String() string {
	switch {
	case m.auto:
		return "auto"
	case m.bytes == 0:
		return "off"
	}
	return strconv.FormatInt(m.bytes>>20, 10) + "MiB"
}

// sizeUnits are the suffixes a size may carry, longest first so that
// "MiB" is not read as "B".
var sizeUnits = []struct {
	suffix string
	bytes  int64
}{
	{"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10},
	{"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"B", 1},
}

// Set parses auto, off (or 0), or a whole number of bytes with an optional
// unit: 160MiB, 1GiB, 200MB.
func (m *memoryLimit) Set(s string) error {
	switch s = strings.TrimSpace(s); s {
	case "auto":
		*m = memoryLimit{auto: true}
		return nil
	case "off", "0":
		*m = memoryLimit{}
		return nil
	}
	num, unit := s, int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(s, u.suffix) {
			num, unit = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.bytes
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/unit {
		return fmt.Errorf("want auto, off or a size such as 160MiB, not %q", s)
	}
	*m = memoryLimit{bytes: n * unit}
	return nil
}

// apply sets the process's soft memory limit and logs it. A GOMEMLIMIT
// in the environment wins over auto, as the Go runtime documents it. Under
// auto the limit then follows what the process holds as its index grows
// (followHeld), until ctx is done.
func (m memoryLimit) apply(ctx context.Context, getenv func(string) string, log *slog.Logger) {
	switch {
	case m.auto && getenv("GOMEMLIMIT") != "":
		log.Info("memory limit from GOMEMLIMIT", slog.String("limit", getenv("GOMEMLIMIT")))
		return
	case m.auto:
		held := heldMemory()
		limit := autoLimit(held)
		debug.SetMemoryLimit(limit)
		log.Info("memory limit", slog.Int64("limit_mib", limit>>20), slog.Int64("held_mib", held>>20))
		go followHeld(ctx, limit, followInterval, log)
	case m.bytes > 0:
		debug.SetMemoryLimit(m.bytes)
		log.Info("memory limit", slog.Int64("limit_mib", m.bytes>>20))
	}
}

// autoLimit is the limit auto sets for what the process holds.
func autoLimit(held int64) int64 { return held + max(autoHeadroom, held/2) }

// followInterval is how often auto looks again at what the process holds.
const followInterval = 10 * time.Second

// followHeld raises the limit auto set when the process comes to hold
// more, as articles are added to its index: a limit fixed at startup would
// leave an index grown to twice its size too little room, and the
// collector would run almost without pause. It reads what the last
// collection found live, without collecting, and never lowers the limit.
func followHeld(ctx context.Context, limit int64, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if next := autoLimit(liveMemory()); next > limit {
			limit = next
			debug.SetMemoryLimit(limit)
			log.Info("memory limit raised", slog.Int64("limit_mib", limit>>20))
		}
	}
}

// liveMemory is heldMemory as of the last collection, without one: the
// memory the runtime maps, less what it gave back, its free heap and the
// heap objects the last collection did not find live (none right after
// one).
func liveMemory() int64 {
	s := []rtmetrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	rtmetrics.Read(s)
	garbage := int64(s[3].Value.Uint64()) - int64(s[4].Value.Uint64())
	return int64(s[0].Value.Uint64()-s[1].Value.Uint64()-s[2].Value.Uint64()) - max(garbage, 0)
}

// heldMemory collects garbage and returns the memory the Go runtime then
// needs, counted as the memory limit counts it (all it maps, less what it
// has given back to the system) and less the heap it has just freed, which
// it keeps mapped for a while but would give back under the limit.
func heldMemory() int64 {
	runtime.GC()
	return liveMemory()
}
