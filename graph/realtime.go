package graph

import (
	"context"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/google/uuid"

	"github.com/openkyc/kyc-manual-review/ent/apikey"
	"github.com/openkyc/kyc-manual-review/ent/session"
	"github.com/openkyc/kyc-manual-review/internal/realtime/gqlws"
	"github.com/openkyc/kyc-manual-review/workflow"
)

// Caps on live connections. An open subscription costs a few KiB for as long as it lives
// (issue 10: 30,000 on one socket from one free case token held +210 MiB), so each caller
// gets what its app needs with room to spare, and no more. Queries and mutations sent over a
// socket count while they run.
const (
	// maxReviewerOpsPerConn: the backoffice holds two or three (the case feed, the open
	// case), more while a reviewer has several cases open in one window.
	maxReviewerOpsPerConn = 64
	// maxApplicantOpsPerConn: the applicant app holds one (caseUpdated of its case); also
	// the cap of a connection without credentials.
	maxApplicantOpsPerConn = 4
	// maxOpsPerCase and maxConnsPerCase bound one case token across connections: a few tabs
	// or devices, plus connections that died without closing and still count until the
	// keep-alive notices (two intervals, 30 s), as a phone switching networks leaves them.
	maxOpsPerCase   = 12
	maxConnsPerCase = 12
)

// errTooManyOps refuses an operation over a cap; the connection and its other operations go on.
var errTooManyOps = workflow.Errorf(workflow.ERateLimited, "too many subscriptions open on this connection or for this case: complete one first")

// sockets is the registry of this process's WebSocket connections: by reviewer, so that a
// logout, an expired session or a deactivated reviewer closes them, by case, to cap what
// one case token holds open, and by API key, so that revoking the key closes them.
type sockets struct {
	mu         sync.Mutex
	byReviewer map[uuid.UUID]map[*socket]struct{}
	byCase     map[uuid.UUID]*caseLoad
	byAPIKey   map[uuid.UUID]map[*socket]struct{}
	// all holds every connection, with or without credentials, so that a drain ends them all
	// and the metrics count them.
	all     map[*socket]struct{}
	busOnce sync.Once
}

// addSocket files s under id in an index of the registry (made on first use).
func addSocket(index *map[uuid.UUID]map[*socket]struct{}, id uuid.UUID, s *socket) {
	if *index == nil {
		*index = map[uuid.UUID]map[*socket]struct{}{}
	}
	if (*index)[id] == nil {
		(*index)[id] = map[*socket]struct{}{}
	}
	(*index)[id][s] = struct{}{}
}

// removeSocket takes s out of an index, dropping the id's set once empty.
func removeSocket(index map[uuid.UUID]map[*socket]struct{}, id uuid.UUID, s *socket) {
	delete(index[id], s)
	if len(index[id]) == 0 {
		delete(index, id)
	}
}

// caseLoad is what one case token holds open across connections, and those connections.
type caseLoad struct {
	conns, ops int
	socks      map[*socket]struct{}
}

// socket is one registered connection: a WebSocket, or an SSE stream (which carries one
// operation).
type socket struct {
	conn   liveCloser
	sse    bool
	viewer Viewer
	ops    int         // operations running; guarded by sockets.mu
	expiry *time.Timer // a reviewer's: closes the socket when the session expires
}

type socketKey struct{}

// liveCloser ends a registered connection: gqlws.Conn for a WebSocket, sseStream for SSE.
type liveCloser interface {
	Close(code websocket.StatusCode, why string)
}

// openSocket registers the connection of ctx (InitFunc's context, with the caller) and
// returns the context its operations run in. The registration ends with the connection.
func (res *Resolver) openSocket(ctx context.Context) (context.Context, error) {
	conn, ok := gqlws.ConnFrom(ctx)
	if !ok {
		return ctx, nil
	}
	return res.register(ctx, &socket{conn: conn, viewer: ViewerFrom(ctx)})
}

// register adds s (its viewer is ctx's caller) to the registry until ctx ends and returns
// the context its operations run in; over a case token's cap of connections it refuses.
func (res *Resolver) register(ctx context.Context, s *socket) (context.Context, error) {
	v, conn := s.viewer, s.conn
	reg := &res.sockets
	reg.mu.Lock()
	switch {
	case v.Reviewer != nil:
		addSocket(&reg.byReviewer, v.Reviewer.ID, s)
		if !v.SessionExpires.IsZero() {
			s.expiry = time.AfterFunc(v.SessionExpires.Sub(res.Now()), func() {
				conn.Close(gqlws.CloseUnauthorized, "Session expired")
			})
		}
	case v.CaseID != uuid.Nil:
		if reg.byCase == nil {
			reg.byCase = map[uuid.UUID]*caseLoad{}
		}
		load := reg.byCase[v.CaseID]
		if load == nil {
			load = &caseLoad{}
			reg.byCase[v.CaseID] = load
		}
		if load.conns >= maxConnsPerCase {
			reg.mu.Unlock()
			return ctx, &gqlws.InitError{Code: gqlws.CloseTryAgainLater, Reason: "Too many connections for this case"}
		}
		load.conns++
		if load.socks == nil {
			load.socks = map[*socket]struct{}{}
		}
		load.socks[s] = struct{}{}
	case v.APIKey != nil:
		addSocket(&reg.byAPIKey, v.APIKey.ID, s)
	}
	if reg.all == nil {
		reg.all = map[*socket]struct{}{}
	}
	reg.all[s] = struct{}{}
	reg.mu.Unlock()
	if !v.anonymous() {
		res.listenSessionEnds()
	}
	context.AfterFunc(ctx, func() { reg.remove(s) })
	return context.WithValue(ctx, socketKey{}, s), nil
}

