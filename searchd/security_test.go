package main

import (
	"strings"
	"testing"
)

func TestSecurityHeaders(t *testing.T) {
	_, ts := mustServerWith(t, config{}, mustIndex(t))
	want := map[string]string{
		"Content-Security-Policy": contentSecurityPolicy,
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "same-origin",
	}
	for _, path := range []string{"/", "/?q=grain", "/quotes", "/articles/no-such", "/api/search?q=grain", "/api/articles/no-such", "/api/search?size=9999", "/healthz", "/metrics", "/nowhere"} {
		resp, _ := mustGet(t, ts.URL+path)
		for name, value := range want {
			if got := resp.Header.Get(name); got != value {
				t.Errorf("GET %s: %s = %q, want %q", path, name, got, value)
			}
		}
	}
	if !strings.Contains(contentSecurityPolicy, "script-src 'self'") || strings.Contains(contentSecurityPolicy, "unsafe-inline") {
		t.Errorf("policy %q allows inline script", contentSecurityPolicy)
	}
}
