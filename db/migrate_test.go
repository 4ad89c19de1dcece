package db

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"tandem/db/store"
)

// boolColumns are the 0/1 columns migration 6 turns from INTEGER into BOOLEAN, by table.
var boolColumns = map[string][]string{
	"programs":         {"peer_mentoring", "review_requests", "allow_past_pairs"},
	"participants":     {"is_mentor", "is_mentee", "is_peer"},
	"questions":        {"required"},
	"agenda_templates": {"builtin"},
	"requests":         {"reminded_half", "reminded_last"},
	"pairing_items":    {"locked", "manual", "wish"},
}

// migrateTo brings the file at path to version, as an older Tandem left it.
func migrateTo(t *testing.T, path string, version int64) {
	t.Helper()
	sqldb, err := openRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	p, err := newProvider(sqldb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(context.Background(), version); err != nil {
		t.Fatalf("migrate to %d: %v", version, err)
	}
}

// migrateLatest runs the migrations as Open does.
func migrateLatest(path string) error {
	return (&DB{Path: path}).migrate(context.Background())
}

func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	sqldb, err := openRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqldb.Close() })
	return sqldb
}

func execAll(t *testing.T, sqldb *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		if _, err := sqldb.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// fillVersion5 writes rows into every table of a version-5 database: true and false values in
// every 0/1 column, and children that reference each rebuilt table with ON DELETE CASCADE and
// SET NULL. Its statements name the columns, so they fail if the schema they assume changes.
func fillVersion5(t *testing.T, sqldb *sql.DB) {
	t.Helper()
	const at = "'2026-11-23T10:00:00Z'"
	execAll(t, sqldb,
		`INSERT INTO people (id, name, email, department, title, location, employee_id, created_at, updated_at) VALUES
			(1, 'Ana Lima', 'ana@example.org', 'Engineering', 'Lead', 'Lisbon', 'E1', `+at+`, `+at+`),
			(2, 'Bo Chen', 'bo@example.org', 'Sales', '', 'Porto', 'E2', `+at+`, `+at+`),
			(3, 'Cy Dee', 'cy@example.org', 'Legal', '', '', 'E3', `+at+`, `+at+`)`,
		`INSERT INTO programs (id, name, kind, status, peer_mentoring, review_requests, allow_past_pairs, wish_bonus, wish_pairs,
			status_before_archive, group_min, group_max, created_at, updated_at) VALUES
			(1, 'Spring cohort', 'cohort', 'active', 1, 1, 1, 7, 'auto', '', 0, 0, `+at+`, `+at+`),
			(2, 'Evergreen', 'evergreen', 'archived', 0, 0, 0, 5, 'review', 'open', 2, 4, `+at+`, `+at+`)`,
		`INSERT INTO participants (id, program_id, person_id, is_mentor, is_mentee, is_peer, capacity, status, enrolled_at, updated_at) VALUES
			(1, 1, 1, 1, 0, 1, 2, 'active', `+at+`, `+at+`),
			(2, 1, 2, 0, 1, 1, 0, 'active', `+at+`, `+at+`),
			(3, 1, 3, 1, 1, 0, 1, 'paused', `+at+`, `+at+`),
			(4, 2, 1, 0, 1, 0, 0, 'active', `+at+`, `+at+`)`,
		`INSERT INTO questions (id, program_id, position, prompt, kind, options, audience, required, match_rule, match_weight, created_at, updated_at) VALUES
			(1, 1, 1, 'Skills I can offer', 'multi', '["Go","Writing"]', 'mentors', 1, 'complement', 'high', `+at+`, `+at+`),
			(2, 1, 2, 'Skills I want to grow', 'multi', '["Go","Writing"]', 'mentees', 0, 'none', 'medium', `+at+`, `+at+`),
			(3, 2, 1, 'Where are you?', 'text', '[]', 'everyone', 1, 'none', 'medium', `+at+`, `+at+`)`,
		`UPDATE questions SET complement_id = 2 WHERE id = 1`,
		`UPDATE questions SET complement_id = 1 WHERE id = 2`,
		`INSERT INTO answers (participant_id, question_id, value, updated_at) VALUES
			(1, 1, '["Go"]', `+at+`), (2, 2, '["Go","Writing"]', `+at+`), (4, 3, '"Lisbon"', `+at+`)`,
		`INSERT INTO relationships (id, program_id, kind, origin, created_at, updated_at) VALUES (1, 1, 'mentorship', 'pairing', `+at+`, `+at+`)`,
		`INSERT INTO relationship_members (relationship_id, participant_id, role) VALUES (1, 1, 'mentor'), (1, 2, 'mentee')`,
		`INSERT INTO agenda_templates (id, name, summary, body, builtin, position, created_at, updated_at) VALUES
			(100, 'Our own agenda', '', 'Talk.', 0, 20, `+at+`, `+at+`)`,
		`INSERT INTO sessions (id, relationship_id, uid, sequence, title, starts_at, time_zone, duration_minutes, agenda_template_id, created_at, updated_at) VALUES
			(1, 1, 'uid-1@tandem', 2, 'First session', '2026-12-01T10:00:00Z', 'Europe/Lisbon', 60, 1, `+at+`, `+at+`),
			(2, 1, 'uid-2@tandem', 0, 'Second session', '2026-12-15T10:00:00Z', 'Europe/Lisbon', 45, 100, `+at+`, `+at+`)`,
		`INSERT INTO session_attendees (session_id, person_id, partstat) VALUES (1, 1, 'ACCEPTED'), (1, 2, 'NEEDS-ACTION')`,
		`INSERT INTO requests (id, program_id, kind, requester_id, recipient_id, commitment, status, sent_at, expires_at,
			reminded_half, reminded_last, relationship_id, created_at, updated_at) VALUES
			(1, 1, 'mentor', 2, 1, 'long_term', 'approved', `+at+`, '2026-12-07T10:00:00Z', 1, 0, 1, `+at+`, `+at+`),
			(2, 1, 'peer', 3, 2, 'intro', 'pending', `+at+`, NULL, 0, 0, NULL, `+at+`, `+at+`),
			(3, 1, 'mentor', 3, 1, 'topic', 'expired', `+at+`, '2026-11-30T10:00:00Z', 1, 1, NULL, `+at+`, `+at+`)`,
		`INSERT INTO request_events (id, request_id, from_status, to_status, action, at) VALUES
			(1, 1, '', 'pending', 'create', `+at+`), (2, 1, 'pending', 'approved', 'approve', `+at+`), (3, 3, 'pending', 'expired', 'expire', `+at+`)`,
		`INSERT INTO outbox (id, kind, to_email, subject, session_id, relationship_id, program_id, request_id, created_at, updated_at) VALUES
			(1, 'request_summary', 'ana@example.org', 'A request', 1, 1, 1, 1, `+at+`, `+at+`),
			(2, 'request_reminder', 'ana@example.org', 'A reminder', NULL, NULL, 1, 3, `+at+`, `+at+`)`,
		`INSERT INTO message_templates (kind, subject, text_body, updated_at) VALUES ('request_summary', 'S', 'T', `+at+`)`,
		`INSERT INTO settings (key, value) VALUES ('sender', 'admin@example.org')`,
		`INSERT INTO pair_preferences (id, program_id, participant_id, other_id, kind, rank, created_at) VALUES (1, 1, 2, 1, 'wish', 1, `+at+`)`,
		`INSERT INTO pairing_drafts (id, program_id, mode, objective, created_at, updated_at) VALUES (1, 1, 'mentoring', 'max_weight', `+at+`, `+at+`)`,
		`INSERT INTO pairing_items (id, draft_id, locked, manual, wish, points, percent, reasons, relationship_id, created_at) VALUES
			(1, 1, 1, 0, 1, 10, 80, '["same location"]', 1, `+at+`),
			(2, 1, 0, 1, 0, 3, 20, '[]', NULL, `+at+`)`,
		`INSERT INTO pairing_item_members (item_id, participant_id, role, position) VALUES (1, 1, 'mentor', 0), (1, 2, 'mentee', 1), (2, 3, 'mentor', 0)`,
	)
}

func queryStrings(t *testing.T, sqldb *sql.DB, query string, args ...any) []string {
	t.Helper()
	rows, err := sqldb.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(cols))
		for i, v := range vals {
			parts[i] = "NULL"
			if v.Valid {
				parts[i] = v.String
			}
		}
		out = append(out, strings.Join(parts, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func tableNames(t *testing.T, sqldb *sql.DB) []string {
	t.Helper()
	return queryStrings(t, sqldb, `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'goose_db_version' ORDER BY name`)
}

// dump reads every row of every table as SQL literals (quote() keeps the storage class: 1 is
// not '1'), sorted, by table.
func dump(t *testing.T, sqldb *sql.DB) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, table := range tableNames(t, sqldb) {
		cols := queryStrings(t, sqldb, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = fmt.Sprintf("quote(%q)", c)
		}
		rows := queryStrings(t, sqldb, fmt.Sprintf("SELECT %s FROM %q", strings.Join(quoted, ", "), table))
		sort.Strings(rows)
		out[table] = rows
	}
	return out
}

// tableShape is what a table's definition means, read from SQLite rather than from its text.
type tableShape struct {
	List    []string // name, type, columns, WITHOUT ROWID, strict
	Columns []string // cid, name, type, not null, default, primary key, hidden
	Checks  []string // the CHECK constraints' text, sorted
	Keys    []string // the foreign keys
	Indexes []string // every index (autoindexes too) with its columns and collations
}

type schemaEntry struct{ Table, SQL string }

type schema struct {
	Entries map[string]schemaEntry // by type and name
	Tables  map[string]tableShape
}

var checkStart = regexp.MustCompile(`(?i)\bCHECK\s*\(`)

// checks returns the CHECK (...) clauses in a CREATE TABLE statement.
func checks(createSQL string) []string {
	var out []string
	for _, loc := range checkStart.FindAllStringIndex(createSQL, -1) {
		depth, end := 0, -1
		for i := loc[1] - 1; i < len(createSQL) && end < 0; i++ {
			switch createSQL[i] {
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					end = i + 1
				}
			}
		}
		out = append(out, strings.Join(strings.Fields(createSQL[loc[0]:end]), " "))
	}
	sort.Strings(out)
	return out
}

func readSchema(t *testing.T, sqldb *sql.DB) schema {
	t.Helper()
	s := schema{Entries: map[string]schemaEntry{}, Tables: map[string]tableShape{}}
	rows, err := sqldb.Query(`SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_schema`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var typ, name string
		var e schemaEntry
		if err := rows.Scan(&typ, &name, &e.Table, &e.SQL); err != nil {
			t.Fatal(err)
		}
		s.Entries[typ+" "+name] = e
	}
	rows.Close()
	for _, table := range tableNames(t, sqldb) {
		sh := tableShape{
			List:    queryStrings(t, sqldb, `SELECT name, type, ncol, wr, strict FROM pragma_table_list(?)`, table),
			Columns: queryStrings(t, sqldb, `SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid`, table),
			Checks:  checks(s.Entries["table "+table].SQL),
			Keys: queryStrings(t, sqldb, `SELECT id, seq, "table", "from", "to", on_update, on_delete, match
				FROM pragma_foreign_key_list(?) ORDER BY id, seq`, table),
		}
		for _, ix := range queryStrings(t, sqldb, `SELECT name, "unique", origin, partial FROM pragma_index_list(?) ORDER BY name`, table) {
			name := strings.SplitN(ix, "|", 2)[0]
			cols := queryStrings(t, sqldb, `SELECT seqno, cid, name, "desc", coll, key FROM pragma_index_xinfo(?) ORDER BY seqno`, name)
			sh.Indexes = append(sh.Indexes, ix+" ("+strings.Join(cols, ", ")+")")
		}
		s.Tables[table] = sh
	}
	return s
}

// compareSchemas checks that got is want apart from what migration 6 changes: the rebuilt
// tables' text, and (when booleans is set) their 0/1 columns' type and default.
func compareSchemas(t *testing.T, want, got schema, booleans bool) {
	t.Helper()
	for key, w := range want.Entries {
		g, ok := got.Entries[key]
		switch {
		case !ok:
			t.Errorf("%s is gone", key)
		case g.Table != w.Table:
			t.Errorf("%s is on %s, was on %s", key, g.Table, w.Table)
		case g.SQL != w.SQL && !(strings.HasPrefix(key, "table ") && boolColumns[w.Table] != nil):
			t.Errorf("%s changed:\n%s\nwas:\n%s", key, g.SQL, w.SQL)
		}
	}
	for key := range got.Entries {
		if _, ok := want.Entries[key]; !ok {
			t.Errorf("%s is new", key)
		}
	}
	for table, w := range want.Tables {
		if booleans {
			w = withBooleans(t, table, w)
		}
		if g := got.Tables[table]; !reflect.DeepEqual(g, w) {
			t.Errorf("table %s:\n got %q\nwant %q", table, g, w)
		}
	}
}

// withBooleans returns a version-5 table's shape as version 6 should have it.
func withBooleans(t *testing.T, table string, sh tableShape) tableShape {
	t.Helper()
	cols := append([]string(nil), sh.Columns...)
	for _, name := range boolColumns[table] {
		found := false
		for i, c := range cols {
			f := strings.Split(c, "|")
			if f[1] != name {
				continue
			}
			if f[2] != "INTEGER" || f[4] != "0" {
				t.Fatalf("%s.%s at version 5: %s", table, name, c)
			}
			f[2], f[4] = "BOOLEAN", "FALSE"
			cols[i], found = strings.Join(f, "|"), true
		}
		if !found {
			t.Fatalf("%s.%s missing at version 5", table, name)
		}
	}
	sh.Columns = cols
	return sh
}

func TestBooleansMigrationKeepsEveryRowAndTheSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 5)
	sqldb := rawDB(t, path)
	fillVersion5(t, sqldb)
	before, schema5 := dump(t, sqldb), readSchema(t, sqldb)
	for table, rows := range before {
		if len(rows) == 0 {
			t.Fatalf("table %s has no rows to carry over", table)
		}
	}

	migrateTo(t, path, 6) // later migrations change the schema on purpose

	if after := dump(t, sqldb); !reflect.DeepEqual(after, before) {
		for table := range before {
			if !reflect.DeepEqual(after[table], before[table]) {
				t.Errorf("%s after migrating:\n%q\nbefore:\n%q", table, after[table], before[table])
			}
		}
		t.FailNow()
	}
	compareSchemas(t, schema5, readSchema(t, sqldb), true)
	if v := queryStrings(t, sqldb, `PRAGMA foreign_key_check`); len(v) > 0 {
		t.Errorf("foreign key violations: %q", v)
	}
	if v := queryStrings(t, sqldb, `PRAGMA integrity_check`); len(v) != 1 || v[0] != "ok" {
		t.Errorf("integrity_check: %q", v)
	}
}

