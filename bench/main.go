// Command bench measures the KYC server against its physical limits and its anchor
// (issue 6). It builds the server, starts it (and a throwaway PostgreSQL when PostgreSQL's
// binaries are installed) on 127.0.0.1, and prints a table that it also writes as Markdown:
//
//	go run ./bench                 # full run, several minutes; writes bench/RESULTS.md
//	go run ./bench -smoke          # every figure at tiny sizes, SQLite only, a few seconds
//
// Every figure is given as a ratio to a baseline measured in the same run, because
// absolute times drift on shared machines. See bench/README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// config sizes a run.
type config struct {
	smoke       bool
	usePG       bool
	pgDurable   bool          // figure 2 also on a PostgreSQL with its durable defaults
	decisions   int           // figure 1
	idleSubs    int           // figure 1
	clients     []int         // figure 2
	duration    time.Duration // figure 2, per client count
	subs        []int         // figure 3
	seedCases   int           // figure 4
	listQueries int           // figure 4
	figures     map[int]bool
	serverBin   string
	profileDir  string   // -pprof: save server CPU/heap profiles here
	serverEnv   []string // -server-env: extra KEY=VALUE for every server process (e.g. GOGC=200)
	out         string
	stdout      io.Writer
}

func fullConfig() config {
	return config{
		usePG:       true,
		pgDurable:   true,
		decisions:   500,
		idleSubs:    100,
		clients:     []int{1, 16, 64},
		duration:    10 * time.Second,
		subs:        []int{1000, 5000, 10000},
		seedCases:   100_000,
		listQueries: 200,
	}
}

func smokeConfig() config {
	return config{
		smoke:       true,
		decisions:   12,
		idleSubs:    5,
		clients:     []int{1, 4},
		duration:    400 * time.Millisecond,
		subs:        []int{20},
		seedCases:   1000,
		listQueries: 10,
	}
}

