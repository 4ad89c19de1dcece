package db

import (
	"context"
	"database/sql"
	"fmt"

	"tandem/db/store"
)

// ReadThenWrite is for a change that needs slow work between reading and writing (a pairing
// run's solving): read runs in a read transaction, compute outside any transaction, and write
// in a write transaction, all on one connection, so the write lock is held only while write
// runs. If another connection committed anything between the read and the write (SQLite's
// data_version), read and compute run again inside the write transaction before write: write
// always acts on data that has not changed since read saw it.
func (d *DB) ReadThenWrite(ctx context.Context, read func(q *store.Queries) error, compute func() error,
	write func(q *store.Queries) error) error {
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		return fmt.Errorf("start reading: %w", err)
	}
	defer conn.Close()
	version := func(tx *sql.Tx) (int64, error) {
		var v int64
		err := tx.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v)
		return v, err
	}

	rtx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("start reading: %w", err)
	}
	before, err := version(rtx)
	if err == nil {
		err = read(d.Q.WithTx(rtx))
	}
	rtx.Rollback() //nolint:errcheck // a read transaction has nothing to commit
	if err != nil {
		return err
	}
	if err := compute(); err != nil {
		return err
	}

	wtx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("start saving: %w", err)
	}
	defer wtx.Rollback() //nolint:errcheck // a no-op after Commit
	q := d.Q.WithTx(wtx)
	after, err := version(wtx)
	if err != nil {
		return fmt.Errorf("start saving: %w", err)
	}
	if after != before {
		if err := read(q); err != nil {
			return err
		}
		if err := compute(); err != nil {
			return err
		}
	}
	if err := write(q); err != nil {
		return err
	}
	if err := wtx.Commit(); err != nil {
		return fmt.Errorf("save the change: %w", err)
	}
	return nil
}
