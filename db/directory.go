package db

import (
	"context"
	"fmt"
	"strings"

	"tandem/app/status"
)

// DirectoryFilter selects and orders a page of a program's participants.
type DirectoryFilter struct {
	ProgramID  int64
	Search     string // substring of name, email, person fields or answers; case-insensitive
	Role       string // "mentor", "mentee", "peer" or ""
	Department string
	Location   string
	Status     status.Participant // "" for any
	Sort       string             // "name", "email", "department", "location", "status", "enrolled"
	Desc       bool
	Offset     int
	Limit      int
}

// DirectoryRow is one participant of a directory page.
type DirectoryRow struct {
	ID, PersonID                                       int64
	Name, Email, Department, Title, Location, TimeZone string
	IsMentor, IsMentee, IsPeer                         bool
	Capacity                                           int
	Status                                             status.Participant
	EnrolledAt                                         string
}

var directorySorts = map[string]string{
	"name": "pe.name COLLATE NOCASE", "email": "pe.email COLLATE NOCASE", "department": "pe.department COLLATE NOCASE",
	"location": "pe.location COLLATE NOCASE", "status": "pa.status", "enrolled": "pa.enrolled_at",
}

// Directory returns one page of a program's participants and how many match in all. The query
// is built here because its filters and order are chosen at run time; every value is a parameter.
func (d *DB) Directory(ctx context.Context, f DirectoryFilter) ([]DirectoryRow, int, error) {
	where := []string{"pa.program_id = ?"}
	args := []any{f.ProgramID}
	if s := strings.TrimSpace(f.Search); s != "" {
		for _, word := range strings.Fields(strings.ToLower(s)) {
			where = append(where, `pa.search_text LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscape(word)+"%")
		}
	}
	switch f.Role {
	case "mentor":
		where = append(where, "pa.is_mentor = 1")
	case "mentee":
		where = append(where, "pa.is_mentee = 1")
	case "peer":
		where = append(where, "pa.is_peer = 1")
	}
	if f.Department != "" {
		where, args = append(where, "pe.department = ?"), append(args, f.Department)
	}
	if f.Location != "" {
		where, args = append(where, "pe.location = ?"), append(args, f.Location)
	}
	if f.Status != "" {
		where, args = append(where, "pa.status = ?"), append(args, f.Status)
	}
	order, ok := directorySorts[f.Sort]
	if !ok {
		order = directorySorts["name"]
	}
	if f.Desc {
		order += " DESC"
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 50
	}
	from := `FROM participants pa JOIN people pe ON pe.id = pa.person_id WHERE ` + strings.Join(where, " AND ")
	// Counting apart lets the page query keep only the top rows while sorting (a window
	// count would make it sort every row).
	var total int
	if err := d.SQL.QueryRowContext(ctx, `SELECT COUNT(*) `+from, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("directory: %w", err)
	}
	query := `SELECT pa.id, pa.person_id, pe.name, pe.email, pe.department, pe.title, pe.location, pe.time_zone,
	pa.is_mentor, pa.is_mentee, pa.is_peer, pa.capacity, pa.status, pa.enrolled_at ` + from + `
ORDER BY ` + order + `, pa.id
LIMIT ? OFFSET ?`
	rows, err := d.SQL.QueryContext(ctx, query, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("directory: %w", err)
	}
	defer rows.Close()
	var out []DirectoryRow
	for rows.Next() {
		var r DirectoryRow
		if err := rows.Scan(&r.ID, &r.PersonID, &r.Name, &r.Email, &r.Department, &r.Title, &r.Location, &r.TimeZone,
			&r.IsMentor, &r.IsMentee, &r.IsPeer, &r.Capacity, &r.Status, &r.EnrolledAt); err != nil {
			return nil, 0, fmt.Errorf("directory: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("directory: %w", err)
	}
	return out, total, nil
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}