func main() {
	if os.Getenv(childEnv) == "wsbaseline" {
		runBaselineWSServer()
		return
	}
	var (
		smoke   = flag.Bool("smoke", false, "every figure at tiny sizes, SQLite only, no pgbench (a few seconds)")
		noPG    = flag.Bool("no-pg", false, "skip the PostgreSQL parts even when PostgreSQL is installed")
		durable = flag.Bool("pg-durable", true, "figure 2: also run on a second PostgreSQL with fsync and synchronous_commit on")
		figs    = flag.String("figures", "1,2,3,4,5,6", "comma-separated figures to run")
		out     = flag.String("out", "", "Markdown output (default bench/RESULTS.md for a full run, none for -smoke)")
		bin     = flag.String("server-bin", "", "use this kyc-server binary instead of building ./server")
		dec     = flag.Int("decisions", 0, "figure 1: decisions (default 500)")
		dur     = flag.Duration("duration", 0, "figure 2: measuring time per client count (default 10s)")
		subs    = flag.String("subs", "", "figure 3: subscriber counts, e.g. 1000,5000,10000")
		seed    = flag.Int("cases", 0, "figure 4: seeded cases (default 100000)")
		clients = flag.String("clients", "", "figure 2: client counts, e.g. 1,16,64")
		srvEnv  = flag.String("server-env", "", "extra environment for every server process, comma-separated KEY=VALUE (e.g. GOGC=200), to measure a setting before changing a default")
		prof    = flag.String("pprof", "", "build the server with net/http/pprof (through a build overlay) and save CPU/heap profiles of it under load into this folder")
	)
	flag.Parse()
	cfg := fullConfig()
	if *smoke {
		cfg = smokeConfig()
	}
	if *noPG {
		cfg.usePG = false
	}
	if !*durable {
		cfg.pgDurable = false
	}
	if *dec > 0 {
		cfg.decisions = *dec
	}
	if *dur > 0 {
		cfg.duration = *dur
	}
	if *seed > 0 {
		cfg.seedCases = *seed
	}
	if *subs != "" {
		cfg.subs = intList(*subs)
	}
	if *clients != "" {
		cfg.clients = intList(*clients)
	}
	cfg.figures = map[int]bool{}
	for _, f := range intList(*figs) {
		cfg.figures[f] = true
	}
	cfg.serverBin = *bin
	cfg.profileDir = *prof
	if *srvEnv != "" {
		cfg.serverEnv = strings.Split(*srvEnv, ",")
	}
	cfg.out = *out
	cfg.stdout = os.Stdout
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	_, err := run(ctx, cfg)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func intList(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// row is one line of the results table.
type row struct {
	Figure   int
	Name     string
	Backend  string
	Measured string
	Baseline string
	Ratio    string
	Target   string
	Verdict  string
	Numbers  bool // the row carries measured numbers
}

// report is a whole run.
type report struct {
	rows  []row
	notes map[int][]string
	env   []string
}

func (r *report) add(x row) { r.rows = append(r.rows, x) }
func (r *report) note(fig int, format string, a ...any) {
	r.notes[fig] = append(r.notes[fig], fmt.Sprintf(format, a...))
}

// env is what every figure shares.
type env struct {
	cfg      config
	root     string
	tmp      string
	bin      string
	pprofBin string
	pg       *pgCluster
	pgDur    *pgCluster // PostgreSQL's durable defaults (figure 2's "postgres-durable")
	rep      *report
	log      func(format string, a ...any)
}

// run executes the figures of cfg and returns the report; a failing figure is reported and
// the run goes on.
func run(ctx context.Context, cfg config) (*report, error) {
	if len(cfg.figures) == 0 {
		cfg.figures = map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 6: true}
	}
	if cfg.stdout == nil {
		cfg.stdout = io.Discard
	}
	raiseNoFile()
	start := time.Now()
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "kyc-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	e := &env{cfg: cfg, root: root, tmp: tmp, rep: &report{notes: map[int][]string{}}}
	e.log = func(format string, a ...any) {
		fmt.Fprintf(cfg.stdout, "[%6.1fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	e.bin = cfg.serverBin
	if cfg.profileDir != "" {
		e.log("building ./server with net/http/pprof (build overlay)")
		if e.bin, err = buildServerWithPprof(root, tmp); err != nil {
			return nil, err
		}
		e.pprofBin = e.bin
	} else if e.bin == "" {
		e.log("building ./server")
		if e.bin, err = buildServer(root, tmp); err != nil {
			return nil, err
		}
	}
	pgNote := "PostgreSQL: not used (-smoke or -no-pg)"
	if cfg.usePG && !cfg.smoke {
		if pgBinDir() == "" {
			pgNote = "PostgreSQL: binaries not found, PostgreSQL parts skipped"
		} else {
			e.log("starting a throwaway PostgreSQL (scripts/pg.sh)")
			if e.pg, err = startPG(ctx, root, false); err != nil {
				pgNote = "PostgreSQL: could not start (" + err.Error() + "), PostgreSQL parts skipped"
			} else {
				defer e.pg.stop()
				pgNote = "PostgreSQL " + e.pg.version + " (scripts/pg.sh: fsync=off, synchronous_commit=off) on 127.0.0.1, same machine"
			}
			if e.pg != nil && cfg.pgDurable && cfg.figures[2] {
				e.log("starting a second throwaway PostgreSQL with durable defaults (PG_DURABLE=1 scripts/pg.sh)")
				if e.pgDur, err = startPG(ctx, root, true); err != nil {
					pgNote += "; durable PostgreSQL could not start (" + err.Error() + ")"
				} else {
					defer e.pgDur.stop()
					pgNote += "; figure 2's postgres-durable: a second cluster of the same version with PostgreSQL's defaults (fsync=on, synchronous_commit=on, full_page_writes=on), data on the same disk (" + diskOf(e.pgDur.dir) + ")"
				}
			}
		}
	}
	figures := []struct {
		n  int
		fn func(context.Context, *env) error
	}{{1, fig1}, {2, fig2}, {3, fig3}, {4, fig4}, {5, fig5}, {6, fig6}}
	for _, f := range figures {
		if !cfg.figures[f.n] || ctx.Err() != nil {
			continue
		}
		e.log("figure %d", f.n)
		if err := f.fn(ctx, e); err != nil {
			e.log("figure %d failed: %v", f.n, err)
			e.rep.add(row{Figure: f.n, Name: figureNames[f.n], Verdict: "ERROR: " + firstLine(err.Error())})
		}
	}
	e.rep.env = machine(pgNote, cfg, time.Since(start))
	md := markdown(e.rep, cfg)
	fmt.Fprintln(cfg.stdout)
	fmt.Fprint(cfg.stdout, md)
	outPath := cfg.out
	if outPath == "" && !cfg.smoke {
		outPath = filepath.Join(root, "bench", "RESULTS.md")
	}
	if outPath != "" {
		if err := os.WriteFile(outPath, []byte(md+handWritten(outPath)), 0o644); err != nil {
			return e.rep, err
		}
		e.log("wrote %s", outPath)
	}
	return e.rep, ctx.Err()
}

// handMarker starts the part of a results file that is written by hand (measurements made
// outside `go run ./bench`, such as the photo checks' Go benchmark): a run keeps it.
const handMarker = "<!-- Below: written by hand; go run ./bench keeps it. -->"

// handWritten is the hand-written part of the file at path, from handMarker on, if any.
func handWritten(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	if i := strings.Index(string(b), handMarker); i >= 0 {
		return "\n" + string(b[i:])
	}
	return ""
}

var figureNames = map[int]string{
	1: "Decision → applicant latency",
	2: "Applicant transitions/s",
	3: "Subscribers",
	4: "Backoffice list (first page)",
	5: "KYC app JS, gzipped",
	6: "Decision → applicant, two replicas",
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// raiseNoFile lifts the open-files limit to its hard maximum (10,000 WebSockets need it);
// child servers inherit it.
func raiseNoFile() {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err == nil && l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
	}
}

func noFileLimit() uint64 {
	var l syscall.Rlimit
	_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l)
	return l.Cur
}

func machine(pgNote string, cfg config, took time.Duration) []string {
	mem := "unknown"
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "MemTotal:"); ok {
				if kb, err := strconv.ParseInt(strings.Fields(v)[0], 10, 64); err == nil {
					mem = fmt.Sprintf("%.1f GiB", float64(kb)/(1<<20))
				}
			}
		}
	}
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "model name"); ok {
				cpu = " (" + strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":")) + ")"
				break
			}
		}
	}
	load := ""
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		load = strings.Join(strings.Fields(string(b))[:3], " ")
	}
	mode := "full"
	if cfg.smoke {
		mode = "smoke (tiny sizes: the numbers say nothing about the targets)"
	}
	return []string{
		"Date: " + time.Now().UTC().Format("2006-01-02 15:04 MST"),
		fmt.Sprintf("Machine: %d cores%s, %s memory, %s/%s, load average at the end %s (shared machine)", runtime.NumCPU(), cpu, mem, runtime.GOOS, runtime.GOARCH, load),
		"Go: " + runtime.Version() + fmt.Sprintf(", open-files limit %d", noFileLimit()),
		pgNote,
		"SQLite: the server's own (modernc.org/sqlite, WAL, synchronous=NORMAL) in a temp DATA_DIR",
		"Mode: " + mode + fmt.Sprintf(", run took %s", took.Round(time.Second)),
		"Server environment added: " + map[bool]string{true: "none", false: strings.Join(cfg.serverEnv, " ")}[len(cfg.serverEnv) == 0],
	}
}

