-- +goose Up
-- A group has at least three people (two are a pair): the program form, the program check, the
-- pairing engine and the relationship check now agree on it. Groups saved with a smaller size
-- take three, which is what the engine already used for them. The largest size goes first, so
-- that group_max >= group_min holds at every step.
UPDATE programs SET group_max = 3 WHERE kind = 'group' AND group_max < 3;
UPDATE programs SET group_min = 3 WHERE kind = 'group' AND group_min < 3;

-- +goose Down
SELECT 1;
