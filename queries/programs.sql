-- name: CreateProgram :one
INSERT INTO programs (
    name, description, kind, status, peer_mentoring,
    registration_opens, registration_closes, matching_opens, matching_closes, starts_on, ends_on,
    group_min, group_max, default_capacity, mentor_request_expiry_days, review_requests, max_open_requests, created_at, updated_at
) VALUES (
    @name, @description, @kind, @status, @peer_mentoring,
    @registration_opens, @registration_closes, @matching_opens, @matching_closes, @starts_on, @ends_on,
    @group_min, @group_max, @default_capacity, @mentor_request_expiry_days, @review_requests, @max_open_requests, @now, @now
)
RETURNING *;

-- name: UpdateProgram :one
UPDATE programs SET
    name = @name, description = @description, kind = @kind, status = @status, peer_mentoring = @peer_mentoring,
    registration_opens = @registration_opens, registration_closes = @registration_closes,
    matching_opens = @matching_opens, matching_closes = @matching_closes,
    starts_on = @starts_on, ends_on = @ends_on, group_min = @group_min, group_max = @group_max,
    default_capacity = @default_capacity, mentor_request_expiry_days = @mentor_request_expiry_days,
    review_requests = @review_requests, max_open_requests = @max_open_requests, updated_at = @now
WHERE id = @id
RETURNING *;

-- name: ArchiveProgram :one
UPDATE programs SET status_before_archive = CASE WHEN status = 'archived' THEN status_before_archive ELSE status END,
    status = 'archived', updated_at = @now
WHERE id = @id RETURNING *;

-- name: UnarchiveProgram :one
UPDATE programs SET status = CASE WHEN status_before_archive IN ('', 'archived') THEN 'open' ELSE status_before_archive END,
    status_before_archive = '', updated_at = @now
WHERE id = @id AND status = 'archived' RETURNING *;

-- name: GetProgram :one
SELECT * FROM programs WHERE id = @id;

-- name: ListProgramSummaries :many
SELECT p.*,
    CAST(COALESCE(SUM(pa.status <> 'withdrawn'), 0) AS INTEGER) AS participants,
    CAST(COALESCE(SUM(pa.is_mentor AND pa.status <> 'withdrawn'), 0) AS INTEGER) AS mentors,
    CAST(COALESCE(SUM(pa.is_mentee AND pa.status <> 'withdrawn'), 0) AS INTEGER) AS mentees,
    CAST(COALESCE(SUM(pa.is_peer AND pa.status <> 'withdrawn'), 0) AS INTEGER) AS peers
FROM programs p
LEFT JOIN participants pa ON pa.program_id = p.id
GROUP BY p.id
ORDER BY p.status = 'archived', p.created_at DESC, p.id DESC;

-- name: CountPrograms :one
SELECT COUNT(*) FROM programs;
