package adaptertest

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/codes"
	"github.com/retecomuni/eli2sdk/eli2"
)

// fieldDiff is one field that differs between the fixture and the source.
type fieldDiff struct {
	Field, Want, Got string
}

// diffRecords compares two normalized records field by field. Household
// members are named by ID (Family.Members[P003].Relation); a different
// member list is reported once, by IDs.
func diffRecords(want, got *anagrafe.Record) []fieldDiff {
	var out []fieldDiff
	switch {
	case want == nil && got == nil:
		return nil
	case want == nil || got == nil:
		return []fieldDiff{{"Record", presence(want != nil), presence(got != nil)}}
	}
	diffValue("Person", reflect.ValueOf(want.Person), reflect.ValueOf(got.Person), &out)
	switch wf, gf := want.Family, got.Family; {
	case wf == nil && gf == nil:
	case wf == nil || gf == nil:
		out = append(out, fieldDiff{"Family", familyText(wf), familyText(gf)})
	default:
		if wf.ID != gf.ID {
			out = append(out, fieldDiff{"Family.ID", quote(wf.ID), quote(gf.ID)})
		}
		wids, gids := memberIDs(wf), memberIDs(gf)
		if !reflect.DeepEqual(wids, gids) {
			out = append(out, fieldDiff{"Family.Members (IDs, head first then ascending)", fmt.Sprint(wids), fmt.Sprint(gids)})
			break
		}
		for i := range wf.Members {
			diffValue("Family.Members["+wids[i]+"]", reflect.ValueOf(wf.Members[i]), reflect.ValueOf(gf.Members[i]), &out)
		}
	}
	return out
}

func presence(ok bool) string {
	if ok {
		return "a record"
	}
	return "none"
}

func familyText(f *anagrafe.Family) string {
	if f == nil {
		return "no household"
	}
	return fmt.Sprintf("household %s %v", f.ID, memberIDs(f))
}

func memberIDs(f *anagrafe.Family) []string {
	ids := make([]string, len(f.Members))
	for i, m := range f.Members {
		ids[i] = m.ID
	}
	return ids
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	dateType    = reflect.TypeFor[codes.Date]()
	partialType = reflect.TypeFor[eli2.PartialDate]()
)

// diffValue appends to out the leaves of want and got that differ, named
// by path. Values are formatted (never as pointers).
func diffValue(path string, want, got reflect.Value, out *[]fieldDiff) {
	switch t := want.Type(); {
	case t == timeType:
		w, g := want.Interface().(time.Time), got.Interface().(time.Time)
		if !w.Equal(g) {
			*out = append(*out, fieldDiff{path, timeText(w), timeText(g)})
		}
		return
	case t == dateType || t == partialType:
		if !reflect.DeepEqual(want.Interface(), got.Interface()) {
			*out = append(*out, fieldDiff{path, format(want), format(got)})
		}
		return
	}
	switch want.Kind() {
	case reflect.Struct:
		for i := range want.NumField() {
			f := want.Type().Field(i)
			if f.IsExported() {
				diffValue(path+"."+f.Name, want.Field(i), got.Field(i), out)
			}
		}
	case reflect.Pointer:
		switch {
		case want.IsNil() && got.IsNil():
		case want.IsNil() || got.IsNil():
			*out = append(*out, fieldDiff{path, format(want), format(got)})
		default:
			diffValue(path, want.Elem(), got.Elem(), out)
		}
	case reflect.Slice:
		if want.Len() != got.Len() {
			*out = append(*out, fieldDiff{path, format(want), format(got)})
			return
		}
		for i := range want.Len() {
			diffValue(fmt.Sprintf("%s[%d]", path, i), want.Index(i), got.Index(i), out)
		}
	default:
		if !want.Equal(got) {
			*out = append(*out, fieldDiff{path, format(want), format(got)})
		}
	}
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return "zero time"
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// format renders a value for a failure message: strings quoted, dates
// ISO, structs as {Field:value …}, pointers dereferenced, nil as "none".
func format(v reflect.Value) string {
	switch t := v.Type(); {
	case t == timeType:
		return timeText(v.Interface().(time.Time))
	case t == dateType:
		if v.Int() == 0 {
			return "no date"
		}
		return v.Interface().(codes.Date).String()
	case t == partialType:
		p := v.Interface().(eli2.PartialDate)
		if p.IsZero() {
			return "no date"
		}
		return p.String()
	}
	switch v.Kind() {
	case reflect.String:
		return fmt.Sprintf("%q", v.String())
	case reflect.Pointer:
		if v.IsNil() {
			return "none"
		}
		return format(v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			return "[]"
		}
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = format(v.Index(i))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case reflect.Struct:
		var parts []string
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() || v.Field(i).IsZero() {
				continue
			}
			parts = append(parts, f.Name+":"+format(v.Field(i)))
		}
		return "{" + strings.Join(parts, " ") + "}"
	}
	return fmt.Sprint(v.Interface())
}

func quote(s string) string { return fmt.Sprintf("%q", s) }
