//go:build unix

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// TestFaultOutDevice is reproduction 2 (--out /dev/stdout as root): a
// device node is refused, not replaced by a file of personal data. The
// node is a copy of /dev/null (1,3) made in the test's directory, so that
// a regression cannot damage the real one.
func TestFaultOutDevice(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("making a device node needs root")
	}
	db := faultDB(t)
	dir := t.TempDir()
	dev := filepath.Join(dir, "null")
	require.NoError(t, syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3))
	audit := filepath.Join(dir, "audit.jsonl")
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--out", dev)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "dispositivo")
	fi, err := os.Lstat(dev)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "still a device node")
	assert.Equal(t, []string{"null"}, dirNames(t, dir))
}

// TestFaultOutFIFO: a FIFO is refused without being opened (opening it
// would block until a reader comes).
func TestFaultOutFIFO(t *testing.T) {
	db := faultDB(t)
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.xml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	audit := filepath.Join(dir, "audit.jsonl")
	rc, _, stderr := exportRun(faultExportArgs(db, audit, "--all", "--out", fifo)...)
	assert.Equal(t, exitCannotRun, rc)
	assert.Contains(t, stderr, "FIFO")
	fi, err := os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "still a FIFO")
	assert.Equal(t, []string{"pipe.xml"}, dirNames(t, dir))
}

// pausedExport starts the built command on an export that stops after 40
// records (testPauseEnv) and returns once it has paused, with its work
// files in place. The output target already holds an earlier export.
type pausedExport struct {
	cmd    *exec.Cmd
	stderr *bytes.Buffer
	done   chan struct{}
}

func startPausedExport(t *testing.T, args []string) *pausedExport {
	t.Helper()
	cmd := exec.Command(eli2Binary(t), args...)
	cmd.Env = append(os.Environ(), testPauseEnv+"=40")
	pipe, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	p := &pausedExport{cmd: cmd, stderr: &bytes.Buffer{}, done: make(chan struct{})}
	paused := make(chan struct{})
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(pipe)
		for sc.Scan() {
			if sc.Text() == testPausedLine {
				close(paused)
				continue
			}
			p.stderr.WriteString(sc.Text() + "\n")
		}
		_, _ = io.Copy(io.Discard, pipe)
	}()
	select {
	case <-paused:
	case <-p.done:
		_ = cmd.Wait()
		t.Fatalf("the export ended before pausing: %s", p.stderr)
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("the export did not pause")
	}
	return p
}

// wait returns the exit code once the process has ended.
func (p *pausedExport) wait(t *testing.T) int {
	t.Helper()
	<-p.done
	err := p.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -int(ws.Signal())
		}
		return ee.ExitCode()
	}
	require.NoError(t, err)
	return 0
}

// faultTarget is an export target with an earlier export in it.
type faultTarget struct {
	name string
	args func(dir string) []string
}

var faultTargets = []faultTarget{
	{"out", func(dir string) []string { return []string{"--out", filepath.Join(dir, "o.xml")} }},
	{"split", func(dir string) []string { return []string{"--split", filepath.Join(dir, "sp")} }},
}

// TestFaultSignals is reproductions 1 and 5 with SIGINT (Ctrl-C), SIGTERM
// and SIGHUP sent to a real eli2 export paused half-way: it exits with
// 128+n, the earlier output is intact byte for byte, no temporary file is
// left, and the audit log gains exactly one abort line.
func TestFaultSignals(t *testing.T) {
	db := faultDB(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		for _, target := range faultTargets {
			t.Run(fmt.Sprintf("%s/%s", sig, target.name), func(t *testing.T) {
				dir := t.TempDir()
				audit := filepath.Join(dir, "audit.jsonl")
				rc, _, stderr := exportRun(faultExportArgs(db, audit, append([]string{"--expiring", "60"}, target.args(dir)...)...)...)
				require.Equal(t, exitOK, rc, stderr)
				before := without(tree(t, dir), "audit.jsonl")
				n := len(auditLines(t, audit))

				p := startPausedExport(t, faultExportArgs(db, audit, append([]string{"--all"}, target.args(dir)...)...))
				require.NotEmpty(t, temps(t, dir), "paused mid-run, with its work files in place")
				require.NoError(t, p.cmd.Process.Signal(sig))
				assert.Equal(t, 128+int(sig), p.wait(t), p.stderr.String())
				assert.Contains(t, p.stderr.String(), "interrotto")
				assert.Equal(t, before, without(tree(t, dir), "audit.jsonl"), "earlier output intact, no stray file")
				assert.Empty(t, temps(t, dir))
				assertAborted(t, auditLines(t, audit)[n:], "cancelled")
			})
		}
	}
}

// TestFaultKill9Restart is reproduction 5 with SIGKILL, which no program
// can catch: the work files stay, hidden and with the dead process's id;
// the earlier output is intact; the audit log has no line of the killed
// run (its events were never recorded, since nothing was delivered); the
// next run removes the leftovers and says so.
func TestFaultKill9Restart(t *testing.T) {
	db := faultDB(t)
	for _, target := range faultTargets {
		t.Run(target.name, func(t *testing.T) {
			dir := t.TempDir()
			audit := filepath.Join(dir, "audit.jsonl")
			rc, _, stderr := exportRun(faultExportArgs(db, audit, append([]string{"--expiring", "60"}, target.args(dir)...)...)...)
			require.Equal(t, exitOK, rc, stderr)
			before := without(tree(t, dir), "audit.jsonl")
			n := len(auditLines(t, audit))

			p := startPausedExport(t, faultExportArgs(db, audit, append([]string{"--all"}, target.args(dir)...)...))
			pid := p.cmd.Process.Pid
			require.NoError(t, p.cmd.Process.Kill())
			assert.Equal(t, -int(syscall.SIGKILL), p.wait(t))
			left := temps(t, dir)
			require.NotEmpty(t, left, "SIGKILL leaves the work files")
			for _, name := range left {
				assert.Contains(t, name, fmt.Sprintf("-%d-", pid), "named with the dead process's id")
			}
			assert.Equal(t, before, visible(without(tree(t, dir), "audit.jsonl")), "earlier output intact")
			assert.Len(t, auditLines(t, audit), n, "nothing delivered, nothing recorded")

			// The next run (here a real process too) cleans up.
			cmd := exec.Command(eli2Binary(t), faultExportArgs(db, audit, append([]string{"--expiring", "60"}, target.args(dir)...)...)...)
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, string(out))
			assert.Contains(t, string(out), "rimossi")
			assert.Contains(t, string(out), fmt.Sprint(pid))
			assert.Empty(t, temps(t, dir))
			assert.Equal(t, keys(before), keys(without(tree(t, dir), "audit.jsonl")), "the same export again: the same files (new creation time inside)")
			added := auditLines(t, audit)[n:]
			assertExported(t, added, len(added))
			assert.False(t, strings.Contains(string(out), "RSSMRA"), "no personal data in the message")
		})
	}
}

// visible drops from a tree the work files of eli2 and what they hold.
func visible(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		first := strings.SplitN(filepath.ToSlash(k), "/", 2)[0]
		if !strings.HasPrefix(first, atomicfile.TempPrefix) && !strings.HasPrefix(first, atomicfile.OldPrefix) {
			out[k] = v
		}
	}
	return out
}

// keys lists a tree's paths, sorted.
func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
