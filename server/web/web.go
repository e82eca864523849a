// Package web serves the single-page apps (kyc, backoffice) and the GraphQL playground, built
// by Vite into dist/ and embedded in the server binary.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// SPA serves the app built into dist/<app>: its files, with long caching for hashed assets,
// and index.html for any other path so that client-side routes survive a reload.
func SPA(app string) http.Handler {
	sub, err := fs.Sub(dist, "dist/"+app)
	if err != nil {
		panic(err) // app is a constant of ours
	}
	if _, err := fs.Stat(sub, "index.html"); err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "The "+app+" app is not built into this binary: run `pnpm run build`, then rebuild the server.", http.StatusNotFound)
		})
	}
	files := http.FileServer(http.FS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/")
		if p != "" {
			if _, err := fs.Stat(sub, p); err != nil {
				p = ""
			}
		}
		if p == "" || p == "index.html" {
			w.Header().Set("Cache-Control", "no-cache")
			r.URL.Path = "/"
		} else if strings.HasPrefix(p, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		}
		files.ServeHTTP(w, r)
	})
}
