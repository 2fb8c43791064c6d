package main

import "testing"

func TestSearchProcs(t *testing.T) {
	tests := []struct {
		name       string
		gomaxprocs string
		cpus       int
		want       int
	}{
		{"two per core", "", 2, 4},
		{"one core", "", 1, 2},
		{"no cpus reported", "", 0, 2},
		{"GOMAXPROCS set", "3", 2, 3},
		{"GOMAXPROCS set to one", "1", 8, 1},
		{"GOMAXPROCS not a number", "many", 2, 4},
		{"GOMAXPROCS zero, which Go ignores", "0", 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"GOMAXPROCS": tt.gomaxprocs}
			if got := searchProcs(func(k string) string { return env[k] }, tt.cpus); got != tt.want {
				t.Errorf("searchProcs(GOMAXPROCS=%q, %d cpus) = %d, want %d", tt.gomaxprocs, tt.cpus, got, tt.want)
			}
		})
	}
}
