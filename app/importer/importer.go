// Package importer reads registrations from the CSV and Excel (.xlsx) files that form tools —
// Google Forms, Microsoft Forms, Typeform, Excel itself — export, maps their columns to
// Tandem's fields and questions, and checks every row. It is pure: bytes and values in,
// values out; it touches no database and no file system.
//
// The flow is Read (bytes to a Table), AutoMap (a first guess of which column is which field,
// which the admin may correct) and Validate (the rows as Records, plus every problem as a
// RowError naming the row, the column and the reason).
package importer

import (
	"strconv"

	"tandem/app/questionnaire"
	"tandem/app/status"
)

// Table is a parsed file: the header row and the data rows, every row padded/trimmed to
// len(Headers).
type Table struct {
	Headers []string
	// Rows are the data rows; Rows[i] is spreadsheet row i+2 (row 1 is the header) unless
	// RowNumbers says otherwise.
	Rows [][]string
	// RowNumbers, when it has one entry per row, gives the spreadsheet row number of each
	// data row. Read fills it, because it drops blank rows: after a blank row in the middle
	// of a file, Rows[i] is no longer row i+2. A nil RowNumbers means Rows[i] is row i+2.
	RowNumbers []int
}

// RowNumber returns the spreadsheet row number of t.Rows[i], as the admin sees it in Excel
// (the header is row 1).
func (t Table) RowNumber(i int) int {
	if len(t.RowNumbers) == len(t.Rows) && i >= 0 && i < len(t.RowNumbers) {
		return t.RowNumbers[i]
	}
	return i + 2
}

// Target is a field a column can map to.
type Target struct {
	// Key is "name", "email", "department", "title", "location", "time_zone",
	// "manager_email", "employee_id", "roles", "capacity", "status", or "q:<id>" for a
	// question.
	Key string
	// Label is shown to the admin, e.g. "Email" or the question prompt.
	Label string
	// Aliases are other headers that map to the target automatically ("E-mail",
	// "Email address", "Work email" ...).
	Aliases []string
	// Question is non-nil for a question target.
	Question *questionnaire.Spec
}

// Mapping gives, per column index, the Target.Key the column maps to, or "" to ignore the
// column.
type Mapping []string

// Record is one valid row, ready to write.
type Record struct {
	// Row is the spreadsheet row number (the header is row 1).
	Row int

	Name, Email, Department, Title, Location, TimeZone, ManagerEmail, EmployeeID string

	// Has tells which fields the mapping provided, keyed by Target.Key, so that an update
	// does not blank the fields the file does not have. A mapped column whose cell is empty
	// is provided (as empty).
	Has map[string]bool

	// Mentor, Mentee and Peer come from the roles column. HasRoles is true when the row's
	// roles cell names at least one role; otherwise all three are false and the service
	// applies its default.
	Mentor, Mentee, Peer bool
	HasRoles             bool

	// Capacity is the mentor capacity, 0 if not given; HasCapacity tells whether it was.
	Capacity    int
	HasCapacity bool

	// Status is active, paused or withdrawn, or "" if not given.
	Status status.Participant

	// Answers holds one cleaned answer (see questionnaire.CheckAnswer) per mapped question,
	// keyed by Target.Key ("q:<id>"). A blank cell gives an empty Value; with no question
	// mapped, Answers is nil.
	Answers map[string]questionnaire.Value
}

// RowError names one problem: the row, the column header, the field and why.
type RowError struct {
	Row    int    // spreadsheet row number
	Column string // the header text of the column ("" for a whole-row problem)
	Field  string // Target.Label
	Value  string // the offending cell (truncated to 80 characters)
	Reason string // a sentence such as "ana@x.org is also on row 7"
}

// Error returns the problem as one line, such as `row 3, column "Email": "ana@" is not an
// email address`.
func (e RowError) Error() string {
	if e.Column == "" {
		return "row " + strconv.Itoa(e.Row) + ": " + e.Reason
	}
	return "row " + strconv.Itoa(e.Row) + `, column "` + e.Column + `": ` + e.Reason
}
