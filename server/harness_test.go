package main

// The harness of the API tests: a real server behind httptest on SQLite or on a fresh
// PostgreSQL database, a small GraphQL client (JSON, multipart uploads) and a minimal
// graphql-transport-ws client.

import (
	"bytes"
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"github.com/openkyc/kyc-manual-review/graph"
	"github.com/openkyc/kyc-manual-review/internal/testphoto"
)

const (
	testReviewerEmail    = "reviewer@example.com"
	testReviewerPassword = "correct horse battery"
)

// testDB names a database flavour the API tests run on.
type testDB struct {
	name string // "sqlite" or "postgres"
}

// testDBs lists the databases every API test runs on. The PostgreSQL one needs
// TEST_DATABASE_URL; without it the subtest skips locally and fails in CI.
func testDBs(t *testing.T) []testDB {
	t.Helper()
	return []testDB{{name: "sqlite"}, {name: "postgres"}}
}

// forEachDB runs fn as the subtests "sqlite" and "postgres", in parallel.
func forEachDB(t *testing.T, fn func(t *testing.T, db testDB)) {
	t.Helper()
	for _, db := range testDBs(t) {
		t.Run(db.name, func(t *testing.T) {
			t.Parallel()
			fn(t, db)
		})
	}
}

// databaseURL returns "" for SQLite, or the URL of a fresh PostgreSQL database that is
// dropped when the test ends.
func (db testDB) databaseURL(t *testing.T) string {
	t.Helper()
	if db.name != "postgres" {
		return ""
	}
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("TEST_DATABASE_URL is not set: the PostgreSQL API tests must run in CI")
		}
		t.Skip("TEST_DATABASE_URL is not set; skipping the PostgreSQL variant")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("open TEST_DATABASE_URL: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "kyc_test_" + hex.EncodeToString(b)
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		admin.Close()
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		defer admin.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// testServer is one app instance behind httptest.
type testServer struct {
	t   *testing.T
	URL string
	app *app
	srv *httptest.Server
	cfg config
}

// newTestServer starts the app on db with a reviewer account and the playground on.
func newTestServer(t *testing.T, db testDB) *testServer {
	t.Helper()
	return newTestServerWith(t, db, nil)
}

// newTestServerWith is newTestServer with a hook that may adjust the app before it serves.
func newTestServerWith(t *testing.T, db testDB, prepare func(*app)) *testServer {
	t.Helper()
	cfg := config{
		DataDir:          t.TempDir(),
		DatabaseURL:      db.databaseURL(t),
		ReviewerEmail:    testReviewerEmail,
		ReviewerPassword: testReviewerPassword,
		ReviewerName:     "Rita Reviewer",
		SecretKey:        "test-secret-key-0123456789abcdef0123456789",
		Playground:       true,
		MaxUploadMB:      10,
	}
	return startTestServer(t, cfg, prepare)
}

// twin starts a second instance on the same database (own data folder, own LISTEN connection).
func (ts *testServer) twin(t *testing.T) *testServer {
	t.Helper()
	cfg := ts.cfg
	cfg.DataDir = t.TempDir()
	cfg.ReviewerEmail, cfg.ReviewerPassword = "", ""
	return startTestServer(t, cfg, nil)
}

var migrateMu sync.Mutex

// startTestServer starts the app; prepare, when given, may adjust it before it serves.
func startTestServer(t *testing.T, cfg config, prepare func(*app)) *testServer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() && os.Getenv("TEST_SERVER_LOG") != "" {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	// ent's migration rewrites the package-level table definitions of ent/migrate: apps in
	// one process must not migrate at the same time (a data race under -race).
	migrateMu.Lock()
	a, err := newApp(ctx, cfg, log)
	migrateMu.Unlock()
	if err != nil {
		t.Fatalf("newApp: %v", err)
	}
	if prepare != nil {
		prepare(a)
	}
	srv := httptest.NewServer(a.Handler())
	cfg.PublicURL = srv.URL
	a.res.PublicURL = srv.URL
	t.Cleanup(func() {
		srv.CloseClientConnections()
		srv.Close()
		a.Close()
	})
	return &testServer{t: t, URL: srv.URL, app: a, srv: srv, cfg: cfg}
}

// ---- GraphQL over HTTP ----

type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { s, _ := e.Extensions["code"].(string); return s }

type gqlResponse struct {
	Status int
	Data   json.RawMessage `json:"data"`
	Errors []gqlError      `json:"errors"`
}

// code returns the first error's extensions.code ("" when there is no error).
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	return r.Errors[0].code()
}