func TestBooleansReadBackAsBools(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 5)
	fillVersion5(t, rawDB(t, path))
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	q := d.Q
	p1, err1 := q.GetProgram(ctx, 1)
	p2, err2 := q.GetProgram(ctx, 2)
	pa1, err3 := q.GetParticipant(ctx, 1)
	pa2, err4 := q.GetParticipant(ctx, 2)
	q1, err5 := q.GetQuestion(ctx, 1)
	q2, err6 := q.GetQuestion(ctx, 2)
	a1, err7 := q.GetAgendaTemplate(ctx, 1)
	a100, err8 := q.GetAgendaTemplate(ctx, 100)
	r1, err9 := q.GetRequest(ctx, 1)
	r3, err10 := q.GetRequest(ctx, 3)
	i1, err11 := q.GetDraftItem(ctx, 1)
	i2, err12 := q.GetDraftItem(ctx, 2)
	for _, err := range []error{err1, err2, err3, err4, err5, err6, err7, err8, err9, err10, err11, err12} {
		if err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name      string
		got, want bool
	}{
		{"program 1 peer_mentoring", p1.PeerMentoring, true},
		{"program 1 review_requests", p1.ReviewRequests, true},
		{"program 1 allow_past_pairs", p1.AllowPastPairs, true},
		{"program 2 peer_mentoring", p2.PeerMentoring, false},
		{"program 2 review_requests", p2.ReviewRequests, false},
		{"program 2 allow_past_pairs", p2.AllowPastPairs, false},
		{"participant 1 is_mentor", pa1.IsMentor, true},
		{"participant 1 is_mentee", pa1.IsMentee, false},
		{"participant 1 is_peer", pa1.IsPeer, true},
		{"participant 2 is_mentor", pa2.IsMentor, false},
		{"participant 2 is_mentee", pa2.IsMentee, true},
		{"question 1 required", q1.Required, true},
		{"question 2 required", q2.Required, false},
		{"agenda template 1 builtin", a1.Builtin, true},
		{"agenda template 100 builtin", a100.Builtin, false},
		{"request 1 reminded_half", r1.RemindedHalf, true},
		{"request 1 reminded_last", r1.RemindedLast, false},
		{"request 3 reminded_last", r3.RemindedLast, true},
		{"item 1 locked", i1.Locked, true},
		{"item 1 manual", i1.Manual, false},
		{"item 1 wish", i1.Wish, true},
		{"item 2 locked", i2.Locked, false},
		{"item 2 manual", i2.Manual, true},
		{"item 2 wish", i2.Wish, false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}

	// A Go bool written through the queries is stored as the integer the checks allow.
	if err := q.MarkRequestReminded(ctx, store.MarkRequestRemindedParams{ID: 2, Half: true, Now: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := q.MarkRequestReminded(ctx, store.MarkRequestRemindedParams{ID: 1, Now: "x"}); err != nil {
		t.Fatal(err)
	}
	got := queryStrings(t, d.SQL, `SELECT id, typeof(reminded_half), reminded_half, reminded_last FROM requests WHERE id IN (1, 2) ORDER BY id`)
	if want := []string{"1|integer|1|0", "2|integer|1|0"}; !reflect.DeepEqual(got, want) {
		t.Errorf("reminded flags = %q, want %q (a reminder once sent stays sent)", got, want)
	}
	// The checks are still there: a boolean column holds 0 or 1 only, a participant mentors or is mentored.
	for table, cols := range boolColumns {
		for _, c := range cols {
			if _, err := d.SQL.Exec(fmt.Sprintf(`UPDATE %q SET %q = 2`, table, c)); err == nil || !strings.Contains(err.Error(), "CHECK") {
				t.Errorf("%s.%s = 2: %v, want a CHECK failure", table, c, err)
			}
		}
	}
	if _, err := d.SQL.Exec(`UPDATE participants SET is_mentor = FALSE, is_mentee = FALSE WHERE id = 1`); err == nil {
		t.Error("a participant who is neither mentor nor mentee was accepted")
	}
}

func TestForeignKeysAndSearchWorkAfterBooleansMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 5)
	fillVersion5(t, rawDB(t, path))
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	// Every pooled connection enforces foreign keys.
	d.SQL.SetMaxOpenConns(3)
	var conns []*sql.Conn
	for i := 0; i < 3; i++ {
		c, err := d.SQL.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var fk int
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Errorf("connection %d: foreign_keys = %d (%v)", i, fk, err)
		}
	}
	for _, c := range conns {
		c.Close()
	}

	mustFail := func(stmt string) {
		t.Helper()
		if _, err := d.SQL.Exec(stmt); err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
			t.Errorf("%s: %v, want a foreign key failure", stmt, err)
		}
	}
	mustFail(`INSERT INTO participants (program_id, person_id, is_mentee, enrolled_at, updated_at) VALUES (99, 2, 1, 'x', 'x')`)
	mustFail(`UPDATE participants SET person_id = 99 WHERE id = 4`)
	mustFail(`INSERT INTO request_events (request_id, to_status, action, at) VALUES (99, 'x', 'x', 'x')`)
	mustFail(`INSERT INTO pairing_item_members (item_id, participant_id, role) VALUES (99, 1, 'mentor')`)
	mustFail(`DELETE FROM people WHERE id = 3`)       // RESTRICT from participants
	mustFail(`DELETE FROM participants WHERE id = 1`) // RESTRICT from relationship_members and requests

	// The children's ON DELETE actions reach the rebuilt tables.
	execAll(t, d.SQL,
		`DELETE FROM pairing_items WHERE id = 1`,
		`DELETE FROM requests WHERE id = 1`,
		`DELETE FROM agenda_templates WHERE id = 100`,
		`DELETE FROM questions WHERE id = 1`,
		`DELETE FROM programs WHERE id = 2`,
	)
	checks := []struct{ query, want string }{
		{`SELECT count(*) FROM pairing_item_members WHERE item_id = 1`, "0"},
		{`SELECT count(*) FROM pairing_item_members WHERE item_id = 2`, "1"},
		{`SELECT count(*) FROM request_events WHERE request_id = 1`, "0"},
		{`SELECT count(*) FROM request_events WHERE request_id = 3`, "1"},
		{`SELECT COALESCE(request_id, 'null') FROM outbox WHERE id = 1`, "null"},
		{`SELECT COALESCE(request_id, 'null') FROM outbox WHERE id = 2`, "3"},
		{`SELECT COALESCE(agenda_template_id, 'null') FROM sessions WHERE id = 2`, "null"},
		{`SELECT COALESCE(agenda_template_id, 'null') FROM sessions WHERE id = 1`, "1"},
		{`SELECT count(*) FROM answers WHERE question_id = 1`, "0"},
		{`SELECT COALESCE(complement_id, 'null') FROM questions WHERE id = 2`, "null"},
		{`SELECT count(*) FROM participants WHERE program_id = 2`, "0"},
		{`SELECT count(*) FROM questions WHERE program_id = 2`, "0"},
		{`SELECT count(*) FROM answers WHERE participant_id = 4`, "0"},
		{`SELECT count(*) FROM participants WHERE program_id = 1`, "3"},
	}
	for _, c := range checks {
		if got := queryStrings(t, d.SQL, c.query); len(got) != 1 || got[0] != c.want {
			t.Errorf("%s = %q, want %s", c.query, got, c.want)
		}
	}

	// The search triggers, on participants and on the tables around it, still keep search_text.
	search := func(id int) string {
		t.Helper()
		return queryStrings(t, d.SQL, `SELECT search_text FROM participants WHERE id = ?`, id)[0]
	}
	execAll(t, d.SQL, `UPDATE people SET name = 'Ana Souza' WHERE id = 1`)
	if s := search(1); !strings.Contains(s, "ana souza") {
		t.Errorf("after renaming the person: %q", s)
	}
	execAll(t, d.SQL, `INSERT INTO answers (participant_id, question_id, value, updated_at) VALUES (3, 2, '["Rust"]', 'x')`)
	if s := search(3); !strings.Contains(s, "rust") {
		t.Errorf("after an answer: %q", s)
	}
	execAll(t, d.SQL, `UPDATE answers SET value = '["Haskell"]' WHERE participant_id = 3 AND question_id = 2`)
	if s := search(3); !strings.Contains(s, "haskell") || strings.Contains(s, "rust") {
		t.Errorf("after changing the answer: %q", s)
	}
	execAll(t, d.SQL, `DELETE FROM answers WHERE participant_id = 3 AND question_id = 2`)
	if s := search(3); strings.Contains(s, "haskell") || !strings.Contains(s, "cy@example.org") {
		t.Errorf("after removing the answer: %q", s)
	}
	execAll(t, d.SQL,
		`INSERT INTO people (id, name, email, created_at, updated_at) VALUES (4, 'Di Eze', 'di@example.org', 'x', 'x')`,
		`INSERT INTO participants (id, program_id, person_id, is_mentee, enrolled_at, updated_at) VALUES (9, 1, 4, TRUE, 'x', 'x')`)
	if s := search(9); !strings.Contains(s, "di eze di@example.org") {
		t.Errorf("a new participant: %q", s)
	}
}