func (reg *sockets) remove(s *socket) {
	reg.mu.Lock()
	defer reg.mu.Unlock()
	delete(reg.all, s)
	switch v := s.viewer; {
	case v.Reviewer != nil:
		if s.expiry != nil {
			s.expiry.Stop()
		}
		removeSocket(reg.byReviewer, v.Reviewer.ID, s)
	case v.CaseID != uuid.Nil:
		if load := reg.byCase[v.CaseID]; load != nil {
			delete(load.socks, s)
			if load.conns--; load.conns <= 0 && load.ops <= 0 {
				delete(reg.byCase, v.CaseID)
			}
		}
	case v.APIKey != nil:
		removeSocket(reg.byAPIKey, v.APIKey.ID, s)
	}
}

// AdmitOperation is gqlws.Transport.Admit: it refuses an operation over the caps with
// RATE_LIMITED, and counts the admitted one until it ends.
func (res *Resolver) AdmitOperation(ctx context.Context) (release func(), err error) {
	s, _ := ctx.Value(socketKey{}).(*socket)
	if s == nil {
		return nil, nil
	}
	reg := &res.sockets
	reg.mu.Lock()
	defer reg.mu.Unlock()
	limit, caseID := maxApplicantOpsPerConn, s.viewer.CaseID
	var load *caseLoad // an applicant's, across connections
	switch {
	case s.viewer.Reviewer != nil:
		limit = maxReviewerOpsPerConn
	case caseID != uuid.Nil:
		load = reg.byCase[caseID]
	}
	if s.ops >= limit || (load != nil && load.ops >= maxOpsPerCase) {
		return nil, errTooManyOps
	}
	s.ops++
	if load != nil {
		load.ops++
	}
	return func() {
		reg.mu.Lock()
		defer reg.mu.Unlock()
		s.ops--
		if load != nil {
			if load.ops--; load.conns <= 0 && load.ops <= 0 && reg.byCase[caseID] == load {
				delete(reg.byCase, caseID)
			}
		}
	}, nil
}

// CloseReviewer closes every WebSocket of a reviewer, on every replica: after a logout (which
// ends all the reviewer's sessions) or when the reviewer is deactivated.
func (res *Resolver) CloseReviewer(ctx context.Context, id uuid.UUID) {
	res.endSessions(ctx, SessionEnd{ReviewerID: id})
}

// CloseSession closes the WebSockets opened with one session (by token hash), on every replica.
func (res *Resolver) CloseSession(ctx context.Context, hash string) {
	res.endSessions(ctx, SessionEnd{SessionHash: hash})
}

// CloseCaseToken closes the WebSockets opened with a revoked case token (by its hash), on
// every replica.
func (res *Resolver) CloseCaseToken(ctx context.Context, hash string) {
	res.endSessions(ctx, SessionEnd{CaseTokenHash: hash})
}

// CloseAPIKey closes the WebSockets and SSE streams opened with a revoked API key, on every
// replica.
func (res *Resolver) CloseAPIKey(ctx context.Context, id uuid.UUID) {
	res.endSessions(ctx, SessionEnd{APIKeyID: id})
}

func (res *Resolver) endSessions(ctx context.Context, e SessionEnd) {
	res.closeSockets(ctx, e)
	if bus, ok := res.Broker.(SessionBus); ok {
		if err := bus.PublishSessionEnd(context.WithoutCancel(ctx), e); err != nil {
			// The local sockets are closed; the other replicas' close at the session's
			// expiry, or when their listener reconnects and rechecks.
			res.Log.WarnContext(ctx, "publish session end", "err", err)
		}
	}
}

// listenSessionEnds subscribes this replica's registry to the other replicas' session ends,
// once, when it first holds a socket with credentials.
func (res *Resolver) listenSessionEnds() {
	res.sockets.busOnce.Do(func() {
		if bus, ok := res.Broker.(SessionBus); ok {
			bus.SubscribeSessionEnds(func(e SessionEnd) {
				// Called in the listener's goroutine: a recheck queries the database.
				go res.closeSockets(context.Background(), e)
			})
		}
	})
}

