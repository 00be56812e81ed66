package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/anagrafe/memory"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// testDay is the reference date of the fixtures' tests.
var testDay = anagrafetest.RefDate

const testOperator = "Anna Verdi"

type testApp struct {
	srv   *Server
	audit string
}

func newTestApp(t *testing.T) *testApp {
	t.Helper()
	path := filepath.Join(t.TempDir(), "audit.jsonl")
	log, err := anagrafe.OpenAuditLog(path)
	require.NoError(t, err)
	t.Cleanup(func() { log.Close() })
	srv, err := NewServer(Config{
		Source: memory.New(anagrafetest.Records()...), Audit: log,
		Today:  func() codes.Date { return testDay },
		Office: desk.Office{Comune: "Comune di Firenze", Name: "Ufficio Anagrafe – Sportello immigrati"},
	})
	require.NoError(t, err)
	require.Len(t, srv.Token(), 64)
	return &testApp{srv: srv, audit: path}
}

// request builds a request from this computer, with the token cookie when
// withToken is set.
func (a *testApp) request(method, target string, form url.Values, withToken bool) *http.Request {
	var r *http.Request
	if form != nil {
		r = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(method, target, nil)
	}
	r.RemoteAddr = "127.0.0.1:50000"
	r.Host = "127.0.0.1:8080"
	if withToken {
		r.AddCookie(&http.Cookie{Name: tokenCookie, Value: a.srv.Token()})
	}
	return r
}

func (a *testApp) do(r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	a.srv.ServeHTTP(w, r)
	return w
}

// login sets the operator, as the first page asks.
func (a *testApp) login(t *testing.T) {
	t.Helper()
	w := a.do(a.request("POST", "/operatore", url.Values{"operatore": {testOperator}}, true))
	require.Equal(t, http.StatusSeeOther, w.Code)
}

func (a *testApp) get(t *testing.T, target string) *httptest.ResponseRecorder {
	t.Helper()
	return a.do(a.request("GET", target, nil, true))
}

func TestTokenRequired(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name   string
		req    *http.Request
		status int
	}{
		{"no token", a.request("GET", "/", nil, false), http.StatusForbidden},
		{"wrong token in URL", a.request("GET", "/?t=0000", nil, false), http.StatusForbidden},
		{"wrong cookie", func() *http.Request {
			r := a.request("GET", "/", nil, false)
			r.AddCookie(&http.Cookie{Name: tokenCookie, Value: strings.Repeat("0", 64)})
			return r
		}(), http.StatusForbidden},
		{"no token on a person page", a.request("GET", "/persona/P001", nil, false), http.StatusForbidden},
		{"no token on the file", a.request("GET", "/persona/P001/pratica.xml", nil, false), http.StatusForbidden},
		{"no token on the style sheet", a.request("GET", "/static/app.css", nil, false), http.StatusForbidden},
		{"cookie", a.request("GET", "/", nil, true), http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := a.do(tt.req)
			assert.Equal(t, tt.status, w.Code)
			assert.Contains(t, w.Header().Get("Content-Security-Policy"), "default-src 'none'")
			if tt.status == http.StatusForbidden {
				assert.NotContains(t, w.Body.String(), "<html")
			}
		})
	}
}

func TestTokenInURLSetsCookie(t *testing.T) {
	a := newTestApp(t)
	w := a.do(a.request("GET", "/cerca?q=diop&t="+a.srv.Token(), nil, false))
	require.Equal(t, http.StatusSeeOther, w.Code)
	assert.Equal(t, "/cerca?q=diop", w.Header().Get("Location"), "the token leaves the address bar")
	cookies := w.Result().Cookies()
	require.Len(t, cookies, 1)
	c := cookies[0]
	assert.Equal(t, tokenCookie, c.Name)
	assert.Equal(t, a.srv.Token(), c.Value)
	assert.True(t, c.HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, c.SameSite)
}

func TestOtherAddressRefused(t *testing.T) {
	a := newTestApp(t)
	tests := []struct {
		name, remote, host string
		status             int
	}{
		{"LAN address", "192.168.1.20:40000", "127.0.0.1:8080", http.StatusForbidden},
		{"public address", "203.0.113.7:40000", "127.0.0.1:8080", http.StatusForbidden},
		{"IPv6 LAN", "[fe80::1]:40000", "127.0.0.1:8080", http.StatusForbidden},
		{"rebinding host name", "127.0.0.1:40000", "evil.example:8080", http.StatusForbidden},
		{"IPv6 loopback", "[::1]:40000", "[::1]:8080", http.StatusOK},
		{"localhost", "127.0.0.1:40000", "localhost:8080", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := a.request("GET", "/", nil, true)
			r.RemoteAddr, r.Host = tt.remote, tt.host
			assert.Equal(t, tt.status, a.do(r).Code)
			r = a.request("GET", "/?t="+a.srv.Token(), nil, false)
			r.RemoteAddr, r.Host = tt.remote, tt.host
			if tt.status == http.StatusForbidden {
				assert.Equal(t, tt.status, a.do(r).Code, "the token does not open the app to another address")
			}
		})
	}
}

