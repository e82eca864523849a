package main

// Tests of what integrators get: API keys, cases created for their users, and signed
// webhooks delivered at least once from an outbox.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"github.com/openkyc/kyc-manual-review/ent/webhookdelivery"
	"github.com/openkyc/kyc-manual-review/internal/jobs"
)

const (
	createKeyMutation      = `mutation($n:String!){ createApiKey(input:{name:$n}){ secret apiKey{ id name prefix } } }`
	createEndpointMutation = `mutation($u:String!,$e:[String!]!){ createWebhookEndpoint(input:{url:$u, events:$e}){ secret endpoint{ id url events } } }`
	keyStartCase           = `mutation($x:String,$m:Map){ startCase(input:{firstName:"Ada", lastName:"Lovelace", externalId:$x, metadata:$m}){ token resumeUrl case{ id externalId metadata status } } }`
)

// apiKey creates a key as admin and returns a client that sends it.
func (c *client) apiKey(name string) (*client, string) {
	c.t.Helper()
	var out struct {
		CreateApiKey struct {
			Secret string
			ApiKey struct{ ID, Prefix string }
		}
	}
	c.mustDo(createKeyMutation, map[string]any{"n": name}, &out)
	k := out.CreateApiKey
	if !strings.HasPrefix(k.Secret, "kyc_sk_") || !strings.HasPrefix(k.Secret, k.ApiKey.Prefix) {
		c.t.Fatalf("createApiKey: %+v", k)
	}
	return c.ts.applicant(c.t, k.Secret), k.ApiKey.ID
}

func TestAPIKeys(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := newTestServer(t, db)
		rita := ts.rita(t)
		key, keyID := rita.apiKey("onboarding backend")

		var started struct {
			StartCase struct {
				Token, ResumeURL string
				Case             struct {
					ID, ExternalID, Status string
					Metadata               map[string]any
				}
			}
		}
		key.mustDo(keyStartCase, map[string]any{"x": "user-42", "m": map[string]any{"plan": "gold", "n": 3}}, &started)
		sc := started.StartCase
		if sc.Case.ExternalID != "user-42" || sc.Case.Metadata["plan"] != "gold" || !strings.Contains(sc.ResumeURL, "#resume=") {
			t.Fatalf("startCase with a key: %+v", sc)
		}
		// Unique per key.
		key.wantCode("CONFLICT", keyStartCase, map[string]any{"x": "user-42"})
		// …and the refusal says so: the field, and where to find the case (not "changed
		// concurrently, try again", which a retrying integrator would loop on).
		taken := key.do(keyStartCase, map[string]any{"x": "user-42"})
		if len(taken.Errors) != 1 || taken.Errors[0].Extensions["field"] != "externalId" || !strings.Contains(taken.Errors[0].Message, "already used") {
			t.Fatalf("startCase with a taken externalId: %+v", taken.Errors)
		}
		// Found by the reference; the key reads cases and documents but cannot decide or read notes.
		var found struct {
			Cases struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
			}
		}
		key.mustDo(`query($x:String){ cases(filter:{externalId:$x}){ totalCount edges{ node{ id } } } }`, map[string]any{"x": "user-42"}, &found)
		if found.Cases.TotalCount != 1 || found.Cases.Edges[0].Node.ID != sc.Case.ID {
			t.Fatalf("cases by externalId: %+v", found)
		}
		key.wantCode("FORBIDDEN", `query($id:ID!){ node(id:$id){ ... on Case { notes { id } } } }`, map[string]any{"id": sc.Case.ID})
		key.wantCode("FORBIDDEN", `mutation($id:ID!){ decideCase(input:{caseId:$id, decision:REJECT, reason:"x", expectedVersion:1}){ id } }`, map[string]any{"id": sc.Case.ID})
		key.wantCode("FORBIDDEN", createKeyMutation, map[string]any{"n": "another"})
		// The applicant does not see the integrator's metadata.
		app := ts.applicant(t, sc.Token)
		var mine struct {
			MyCase struct{ Metadata map[string]any }
		}
		app.mustDo(`{ myCase { metadata } }`, nil, &mine)
		if mine.MyCase.Metadata != nil {
			t.Fatalf("the applicant sees the metadata: %v", mine.MyCase.Metadata)
		}
		// Without a key, externalId and metadata are refused; metadata over 4 KB is too.
		ts.anon(t).wantCode("BAD_USER_INPUT", keyStartCase, map[string]any{"x": "user-43"})
		key.wantCode("BAD_USER_INPUT", keyStartCase, map[string]any{"x": "user-44", "m": map[string]any{"blob": strings.Repeat("x", 5000)}})
		// Listed with its last use; a revoked key stops at once.
		var keys struct {
			ApiKeys []struct{ LastUsedAt *time.Time }
		}
		rita.mustDo(`{ apiKeys { lastUsedAt } }`, nil, &keys)
		if len(keys.ApiKeys) != 1 || keys.ApiKeys[0].LastUsedAt == nil {
			t.Fatalf("apiKeys: %+v", keys)
		}
		rita.mustDo(`mutation($id:ID!){ revokeApiKey(input:{id:$id}){ revokedAt } }`, map[string]any{"id": keyID}, nil)
		key.wantCode("UNAUTHENTICATED", `{ cases { totalCount } }`, nil)
	})
}

