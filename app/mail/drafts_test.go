package mail

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDraftNamesFitFileSystems: a subject of 4-byte letters (and the largest id) still gives a
// draft name — and a temporary name while it is written — within the 255 bytes file systems
// allow, cut at a character boundary, so the draft is exported.
func TestDraftNamesFitFileSystems(t *testing.T) {
	dir := t.TempDir()
	subjects := []string{
		strings.Repeat("𠀀", 100),       // U+20000, 4 bytes each
		strings.Repeat("𝒜𐐀", 70),       // 4-byte letters of two scripts
		strings.Repeat("日本", 70),       // 3 bytes each
		"a" + strings.Repeat("😀𠀀", 60), // symbols become dashes, letters stay
		strings.Repeat("é ", 100),
	}
	for i, subject := range subjects {
		m := sampleMessage()
		m.ID = math.MaxInt64 - int64(i)
		m.Subject = subject
		name := draftName(m)
		if tmp := len("." + name + ".4294967295.tmp"); tmp > 255 {
			t.Errorf("subject %d: temporary name of %q would be %d bytes", i, name, tmp)
		}
		if !utf8.ValidString(name) {
			t.Errorf("subject %d: %q is cut inside a character", i, name)
		}
		paths, err := WriteDrafts(dir, []Message{m})
		if err != nil {
			t.Fatalf("subject %d: %v", i, err)
		}
		if base := filepath.Base(paths[0]); len(base) > 255 || base != name {
			t.Errorf("subject %d: written as %q (%d bytes)", i, base, len(base))
		}
	}
	m := sampleMessage()
	m.Subject = strings.Repeat("𠀀", 100)
	safe := strings.TrimSuffix(strings.TrimPrefix(draftName(m), "42-"), ".eml")
	if safe != strings.Repeat("𠀀", 30) {
		t.Errorf("4-byte subject cut to %q (%d bytes), want 30 letters (120 bytes)", safe, len(safe))
	}
}

// TestCleanTemp: the temporary files a killed export leaves behind are removed at start;
// drafts, the admin's own files and folders are kept.
func TestCleanTemp(t *testing.T) {
	dir := t.TempDir()
	// What a killed WriteDrafts leaves: its temporary file, created the same way.
	m := sampleMessage()
	tmp, err := os.CreateTemp(dir, "."+draftName(m)+".*.tmp")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = tmp.WriteString("half a draft")
	_ = tmp.Close()
	if _, err := WriteDrafts(dir, []Message{m}); err != nil {
		t.Fatal(err)
	}
	stale := []string{filepath.Base(tmp.Name()), ".7-Ol%C3%A1.eml.12.tmp"}
	kept := []string{"42-Welcome-to-the-program.eml", ".hidden.tmp", "notes.tmp", ".x.eml.abc.tmp", ".eml.1.tmp", "x.eml.1.tmp"}
	for _, n := range stale[1:] {
		writeFile(t, filepath.Join(dir, n))
	}
	for _, n := range kept[1:] {
		writeFile(t, filepath.Join(dir, n))
	}
	if err := os.Mkdir(filepath.Join(dir, ".9-dir.eml.1.tmp"), 0o700); err != nil {
		t.Fatal(err)
	}
	kept = append(kept, ".9-dir.eml.1.tmp")

	n, err := CleanTemp(dir)
	if err != nil || n != len(stale) {
		t.Fatalf("CleanTemp = %d, %v; want %d removed", n, err, len(stale))
	}
	for _, s := range stale {
		if _, err := os.Stat(filepath.Join(dir, s)); !os.IsNotExist(err) {
			t.Errorf("%s left behind", s)
		}
	}
	for _, k := range kept {
		if _, err := os.Stat(filepath.Join(dir, k)); err != nil {
			t.Errorf("%s removed: %v", k, err)
		}
	}
	if n, err := CleanTemp(filepath.Join(dir, "missing")); n != 0 || err != nil {
		t.Errorf("CleanTemp of a missing folder = %d, %v", n, err)
	}
	if n, err := CleanTemp(""); n != 0 || err != nil {
		t.Errorf("CleanTemp of no folder = %d, %v", n, err)
	}
}

func writeFile(t *testing.T, path string) {
	t.Helper()
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
}
