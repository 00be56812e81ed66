package preview

import "github.com/retecomuni/eli2sdk/codes"

// namer turns codes into the names printed beside them. Every method
// returns ok=false for an empty or unknown code, and the page shows the code
// alone.
type namer interface {
	comune(belfiore string, on codes.Date) (string, bool) // "FIRENZE (FI)"
	state(istat string, on codes.Date, l Lang) (string, bool)
	province(sigla string) (string, bool)
	kit(code int) (string, bool)
	decode(t codes.Table, id string) (string, bool)
}

// tableNames is the namer backed by code tables.
type tableNames struct{ t *codes.Tables }

// comune names a comune as of on; a code that exists but not on that date
// is still named (the validator reports the date problem beside it).
func (n tableNames) comune(code string, on codes.Date) (string, bool) {
	if code == "" {
		return "", false
	}
	c, ok := n.t.ComuneByBelfiore(code, on)
	if !ok && on != 0 {
		c, ok = n.t.ComuneByBelfiore(code, 0)
	}
	if !ok {
		return "", false
	}
	if c.Province != "" {
		return c.Name + " (" + c.Province + ")", true
	}
	return c.Name, true
}

func (n tableNames) state(code string, on codes.Date, l Lang) (string, bool) {
	if code == "" {
		return "", false
	}
	s, ok := n.t.StateByIstat(code, on)
	if !ok && on != 0 {
		s, ok = n.t.StateByIstat(code, 0)
	}
	if !ok {
		return "", false
	}
	name := s.NameIT
	if l == English && s.NameEN != "" {
		name = s.NameEN
	}
	if name == "" {
		name = s.Name
	}
	return name, name != ""
}

func (n tableNames) province(sigla string) (string, bool) {
	if sigla == "" {
		return "", false
	}
	p, ok := n.t.Province(sigla)
	return p.Name, ok && p.Name != ""
}

func (n tableNames) kit(code int) (string, bool) {
	if code == 0 {
		return "", false
	}
	k, ok := n.t.Kit(code)
	return k.Description, ok && k.Description != ""
}

func (n tableNames) decode(tab codes.Table, id string) (string, bool) {
	if id == "" {
		return "", false
	}
	e, ok := n.t.Decode(tab, id)
	return e.Description, ok && e.Description != ""
}