// receiver is a webhook endpoint that fails its first `fail` requests.
type receiver struct {
	mu     sync.Mutex
	fail   int
	calls  int
	bodies map[string][]byte // by webhook-id, the accepted ones
	seen   map[string]int    // accepted requests per webhook-id
	header map[string]http.Header
	srv    *httptest.Server
}

func newReceiver(t *testing.T, fail int) *receiver {
	r := &receiver{fail: fail, bodies: map[string][]byte{}, seen: map[string]int{}, header: map[string]http.Header{}}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.calls++
		if r.calls <= r.fail {
			http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
			return
		}
		id := req.Header.Get("webhook-id")
		r.bodies[id] = body
		r.seen[id]++
		r.header[id] = req.Header.Clone()
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) accepted() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.seen)
}

// webhookServer is a server whose webhooks may reach loopback endpoints and retry at once.
func webhookServer(t *testing.T, db testDB, prepare func(*app)) *testServer {
	t.Helper()
	return newTestServerWith(t, db, func(a *app) {
		a.res.WebhookAllowPrivate = true
		a.hooks.HTTP = jobs.HTTPClient(true)
		a.hooks.Backoff = func(int) time.Duration { return 10 * time.Millisecond }
		a.hooks.RelayAfter = 0
		if prepare != nil {
			prepare(a)
		}
	})
}

func (c *client) endpoint(url string, events ...string) (id, secret string) {
	c.t.Helper()
	var out struct {
		CreateWebhookEndpoint struct {
			Secret   string
			Endpoint struct{ ID string }
		}
	}
	c.mustDo(createEndpointMutation, map[string]any{"u": url, "e": events}, &out)
	return out.CreateWebhookEndpoint.Endpoint.ID, out.CreateWebhookEndpoint.Secret
}

func waitFor(t *testing.T, within time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("not within %v: %s", within, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestWebhooksRetryUntilDelivered(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := webhookServer(t, db, nil)
		rita := ts.rita(t)
		recv := newReceiver(t, 2)
		epID, secret := rita.endpoint(recv.srv.URL+"/hooks", "case.submitted", "case.approved")
		key, _ := rita.apiKey("backend")
		var started struct {
			StartCase struct {
				Token string
				Case  struct{ ID string }
			}
		}
		key.mustDo(keyStartCase, map[string]any{"x": "user-7"}, &started)
		app := ts.applicant(t, started.StartCase.Token)
		submitted := submitCase(t, app, started.StartCase.Case.ID)
		// A stale decision fails its transaction: it leaves no delivery behind.
		rita.decideCase(map[string]any{"caseId": submitted.ID, "decision": "APPROVE", "expectedVersion": submitted.Version - 1})

		waitFor(t, 60*time.Second, "the submission delivered after two failures", func() bool { return recv.accepted() == 1 })
		var page struct {
			WebhookDeliveries struct {
				TotalCount int
				Edges      []struct {
					Node struct {
						EventType, Status string
						Attempts          int
						LastStatusCode    int
					}
				}
			}
		}
		rita.mustDo(`query($e:ID!){ webhookDeliveries(endpointId:$e){ totalCount edges{ node{ eventType status attempts lastStatusCode } } } }`, map[string]any{"e": epID}, &page)
		if page.WebhookDeliveries.TotalCount != 1 {
			t.Fatalf("deliveries: %+v", page)
		}
		waitFor(t, 10*time.Second, "the delivery recorded as delivered", func() bool {
			d, err := ts.app.client.WebhookDelivery.Query().Only(context.Background())
			return err == nil && d.Status == webhookdelivery.StatusDELIVERED && d.Attempts == 3 && *d.LastStatusCode == 204
		})

		// The body and its signature, checked with the Standard Webhooks reference library.
		recv.mu.Lock()
		var id string
		for k := range recv.bodies {
			id = k
		}
		body, header := recv.bodies[id], recv.header[id]
		recv.mu.Unlock()
		wh, err := standardwebhooks.NewWebhook(secret)
		if err != nil {
			t.Fatal(err)
		}
		if err := wh.Verify(body, header); err != nil {
			t.Fatalf("signature does not verify: %v (%s)", err, header)
		}
		var p struct {
			Type string
			Data struct {
				CaseID, ExternalID, Status, State string
				Revision, Version                 int
			}
		}
		if err := json.Unmarshal(body, &p); err != nil {
			t.Fatal(err)
		}
		if p.Type != "case.submitted" || p.Data.CaseID != submitted.ID || p.Data.ExternalID != "user-7" ||
			p.Data.Status != "PENDING_REVIEW" || p.Data.Revision != 1 || p.Data.Version != submitted.Version {
			t.Fatalf("payload: %s", body)
		}
		// A tampered body does not verify.
		if wh.Verify(append([]byte(" "), body...), header) == nil {
			t.Fatal("a tampered body verified")
		}
	})
}