func TestBooleansMigrationFailureLeavesVersion5(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 5)
	sqldb := rawDB(t, path)
	fillVersion5(t, sqldb)
	// A dangling reference, only possible with foreign keys off, makes the migration's own
	// check fail after every table has been rebuilt: all of it must be undone.
	conn, err := sqldb.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`PRAGMA foreign_keys = OFF`,
		`INSERT INTO request_events (request_id, to_status, action, at) VALUES (99, 'x', 'x', 'x')`,
		`PRAGMA foreign_keys = ON`} {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	conn.Close()
	rows, sch := dump(t, sqldb), readSchema(t, sqldb)

	_, err = Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "foreign_keys_hold") {
		t.Fatalf("Open with a dangling reference: %v, want the migration's foreign key check to fail", err)
	}

	if v := queryStrings(t, sqldb, `SELECT MAX(version_id) FROM goose_db_version`); v[0] != "5" {
		t.Errorf("version = %s, want 5", v[0])
	}
	if got := readSchema(t, sqldb); !reflect.DeepEqual(got, sch) {
		compareSchemas(t, sch, got, false)
		t.Error("the schema changed")
	}
	if got := dump(t, sqldb); !reflect.DeepEqual(got, rows) {
		t.Error("the rows changed")
	}
	// The file opens once the reference is mended.
	execAll(t, sqldb, `DELETE FROM request_events WHERE request_id = 99`)
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
}

