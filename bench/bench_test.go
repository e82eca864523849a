package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain lets the test binary double as the benchmark's bare WebSocket baseline server.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "wsbaseline" {
		runBaselineWSServer()
		return
	}
	os.Exit(m.Run())
}

// TestSmoke runs every figure of the benchmark at tiny sizes (SQLite only) against a freshly
// built server, so that the benchmark cannot rot. It asserts only that each figure produced
// numbers: timings on a test machine mean nothing.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the server")
	}
	dir := t.TempDir()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "kyc-server")
	build := exec.Command("go", "build", "-o", bin, "./server")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./server: %v\n%s", err, out)
	}
	cfg := smokeConfig()
	cfg.serverBin = bin
	cfg.out = filepath.Join(dir, "RESULTS.md")
	var log strings.Builder
	cfg.stdout = &log
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	rep, err := run(ctx, cfg)
	if err != nil {
		t.Fatalf("smoke run: %v\n%s", err, log.String())
	}
	for fig := 1; fig <= 5; fig++ {
		ok := false
		for _, r := range rep.rows {
			if r.Figure != fig {
				continue
			}
			if strings.HasPrefix(r.Verdict, "ERROR") {
				t.Errorf("figure %d: %s", fig, r.Verdict)
			}
			// The KYC app may not be built on this machine: saying so is an answer too.
			if r.Numbers || (fig == 5 && r.Measured == "not built") {
				ok = true
			}
		}
		if !ok {
			t.Errorf("figure %d produced no numbers", fig)
		}
	}
	md, err := os.ReadFile(cfg.out)
	if err != nil || !strings.Contains(string(md), "| # | Figure |") {
		t.Errorf("no Markdown table written: %v", err)
	}
	if t.Failed() {
		t.Logf("run log:\n%s", log.String())
	}
}
