//go:build !race

package main

// raceEnabled says whether the tests run under the race detector, where
// latency figures mean nothing.
const raceEnabled = false
