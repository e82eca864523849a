package gqlws

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
)

// sizedBuffers hands websocket.Accept the hijacked connection with buffers of the given
// sizes instead of net/http's: the connection keeps its buffers as long as it is open.
type sizedBuffers struct {
	http.ResponseWriter
	read, write int
}

// Hijack implements http.Hijacker, which websocket.Accept looks for before Unwrap.
func (w sizedBuffers) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err != nil {
		return nil, nil, err
	}
	// Keep what the server read past the request: a client may send its first frames
	// without waiting for the upgrade's response. They are put in the new buffer, since
	// Accept rebuilds the reader's source from what is buffered and the connection.
	early := bytes.Clone(peekBuffered(brw.Reader))
	br := bufio.NewReaderSize(io.MultiReader(bytes.NewReader(early), conn), max(w.read, len(early)))
	if _, err := br.Peek(len(early)); err != nil {
		return nil, nil, err
	}
	if err := brw.Writer.Flush(); err != nil { // empty after Hijack; to be safe
		return nil, nil, err
	}
	return conn, bufio.NewReadWriter(br, bufio.NewWriterSize(conn, w.write)), nil
}

func peekBuffered(r *bufio.Reader) []byte {
	b, _ := r.Peek(r.Buffered())
	return b
}