func TestBooleansMigrationRunsAgainAfterCrashBeforeVersionRecorded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 5)
	sqldb := rawDB(t, path)
	fillVersion5(t, sqldb)
	migrateTo(t, path, 6) // later migrations would change rows this test compares
	rows, sch := dump(t, sqldb), readSchema(t, sqldb)
	// The migration commits its own transaction; goose records the version after it. A crash in
	// between leaves the new schema at version 5, and the next start runs the migration again.
	execAll(t, sqldb, `DELETE FROM goose_db_version WHERE version_id = 6`)
	migrateTo(t, path, 6)
	if v := queryStrings(t, sqldb, `SELECT MAX(version_id) FROM goose_db_version`); v[0] != "6" {
		t.Errorf("version = %s, want 6", v[0])
	}
	if got := readSchema(t, sqldb); !reflect.DeepEqual(got, sch) {
		compareSchemas(t, sch, got, false)
		t.Error("the schema differs from the first run's")
	}
	if got := dump(t, sqldb); !reflect.DeepEqual(got, rows) {
		t.Error("the rows differ from the first run's")
	}
}

func TestBooleansMigrationDown(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh.db")
	migrateTo(t, fresh, 5)
	want := readSchema(t, rawDB(t, fresh))

	path := filepath.Join(dir, "t.db")
	migrateTo(t, path, 5)
	sqldb := rawDB(t, path)
	fillVersion5(t, sqldb)
	rows := dump(t, sqldb)
	migrateTo(t, path, 6)
	p, err := newProvider(sqldb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 5); err != nil {
		t.Fatal(err)
	}
	compareSchemas(t, want, readSchema(t, sqldb), false)
	if got := dump(t, sqldb); !reflect.DeepEqual(got, rows) {
		t.Error("the rows changed going down")
	}
}

