package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// The -pprof mode builds the server with one extra file, added through `go build -overlay`
// (the repository is not touched), that serves net/http/pprof on a second loopback port. The
// figures then save CPU and heap profiles of the server under load into the profile folder.
const pprofOverlaySrc = `package main

import (
	"net/http"
	_ "net/http/pprof"
	"os"
)

func init() {
	if addr := os.Getenv("KYC_BENCH_PPROF_ADDR"); addr != "" {
		go func() { _ = http.ListenAndServe(addr, nil) }()
	}
}
`

// buildServerWithPprof compiles ./server plus the pprof file into dir.
func buildServerWithPprof(root, dir string) (string, error) {
	src := filepath.Join(dir, "zz_bench_pprof.go")
	if err := os.WriteFile(src, []byte(pprofOverlaySrc), 0o644); err != nil {
		return "", err
	}
	ov, _ := json.Marshal(map[string]any{"Replace": map[string]string{
		filepath.Join(root, "server", "zz_bench_pprof.go"): src,
	}})
	ovPath := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ovPath, ov, 0o644); err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "kyc-server-pprof")
	cmd := exec.Command("go", "build", "-overlay", ovPath, "-o", bin, "./server")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build -overlay ./server: %w\n%s", err, out)
	}
	return bin, nil
}

// profile fetches /debug/pprof/<kind> of a server started in -pprof mode into the profile
// folder, then writes the `go tool pprof -top` text next to it. It does nothing without -pprof.
func (e *env) profile(ctx context.Context, p *proc, kind, query, name string) {
	if e.cfg.profileDir == "" || p.pprofAddr == "" {
		return
	}
	hc := &http.Client{Timeout: 5 * time.Minute}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+p.pprofAddr+"/debug/pprof/"+kind+"?"+query, nil)
	resp, err := hc.Do(req)
	if err != nil {
		e.log("pprof %s: %v", name, err)
		return
	}
	defer resp.Body.Close()
	if err := os.MkdirAll(e.cfg.profileDir, 0o755); err != nil {
		return
	}
	path := filepath.Join(e.cfg.profileDir, name+".pprof")
	f, err := os.Create(path)
	if err != nil {
		return
	}
	_, err = io.Copy(f, resp.Body)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		e.log("pprof %s: %v", name, err)
		return
	}
	args := []string{"tool", "pprof", "-top", "-nodecount=40"}
	if kind == "heap" {
		args = append(args, "-sample_index=inuse_space")
	}
	out, err := exec.Command("go", append(args, e.pprofBin, path)...).CombinedOutput()
	if err == nil {
		_ = os.WriteFile(strings.TrimSuffix(path, ".pprof")+".top.txt", out, 0o644)
	}
	e.log("pprof: saved %s", path)
}