// client calls the API as an anonymous caller, an applicant (token) or a reviewer (cookies).
type client struct {
	t     *testing.T
	ts    *testServer
	http  *http.Client
	token string
}

func (ts *testServer) anon(t *testing.T) *client {
	return &client{t: t, ts: ts, http: &http.Client{Timeout: 60 * time.Second}}
}

func (ts *testServer) applicant(t *testing.T, token string) *client {
	c := ts.anon(t)
	c.token = token
	return c
}

// reviewer logs in with email and password and returns a client holding the session cookie.
func (ts *testServer) reviewer(t *testing.T, email, password string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := ts.anon(t)
	c.http.Jar = jar
	var out struct {
		Login struct{ ID, Email string }
	}
	c.mustDo(`mutation($e:String!,$p:String!){ login(input:{email:$e,password:$p}){ id email } }`,
		map[string]any{"e": email, "p": password}, &out)
	if !strings.EqualFold(out.Login.Email, email) {
		t.Fatalf("login returned %q, want %q", out.Login.Email, email)
	}
	return c
}

// rita is the reviewer created from the config.
func (ts *testServer) rita(t *testing.T) *client {
	return ts.reviewer(t, testReviewerEmail, testReviewerPassword)
}

// addReviewer creates another reviewer account in-process and logs it in.
func (ts *testServer) addReviewer(t *testing.T, email string) *client {
	t.Helper()
	if err := graph.EnsureReviewer(context.Background(), ts.app.client, email, "", "another password"); err != nil {
		t.Fatalf("EnsureReviewer: %v", err)
	}
	return ts.reviewer(t, email, "another password")
}

func (c *client) authorize(req *http.Request) {
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
}

// do posts one GraphQL operation as JSON.
func (c *client) do(query string, vars map[string]any) gqlResponse {
	c.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, c.ts.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	c.authorize(req)
	return c.send(req)
}

func (c *client) send(req *http.Request) gqlResponse {
	c.t.Helper()
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("POST /graphql: %v", err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		c.t.Fatalf("POST /graphql: status %d, body %q: %v", resp.StatusCode, raw, err)
	}
	out.Status = resp.StatusCode
	return out
}

// mustDo runs an operation that must succeed and decodes its data into out (when non-nil).
func (c *client) mustDo(query string, vars map[string]any, out any) {
	c.t.Helper()
	r := c.do(query, vars)
	if len(r.Errors) > 0 {
		c.t.Fatalf("unexpected errors: %+v\nquery: %s", r.Errors, query)
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			c.t.Fatalf("decode %s: %v", r.Data, err)
		}
	}
}

// wantCode runs an operation that must fail with code.
func (c *client) wantCode(code, query string, vars map[string]any) gqlResponse {
	c.t.Helper()
	r := c.do(query, vars)
	if r.code() != code {
		c.t.Fatalf("want %s, got errors %+v data %s\nquery: %s", code, r.Errors, r.Data, query)
	}
	return r
}

// file is one upload.
type file struct {
	name, contentType string
	body              []byte
}

// upload sends uploadDocument as a GraphQL multipart request; preflight adds
// GraphQL-Require-Preflight: 1.
func (c *client) upload(caseID, docType string, f file, preflight bool) gqlResponse {
	c.t.Helper()
	return c.uploadSide(caseID, docType, nil, f, preflight)
}

