package mail

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// CleanTemp removes from dir the temporary files a draft export leaves behind when it is
// killed between creating one and renaming it into place (".<name>.eml.<digits>.tmp", see
// WriteDrafts), and returns how many it removed. Nothing else in dir is touched, nor are
// sub-folders read. A missing dir is no error. Call it when no export is running, at start-up.
func CleanTemp(dir string) (int, error) {
	if dir == "" {
		return 0, nil
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("clean the drafts folder: %w", err)
	}
	removed := 0
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() || !isDraftTemp(e.Name()) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed++
	}
	if len(errs) > 0 {
		return removed, fmt.Errorf("clean the drafts folder: %w", errors.Join(errs...))
	}
	return removed, nil
}

// isDraftTemp reports whether name is a temporary file of writeFileAtomic for a draft:
// "." + "<name>.eml" + "." + digits + ".tmp".
func isDraftTemp(name string) bool {
	rest, ok := strings.CutPrefix(name, ".")
	if !ok {
		return false
	}
	rest, ok = strings.CutSuffix(rest, ".tmp")
	if !ok {
		return false
	}
	i := strings.LastIndexByte(rest, '.')
	if i < 0 || i == len(rest)-1 || strings.Trim(rest[i+1:], "0123456789") != "" {
		return false
	}
	return strings.HasSuffix(rest[:i], ".eml") && len(rest[:i]) > len(".eml")
}
