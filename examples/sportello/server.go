package main

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/desk"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
	"github.com/retecomuni/eli2sdk/eli2/preview"
)

//go:embed templates/*.html static/app.css
var assets embed.FS

var pages = template.Must(template.New("").ParseFS(assets, "templates/*.html"))

// Audit purposes of the desk app.
const (
	purposeDesk   = "sportello: verifica pratica"
	purposeExport = "rinnovo permesso di soggiorno"
	maxResults    = 50
	maxQuery      = 100 // runes of a search
)

// Config is what the desk app serves.
type Config struct {
	Source anagrafe.Source
	Audit  anagrafe.AuditLog // every access is recorded with the operator
	Office desk.Office       // printed on the letters
	// ShowPersonalData shows codici fiscali in full (default: masked).
	ShowPersonalData bool
	// Today returns the reference date; nil means codes.Today.
	Today func() codes.Date
	// Token is the access token; "" draws a random one.
	Token string
}

// Server is the desk app's HTTP handler.
type Server struct {
	cfg   Config
	token string
	mux   *http.ServeMux

	mu       sync.Mutex
	operator string
}

// NewServer returns the app for cfg.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Source == nil || cfg.Audit == nil {
		return nil, errors.New("sportello: a register and an audit log are required")
	}
	if cfg.Today == nil {
		cfg.Today = codes.Today
	}
	s := &Server{cfg: cfg, token: cfg.Token, mux: http.NewServeMux()}
	if s.token == "" {
		t, err := newToken()
		if err != nil {
			return nil, err
		}
		s.token = t
	}
	s.mux.HandleFunc("GET /{$}", s.home)
	s.mux.HandleFunc("GET /static/app.css", s.css)
	s.mux.HandleFunc("GET /static/preview.css", s.css)
	s.mux.HandleFunc("POST /operatore", s.setOperator)
	s.mux.HandleFunc("GET /cerca", s.withOperator(s.search))
	s.mux.HandleFunc("GET /persona/{id}", s.withOperator(s.person))
	s.mux.HandleFunc("GET /persona/{id}/pratica.xml", s.withOperator(s.download))
	s.mux.HandleFunc("GET /persona/{id}/lettera", s.withOperator(s.letter))
	return s, nil
}

// Token returns the access token to print in the start-up URL.
func (s *Server) Token() string { return s.token }

// ServeHTTP serves the app behind the guard (loopback, token).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.guard(s.mux).ServeHTTP(w, r)
}

func (s *Server) op() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.operator
}

// page is the data of every page.
type page struct {
	Title    string
	Operator string
	Query    string
	Error    string
	Body     any
}