func TestRestoreMigratesAVersion5Backup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	backup := func(name string, extra ...string) string {
		path := filepath.Join(dir, name)
		migrateTo(t, path, 5)
		sqldb, err := openRaw(path)
		if err != nil {
			t.Fatal(err)
		}
		defer sqldb.Close()
		sqldb.SetMaxOpenConns(1) // the pragmas below must reach the connection the inserts use
		fillVersion5(t, sqldb)
		execAll(t, sqldb, extra...)
		execAll(t, sqldb, `PRAGMA wal_checkpoint(TRUNCATE)`)
		return path
	}
	good := backup("good.db")
	bad := backup("bad.db", `PRAGMA foreign_keys = OFF`,
		`INSERT INTO request_events (request_id, to_status, action, at) VALUES (99, 'x', 'x', 'x')`, `PRAGMA foreign_keys = ON`)

	d, err := Open(ctx, filepath.Join(dir, "live", "tandem.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SQL.SetMaxOpenConns(3)
	// The pool the app goes on using: foreign keys on and no transaction left open on any connection.
	checkPool := func(when string) {
		t.Helper()
		var conns []*sql.Conn
		for i := 0; i < 3; i++ {
			c, err := d.SQL.Conn(ctx)
			if err != nil {
				t.Fatal(err)
			}
			conns = append(conns, c)
			var fk int
			if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
				t.Errorf("%s: connection %d: foreign_keys = %d (%v)", when, i, fk, err)
			}
			// BEGIN fails inside a transaction.
			if _, err := c.ExecContext(ctx, `BEGIN`); err != nil {
				t.Errorf("%s: connection %d was left in a transaction: %v", when, i, err)
			} else if _, err := c.ExecContext(ctx, `ROLLBACK`); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range conns {
			c.Close()
		}
	}
	if _, err := d.Restore(ctx, bad, time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC)); err == nil || !strings.Contains(err.Error(), "foreign_keys_hold") {
		t.Fatalf("restoring a backup whose migration fails: %v", err)
	}
	checkPool("after a failed migration")
	if _, err := d.Restore(ctx, good, time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	checkPool("after restoring")
	p, err := d.Q.GetProgram(ctx, 1)
	if err != nil || !p.PeerMentoring || !p.AllowPastPairs {
		t.Errorf("restored program: %+v %v", p, err)
	}
}

// Migration 7: groups saved with fewer than three people as their smallest or largest size take
// three, as the engine already did; other programs keep their sizes.
func TestGroupSizesMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 6)
	sqldb := rawDB(t, path)
	execAll(t, sqldb,
		`INSERT INTO programs (name, kind, status, group_min, group_max, created_at, updated_at) VALUES ('Pairs of two', 'group', 'open', 2, 2, 'x', 'x')`,
		`INSERT INTO programs (name, kind, status, group_min, group_max, created_at, updated_at) VALUES ('Fours', 'group', 'open', 4, 6, 'x', 'x')`,
		`INSERT INTO programs (name, kind, status, group_min, group_max, created_at, updated_at) VALUES ('Evergreen', 'evergreen', 'open', 0, 0, 'x', 'x')`)
	if err := migrateLatest(path); err != nil {
		t.Fatal(err)
	}
	got := queryStrings(t, sqldb, `SELECT name || ':' || group_min || '-' || group_max FROM programs ORDER BY id`)
	want := []string{"Pairs of two:3-3", "Fours:4-6", "Evergreen:0-0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after migration 7: %v, want %v", got, want)
	}
}

