package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

const (
	reviewerEmail    = "bench-reviewer@example.com"
	reviewerPassword = "bench-password-123"
)

// moduleRoot finds the repository root (the folder with go.mod).
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	p := strings.TrimSpace(string(out))
	if p == "" || p == os.DevNull {
		return "", errors.New("run the benchmark inside the repository (no go.mod found)")
	}
	return filepath.Dir(p), nil
}

// buildServer compiles ./server into dir and returns the binary's path.
func buildServer(root, dir string) (string, error) {
	bin := filepath.Join(dir, "kyc-server")
	cmd := exec.Command("go", "build", "-o", bin, "./server")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./server: %w\n%s", err, out)
	}
	return bin, nil
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// proc is a child server process on loopback.
type proc struct {
	name string
	cmd  *exec.Cmd
	base string // http://127.0.0.1:PORT
	dir  string
	log  *os.File
	exit chan error
	// pprofAddr is where a -pprof server serves net/http/pprof.
	pprofAddr string
}

// startProc runs bin (with args) with env, on a fresh loopback port given as ADDR, and waits
// for its readiness path.
func startProc(ctx context.Context, name, bin string, args []string, env []string, dir string) (*proc, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	logf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Env = append(cmd.Env, "ADDR="+addr, "PUBLIC_URL=http://"+addr)
	cmd.Stdout = logf
	cmd.Stderr = logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	p := &proc{name: name, cmd: cmd, base: "http://" + addr, dir: dir, log: logf, exit: make(chan error, 1)}
	go func() { p.exit <- cmd.Wait() }()
	deadline := time.Now().Add(90 * time.Second)
	hc := &http.Client{Timeout: 2 * time.Second}
	for {
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("%s not ready after 90s (log: %s)", name, logf.Name())
		}
		select {
		case err := <-p.exit:
			p.exit <- err
			return nil, fmt.Errorf("%s exited during start-up: %w; log:\n%s", name, err, tail(logf.Name(), 20))
		case <-ctx.Done():
			p.stop()
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		resp, err := hc.Get(p.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, nil
			}
		}
	}
}

// startServer runs the KYC server with a fresh data folder; databaseURL empty means SQLite.
func startServer(ctx context.Context, bin, dir, databaseURL string, extraEnv ...string) (*proc, error) {
	env := []string{
		"DATA_DIR=" + filepath.Join(dir, "data"),
		"DATABASE_URL=" + databaseURL,
		"KYC_REVIEWER_EMAIL=" + reviewerEmail,
		"KYC_REVIEWER_PASSWORD=" + reviewerPassword,
		"APP_ORIGINS=",
		"LOG_FORMAT=text",
		// The load comes from one address: no per-address limits.
		"CASE_RATE_LIMIT=0",
		"LOGIN_RATE_LIMIT=0",
	}
	return startProc(ctx, "kyc-server", bin, nil, append(env, extraEnv...), dir)
}

func (p *proc) pid() int { return p.cmd.Process.Pid }

// stop ends the process: SIGTERM, then SIGKILL after 10 s.
func (p *proc) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	var exitErr error // a process ended by a signal reports it; nothing to act on
	select {
	case exitErr = <-p.exit:
	case <-time.After(10 * time.Second):
		_ = p.cmd.Process.Kill()
		exitErr = <-p.exit
	}
	_ = exitErr
	p.log.Close()
}

// rssKB reads VmRSS of pid from /proc, in KiB.
func rssKB(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			fields := strings.Fields(v)
			if len(fields) > 0 {
				return strconv.ParseInt(fields[0], 10, 64)
			}
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}

func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// pgBinDir returns the newest /usr/lib/postgresql/*/bin holding initdb and pgbench, or "".
func pgBinDir() string {
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return versionLess(dirs[i], dirs[j]) })
	for i := len(dirs) - 1; i >= 0; i-- {
		if fileExists(filepath.Join(dirs[i], "initdb")) {
			return dirs[i]
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p)
	}
	return ""
}

func versionLess(a, b string) bool {
	va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
	vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
	return va < vb
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// pgCluster is a throwaway PostgreSQL started by scripts/pg.sh.
type pgCluster struct {
	root, dir string
	url       string // …/postgres
	bin       string
	version   string
	durable   bool // fsync, synchronous_commit and full_page_writes on (PostgreSQL's defaults)
}

// startPG starts a throwaway cluster: with scripts/pg.sh's fast, not crash-safe settings,
// or with PostgreSQL's durable defaults (PG_DURABLE=1).
func startPG(ctx context.Context, root string, durable bool) (*pgCluster, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	// pg.sh hands the folder to the postgres user when run as root: keep it directly under
	// /tmp so that user can reach it.
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("kyc-bench-pg-%d", os.Getpid()))
	if durable {
		dir += "-durable"
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(cctx, filepath.Join(root, "scripts", "pg.sh"), "start", dir, strconv.Itoa(port))
	if durable {
		cmd.Env = append(os.Environ(), "PG_DURABLE=1")
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		_ = exec.Command(filepath.Join(root, "scripts", "pg.sh"), "stop", dir).Run()
		return nil, fmt.Errorf("scripts/pg.sh start: %w: %s", err, stderr.String())
	}
	c := &pgCluster{root: root, dir: dir, url: strings.TrimSpace(string(out)), bin: pgBinDir(), durable: durable}
	conn, err := pgx.Connect(ctx, c.url)
	if err == nil {
		_ = conn.QueryRow(ctx, "SHOW server_version").Scan(&c.version)
		conn.Close(ctx)
	}
	return c, nil
}

func (c *pgCluster) stop() {
	if c == nil {
		return
	}
	_ = exec.Command(filepath.Join(c.root, "scripts", "pg.sh"), "stop", c.dir).Run()
}

// createDB creates a fresh database and returns its URL.
func (c *pgCluster) createDB(ctx context.Context, name string) (string, error) {
	conn, err := pgx.Connect(ctx, c.url)
	if err != nil {
		return "", err
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		return "", err
	}
	return strings.Replace(c.url, "/postgres?", "/"+name+"?", 1), nil
}

// cpuSeconds is the user+system CPU time of pid so far (from /proc/<pid>/stat).
func cpuSeconds(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the parenthesised command name; utime and stime are fields 14 and 15.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (ut + st) / 100 // USER_HZ is 100 on Linux
}

// selfCPUSeconds is this process's own user+system CPU time.
func selfCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