func TestFormFromAnotherOriginRefused(t *testing.T) {
	a := newTestApp(t)
	r := a.request("POST", "/operatore", url.Values{"operatore": {"Intruso"}}, true)
	r.Header.Set("Origin", "http://evil.example")
	assert.Equal(t, http.StatusForbidden, a.do(r).Code)
	assert.Empty(t, a.srv.op())
	r = a.request("POST", "/operatore", url.Values{"operatore": {testOperator}}, true)
	r.Header.Set("Origin", "http://127.0.0.1:8080")
	assert.Equal(t, http.StatusSeeOther, a.do(r).Code)
	assert.Equal(t, testOperator, a.srv.op())
}

func TestOperatorAskedFirst(t *testing.T) {
	a := newTestApp(t)
	w := a.get(t, "/")
	assert.Contains(t, w.Body.String(), `<label for="operatore">`)
	w = a.get(t, "/persona/P001")
	assert.Equal(t, http.StatusSeeOther, w.Code, "no data before the operator is known")
	w = a.do(a.request("POST", "/operatore", url.Values{"operatore": {"  "}}, true))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	a.login(t)
	w = a.get(t, "/")
	assert.Contains(t, w.Body.String(), "Operatore: <strong>"+testOperator+"</strong>")
}

func TestSearchFolding(t *testing.T) {
	a := newTestApp(t)
	a.login(t)
	tests := []struct {
		query string
		want  []string // register IDs found
	}{
		{"sevcenko", []string{"P010"}},
		{"ŠEVČENKO olena", []string{"P010"}},
		{"muller JOAO", []string{"P020"}},
		{"Müller da Silva", []string{"P020"}},
		{"el amrani", []string{"P001", "P003", "P004"}},
		{"amrani sara", []string{"P003"}},
		{"lmrysf85c10z330c", []string{"P001"}},
		{"p010", []string{"P010"}},
		{"nobody-like-this", nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			w := a.get(t, "/cerca?q="+url.QueryEscape(tt.query))
			require.Equal(t, http.StatusOK, w.Code)
			body := w.Body.String()
			var got []string
			for _, line := range strings.Split(body, "\n") {
				if i := strings.Index(line, `<tr><td>`); i >= 0 {
					rest := line[i+len(`<tr><td>`):]
					got = append(got, rest[:strings.Index(rest, "<")])
				}
			}
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, body, "LMRYSF85C10Z330C", "the codice fiscale is masked in the results")
		})
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"José María":   "JOSE MARIA",
		"  nicolò  ":   "NICOLO",
		"Ọkọnkwọ":      "OKONKWO",
		"Ševčenko":     "SEVCENKO",
		"d'Àlessandro": "D'ALESSANDRO",
	} {
		assert.Equal(t, want, fold(in), in)
	}
}

// auditLines reads the audit log.
func auditLines(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []map[string]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := map[string]string{}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m))
		out = append(out, m)
	}
	return out
}

