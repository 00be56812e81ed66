package sqlreg

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The slash forms of absolute paths on Unix and Windows (filepath.Abs and
// filepath.ToSlash give them) become file: URIs SQLite opens.
func TestSQLiteFileURI(t *testing.T) {
	tests := []struct{ abs, want string }{
		{"/var/lib/anagrafe.db", "file:///var/lib/anagrafe.db"},
		{"/tmp/reg 100%/a.db", "file:///tmp/reg%20100%25/a.db"},
		{"C:/Anagrafe/reg.db", "file:///C:/Anagrafe/reg.db"},
		{"C:/Program Files/Comune/anagrafe.db", "file:///C:/Program%20Files/Comune/anagrafe.db"},
		{"/home/u/àè.db", "file:///home/u/%C3%A0%C3%A8.db"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, sqliteFileURI(tt.abs), tt.abs)
	}
}
