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

func run(cmd cli.Command) (err error) {
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
		slog.Warn("no log file; logging to standard error", "err", err) // the window says why
		logPath, closeLog = "", func() {}
	}
	defer closeLog()
	defer func() { err = app.CommandError(err, logPath) }()
	ctx := context.Background()
	secrets := app.EnvSecrets(os.Getenv("TANDEM_SMTP_PASSWORD"), &app.KeyringSecrets{})
	o, err := app.Open(ctx, path, time.Now, secrets, cmd.ReadOnly())
	if err != nil {
		if cmd.Name == "run" {
			return showProblem(app.NewLaunch(ctx, path, logPath, err, time.Now))
		}
		return err
	}
	defer o.Close()
	s := o.Services

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
	case "outbox-send":
		return outboxSend(s, cmd)
	}

	slog.Info("opening Tandem", "db", path)
	launch, launchStartup := app.NewLaunch(ctx, path, logPath, nil, time.Now)
	return wails.Run(window(append(s.Bindings(), launch), func(ctx context.Context) {
		launchStartup(ctx)
		s.Startup(ctx)
	}, s.Shutdown, logPath))
}

// showProblem opens the window with only the launch service bound: it says what stands between
// Tandem and its data and offers what can be done.
func showProblem(launch *app.Launch, startup func(context.Context)) error {
	p := launch.Problem()
	slog.Warn("Tandem could not open its data", "kind", p.Kind, "message", p.Message)
	if app.BindingsBuild {
		return nil
	}
	return wails.Run(window([]any{launch}, startup, nil, p.LogPath))
}

func window(bind []any, startup func(context.Context), shutdown func(context.Context), logPath string) *options.App {
	return &options.App{
		Title:            "Tandem",
		Width:            1280,
		Height:           820,
		MinWidth:         960,
		MinHeight:        600,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 248, G: 249, B: 250, A: 255},
		OnStartup:        startup,
		OnShutdown:       shutdown,
		Bind:             bind,
		ErrorFormatter:   app.ErrorFormatter(logPath),
		Linux:            &linux.Options{ProgramName: "tandem"},
	}
}

func outboxSend(s *app.Services, cmd cli.Command) error {
	var srv *app.SMTPServer
	if c := cmd.SMTP; c != nil {
		srv = &app.SMTPServer{Host: c.Host, Port: c.Port, Username: c.Username, Security: c.Security}
	}
	p, err := s.SendQueued(srv, func(line string) { fmt.Println(line) })
	if err != nil {
		return err
	}
	fmt.Printf("%d sent, %d failed, %d not sent.\n", p.Sent, p.Failed, p.Total-p.Done)
	if p.Message != "" && (p.Failed > 0 || p.Done < p.Total) {
		fmt.Println(p.Message)
	}
	if p.Failed > 0 || p.Done < p.Total {
		return errors.New("not every queued email was sent")
	}
	return nil
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
