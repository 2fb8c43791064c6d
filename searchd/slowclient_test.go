package main

import (
	"bufio"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"
)

// TestSlowClients checks that a client that sends its headers or its body
// too slowly is cut off by the read timeouts, and cannot hold a
// connection.
func TestSlowClients(t *testing.T) {
	cfg := config{ReadTimeout: 500 * time.Millisecond, WriteTimeout: 2 * time.Second}
	s, err := newServer(cfg, mustIndex(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := s.httpServer()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	tests := []struct {
		name, send string
	}{
		{"headers never finished", "GET /api/search?q=grain HTTP/1.1\r\nHost: x\r\n"},
		{"body never finished", "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"q\":"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			start := time.Now()
			if _, err := conn.Write([]byte(tt.send)); err != nil {
				t.Fatal(err)
			}
			conn.SetReadDeadline(time.Now().Add(5 * time.Second))
			// The server answers an error or just closes; either way the
			// connection ends well before the client's own deadline.
			r := bufio.NewReader(conn)
			for {
				if _, err := r.ReadByte(); err != nil {
					break
				}
			}
			if waited := time.Since(start); waited > 3*time.Second {
				t.Errorf("the connection was held %s; the read timeout is %s", waited, cfg.ReadTimeout)
			}
		})
	}
}