// uploadSide is upload with a document side (nil: the server's default).
func (c *client) uploadSide(caseID, docType string, side *string, f file, preflight bool) gqlResponse {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	ops, _ := json.Marshal(map[string]any{
		"query":     `mutation($in: UploadDocumentInput!){ uploadDocument(input:$in){ id type side status revision url contentType size sha256 width height ` + checkFields + ` } }`,
		"variables": map[string]any{"in": map[string]any{"caseId": caseID, "type": docType, "side": side, "file": nil}},
	})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0":["variables.in.file"]}`)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="0"; filename=%q`, f.name))
	h.Set("Content-Type", f.contentType)
	part, _ := mw.CreatePart(h)
	_, _ = part.Write(f.body)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, c.ts.URL+"/graphql", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if preflight {
		req.Header.Set("GraphQL-Require-Preflight", "1")
	}
	c.authorize(req)
	return c.send(req)
}

// get fetches a path of the server with the client's credentials.
func (c *client) get(path string) (int, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.ts.URL+path, nil)
	c.authorize(req)
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// ---- test images ----

// The test photos are realistic (a lit ID card on a desk, sharp, with sensor noise) and as
// large as a phone's after the KYC app's downscaling would leave a small one, so that the
// upload checks pass them. Each call in a test returns the next of a few different scenes, so
// that a re-take in a test is a different photo (the same one would be SAME_AS_PREVIOUS);
// each scene is drawn and encoded once per process.
const (
	fixtureJPEGW, fixtureJPEGH = 1600, 1200
	fixturePNGW, fixturePNGH   = 1200, 900
	fixtureScenes              = 8
)

var fixtures struct {
	sync.Mutex
	next  map[string]int    // per test and kind: how many photos it took
	bytes map[string][]byte // by kind and scene
}

func fixture(t *testing.T, kind string) []byte {
	t.Helper()
	fixtures.Lock()
	defer fixtures.Unlock()
	if fixtures.next == nil {
		fixtures.next, fixtures.bytes = map[string]int{}, map[string][]byte{}
	}
	n := fixtures.next[kind+" "+t.Name()]
	fixtures.next[kind+" "+t.Name()] = n + 1
	key := fmt.Sprintf("%s %d", kind, n%fixtureScenes)
	if b, ok := fixtures.bytes[key]; ok {
		return b
	}
	var b []byte
	if kind == "jpeg" {
		b = testphoto.JPEG(testphoto.Scene(fixtureJPEGW, fixtureJPEGH, uint64(n%fixtureScenes)))
	} else {
		b = testphoto.PNG(testphoto.Scene(fixturePNGW, fixturePNGH, uint64(100+n%fixtureScenes)))
	}
	fixtures.bytes[key] = b
	return b
}

// testJPEG returns a 1600×1200 JPEG photo, a different scene on each call in a test.
func testJPEG(t *testing.T) []byte { return fixture(t, "jpeg") }

// testPNG returns a 1200×900 PNG photo, a different scene on each call in a test.
func testPNG(t *testing.T) []byte { return fixture(t, "png") }

