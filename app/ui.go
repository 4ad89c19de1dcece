package app

import (
	"context"
	"errors"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// UI is the part of the desktop window the services use: native dialogs. Wails' runtime calls
// kill the process outside a real window, so tests and the sample command use noUI.
type UI interface {
	SaveFile(defaultName, filterName, pattern string) (string, error)
}

type wailsUI struct{ ctx context.Context }

func (u wailsUI) SaveFile(defaultName, filterName, pattern string) (string, error) {
	return runtime.SaveFileDialog(u.ctx, runtime.SaveDialogOptions{DefaultFilename: defaultName,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}})
}

type noUI struct{}

func (noUI) SaveFile(string, string, string) (string, error) {
	return "", errors.New("saving a file needs the desktop window")
}
