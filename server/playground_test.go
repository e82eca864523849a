package main

// The playground is served from the binary (issue 14 item 9): GraphiQL built from the npm
// packages into server/web/dist/playground, nothing from another origin.

import (
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
)

// externalRef finds a script, style, link or font loaded from another origin.
var externalRef = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import\s+url\(\s*["']?(https?:)?//|url\(\s*["']?https?://`)

func TestPlaygroundServedFromBinary(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	get := func(path string) (int, http.Header, string) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b)
	}
	status, header, page := get("/playground")
	if status == http.StatusNotFound && strings.Contains(page, "not built") && os.Getenv("CI") == "" {
		t.Skip("the playground is not built: pnpm -r build (CI builds it before go test)")
	}
	if status != http.StatusOK || !strings.Contains(page, `<div id="root">`) {
		t.Fatalf("GET /playground: %d %.200s", status, page)
	}
	if m := externalRef.FindString(page); m != "" {
		t.Fatalf("the playground page loads from another origin: %q", m)
	}
	csp := header.Get("Content-Security-Policy")
	for _, want := range []string{"script-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Fatalf("playground CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
		t.Fatalf("playground CSP %q allows eval or inline scripts", csp)
	}
	// Every script and stylesheet the page names is served from the binary, and none of them
	// loads anything from another origin either.
	assets := regexp.MustCompile(`(?:src|href)="(/playground/assets/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(assets) < 2 {
		t.Fatalf("the page names %d assets, want its script and stylesheet", len(assets))
	}
	for _, a := range assets {
		status, _, body := get(a[1])
		if status != http.StatusOK || len(body) == 0 {
			t.Fatalf("GET %s: %d", a[1], status)
		}
		if strings.HasSuffix(a[1], ".css") {
			if m := externalRef.FindString(body); m != "" {
				t.Fatalf("%s loads from another origin: %q", a[1], m)
			}
		}
	}
	if status, _, _ := get("/playground/"); status != http.StatusOK {
		t.Fatalf("GET /playground/: %d", status)
	}
}

// Without PLAYGROUND the playground is not served.
func TestPlaygroundOff(t *testing.T) {
	cfg := config{DataDir: t.TempDir(), SecretKey: "test-secret-key-0123456789abcdef0123456789", MaxUploadMB: 10}
	ts := startTestServer(t, cfg, nil)
	resp, err := http.Get(ts.URL + "/playground")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		t.Fatal("GET /playground answered 200 with PLAYGROUND off")
	}
}

// GraphiQL's introspection (type references followed nine ofType deep under
// __schema.types.fields.args) passes the depth limit; a query that fans out as deep does not.
func TestPlaygroundIntrospectionDepth(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	typeRef := "kind name"
	for range 9 {
		typeRef = "kind name ofType { " + typeRef + " }"
	}
	q := `{ __schema { types { name fields(includeDeprecated: true) { name args(includeDeprecated: true) { name type { ` + typeRef + ` } } type { ` + typeRef + ` } } } } }`
	var out struct {
		Schema struct{ Types []struct{ Name string } } `json:"__schema"`
	}
	ts.anon(t).mustDo(q, nil, &out)
	if len(out.Schema.Types) < 10 {
		t.Fatalf("introspection returned %d types", len(out.Schema.Types))
	}
	fan := "name"
	for range 7 {
		fan = "name fields { type { " + fan + " } }"
	}
	ts.anon(t).wantCode("BAD_USER_INPUT", `{ __type(name: "Case") { `+fan+` } }`, nil)
}