func TestDownloadIsValidAndAudited(t *testing.T) {
	a := newTestApp(t)
	a.login(t)
	w := a.get(t, "/persona/P001")
	require.Equal(t, http.StatusOK, w.Code)
	page := w.Body.String()
	assert.Contains(t, page, `href="/persona/P001/pratica.xml"`)
	assert.Contains(t, page, "Importi indicativi")
	assert.Contains(t, page, "Documenti da portare")
	assert.Contains(t, page, `<article class="pratica"`)

	w = a.get(t, "/persona/P001/pratica.xml")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, `attachment; filename="pratica-P001.xml"`, w.Header().Get("Content-Disposition"))
	var apps []eli2.PraticaProblems
	fileProbs, n, err := eli2.ValidateStream(strings.NewReader(w.Body.String()), eli2.ValidateOptions{On: testDay}, func(pp eli2.PraticaProblems) {
		apps = append(apps, pp)
	})
	require.NoError(t, err)
	assert.False(t, fileProbs.HasErrors(), "%v", fileProbs)
	require.Equal(t, 1, n)
	assert.False(t, apps[0].Problems.HasErrors(), "%v", apps[0].Problems)
	assert.Contains(t, w.Body.String(), `versione="1"`)
	assert.Contains(t, w.Body.String(), "<Operatore>"+testOperator+"</Operatore>")

	w = a.get(t, "/persona/P001/lettera")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Body.String(), "15/07/2026")
	assert.Contains(t, w.Body.String(), "30 giorni")
	assert.Contains(t, w.Header().Get("Content-Security-Policy"), "style-src 'sha256-")
	assert.Equal(t, letterCSP(w.Body.Bytes()), w.Header().Get("Content-Security-Policy"))

	lines := auditLines(t, a.audit)
	var actions []string
	for _, l := range lines {
		assert.Equal(t, testOperator, l["operator"], "every audit line names the operator")
		assert.Equal(t, "P001", l["person_id"])
		actions = append(actions, l["action"])
	}
	assert.Equal(t, []string{anagrafe.ActionPreview, anagrafe.ActionExport, "lettera"}, actions)
	st, err := os.Stat(a.audit)
	require.NoError(t, err)
	if os.PathSeparator == '/' {
		assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	}
}

func TestNoLetterForExpiredPermit(t *testing.T) {
	a := newTestApp(t)
	a.login(t)
	w := a.get(t, "/persona/P004") // permit expired on 2025-12-14
	require.Equal(t, http.StatusOK, w.Code)
	assert.NotContains(t, w.Body.String(), `href="/persona/P004/lettera"`)
	assert.Contains(t, w.Body.String(), "Nessuna lettera di promemoria")
	w = a.get(t, "/persona/P004/lettera")
	assert.Equal(t, http.StatusUnprocessableEntity, w.Code)
}

func TestUnknownPerson(t *testing.T) {
	a := newTestApp(t)
	a.login(t)
	w := a.get(t, "/persona/NOPE")
	assert.Equal(t, http.StatusNotFound, w.Code)
	w = a.get(t, "/persona/NOPE/pratica.xml")
	assert.Equal(t, http.StatusUnprocessableEntity, w.Code)
}

func TestExpiryChart(t *testing.T) {
	a := newTestApp(t)
	a.login(t)
	counts, err := expiringPerMonth(t.Context(), memory.New(anagrafetest.Records()...), testDay)
	require.NoError(t, err)
	require.Len(t, counts, 12)
	assert.Equal(t, monthCount{Year: 2026, Month: 6, N: counts[0].N}, counts[0])
	assert.Equal(t, 2027, counts[11].Year)
	assert.Equal(t, 5, counts[11].Month)
	// Cross-check with the register: every permit expiring from testDay to
	// the end of October 2027 is counted once.
	want := 0
	for rec, err := range anagrafe.Search(t.Context(), memory.New(anagrafetest.Records()...), anagrafe.All()) {
		require.NoError(t, err)
		if p := rec.Person.Permit; p != nil && p.ExpiryDate >= testDay && p.ExpiryDate < codes.NewDate(2027, 6, 1) {
			want++
		}
	}
	got := 0
	for _, c := range counts {
		got += c.N
	}
	assert.Equal(t, want, got)
	assert.Positive(t, want, "the fixtures have permits expiring within a year")

	svg := string(expiryChart(counts))
	assert.Contains(t, svg, `role="img"`)
	assert.Contains(t, svg, "<title id=\"chart-title\">")
	assert.Contains(t, svg, "<desc id=\"chart-desc\">giugno 2026: ")
	assert.Equal(t, 12, strings.Count(svg, "<rect"))
	w := a.get(t, "/")
	assert.Contains(t, w.Body.String(), "<svg")
}

func TestEuro(t *testing.T) {
	for cents, want := range map[int]string{0: "€ 0,00", 1600: "€ 16,00", 3046: "€ 30,46", 123456: "€ 1.234,56"} {
		assert.Equal(t, want, desk.Euro(cents))
	}
}

func TestDates(t *testing.T) {
	assert.Equal(t, "10/03/1985", dmyPartial(eli2.PartialDate{Year: 1985, Month: 3, Day: 10}))
	assert.Equal(t, "03/1985", dmyPartial(eli2.PartialDate{Year: 1985, Month: 3}))
	assert.Equal(t, "1985", dmyPartial(eli2.PartialDate{Year: 1985}))
	assert.Equal(t, "", dmyPartial(eli2.PartialDate{}))
	assert.Equal(t, "15/07/2026", dmy(codes.NewDate(2026, 7, 15)))
	assert.Equal(t, "", dmy(0))
}