func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	p.Operator = s.op()
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, p); err != nil {
		http.Error(w, "errore interno della pagina", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) css(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	if strings.HasSuffix(r.URL.Path, "preview.css") {
		_, _ = w.Write([]byte(preview.Stylesheet()))
		return
	}
	b, _ := assets.ReadFile("static/app.css")
	_, _ = w.Write(b)
}

// withOperator sends to the home page (the operator form) until the
// operator has given a name.
func (s *Server) withOperator(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.op() == "" {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		h(w, r)
	}
}

// maxOperator bounds the operator name written on every audit line.
const maxOperator = 80

func (s *Server) setOperator(w http.ResponseWriter, r *http.Request) {
	name := strings.Join(strings.Fields(r.PostFormValue("operatore")), " ")
	if name == "" || len([]rune(name)) > maxOperator || strings.ContainsFunc(name, func(c rune) bool { return c < ' ' }) {
		s.render(w, http.StatusBadRequest, "home.html", page{Title: "Sportello", Error: "Indicare il nome dell'operatore (al massimo 80 caratteri)."})
		return
	}
	s.mu.Lock()
	s.operator = name
	s.mu.Unlock()
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// homeBody is the data of the home page.
type homeBody struct {
	Chart template.HTML
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if s.op() == "" {
		s.render(w, http.StatusOK, "home.html", page{Title: "Sportello – operatore"})
		return
	}
	counts, err := expiringPerMonth(r.Context(), s.cfg.Source, s.cfg.Today())
	if err != nil {
		s.fail(w, err)
		return
	}
	s.render(w, http.StatusOK, "home.html", page{Title: "Sportello", Body: homeBody{Chart: expiryChart(counts)}})
}

// result is one line of the search results.
type result struct {
	ID, Surname, Name, CF, Birth, Expiry string
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimSpace(r.URL.Query().Get("q"))
	if len([]rune(raw)) > maxQuery {
		raw = string([]rune(raw)[:maxQuery])
	}
	q := fold(raw)
	var out []result
	more := false
	if q != "" {
		var err error
		out, more, err = s.find(r.Context(), q)
		if err != nil {
			s.fail(w, err)
			return
		}
	}
	s.render(w, http.StatusOK, "results.html", page{Title: "Ricerca: " + raw, Query: raw, Body: struct {
		Results []result
		More    bool
		Max     int
	}{out, more, maxResults}})
}

// find returns up to maxResults persons matching the folded query q.
func (s *Server) find(ctx context.Context, q string) ([]result, bool, error) {
	var out []result
	for rec, err := range anagrafe.Search(ctx, s.cfg.Source, anagrafe.All()) {
		if err != nil {
			if anagrafe.IsRecordError(err) {
				continue // a row the adapter cannot read: not a result
			}
			return nil, false, err
		}
		p := &rec.Person
		if !matches(p, q) {
			continue
		}
		if len(out) == maxResults {
			return out, true, nil
		}
		res := result{ID: p.ID, Surname: p.Surname, Name: p.Name, CF: s.cf(p.CodiceFiscale), Birth: dmyPartial(p.BirthDate)}
		if p.Permit != nil && p.Permit.ExpiryDate != 0 {
			res.Expiry = dmy(p.Permit.ExpiryDate)
		}
		out = append(out, res)
	}
	return out, false, nil
}

func (s *Server) cf(v string) string {
	if s.cfg.ShowPersonalData || v == "" {
		return v
	}
	return eli2.MaskCodiceFiscale(v)
}

// record reads one person and records the access.
func (s *Server) record(ctx context.Context, id, action, purpose string) (*anagrafe.Record, error) {
	rec, err := s.cfg.Source.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.cfg.Audit.Record(ctx, anagrafe.AuditEvent{
		Time: time.Now(), Operator: s.op(), PersonID: id, Action: action, Purpose: purpose,
	}); err != nil {
		return nil, fmt.Errorf("registro di audit: %w", err)
	}
	return rec, nil
}

// personBody is the data of the person page.
type personBody struct {
	ID, Name     string
	NotSubject   string // why no application is made, when none
	Preview      template.HTML
	Checklist    []desk.ChecklistItem
	LetterReason string // why no reminder letter, when none
	Blocking     bool   // the application has errors: no file
}

func (s *Server) person(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, err := s.record(r.Context(), id, anagrafe.ActionPreview, purposeDesk)
	if err != nil {
		s.fail(w, err)
		return
	}
	on := s.cfg.Today()
	b := personBody{ID: id, Name: strings.TrimSpace(rec.Person.Surname + " " + rec.Person.Name)}
	if _, err := desk.ReminderFor(rec, desk.ReminderOptions{On: on}); err != nil {
		b.LetterReason = "Nessuna lettera di promemoria: permesso assente, già scaduto, senza scadenza, o ricevuta / rinnovo in corso."
	}
	mopts := anagrafe.MapOptions{On: on, ShowPersonalData: s.cfg.ShowPersonalData}
	p, probs, err := anagrafe.Map(rec, anagrafe.Request{}, mopts)
	switch {
	case errors.Is(err, anagrafe.ErrNotSubject):
		b.NotSubject = "Cittadino italiano, dell'UE, del SEE o della Svizzera: non serve il permesso di soggiorno."
	case errors.Is(err, anagrafe.ErrNoPermit):
		b.NotSubject = "Nessun permesso di soggiorno registrato: la pratica va compilata allo sportello."
	case err != nil:
		s.fail(w, err)
		return
	default:
		spell, _ := anagrafe.RegisterSpellings(rec, anagrafe.Request{}, mopts)
		est, ferr := desk.Fees(p, on, desk.FeeOptions{})
		item := preview.Item{Pratica: p, Problems: probs, Register: spell}
		if ferr == nil {
			item.Fees = desk.PreviewFees(est, nil)
		}
		var buf bytes.Buffer
		if err := preview.Render(&buf, preview.Document{Items: []preview.Item{item}}, preview.Options{
			MaskTaxCode: !s.cfg.ShowPersonalData, Fragment: true,
		}); err != nil {
			s.fail(w, err)
			return
		}
		b.Preview = template.HTML(buf.String()) // preview escapes every value (html/template)
		b.Checklist = desk.DefaultChecklist().For(p.Richiesta.TipoRichiesta)
		b.Blocking = probs.HasErrors()
	}
	s.render(w, http.StatusOK, "person.html", page{Title: "Pratica " + id, Body: b})
}

// download sends the single-applicant import file, made by the export
// pipeline (validated, audited, format v1).
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var buf bytes.Buffer
	sum, err := export.RunIDs(r.Context(), s.cfg.Source, []string{id}, export.Stream(&buf), export.Options{
		AuditLog: s.cfg.Audit,
		Purpose:  purposeExport,
		Header:   eli2.Intestazione{Operatore: s.op()},
		Map:      anagrafe.MapOptions{On: s.cfg.Today()},
	})
	if err != nil || sum.Exported != 1 {
		msg := "Il file non è stato creato."
		for _, sk := range sum.Skips {
			msg += " Motivi: " + strings.Join(sk.Codes, ", ") + " (vedere i problemi nella pratica)."
		}
		if err != nil {
			msg += " " + err.Error()
		}
		s.render(w, http.StatusUnprocessableEntity, "error.html", page{Title: "File non creato", Error: msg})
		return
	}
	w.Header().Set("Content-Type", "application/xml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="pratica-`+safeName(id)+`.xml"`)
	_, _ = w.Write(buf.Bytes())
}

// letter shows the printable reminder letter (A4) of one resident.
func (s *Server) letter(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rec, err := s.record(r.Context(), id, desk.ActionLetter, desk.PurposeReminder)
	if err != nil {
		s.fail(w, err)
		return
	}
	rem, err := desk.ReminderFor(rec, desk.ReminderOptions{On: s.cfg.Today()})
	if err != nil {
		s.render(w, http.StatusUnprocessableEntity, "error.html", page{Title: "Lettera non disponibile", Error: "Nessuna lettera di promemoria per questa persona: permesso assente, già scaduto, senza scadenza, o ricevuta / rinnovo in corso."})
		return
	}
	var buf bytes.Buffer
	if err := desk.RenderReminder(&buf, rem, s.cfg.Office); err != nil {
		s.fail(w, err)
		return
	}
	// The letter is a self-contained page with its own <style>: allow
	// exactly that style by its hash, nothing else.
	w.Header().Set("Content-Security-Policy", letterCSP(buf.Bytes()))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) fail(w http.ResponseWriter, err error) {
	status, msg := http.StatusInternalServerError, "Errore: "+err.Error()
	if errors.Is(err, anagrafe.ErrNotFound) {
		status, msg = http.StatusNotFound, "Persona non trovata nell'anagrafe."
	}
	s.render(w, status, "error.html", page{Title: "Errore", Error: msg})
}

// safeName keeps letters, digits, '-' and '_' of a register ID for a file name.
func safeName(id string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' {
			return c
		}
		return '_'
	}, id)
}

// dmyPartial writes a partial date as the preview does: 10/03/1985,
// 03/1985 or 1985.
func dmyPartial(d eli2.PartialDate) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%02d/%04d", d.Month, d.Year)
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}

func dmy(d codes.Date) string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day(), d.Month(), d.Year())
}
