package main

import (
	"io"
	"log/slog"
	"runtime/debug"
	"testing"
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

	memoryLimit{bytes: 300 << 20}.apply(noEnv, log)
	if got := debug.SetMemoryLimit(-1); got != 300<<20 {
		t.Errorf("apply(300MiB): limit %d, want %d", got, 300<<20)
	}
	memoryLimit{auto: true}.apply(noEnv, log)
	if got, held := debug.SetMemoryLimit(-1), heldMemory(); got < held+autoHeadroom-(16<<20) || got > 4*held+autoHeadroom {
		t.Errorf("apply(auto): limit %d MiB for %d MiB held", got>>20, held>>20)
	}
	debug.SetMemoryLimit(before)
	memoryLimit{auto: true}.apply(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "1GiB"
		}
		return ""
	}, log)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("apply(auto) with GOMEMLIMIT set: limit %d, want it left at %d", got, before)
	}
}
