package main

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"dateline/search"
)

// taskStarted is the answer to a request that started background work.
type taskStarted struct {
	Task      string `json:"task"`
	StatusURL string `json:"status_url"`
}

// handleReindex starts a rebuild of the index from its article store with
// the current analyzers and extractors; searches and writes go on while it
// runs, and the new index is swapped in when it is whole. It answers 202
// with the task to follow, or 409 while a rebuild runs.
func (s *server) handleReindex(c echo.Context) error {
	if !s.rebuildFree() {
		return echo.NewHTTPError(http.StatusConflict, search.ErrBusy.Error())
	}
	t := s.tasks.run("rebuild", func(ctx context.Context, t *task) error {
		return s.index.Rebuild(ctx, func(p search.Progress) { t.update(p.Done, p.Total, 0) })
	})
	id := t.id()
	return c.JSON(http.StatusAccepted, taskStarted{Task: id, StatusURL: "/api/admin/tasks/" + id})
}

// rebuildFree reports whether no rebuild task is running.
func (s *server) rebuildFree() bool {
	for _, t := range s.tasks.all() {
		if t.Kind == "rebuild" && t.State == "running" {
			return false
		}
	}
	return true
}

func (s *server) handleTask(c echo.Context) error {
	t, ok := s.tasks.get(c.Param("id"))
	if !ok {
		return echo.NewHTTPError(http.StatusNotFound, "no task has that id")
	}
	return c.JSON(http.StatusOK, t)
}

func (s *server) handleTasks(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string][]taskView{"tasks": s.tasks.all()})
}
