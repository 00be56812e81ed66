package sqlreg_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/anagrafetest"
	"github.com/retecomuni/eli2sdk/anagrafe/sqlreg"
)

// writeRegister builds a SQLite register of the anagrafetest records at
// path (in WAL mode, as Open with Options.Writable leaves it) and, when
// journal is not empty, switches it to that journal mode.
func writeRegister(t *testing.T, path, journal string) {
	t.Helper()
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, src.InsertRecords(ctx, anagrafetest.Records()...))
	require.NoError(t, src.Close())
	if journal != "" {
		db, err := sql.Open("sqlite", path)
		require.NoError(t, err)
		var got string
		require.NoError(t, db.QueryRow("PRAGMA journal_mode="+journal).Scan(&got))
		require.Equal(t, journal, got)
		require.NoError(t, db.Close())
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestOpenMissingFile(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "missing.db"), filepath.Join(dir, "no", "such", "dir.db")} {
		src, err := sqlreg.Open(context.Background(), "sqlite:"+path, sqlreg.Options{})
		require.ErrorIs(t, err, fs.ErrNotExist, path)
		assert.Nil(t, src)
	}
	assert.Empty(t, dirNames(t, dir), "nothing created")
}

// A register is read without a change to its file, whatever its journal
// mode, and writes through the Source's DB fail.
func TestOpenReadOnly(t *testing.T) {
	tests := []struct {
		name    string
		journal string // "" leaves the WAL mode of a Writable register
		wal     bool
	}{
		{"wal", "", true},
		{"rollback journal delete", "delete", false},
		{"rollback journal truncate", "truncate", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			// A space, a percent sign and a non-ASCII letter exercise the escaping
			// of the file: URI.
			dir := filepath.Join(t.TempDir(), "reg 100% città")
			require.NoError(t, os.Mkdir(dir, 0o700))
			path := filepath.Join(dir, "anagrafe.db")
			writeRegister(t, path, tt.journal)
			files := dirNames(t, dir) // truncate mode keeps an empty -journal file
			head := make([]byte, 20)
			f, err := os.Open(path)
			require.NoError(t, err)
			_, err = f.Read(head)
			require.NoError(t, err)
			f.Close()
			assert.Equal(t, tt.wal, head[18] == 2 && head[19] == 2, "header says WAL")
			before := fileSum(t, path)

			src, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{PageSize: 2})
			require.NoError(t, err)
			n, err := anagrafe.Count(ctx, src, anagrafe.All())
			require.NoError(t, err)
			assert.Equal(t, len(anagrafetest.Records()), n)
			var streamed int
			for _, err := range src.Persons(ctx) {
				require.NoError(t, err)
				streamed++
			}
			assert.Equal(t, n, streamed)
			_, err = src.DB().ExecContext(ctx, "UPDATE persone SET telefono = 'x'")
			assert.ErrorContains(t, err, "readonly")
			_, err = src.DB().ExecContext(ctx, "CREATE TABLE extra (x)")
			assert.Error(t, err)
			assert.Error(t, src.Insert(ctx, anagrafe.Person{ID: "NEW", Surname: "S", Name: "N"}))
			require.NoError(t, src.Close())

			assert.Equal(t, before, fileSum(t, path), "the register file is unchanged")
			assert.Equal(t, files, dirNames(t, dir), "no journal, -wal or -shm file left")
		})
	}
}

// A relative sqlite:PATH is resolved against the working directory.
func TestOpenReadOnlyRelative(t *testing.T) {
	dir := t.TempDir()
	writeRegister(t, filepath.Join(dir, "rel.db"), "delete")
	t.Chdir(dir)
	src, err := sqlreg.Open(context.Background(), "sqlite:rel.db", sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	rec, err := src.Person(context.Background(), "P001")
	require.NoError(t, err)
	assert.Equal(t, "P001", rec.Person.ID)
}

func TestOpenWritableCreates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.db")
	src, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{Writable: true})
	require.NoError(t, err)
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	var mode string
	require.NoError(t, src.DB().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode)
	var fk int
	require.NoError(t, src.DB().QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
	assert.Equal(t, 1, fk)
	require.NoError(t, src.Insert(ctx, anagrafe.Person{ID: "NEW", Surname: "S", Name: "N"}))
	require.NoError(t, src.Close())
	assert.FileExists(t, path)

	ro, err := sqlreg.Open(ctx, "sqlite:"+path, sqlreg.Options{})
	require.NoError(t, err)
	defer ro.Close()
	rec, err := ro.Person(ctx, "NEW")
	require.NoError(t, err)
	assert.Equal(t, "S", rec.Person.Surname)
}

// sqlite::memory: is private to the Source, so it is writable by default.
func TestOpenMemoryWritable(t *testing.T) {
	ctx := context.Background()
	src, err := sqlreg.Open(ctx, "sqlite::memory:", sqlreg.Options{})
	require.NoError(t, err)
	defer src.Close()
	require.NoError(t, sqlreg.CreateSchema(ctx, src.DB(), src.Dialect()))
	require.NoError(t, src.Insert(ctx, anagrafe.Person{ID: "M1", Surname: "S", Name: "N"}))
}