// hugePNGHeader is a PNG whose header claims w×h pixels: enough for image.DecodeConfig.
func hugePNGHeader(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var n [4]byte
		binary.BigEndian.PutUint32(n[:], uint32(len(data)))
		buf.Write(n[:])
		td := append([]byte(typ), data...)
		buf.Write(td)
		binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE(td))
		buf.Write(n[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return buf.Bytes()
}

func jpegFile(t *testing.T) file {
	return file{name: "photo.jpg", contentType: "image/jpeg", body: testJPEG(t)}
}

func pngFile(t *testing.T) file {
	return file{name: "selfie.png", contentType: "image/png", body: testPNG(t)}
}

// countFiles counts the regular files stored under the server's data folder "files".
func (ts *testServer) countFiles(t *testing.T) int {
	t.Helper()
	n := 0
	root := filepath.Join(ts.cfg.DataDir, "files")
	_ = filepath.WalkDir(root, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}

// ---- graphql-transport-ws ----

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

type wsClient struct {
	t    *testing.T
	conn *websocket.Conn
	msgs chan wsMessage
}

// dialWS opens a graphql-transport-ws connection. initPayload goes in connection_init;
// header (e.g. the reviewer's Cookie) on the upgrade request. The connection must be acked.
func (ts *testServer) dialWS(t *testing.T, initPayload map[string]any, header http.Header) *wsClient {
	t.Helper()
	w, ack := ts.dialWSRaw(t, initPayload, header)
	if ack.Type != "connection_ack" {
		t.Fatalf("connection_init: got %+v, want connection_ack", ack)
	}
	return w
}

// dialWSRaw returns the first message after connection_init, whatever it is.
func (ts *testServer) dialWSRaw(t *testing.T, initPayload map[string]any, header http.Header) (*wsClient, wsMessage) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	u := "ws" + strings.TrimPrefix(ts.URL, "http") + "/graphql"
	conn, _, err := websocket.Dial(ctx, u, &websocket.DialOptions{Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		t.Fatalf("dial %s: %v", u, err)
	}
	conn.SetReadLimit(1 << 20)
	w := &wsClient{t: t, conn: conn, msgs: make(chan wsMessage, 256)}
	t.Cleanup(func() { _ = conn.Close(websocket.StatusNormalClosure, "") })
	if initPayload == nil {
		initPayload = map[string]any{}
	}
	if err := wsjson.Write(ctx, conn, map[string]any{"type": "connection_init", "payload": initPayload}); err != nil {
		t.Fatalf("connection_init: %v", err)
	}
	go w.readLoop()
	select {
	case m, ok := <-w.msgs:
		if !ok {
			return w, wsMessage{Type: "closed"}
		}
		return w, m
	case <-time.After(10 * time.Second):
		t.Fatal("no reply to connection_init")
	}
	return w, wsMessage{}
}

func (w *wsClient) readLoop() {
	defer close(w.msgs)
	for {
		var m wsMessage
		if err := wsjson.Read(context.Background(), w.conn, &m); err != nil {
			return
		}
		if m.Type == "ping" {
			_ = wsjson.Write(context.Background(), w.conn, map[string]any{"type": "pong"})
			continue
		}
		w.msgs <- m
	}
}

func (w *wsClient) subscribe(id, query string, vars map[string]any) {
	w.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := wsjson.Write(ctx, w.conn, map[string]any{"id": id, "type": "subscribe",
		"payload": map[string]any{"query": query, "variables": vars}})
	if err != nil {
		w.t.Fatalf("subscribe: %v", err)
	}
}

// next returns the next message of subscription id within timeout (ok false on timeout or close).
func (w *wsClient) next(id string, timeout time.Duration) (wsMessage, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-w.msgs:
			if !ok {
				return wsMessage{Type: "closed"}, false
			}
			if m.ID == id || m.ID == "" {
				return m, true
			}
		case <-deadline:
			return wsMessage{}, false
		}
	}
}

// waitFor reads messages of subscription id until match accepts a `next` payload's data.
func (w *wsClient) waitFor(id string, timeout time.Duration, match func(data json.RawMessage) bool) {
	w.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			w.t.Fatalf("subscription %s: nothing matching within %v", id, timeout)
		}
		m, ok := w.next(id, left)
		if !ok {
			w.t.Fatalf("subscription %s: nothing matching within %v (last %+v)", id, timeout, m)
		}
		if m.Type != "next" {
			w.t.Fatalf("subscription %s: got %s %s", id, m.Type, m.Payload)
		}
		var p gqlResponse
		_ = json.Unmarshal(m.Payload, &p)
		if len(p.Errors) > 0 {
			w.t.Fatalf("subscription %s: errors %+v", id, p.Errors)
		}
		if match(p.Data) {
			return
		}
	}
}

// subscribeReady subscribes and pokes (a change that the subscription must report) until
// the first `next` arrives, so that the subscription is known to be live.
func (w *wsClient) subscribeReady(id, query string, vars map[string]any, poke func()) {
	w.t.Helper()
	w.subscribe(id, query, vars)
	for i := 0; i < 50; i++ {
		poke()
		m, ok := w.next(id, 300*time.Millisecond)
		if !ok {
			continue
		}
		if m.Type != "next" {
			w.t.Fatalf("subscription %s: got %s %s", id, m.Type, m.Payload)
		}
		// Drain what further pokes may have produced.
		for {
			if _, ok := w.next(id, 100*time.Millisecond); !ok {
				return
			}
		}
	}
	w.t.Fatalf("subscription %s never became live", id)
}