func markdown(r *report, cfg config) string {
	var b strings.Builder
	b.WriteString("# Benchmark results\n\n")
	cmd := "go run ./bench"
	if cfg.smoke {
		cmd += " -smoke"
	}
	fmt.Fprintf(&b, "Command: `%s` (from the repository root). Issue 6 defines the figures and targets.\n\n", cmd)
	for _, l := range r.env {
		fmt.Fprintf(&b, "- %s\n", l)
	}
	b.WriteString("\nEvery ratio is against a baseline measured in the same run. Latencies are client-observed over HTTP/WebSocket on 127.0.0.1.\n\n")
	b.WriteString("| # | Figure | Backend | Measured | Baseline (same run) | Ratio | Target | Verdict |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|\n")
	for _, x := range r.rows {
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %s | %s | %s | %s |\n", x.Figure, x.Name, x.Backend, x.Measured, x.Baseline, x.Ratio, x.Target, x.Verdict)
	}
	for f := 1; f <= 6; f++ {
		if len(r.notes[f]) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n**%d. %s**\n\n", f, figureNames[f])
		for _, n := range r.notes[f] {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

// verdict says whether a value meets a bound, and by how much it misses.
func verdictMax(v, limit float64, unit string) string {
	if v <= limit {
		return fmt.Sprintf("met (%.2g× of the bound)", v/limit)
	}
	return fmt.Sprintf("**MISSED** by %s (%.1f× the bound)", fmtNum(v-limit, unit), v/limit)
}

func verdictMin(v, limit float64, unit string) string {
	if v >= limit {
		return fmt.Sprintf("met (%.2g× the bound)", v/limit)
	}
	return fmt.Sprintf("**MISSED** by %s (%.0f%% of the bound)", fmtNum(limit-v, unit), 100*v/limit)
}

func fmtNum(v float64, unit string) string {
	switch unit {
	case "ms":
		return ms(time.Duration(v * float64(time.Millisecond)))
	case "":
		return fmt.Sprintf("%.2f", v)
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.1f %s", v, unit)
}
