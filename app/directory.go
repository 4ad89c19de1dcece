package app

import (
	"context"
	"fmt"

	"tandem/app/status"
	"tandem/db"
)

// DirectoryQuery asks for one page of a program's participants.
type DirectoryQuery struct {
	ProgramID  int64              `json:"programId"`
	Search     string             `json:"search"`
	Role       string             `json:"role"`
	Department string             `json:"department"`
	Location   string             `json:"location"`
	Status     status.Participant `json:"status"`
	Sort       string             `json:"sort"`
	Desc       bool               `json:"desc"`
	Offset     int                `json:"offset"`
	Limit      int                `json:"limit"`
}

// DirectoryPage is one page of the directory, the total that match, and the filter choices.
type DirectoryPage struct {
	Rows        []Participant `json:"rows"`
	Total       int           `json:"total"`
	Departments []string      `json:"departments"`
	Locations   []string      `json:"locations"`
}

// Directory searches and filters a program's participants.
type Directory struct {
	ctx context.Context // the app's lifetime: every query runs under it
	db  *db.DB
}

// NewDirectory returns the directory service.
func NewDirectory(ctx context.Context, d *db.DB) *Directory { return &Directory{ctx: ctx, db: d} }

// Query returns the page of participants that match the query.
func (s *Directory) Query(in DirectoryQuery) (DirectoryPage, error) {
	ctx := s.ctx
	rows, total, err := s.db.Directory(ctx, db.DirectoryFilter{ProgramID: in.ProgramID, Search: in.Search, Role: in.Role,
		Department: in.Department, Location: in.Location, Status: in.Status, Sort: in.Sort, Desc: in.Desc,
		Offset: in.Offset, Limit: in.Limit})
	if err != nil {
		return DirectoryPage{}, err
	}
	deps, err := s.db.Q.ListProgramDepartments(ctx, in.ProgramID)
	if err != nil {
		return DirectoryPage{}, fmt.Errorf("directory: %w", err)
	}
	locs, err := s.db.Q.ListProgramLocations(ctx, in.ProgramID)
	if err != nil {
		return DirectoryPage{}, fmt.Errorf("directory: %w", err)
	}
	page := DirectoryPage{Rows: make([]Participant, 0, len(rows)), Total: total, Departments: deps, Locations: locs}
	for _, r := range rows {
		page.Rows = append(page.Rows, Participant{ID: r.ID, ProgramID: in.ProgramID, PersonID: r.PersonID, Name: r.Name,
			Email: r.Email, Department: r.Department, Title: r.Title, Location: r.Location, TimeZone: r.TimeZone,
			Mentor: r.IsMentor, Mentee: r.IsMentee, Peer: r.IsPeer, Capacity: r.Capacity, Status: r.Status, EnrolledAt: r.EnrolledAt})
	}
	return page, nil
}
