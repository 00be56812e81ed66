package main

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// tokenCookie holds the access token after the first visit with ?t=.
const tokenCookie = "sportello_token"

// newToken returns 32 random bytes in hex (crypto/rand).
func newToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// isLoopback reports whether the request comes from this computer.
func isLoopback(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// loopbackHost reports whether the Host header names this computer, so that
// a page of another site cannot reach the app through DNS rebinding.
func loopbackHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.Trim(h, "[]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// guard refuses (403) every request from another address, for another
// host name or without the token, given once in the URL (?t=, then kept in
// an HttpOnly, SameSite=Strict cookie) or in the cookie.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setSecurityHeaders(w.Header())
		if !isLoopback(r.RemoteAddr) || !loopbackHost(r.Host) {
			s.forbidden(w)
			return
		}
		if t := r.URL.Query().Get("t"); t != "" {
			if !s.tokenOK(t) {
				s.forbidden(w)
				return
			}
			http.SetCookie(w, &http.Cookie{
				Name: tokenCookie, Value: s.token, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode,
			})
			// Drop the token from the address bar and the history.
			q := r.URL.Query()
			q.Del("t")
			u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
			http.Redirect(w, r, u.String(), http.StatusSeeOther)
			return
		}
		c, err := r.Cookie(tokenCookie)
		if err != nil || !s.tokenOK(c.Value) || !sameOrigin(r) {
			s.forbidden(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
}

func (s *Server) forbidden(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	_, _ = w.Write([]byte("Accesso negato: aprire l'indirizzo con il codice stampato all'avvio dello sportello, da questo computer.\n"))
}

// csp is the Content-Security-Policy of every page: nothing but the app's
// own style sheet, images inline, forms to the app, no framing, no script.
const csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY") // frame-ancestors for browsers without CSP 2
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store") // personal data: never in the disk cache
}

// sameOrigin refuses a form posted from another origin (a second line of
// defence behind the SameSite=Strict cookie, for browsers that ignore it):
// a POST must carry no Origin or this app's.
func sameOrigin(r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && u.Host == r.Host
}