// A crash after the commit and before the hand-over to the queue loses nothing: the relay of
// the next queue to start finds the rows left pending.
func TestWebhookRelayAfterLostHandOver(t *testing.T) {
	forEachDB(t, func(t *testing.T, db testDB) {
		ts := webhookServer(t, db, func(a *app) {
			a.hooks.Stop(context.Background()) // as if the process died before the hand-over
			a.res.Webhooks = nil
		})
		rita := ts.rita(t)
		recv := newReceiver(t, 0)
		rita.endpoint(recv.srv.URL, "case.submitted")
		c, app := ts.startCase(t, "Grace", "Hopper", "")
		submitCase(t, app, c.ID)
		if n, _ := ts.app.client.WebhookDelivery.Query().Count(context.Background()); n != 1 {
			t.Fatalf("%d outbox rows after the submission, want 1", n)
		}
		time.Sleep(300 * time.Millisecond)
		if recv.accepted() != 0 {
			t.Fatal("delivered without a queue")
		}
		// The restarted process's queue relays it.
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		w, err := jobs.Start(ctx, ts.app.client, ts.app.db, db.name == "postgres", true, ts.app.log, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Stop(context.Background())
		w.RelayAfter = 0
		waitFor(t, 30*time.Second, "the relay delivered the pending row", func() bool { return recv.accepted() == 1 })
	})
}

// Two replicas on one PostgreSQL database, each with its queue: every event is delivered once.
func TestWebhooksTwoReplicasDeliverOnce(t *testing.T) {
	db := testDB{name: "postgres"}
	ts := webhookServer(t, db, nil)
	twin := ts.twin(t)
	twin.app.res.WebhookAllowPrivate = true
	twin.app.hooks.HTTP = jobs.HTTPClient(true)
	rita := ts.rita(t)
	recv := newReceiver(t, 0)
	rita.endpoint(recv.srv.URL, "case.submitted")
	const n = 6
	for i := range n {
		srv := ts
		if i%2 == 1 {
			srv = twin
		}
		c, app := srv.startCase(t, "Replica", "Case", "")
		submitCase(t, app, c.ID)
	}
	waitFor(t, 30*time.Second, "every submission delivered", func() bool { return recv.accepted() == n })
	time.Sleep(time.Second) // a second delivery of any of them would arrive by now
	recv.mu.Lock()
	defer recv.mu.Unlock()
	for id, count := range recv.seen {
		if count != 1 {
			t.Fatalf("%s delivered %d times", id, count)
		}
	}
}

func TestWebhookEndpointSSRF(t *testing.T) {
	ts := newTestServer(t, testDB{name: "sqlite"})
	rita := ts.rita(t)
	for _, u := range []string{"http://127.0.0.1:9/hooks", "http://localhost/hooks", "http://169.254.169.254/latest/meta-data",
		"http://10.0.0.8/", "http://[::1]/", "ftp://example.com/", "http://user:pw@example.com/", "/relative"} {
		rita.wantCode("BAD_USER_INPUT", createEndpointMutation, map[string]any{"u": u, "e": []string{"case.approved"}})
	}
	rita.wantCode("BAD_USER_INPUT", createEndpointMutation, map[string]any{"u": "https://example.com/", "e": []string{"case.exploded"}})
	// The dialer refuses a private address at connect time, whatever DNS said earlier.
	resp, err := jobs.HTTPClient(false).Get("http://127.0.0.1:9/")
	if err == nil {
		resp.Body.Close()
		t.Fatal("the webhook client connected to loopback")
	}
	if !strings.Contains(err.Error(), "non-public address") {
		t.Fatalf("dial error %v, want the address refusal", err)
	}
}
