package main

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// keptTasks is how many finished tasks are remembered for
// GET /api/admin/tasks: enough to look back over a busy hour of bulk
// writes, few enough that memory stays flat however long searchd runs.
const keptTasks = 200

// progressLogEvery is how often a running task logs its progress: often
// enough to watch a long rebuild move, rarely enough not to flood the log.
const progressLogEvery = 5 * time.Second

// taskList keeps the long pieces of work (bulk writes, rebuilds) so their
// progress can be asked for, and runs those that go on in the background.
type taskList struct {
	log *slog.Logger
	// ctx is cancelled when searchd shuts down; background tasks stop then.
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu    sync.Mutex
	next  int
	byID  map[string]*task
	order []string
}

func newTaskList(log *slog.Logger) *taskList {
	ctx, cancel := context.WithCancel(context.Background())
	return &taskList{log: log, ctx: ctx, cancel: cancel, byID: map[string]*task{}}
}

// task is one piece of work and how far it has got.
type task struct {
	log     *slog.Logger
	mu      sync.Mutex
	view    taskView
	lastLog time.Time
}

// taskView is a task as GET /api/admin/tasks/{id} answers it.
type taskView struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	// State is running, done or failed.
	State    string     `json:"state"`
	Started  time.Time  `json:"started"`
	Finished *time.Time `json:"finished,omitempty"`
	// Done counts the articles written (or, for a rebuild, indexed) so far,
	// Total those there are to do where that is known, Failed the inputs
	// that could not be read.
	Done    int    `json:"done"`
	Total   int    `json:"total,omitempty"`
	Failed  int    `json:"failed"`
	Batches int    `json:"batches"`
	Error   string `json:"error,omitempty"`
}

// start registers a new running task of the given kind.
func (l *taskList) start(kind string) *task {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	t := &task{view: taskView{ID: fmt.Sprintf("t%d", l.next), Kind: kind, State: "running", Started: time.Now().UTC()}}
	t.log = l.log.With(slog.String("task", t.view.ID), slog.String("kind", kind))
	t.lastLog = time.Now()
	l.byID[t.view.ID] = t
	l.order = append(l.order, t.view.ID)
	for len(l.order) > keptTasks {
		delete(l.byID, l.order[0])
		l.order = l.order[1:]
	}
	t.log.Info("task started")
	return t
}

// run starts a task and runs fn in the background with a context that
// ends when searchd shuts down.
func (l *taskList) run(kind string, fn func(ctx context.Context, t *task) error) *task {
	t := l.start(kind)
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		t.finish(fn(l.ctx, t))
	}()
	return t
}

// stop ends the background tasks and waits for them.
func (l *taskList) stop() {
	l.cancel()
	l.wg.Wait()
}

// get returns the task with the given id.
func (l *taskList) get(id string) (taskView, bool) {
	l.mu.Lock()
	t, ok := l.byID[id]
	l.mu.Unlock()
	if !ok {
		return taskView{}, false
	}
	return t.snapshot(), true
}

// all returns the remembered tasks, newest first.
func (l *taskList) all() []taskView {
	l.mu.Lock()
	ts := make([]*task, 0, len(l.order))
	for i := len(l.order) - 1; i >= 0; i-- {
		ts = append(ts, l.byID[l.order[i]])
	}
	l.mu.Unlock()
	out := make([]taskView, len(ts))
	for i, t := range ts {
		out[i] = t.snapshot()
	}
	return out
}

// update records progress: done and failed so far, total where known (0
// where not), and one more batch where done moved. It logs now and then.
func (t *task) update(done, total, failed int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if done > t.view.Done {
		t.view.Batches++
	}
	t.view.Done, t.view.Total, t.view.Failed = done, total, failed
	if time.Since(t.lastLog) >= progressLogEvery {
		t.lastLog = time.Now()
		t.log.Info("task progress", slog.Int("done", done), slog.Int("total", total), slog.Int("failed", failed))
	}
}

// finish marks the task done, or failed with err.
func (t *task) finish(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := time.Now().UTC()
	t.view.Finished = &now
	t.view.State = "done"
	took := slog.Duration("took", now.Sub(t.view.Started))
	if err != nil {
		t.view.State = "failed"
		t.view.Error = err.Error()
		t.log.Error("task failed", slog.Int("done", t.view.Done), slog.Int("failed", t.view.Failed), took, slog.Any("error", err))
		return
	}
	t.log.Info("task done", slog.Int("done", t.view.Done), slog.Int("failed", t.view.Failed), took)
}

func (t *task) id() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view.ID
}

func (t *task) snapshot() taskView {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.view
}
