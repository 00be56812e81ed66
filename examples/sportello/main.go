// Command sportello is the reference help-desk (sportello immigrati) app:
// a small web page, served on this computer only, where an operator finds
// the resident in front of them, sees the pre-filled Modulo 1 with every
// problem beside its field, the indicative fees and the documents to
// bring, downloads the single-applicant ELI2 import file and prints the
// reminder letter.
//
//	go run ./examples/sportello --db sqlite:demo.db
//	go run ./examples/sportello --demo
//
// It listens on 127.0.0.1 only (a free port unless --addr) and prints a
// URL with a random token: every request without the token (or the cookie
// set on the first visit) or from another address is refused. The
// operator's name is asked once and written on every line of the audit log
// (--audit, by default sportello-audit.jsonl beside the register, mode 0600).
// The pages use no JavaScript and no external resource, under a strict
// Content-Security-Policy.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/demo"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// demoPersons and demoSeed make the demo register of `eli2 export --demo`.
const (
	demoPersons = 2000
	demoSeed    = 1
)

// auditFile is the default audit log's name, beside the register.
const auditFile = "sportello-audit.jsonl"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sportello", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "anagrafe: sqlite:FILE or postgres://…")
	useDemo := fs.Bool("demo", false, "use the demo register (created on first use in the user cache directory)")
	addr := fs.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	auditPath := fs.String("audit", "", "audit log (default: "+auditFile+" beside the register)")
	showPD := fs.Bool("show-personal-data", false, "show codici fiscali in full in the preview")
	officeName := fs.String("office", "Ufficio Anagrafe – Sportello immigrati", "help desk printed on the letters")
	comune := fs.String("comune", "", "comune printed on the letters (Comune di …)")
	officeAddr := fs.String("office-address", "", "address of the help desk, printed on the letters")
	hours := fs.String("hours", "", "opening hours, printed on the letters")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if (*db == "") == !*useDemo || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "sportello: use --db URL or --demo")
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	url, dir := *db, "."
	if *useDemo {
		path, err := demoRegister(ctx)
		if err != nil {
			fmt.Fprintln(stderr, "sportello: demo register:", err)
			return 1
		}
		url, dir = "sqlite:"+path, filepath.Dir(path)
	} else if d, dsn, err := sqlreg.ParseURL(url); err == nil && d == sqlreg.SQLite {
		dir = filepath.Dir(dsn)
	}
	src, err := sqlreg.Open(ctx, url, sqlreg.Options{})
	if err != nil {
		fmt.Fprintln(stderr, "sportello:", err)
		return 1
	}
	defer src.Close()
	if *auditPath == "" {
		*auditPath = filepath.Join(dir, auditFile)
	}
	audit, err := anagrafe.OpenAuditLog(*auditPath)
	if err != nil {
		fmt.Fprintln(stderr, "sportello:", err)
		return 1
	}
	defer audit.Close()

	ln, err := listenLoopback(*addr)
	if err != nil {
		fmt.Fprintln(stderr, "sportello:", err)
		return 2
	}
	srv, err := NewServer(Config{
		Source: src, Audit: audit, ShowPersonalData: *showPD,
		Office: desk.Office{Comune: *comune, Name: *officeName, Address: *officeAddr, Hours: *hours},
	})
	if err != nil {
		fmt.Fprintln(stderr, "sportello:", err)
		return 1
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "Sportello: apri http://%s/?t=%s\n(registro di audit: %s; Ctrl+C per chiudere)\n", ln.Addr(), srv.Token(), *auditPath)
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "sportello:", err)
		return 1
	}
	return 0
}

// listenLoopback listens on addr, which must be a loopback address.
func listenLoopback(addr string) (net.Listener, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("--addr %q: only a loopback address (127.0.0.1, ::1) is allowed", addr)
	}
	return net.Listen("tcp", addr)
}

// demoRegister returns the demo register of `eli2 export --demo` (same
// file name, persons and seed), creating it with demo.CreateSQLite on first
// use in the user cache directory.
func demoRegister(ctx context.Context) (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "eli2sdk")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	path := filepath.Join(dir, "demo-v2.db")
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	_, err = demo.CreateSQLite(ctx, path, demo.Options{Persons: demoPersons, Seed: demoSeed})
	return path, err
}
