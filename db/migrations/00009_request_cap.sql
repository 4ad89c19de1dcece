-- +goose Up
-- A cap on the open (pending) requests one participant may have in a program; 0 is no cap.
ALTER TABLE programs ADD COLUMN max_open_requests INTEGER NOT NULL DEFAULT 0 CHECK (max_open_requests >= 0);

-- +goose Down
ALTER TABLE programs DROP COLUMN max_open_requests;