// closeSockets closes this process's sockets that e names, with 4401 Unauthorized:
// graphql-ws clients then stop retrying, and the backoffice asks the reviewer to sign in.
func (res *Resolver) closeSockets(ctx context.Context, e SessionEnd) {
	var doomed []*socket
	res.sockets.mu.Lock()
	for id, set := range res.sockets.byReviewer {
		for s := range set {
			if e.Recheck || id == e.ReviewerID || (e.SessionHash != "" && s.viewer.SessionHash == e.SessionHash) {
				doomed = append(doomed, s)
			}
		}
	}
	var revoked []*socket
	if e.CaseTokenHash != "" {
		for _, load := range res.sockets.byCase {
			for s := range load.socks {
				if s.viewer.TokenHash == e.CaseTokenHash {
					revoked = append(revoked, s)
				}
			}
		}
	}
	var keyed []*socket
	for id, set := range res.sockets.byAPIKey {
		if e.Recheck || id == e.APIKeyID {
			for s := range set {
				keyed = append(keyed, s)
			}
		}
	}
	res.sockets.mu.Unlock()
	for _, s := range revoked {
		s.conn.Close(gqlws.CloseUnauthorized, "Case token revoked")
	}
	if e.Recheck && len(keyed) > 0 {
		keyed = res.withRevokedKeys(ctx, keyed)
	}
	for _, s := range keyed {
		s.conn.Close(gqlws.CloseUnauthorized, "API key revoked")
	}
	if e.Recheck && len(doomed) > 0 {
		doomed = res.withoutLiveSessions(ctx, doomed)
	}
	for _, s := range doomed {
		s.conn.Close(gqlws.CloseUnauthorized, "Session ended")
	}
}

// withoutLiveSessions keeps the sockets whose session no longer exists or has expired. On a
// database error it keeps none: a socket is closed only for a definite reason.
func (res *Resolver) withoutLiveSessions(ctx context.Context, socks []*socket) []*socket {
	hashes := make([]string, 0, len(socks))
	for _, s := range socks {
		hashes = append(hashes, s.viewer.SessionHash)
	}
	live, err := res.Client.Session.Query().
		Where(session.TokenHashIn(hashes...), session.ExpiresAtGT(res.now())).
		Select(session.FieldTokenHash).Strings(ctx)
	if err != nil {
		res.Log.WarnContext(ctx, "recheck reviewer sessions", "err", err)
		return nil
	}
	alive := make(map[string]bool, len(live))
	for _, h := range live {
		alive[h] = true
	}
	var out []*socket
	for _, s := range socks {
		if !alive[s.viewer.SessionHash] {
			out = append(out, s)
		}
	}
	return out
}

// withRevokedKeys keeps the sockets whose API key no longer exists or is revoked. On a
// database error it keeps none: a socket is closed only for a definite reason.
func (res *Resolver) withRevokedKeys(ctx context.Context, socks []*socket) []*socket {
	ids := make([]uuid.UUID, 0, len(socks))
	for _, s := range socks {
		ids = append(ids, s.viewer.APIKey.ID)
	}
	live, err := res.Client.APIKey.Query().Where(apikey.IDIn(ids...), apikey.RevokedAtIsNil()).IDs(ctx)
	if err != nil {
		res.Log.WarnContext(ctx, "recheck API keys", "err", err)
		return nil
	}
	alive := make(map[uuid.UUID]bool, len(live))
	for _, id := range live {
		alive[id] = true
	}
	var out []*socket
	for _, s := range socks {
		if !alive[s.viewer.APIKey.ID] {
			out = append(out, s)
		}
	}
	return out
}

// LiveSockets counts this process's registered WebSocket connections (reviewers',
// applicants' and integrators') and the operations running on them.
func (res *Resolver) LiveSockets() (conns, ops int) {
	reg := &res.sockets
	reg.mu.Lock()
	defer reg.mu.Unlock()
	for s := range reg.all {
		if !s.sse {
			conns++
			ops += s.ops
		}
	}
	return conns, ops
}

// LiveStreams counts this process's SSE streams (each carries one subscription).
func (res *Resolver) LiveStreams() int {
	reg := &res.sockets
	reg.mu.Lock()
	defer reg.mu.Unlock()
	n := 0
	for s := range reg.all {
		if s.sse {
			n++
		}
	}
	return n
}

// CloseAllSockets ends every registered WebSocket with 1012 (service restart), and every
// SSE stream without its complete event, so that clients reconnect at once, to another
// replica, while this one drains.
func (res *Resolver) CloseAllSockets(reason string) {
	var all []*socket
	res.sockets.mu.Lock()
	for s := range res.sockets.all {
		all = append(all, s)
	}
	res.sockets.mu.Unlock()
	for _, s := range all {
		s.conn.Close(websocket.StatusServiceRestart, reason)
	}
}

// RecheckSessions closes the reviewer sockets whose session no longer exists or has expired,
// and the sockets of API keys revoked since they opened.
// The server runs it every minute: it catches what no notice reached this process, such as a
// reviewer deactivated by `server reviewers` from another process on SQLite.
func (res *Resolver) RecheckSessions(ctx context.Context) {
	res.closeSockets(ctx, SessionEnd{Recheck: true})
}
