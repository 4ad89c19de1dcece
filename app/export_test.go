package app

// Wait blocks until the outbox's current sending run ends: the tests' hook, not the UI's.
func (s *Outbox) Wait() { s.wait() }
