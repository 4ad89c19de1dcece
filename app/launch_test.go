package app_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/app"
	"tandem/db"
)

func openData(t *testing.T, path string, readOnly bool) (*app.Opened, error) {
	t.Helper()
	return app.Open(context.Background(), path, func() time.Time { return testNow }, &app.KeyringSecrets{NoKeyring: true}, readOnly)
}

// One Tandem per database: a second start is refused in words, a read-only command still runs,
// and once the first closes the data opens again. A start removes what a killed draft export left.
func TestOpenTakesTheDatabaseForOneTandem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tandem.db")
	first, err := openData(t, path, false)
	if err != nil {
		t.Fatal(err)
	}
	drafts := t.TempDir()
	st, _ := first.Settings.Get()
	st.Delivery, st.DraftsDir, st.AdminEmail = "drafts", drafts, "sam@example.org"
	if _, err := first.Settings.Save(st); err != nil {
		t.Fatal(err)
	}
	_, err = openData(t, path, false)
	var oe *db.OpenError
	if !errors.As(err, &oe) || oe.Kind != db.Locked || !strings.Contains(oe.Message, "already open with this data") {
		t.Fatalf("second start: %v", err)
	}
	ro, err := openData(t, path, true)
	if err != nil {
		t.Fatalf("a read-only command beside the app: %v", err)
	}
	if _, err := ro.Programs.List(); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	first.Close()

	leftover := filepath.Join(drafts, ".invite.eml.123456.tmp")
	if err := os.WriteFile(leftover, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	again, err := openData(t, path, false)
	if err != nil {
		t.Fatalf("start after the first closed: %v", err)
	}
	defer again.Close()
	if _, err := os.Stat(leftover); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the start left %s: %v", leftover, err)
	}
}

// A damaged file opens the problem window offering the newest good backup, in words.
func TestLaunchOffersTheNewestGoodBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tandem.db")
	o, err := openData(t, path, false) // no file yet: no backup
	if err != nil {
		t.Fatal(err)
	}
	o.Close()
	if o, err = openData(t, path, false); err != nil { // this start backs it up
		t.Fatal(err)
	}
	o.Close()
	if err := os.WriteFile(path, []byte("not a database at all, but long enough to look like a file"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	_, err = openData(t, path, false)
	if err == nil {
		t.Fatal("a damaged file opened")
	}
	l, _ := app.NewLaunch(context.Background(), path, "/logs/tandem.log", err, func() time.Time { return testNow })
	p := l.Problem()
	if p.Kind != "damaged" || p.Backup == "" || p.BackupAt == "" || !strings.Contains(p.Message, "not a Tandem data file") {
		t.Errorf("problem = %+v", p)
	}
	none, _ := app.NewLaunch(context.Background(), path, "", nil, func() time.Time { return testNow })
	if none.Problem().Kind != "" {
		t.Errorf("no error, yet a problem: %+v", none.Problem())
	}
}
