// Command smtpd runs the smtptest SMTP server for the browser tests: 127.0.0.1 on a random
// port, STARTTLS with a self-signed certificate, AUTH PLAIN (any user, password "secret").
// It prints "host port" on stdout, writes every message it accepts into -dir as <n>.eml
// (and the certificate to -cert when given), and runs until it is killed.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"tandem/app/mail/smtptest"
)

func main() {
	dir := flag.String("dir", "", "folder the received messages are written to, as <n>.eml (required)")
	cert := flag.String("cert", "", "file the server's certificate (PEM) is written to (optional)")
	flag.Parse()
	if *dir == "" {
		log.Fatal("smtpd: -dir is required")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatalf("smtpd: %v", err)
	}
	srv, err := smtptest.ListenWith(smtptest.Options{
		Kept: func(n int, m smtptest.Received) bool {
			// Written to a temporary name and renamed, so a reader never sees half a message.
			path := filepath.Join(*dir, strconv.Itoa(n)+".eml")
			if err := os.WriteFile(path+".tmp", m.Data, 0o644); err != nil {
				log.Printf("smtpd: %v", err)
				return false
			}
			if err := os.Rename(path+".tmp", path); err != nil {
				log.Printf("smtpd: %v", err)
			}
			return false
		},
	})
	if err != nil {
		log.Fatalf("smtpd: %v", err)
	}
	if *cert != "" {
		if err := os.WriteFile(*cert, srv.CertPEM, 0o644); err != nil {
			log.Fatalf("smtpd: %v", err)
		}
	}
	fmt.Println(srv.Host, srv.Port)

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	<-sig
	_ = srv.Close()
}
