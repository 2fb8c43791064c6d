package main

import (
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are searchd's Prometheus metrics, in a registry of the server's
// own so that servers in one test process do not collide.
type metrics struct {
	reg      *prometheus.Registry
	duration *prometheus.HistogramVec
}

func newMetrics(s *server) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "dateline_http_request_duration_seconds",
			Help: "Time to answer HTTP requests, by route template, method and status.",
			// From a cached facet count to a deep sorted page.
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"route", "method", "status"}),
	}
	// The index's figures are read when scraped, and only once it is open.
	stats := func(pick func(articles uint64, bytes int64) float64) func() float64 {
		return func() float64 {
			if !s.ready.Load() {
				return 0
			}
			st, err := s.index.Stats()
			if err != nil {
				return 0
			}
			return pick(st.Articles, st.Bytes)
		}
	}
	m.reg.MustRegister(
		m.duration,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "dateline_index_documents", Help: "Articles in the index."},
			stats(func(n uint64, _ int64) float64 { return float64(n) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "dateline_index_size_bytes", Help: "Size of the index's files on disk."},
			stats(func(_ uint64, b int64) float64 { return float64(b) })),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "dateline_ready", Help: "1 once the index is open and searches are answered."},
			func() float64 {
				if s.ready.Load() {
					return 1
				}
				return 0
			}),
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
	)
	return m
}

// observe records one answered request. Requests that matched no route
// share one label, so that scanning for URLs cannot grow the metrics.
func (m *metrics) observe(method, route string, status int, latency time.Duration) {
	if route == "" || route == "/*" {
		route = "unmatched"
	}
	m.duration.WithLabelValues(route, method, strconv.Itoa(status)).Observe(latency.Seconds())
}

func (s *server) handleMetrics(c echo.Context) error {
	promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(c.Response(), c.Request())
	return nil
}
