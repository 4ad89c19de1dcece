// Package db opens Tandem's SQLite file: pragmas on every pooled connection, embedded goose
// migrations, start-up checks and rotating backups. The sqlc queries live in db/store.
package db

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"strings"
	"time"

	"tandem/db/store"

	"github.com/pressly/goose/v3"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrSchemaTooNew is returned when the file was written by a newer Tandem than this one.
var ErrSchemaTooNew = errors.New("database was written by a newer version of Tandem")

// DB is an open Tandem database.
type DB struct {
	SQL  *sql.DB
	Q    *store.Queries
	Path string
}

// BusyTimeout is how long a statement waits for another connection's write to end before it
// fails as busy. Tandem's longest write (an import's chunk, a pairing run's approval) takes a
// few seconds at the largest sizes it accepts (docs/benchmarks.md); the margin covers a slow disk.
const BusyTimeout = 30 * time.Second

// Option changes how Open opens the database.
type Option func(*options)

type options struct {
	busy   time.Duration
	backup time.Time
}

// WithBusyTimeout sets the busy timeout (BusyTimeout by default); tests shorten it.
func WithBusyTimeout(d time.Duration) Option { return func(o *options) { o.busy = d } }

// WithBackup has Open write a backup (stamped now) once the file has passed its checks and
// before any migration changes it: a damaged file is never backed up over good backups.
func WithBackup(now time.Time) Option { return func(o *options) { o.backup = now } }

// dsn builds a DSN whose pragmas apply to every pooled connection: a one-off PRAGMA reaches only one.
func dsn(path string, busy time.Duration) string {
	v := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "journal_mode(WAL)", "synchronous(FULL)",
		fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds())} {
		v.Add("_pragma", p)
	}
	v.Set("_txlock", "immediate")
	return "file:" + path + "?" + v.Encode()
}

// Open opens (creating if needed) the database at path, refuses a schema newer than this binary,
// applies pending migrations and checks foreign keys and integrity. What stands in the way is an
// *OpenError (damaged, read-only, full, too new) that says so in words; the file is unchanged.
func Open(ctx context.Context, path string, opts ...Option) (*DB, error) {
	o := options{busy: BusyTimeout}
	for _, f := range opts {
		f(&o)
	}
	if err := preflight(path); err != nil {
		return nil, err
	}
	sqldb, err := sql.Open("sqlite", dsn(path, o.busy))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	d := &DB{SQL: sqldb, Path: path}
	fail := func(err error) (*DB, error) {
		sqldb.Close()
		return nil, classify(path, err)
	}
	if err := d.check(ctx); err != nil {
		return fail(err)
	}
	if !o.backup.IsZero() {
		if err := checkRoom(path); err != nil {
			return fail(err)
		}
		if _, err := Backup(ctx, path, o.backup); err != nil {
			return fail(err)
		}
	}
	if err := d.migrate(ctx); err != nil {
		return fail(err)
	}
	// The checks' connection still holds the schema from before the migrations, and SQLite
	// prepares a statement against the schema a connection has loaded: a query that a migration
	// made valid (a new UNIQUE for its ON CONFLICT) would fail to prepare. Fresh connections
	// read the migrated schema.
	sqldb.Close()
	if sqldb, err = sql.Open("sqlite", dsn(path, o.busy)); err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	d.SQL = sqldb
	// Prepared once: parsing a statement (and its triggers) costs more than running it.
	if d.Q, err = store.Prepare(ctx, sqldb); err != nil {
		return fail(fmt.Errorf("prepare queries: %w", err))
	}
	return d, nil
}

// Close closes the database.
func (d *DB) Close() error {
	if d.Q != nil {
		d.Q.Close() //nolint:errcheck // closing the pool closes the statements too
	}
	return d.SQL.Close()
}

func (d *DB) check(ctx context.Context) error {
	var fk int
	if err := d.SQL.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
		return fmt.Errorf("open database %s: %w", d.Path, err)
	}
	if fk != 1 {
		return fmt.Errorf("open database %s: foreign keys are not enforced", d.Path)
	}
	var res string
	if err := d.SQL.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
		return fmt.Errorf("check database %s: %w", d.Path, err)
	}
	if res != "ok" {
		return &OpenError{Kind: Damaged, Path: d.Path, Message: fmt.Sprintf("Tandem's data file %s is damaged.", d.Path),
			Err: fmt.Errorf("quick_check: %s", res)}
	}
	return nil
}

func newProvider(sqldb *sql.DB) (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return nil, err
	}
	return goose.NewProvider(goose.DialectSQLite3, sqldb, sub)
}

// LatestVersion is the newest schema version this binary knows.
func LatestVersion() int64 {
	entries, _ := fs.ReadDir(migrations, "migrations")
	var latest int64
	for _, e := range entries {
		v, err := goose.NumericComponent(e.Name())
		if err == nil && v > latest {
			latest = v
		}
	}
	return latest
}

// migrate applies pending migrations on a pool of its own, closed afterwards. A migration that
// must rebuild tables runs without goose's transaction (foreign keys can only be turned off
// outside one) and sets pragmas and its own BEGIN on goose's connection: if it fails halfway,
// closing its pool rolls that back and drops the connection, so none the app goes on to use is
// left inside a transaction or with foreign keys off. One connection: every statement of such
// a migration must run on the same one, and with a single connection it cannot run anywhere else.
func (d *DB) migrate(ctx context.Context) error {
	sqldb, err := openRaw(d.Path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", d.Path, err)
	}
	defer sqldb.Close()
	sqldb.SetMaxOpenConns(1)
	p, err := newProvider(sqldb)
	if err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	current, err := p.GetDBVersion(ctx)
	if err != nil && !strings.Contains(err.Error(), "no such table") {
		return fmt.Errorf("read schema version: %w", err)
	}
	if latest := LatestVersion(); current > latest {
		return fmt.Errorf("%w: %s has schema version %d, this Tandem knows up to %d; update Tandem to open it (the file was not changed)",
			ErrSchemaTooNew, d.Path, current, latest)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate database: %w", err)
	}
	return nil
}

// InTx runs fn in one transaction: committed if fn returns nil, rolled back otherwise.
func (d *DB) InTx(ctx context.Context, fn func(q *store.Queries) error) error {
	tx, err := d.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("start saving: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if err := fn(d.Q.WithTx(tx)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save the change: %w", err)
	}
	return nil
}

// View runs fn in one read transaction: every query in fn sees the same snapshot of the
// database, however many writes land meanwhile. It takes no write lock (a deferred BEGIN, which
// in WAL mode never blocks the writer), and fn must not write.
func (d *DB) View(ctx context.Context, fn func(q *store.Queries) error) error {
	tx, err := d.SQL.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("start reading: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a read transaction has nothing to commit
	return fn(d.Q.WithTx(tx))
}

func openRaw(path string) (*sql.DB, error) {
	return sql.Open("sqlite", dsn(path, BusyTimeout))
}
