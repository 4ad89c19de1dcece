package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/db"
)

// Opened is Tandem's data opened for a command or the window: the services, and what to release
// when done.
type Opened struct {
	*Services
	DB   *db.DB
	lock *db.FileLock
}

// Close closes the database and gives its lock back.
func (o *Opened) Close() {
	o.DB.Close()
	o.lock.Release() //nolint:errcheck // the process ends anyway; the OS releases it then
}

// Open opens the data at path for one Tandem: it takes the database's lock, opens the file
// (backed up once it has passed its checks) and recovers what a crash interrupted. A read-only
// command (readOnly) may run beside the app that holds the lock; it then writes nothing: no
// backup, no recovery. What stands in the way is a *db.OpenError saying it in words.
func Open(ctx context.Context, path string, now Clock, secrets Secrets, readOnly bool) (*Opened, error) {
	lock, err := db.Lock(path)
	switch {
	case errors.Is(err, db.ErrLocked) && readOnly:
		lock = nil
	case errors.Is(err, db.ErrLocked):
		return nil, &db.OpenError{Kind: db.Locked, Path: path, Err: err,
			Message: fmt.Sprintf("Tandem is already open with this data (%s). Close it first: only read-only commands (export-ics) run beside it.", path)}
	case err != nil:
		return nil, openProblem(path, err)
	}
	opts := []db.Option{}
	if lock != nil {
		opts = append(opts, db.WithBackup(now()))
	}
	d, err := db.Open(ctx, path, opts...)
	if err != nil {
		lock.Release() //nolint:errcheck // nothing was opened
		return nil, err
	}
	o := &Opened{Services: NewServices(ctx, d, now, secrets), DB: d, lock: lock}
	if lock != nil {
		if err := o.Recover(); err != nil {
			o.Close()
			return nil, err
		}
		o.Outbox.cleanDrafts()
	}
	return o, nil
}

// openProblem words an error met before the database was reached (the lock file's folder).
func openProblem(path string, err error) error {
	if errors.Is(err, os.ErrPermission) {
		return &db.OpenError{Kind: db.ReadOnly, Path: path, Err: err,
			Message: fmt.Sprintf("Tandem cannot write to the folder of %s: your account is not allowed to change it.", path)}
	}
	return err
}

// Problem is why Tandem could not open its data, for the window to show instead of the app.
type Problem struct {
	Kind     string `json:"kind"` // "" (none), "damaged", "readOnly", "full", "tooNew", "locked" or "failed"
	Message  string `json:"message"`
	Path     string `json:"path"`
	Folder   string `json:"folder"`
	NeedMB   int    `json:"needMb"`   // when full: the room a start needs
	Backup   string `json:"backup"`   // when damaged: the newest backup that passes integrity_check
	BackupAt string `json:"backupAt"` // when it was taken (RFC 3339)
	LogPath  string `json:"logPath"`
}

// Launch is the first thing the window asks: whether Tandem could open its data. When it could
// not, it is the only service bound, and it offers what can be done: restore the newest good
// backup, try again, or quit.
type Launch struct {
	ctx     context.Context
	problem Problem
	now     Clock
	restart func() error
}

// NewLaunch returns the launch service for a start that ended in err (nil: no problem), and the
// function that hands it the window's context when the window opens.
func NewLaunch(ctx context.Context, path, logPath string, err error, now Clock) (*Launch, func(context.Context)) {
	l := &Launch{ctx: ctx, now: now, restart: relaunch}
	startup := func(ctx context.Context) { l.ctx = ctx }
	if err == nil {
		return l, startup
	}
	p := Problem{Kind: "failed", Message: "Tandem could not open its data.", Path: path, Folder: filepath.Dir(path), LogPath: logPath}
	var oe *db.OpenError
	if errors.As(err, &oe) {
		p.Kind, p.Message, p.NeedMB = oe.Kind, oe.Message, int((oe.Need+(1<<20)-1)>>20)
		if oe.Kind == db.Locked { // the window says what to do itself
			p.Message = fmt.Sprintf("Another Tandem window has %s open.", path)
		}
	} else {
		slog.Error("start-up failed", "db", path, "err", err)
		p.Message = "Tandem could not open its data; the details are in the log."
	}
	if p.Kind == db.Damaged {
		if b, err := db.NewestGoodBackup(ctx, path); err == nil && b != "" {
			p.Backup = b
			if t := db.BackupTime(path, b); !t.IsZero() {
				p.BackupAt = t.Format(time.RFC3339)
			}
		}
	}
	l.problem = p
	return l, startup
}

// Problem says what stands between Tandem and its data; Kind is "" when nothing does.
func (l *Launch) Problem() Problem { return l.problem }

// RestoreBackup puts the offered backup in place of the damaged file (which is kept aside) and
// starts Tandem again on it.
func (l *Launch) RestoreBackup() error {
	p := l.problem
	if p.Kind != db.Damaged || p.Backup == "" {
		return &Error{Message: "There is no backup to restore"}
	}
	lock, err := db.Lock(p.Path) // no other Tandem may open the file while it is replaced
	if err != nil {
		return &Error{Message: "Another Tandem opened this data meanwhile; close it first"}
	}
	aside, err := db.ReplaceWithBackup(l.ctx, p.Path, p.Backup, l.now())
	lock.Release() //nolint:errcheck // the new start takes it again
	if err != nil {
		slog.Error("restore a backup at start", "backup", p.Backup, "err", err)
		return &Error{Message: "The backup could not be put in place; the details are in the log"}
	}
	slog.Info("restored a backup at start", "backup", p.Backup, "damaged file kept at", aside)
	return l.TryAgain()
}

// TryAgain starts Tandem again (after the admin freed room, closed the other window, …) and
// closes this window.
func (l *Launch) TryAgain() error {
	if err := l.restart(); err != nil {
		return fmt.Errorf("start Tandem again: %w", err)
	}
	runtime.Quit(l.ctx)
	return nil
}

// Quit closes the window.
func (l *Launch) Quit() { runtime.Quit(l.ctx) }

// relaunch starts this program again with the same arguments, detached from this one.
func relaunch() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Env = os.Environ()
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Process.Release()
}