// Open checks the file on one connection before it migrates: the queries must still be prepared
// against the migrated schema (migration 8's UNIQUE is what AddPairPreference's ON CONFLICT names).
func TestOpenPreparesAgainstTheMigratedSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 7)
	d, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("opening a version 7 file: %v", err)
	}
	d.Close()
}

// Migration 8 keeps every preference; going down keeps the forbid where a forbid and a wish
// share a pair.
func TestForbidAndWishMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	migrateTo(t, path, 8)
	sqldb := rawDB(t, path)
	execAll(t, sqldb,
		`INSERT INTO programs (id, name, kind, status, created_at, updated_at) VALUES (1, 'P', 'evergreen', 'open', 'x', 'x')`,
		`INSERT INTO people (id, name, email, created_at, updated_at) VALUES (1, 'A', 'a@x.org', 'x', 'x'), (2, 'B', 'b@x.org', 'x', 'x')`,
		`INSERT INTO participants (id, program_id, person_id, is_mentee, is_peer, status, enrolled_at, updated_at) VALUES (1, 1, 1, 1, 1, 'active', 'x', 'x'), (2, 1, 2, 1, 1, 'active', 'x', 'x')`,
		`INSERT INTO pair_preferences (program_id, participant_id, other_id, kind, rank, created_at) VALUES (1, 1, 2, 'wish', 1, 'x'), (1, 1, 2, 'forbid', 0, 'x')`)
	p, err := newProvider(sqldb)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(context.Background(), 7); err != nil {
		t.Fatal(err)
	}
	if got := queryStrings(t, sqldb, `SELECT kind FROM pair_preferences`); !reflect.DeepEqual(got, []string{"forbid"}) {
		t.Errorf("after going down: %v, want the forbid", got)
	}
}
