-- name: CreatePerson :one
INSERT INTO people (name, email, department, title, location, time_zone, manager_email, employee_id, created_at, updated_at)
VALUES (@name, @email, @department, @title, @location, @time_zone, @manager_email, @employee_id, @now, @now)
RETURNING *;

-- name: UpdatePerson :one
UPDATE people SET
    name = @name, email = @email, department = @department, title = @title, location = @location,
    time_zone = @time_zone, manager_email = @manager_email, employee_id = @employee_id,
    removed_at = NULL, updated_at = @now
WHERE id = @id
RETURNING *;

-- name: GetPerson :one
SELECT * FROM people WHERE id = @id;

-- name: GetPersonByEmail :one
SELECT * FROM people WHERE email = @email;

-- name: ListPeople :many
SELECT p.*,
    CAST((SELECT COUNT(*) FROM participants pa WHERE pa.person_id = p.id AND pa.status <> 'withdrawn') AS INTEGER) AS programs
FROM people p
WHERE p.removed_at IS NULL
ORDER BY p.name COLLATE NOCASE, p.id;

-- name: CountPersonHistory :one
SELECT COUNT(*) FROM participants WHERE person_id = @person_id;

-- name: DeletePerson :exec
DELETE FROM people WHERE id = @id;

-- name: MarkPersonRemoved :exec
UPDATE people SET removed_at = @removed_at, updated_at = @removed_at WHERE id = @id;

-- name: WithdrawPersonEverywhere :exec
UPDATE participants SET status = 'withdrawn', updated_at = @now WHERE person_id = @person_id AND status <> 'withdrawn';

-- name: CountPeople :one
SELECT COUNT(*) FROM people WHERE removed_at IS NULL;
