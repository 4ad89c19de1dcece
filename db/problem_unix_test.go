//go:build unix

package db

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// A file the user cannot write is read-only, found before SQLite fails at the first write. As
// root permissions do not apply, so the check runs in a child process as nobody.
func TestOpenReadOnlySaysWhereAndWhy(t *testing.T) {
	if p := os.Getenv("TANDEM_READONLY_CHILD"); p != "" {
		_, err := Open(context.Background(), p)
		var oe *OpenError
		if errors.As(err, &oe) {
			os.Stdout.WriteString(oe.Kind + "|" + oe.Message)
		} else {
			os.Stdout.WriteString("other|" + strings.ReplaceAll(strconv.Quote(errString(err)), "|", "/"))
		}
		return
	}
	path := newFile(t)
	dir := filepath.Dir(path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	cmd := exec.Command(os.Args[0], "-test.run=^TestOpenReadOnlySaysWhereAndWhy$")
	cmd.Env = append(os.Environ(), "TANDEM_READONLY_CHILD="+path)
	if os.Geteuid() == 0 {
		for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
			if st, err := os.Stat(d); err == nil && st.Mode().Perm()&0o005 != 0o005 {
				os.Chmod(d, st.Mode().Perm()|0o005) // nobody must reach the file to read it
				defer os.Chmod(d, st.Mode().Perm())
			}
		}
		// nobody cannot run the test binary where go test built it: a copy it can.
		bin, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		bindir, err := os.MkdirTemp("", "tandem-child-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(bindir)
		os.Chmod(bindir, 0o755)
		cmd.Path = filepath.Join(bindir, "db.test")
		if err := os.WriteFile(cmd.Path, bin, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd.Dir = bindir
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v %s", err, out)
	}
	kind, msg, _ := strings.Cut(strings.TrimSuffix(strings.TrimSpace(string(out)), "PASS"), "|")
	if kind != ReadOnly || !strings.Contains(msg, path) || !strings.Contains(msg, "cannot write") {
		t.Errorf("got %s %q", kind, msg)
	}
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}
