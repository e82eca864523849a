package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/coder/websocket"
)

// wsMsg is one graphql-transport-ws message.
type wsMsg struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// wsConn is a graphql-transport-ws client connection. A reader goroutine answers pings and
// hands every "next" payload, with the time it was read, to onNext.
type wsConn struct {
	c      *websocket.Conn
	wmu    sync.Mutex
	onNext func(id string, payload json.RawMessage, at time.Time)
	done   chan struct{}
	err    error
}

// dialWS opens a connection to base (http://host:port) at path, sends connection_init with
// initPayload and waits for connection_ack.
func dialWS(ctx context.Context, base, path string, a auth, initPayload map[string]any,
	onNext func(id string, payload json.RawMessage, at time.Time),
) (*wsConn, error) {
	u := "ws" + strings.TrimPrefix(base, "http") + path
	h := http.Header{}
	if a.cookie != "" {
		h.Set("Cookie", a.cookie)
	}
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(dctx, u, &websocket.DialOptions{
		Subprotocols:    []string{"graphql-transport-ws"},
		HTTPHeader:      h,
		CompressionMode: websocket.CompressionDisabled,
	})
	if err != nil {
		return nil, err
	}
	c.SetReadLimit(4 << 20)
	w := &wsConn{c: c, onNext: onNext, done: make(chan struct{})}
	if a.token != "" {
		if initPayload == nil {
			initPayload = map[string]any{}
		}
		initPayload["authorization"] = "Bearer " + a.token
	}
	p, _ := json.Marshal(initPayload)
	if err := w.write(dctx, wsMsg{Type: "connection_init", Payload: p}); err != nil {
		c.CloseNow()
		return nil, err
	}
	for {
		_, b, err := c.Read(dctx)
		if err != nil {
			c.CloseNow()
			return nil, fmt.Errorf("waiting for connection_ack: %w", err)
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			c.CloseNow()
			return nil, err
		}
		if m.Type == "connection_ack" {
			break
		}
		if m.Type == "ping" {
			_ = w.write(dctx, wsMsg{Type: "pong"})
		}
	}
	go w.readLoop()
	return w, nil
}

func (w *wsConn) write(ctx context.Context, m wsMsg) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	w.wmu.Lock()
	defer w.wmu.Unlock()
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	return w.c.Write(wctx, websocket.MessageText, b)
}

func (w *wsConn) readLoop() {
	defer close(w.done)
	for {
		_, b, err := w.c.Read(context.Background())
		at := time.Now()
		if err != nil {
			w.err = err
			return
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			continue
		}
		switch m.Type {
		case "next":
			if w.onNext != nil {
				w.onNext(m.ID, m.Payload, at)
			}
		case "ping":
			_ = w.write(context.Background(), wsMsg{Type: "pong"})
		case "error":
			if w.onNext != nil {
				w.onNext(m.ID, json.RawMessage(`{"errors":`+string(m.Payload)+`}`), at)
			}
		}
	}
}

// subscribe starts a subscription with the given id.
func (w *wsConn) subscribe(ctx context.Context, id, query string, vars map[string]any) error {
	p, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return w.write(ctx, wsMsg{ID: id, Type: "subscribe", Payload: p})
}

func (w *wsConn) close() {
	_ = w.c.CloseNow()
}

// caseFromNext decodes a caseUpdated payload.
func caseFromNext(payload json.RawMessage) (caseView, error) {
	var r struct {
		Data struct {
			CaseUpdated caseView `json:"caseUpdated"`
		} `json:"data"`
		Errors []gqlError `json:"errors"`
	}
	if err := json.Unmarshal(payload, &r); err != nil {
		return caseView{}, err
	}
	if len(r.Errors) > 0 {
		return caseView{}, errors.New(r.Errors[0].Message)
	}
	return r.Data.CaseUpdated, nil
}
