package main

import (
	"context"
	"io"
	"log/slog"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestMemoryLimitSet(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    memoryLimit
		wantErr bool
	}{
		{name: "auto", in: "auto", want: memoryLimit{auto: true}},
		{name: "off", in: "off", want: memoryLimit{}},
		{name: "zero", in: "0", want: memoryLimit{}},
		{name: "mebibytes", in: "160MiB", want: memoryLimit{bytes: 160 << 20}},
		{name: "gibibytes", in: "1GiB", want: memoryLimit{bytes: 1 << 30}},
		{name: "megabytes", in: "200MB", want: memoryLimit{bytes: 200e6}},
		{name: "bytes", in: "1048576", want: memoryLimit{bytes: 1 << 20}},
		{name: "negative", in: "-5MiB", wantErr: true},
		{name: "no number", in: "MiB", wantErr: true},
		{name: "unknown unit", in: "5TB", wantErr: true},
		{name: "overflow", in: "9999999999999GiB", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got memoryLimit
			err := got.Set(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Set(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("Set(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestMemoryLimitApply(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	noEnv := func(string) string { return "" }

	memoryLimit{bytes: 300 << 20}.apply(t.Context(), noEnv, log)
	if got := debug.SetMemoryLimit(-1); got != 300<<20 {
		t.Errorf("apply(300MiB): limit %d, want %d", got, 300<<20)
	}
	memoryLimit{auto: true}.apply(t.Context(), noEnv, log)
	if got, held := debug.SetMemoryLimit(-1), heldMemory(); got < held+autoHeadroom-(16<<20) || got > 4*held+autoHeadroom {
		t.Errorf("apply(auto): limit %d MiB for %d MiB held", got>>20, held>>20)
	}
	debug.SetMemoryLimit(before)
	memoryLimit{auto: true}.apply(t.Context(), func(k string) string {
		if k == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}, log)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("apply(auto) with GOMEMLIMIT set: limit %d, want it left at %d", got, before)
	}
}

// TestFollowHeldRaisesLimit grows what the process holds by 256 MiB after
// auto set its limit: followHeld must raise the limit above the new
// amount, and must not lower it once the memory is let go.
func TestFollowHeldRaisesLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := autoLimit(heldMemory())
	debug.SetMemoryLimit(start)

	held := make([][]byte, 256)
	for i := range held {
		held[i] = make([]byte, 1<<20)
		held[i][0] = 1
	}
	runtime.GC()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { followHeld(ctx, start, 5*time.Millisecond, log); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for debug.SetMemoryLimit(-1) < start+256<<20 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	raised := debug.SetMemoryLimit(-1)
	if raised < start+256<<20 {
		t.Fatalf("limit %d MiB after the process came to hold 256 MiB more; it was %d MiB", raised>>20, start>>20)
	}
	runtime.KeepAlive(held)
	held = nil
	runtime.GC()
	time.Sleep(50 * time.Millisecond)
	if got := debug.SetMemoryLimit(-1); got < raised {
		t.Errorf("limit lowered from %d to %d MiB", raised>>20, got>>20)
	}
	cancel()
	<-done
}
