// Command server runs the KYC Manual Review API and serves the two apps.
//
//	go run ./server            # SQLite in ./data, http://localhost:8080
//
// See README.md for configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/blobstore"
	"github.com/openkyc/kyc-manual-review/internal/realtime"
	"github.com/openkyc/kyc-manual-review/internal/telemetry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// run starts the server and blocks until ctx ends, or runs a subcommand (verify-audit, reviewers, migrate).
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "verify-audit":
			return verifyAudit(ctx, args[1:], getenv, stdout, stderr)
		case "reviewers":
			return reviewersCmd(ctx, args[1:], getenv, stdout, stderr)
		case "migrate":
			return migrateCmd(ctx, args[1:], getenv, stdout, stderr)
		}
	}
	cfg, err := parseConfig(args, getenv, stderr)
	if err != nil {
		return err
	}
	var handler slog.Handler = slog.NewTextHandler(stdout, nil)
	if cfg.LogFormat == "json" {
		handler = slog.NewJSONHandler(stdout, nil)
	}
	handler = telemetry.RequestIDHandler{Handler: handler}
	log := slog.New(handler)

	app, err := newApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer app.Close()

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           app.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // slow phone uploads
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(handler, slog.LevelWarn),
	}
	db := "sqlite:" + filepath.Join(cfg.DataDir, "kyc.db")
	if cfg.DatabaseURL != "" {
		db = "postgres"
	}
	log.Info("listening", "addr", ln.Addr().String(), "public_url", cfg.PublicURL, "database", db)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Graceful stop: /readyz turns 503 first; after DRAIN_DELAY (for the load balancer to
	// notice), WebSockets close with 1012 so clients reconnect to another replica at once,
	// and in-flight requests finish.
	log.Info("draining", "delay", cfg.DrainDelay)
	app.draining.Store(true)
	time.Sleep(cfg.DrainDelay)
	app.drain()
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 25*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// compile-time checks that the brokers satisfy the resolver's interface.
var (
	_ graph.Broker = (*realtime.Hub)(nil)
	_ graph.Broker = (*realtime.PGBroker)(nil)
	_ graph.Blobs  = blobstore.Dir{}
)
