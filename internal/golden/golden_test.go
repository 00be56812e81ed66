package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()                      {}
func (r *recorder) Errorf(string, ...any)        { r.failed = true }
func (r *recorder) FailNow()                     { r.failed = true; panic(r) }
func (r *recorder) Name() string                 { return "TestX" }
func (r *recorder) Fatalf(f string, args ...any) { r.Errorf(f, args...); r.FailNow() }

func check(tb *recorder, path string, got []byte) {
	defer func() {
		if v := recover(); v != nil && v != tb {
			panic(v)
		}
	}()
	Check(tb, path, got)
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "x.golden")

	r := &recorder{TB: t}
	check(r, path, []byte("a"))
	assert.True(t, r.failed, "a missing golden file fails")

	*Update = true
	r = &recorder{TB: t}
	check(r, path, []byte("a"))
	*Update = false
	assert.False(t, r.failed)
	b, err := os.ReadFile(path)
	assert.NoError(t, err)
	assert.Equal(t, "a", string(b))

	r = &recorder{TB: t}
	check(r, path, []byte("a"))
	assert.False(t, r.failed, "same content passes")

	r = &recorder{TB: t}
	check(r, path, []byte("b"))
	assert.True(t, r.failed, "different content fails")
}
