package app

import "time"

// Wait blocks until the outbox's current sending run ends: the tests' hook, not the UI's.
func (s *Outbox) Wait() { s.wait() }

// Patience sets how often and how far apart the outbox tries to write an outcome.
func (s *Outbox) Patience(tries int, pause time.Duration) { s.tries, s.pause = tries, pause }

// Unsaved is how many outcomes the outbox holds in memory.
func (s *Outbox) Unsaved() int { return s.unsavedCount() }

// Close is what Shutdown does for the outbox: wait for the run, write what memory holds.
func (s *Outbox) Close() { s.close() }

// AfterChunk runs f between an import's write transactions.
func (s *Imports) AfterChunk(f func()) { s.afterChunk = f }

// WhileSolving runs f while a pairing run solves, outside its transactions.
func (s *Pairing) WhileSolving(f func()) { s.whileSolving = f }
