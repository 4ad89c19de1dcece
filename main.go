// Command tandem is the Tandem desktop app: mentoring programs run from a laptop, all data in
// one local SQLite file. main only wires: it parses the command line, opens the database (after
// a backup), builds the services and hands them to Wails.
package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"tandem/app"
	"tandem/app/cli"
	"tandem/db"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	cmd, err := cli.Parse(os.Args[1:], os.Stderr)
	switch {
	case errors.Is(err, cli.ErrHelp):
		os.Exit(0)
	case err != nil:
		os.Exit(2)
	}
	if err := run(cmd); err != nil {
		fmt.Fprintln(os.Stderr, "tandem:", err)
		os.Exit(1)
	}
}

func run(cmd cli.Command) error {
	if cmd.Name == "version" {
		fmt.Println("tandem", app.Version)
		return nil
	}
	path := cmd.DB
	if app.BindingsBuild { // generating bindings must not touch the admin's database
		dir, err := os.MkdirTemp("", "tandem-bindings-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "bindings.db")
	}
	if path == "" {
		p, err := app.DefaultDBPath()
		if err != nil {
			return err
		}
		path = p
	}
	logPath, closeLog, err := app.OpenLog(path)
	if err != nil {
		return err
	}
	defer closeLog()
	ctx := context.Background()
	if _, err := db.Backup(ctx, path, time.Now()); err != nil {
		return err
	}
	d, err := db.Open(ctx, path)
	if err != nil {
		return err
	}
	defer d.Close()

	s := app.NewServices(ctx, d, time.Now, &app.KeyringSecrets{})
	if err := s.Recover(); err != nil {
		return err
	}
	switch cmd.Name {
	case "sample":
		res, err := s.System.LoadSample()
		if err != nil {
			return err
		}
		fmt.Printf("Added the sample organisation to %s: %d people, %d programs.\n", path, res.People, len(res.Programs))
		return nil
	case "export-ics":
		return exportICS(s, cmd)
	case "outbox-export":
		p, err := s.ExportQueuedDrafts(cmd.Dir)
		if err != nil {
			return err
		}
		fmt.Printf("Saved %d queued emails as drafts in %s.\n", p.Sent, cmd.Dir)
		if p.Failed > 0 {
			return fmt.Errorf("%d emails could not be saved: %s", p.Failed, p.Message)
		}
		return nil
	}

	slog.Info("opening Tandem", "db", path)
	return wails.Run(&options.App{
		Title:            "Tandem",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 255},
		OnStartup:        s.Startup,
		OnShutdown:       s.Shutdown,
		Bind:             s.Bindings(),
		ErrorFormatter:   app.ErrorFormatter(logPath),
		Linux:            &linux.Options{ProgramName: "tandem"},
	})
}

func exportICS(s *app.Services, cmd cli.Command) error {
	cal, err := s.Sessions.ExportProgram(cmd.Program)
	if err != nil {
		return err
	}
	if cmd.Out == "" || cmd.Out == "-" {
		_, err = os.Stdout.WriteString(cal)
		return err
	}
	return os.WriteFile(cmd.Out, []byte(cal), 0o600)
}
