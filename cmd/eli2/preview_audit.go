package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/anagrafe/export"
	"github.com/retecomuni/eli2sdk/eli2/preview"
	"github.com/retecomuni/eli2sdk/internal/atomicfile"
)

// previewDefaultPurpose is the purpose recorded for preview --db when
// --finalita is not given.
const previewDefaultPurpose = "verifica pratica"

// runFromRegister is eli2 preview --db: it reads one person, renders the
// page in memory (one application, a few tens of kilobytes), records the
// access in the audit log — synced — and only then delivers the page. Any
// failure after the log is opened records one "abort" line instead.
func (a *previewArgs) runFromRegister(stdout, stderr io.Writer) int {
	ctx, sigs := catchSignals(context.Background(), stderr)
	defer sigs.stop()
	auditPath := a.audit
	if auditPath == "" {
		dir := "."
		if a.out != stdoutName {
			dir = filepath.Dir(a.out)
		}
		auditPath = filepath.Join(dir, exportAuditFile)
	}
	if a.out != stdoutName {
		cleanStale(stderr, "eli2 preview", filepath.Dir(a.out))
	}
	log, err := anagrafe.OpenAuditLog(auditPath)
	if err != nil {
		fmt.Fprintf(stderr, "eli2 preview: registro di audit: %v\n", err)
		return exitCannotRun
	}
	defer log.Close()
	operator := a.operator
	if operator == "" {
		operator = exportSystemUser()
	}
	ev := anagrafe.AuditEvent{Operator: operator, Purpose: a.purpose, RunID: export.NewRunID()}
	fail := func(reason string, err error) int {
		ab := ev
		ab.Time, ab.Action, ab.Reason = time.Now(), anagrafe.ActionAbort, reason
		if aerr := anagrafe.RecordAll(context.WithoutCancel(ctx), log, []anagrafe.AuditEvent{ab}); aerr != nil {
			fmt.Fprintf(stderr, "eli2 preview: registro di audit: %v\n", aerr)
		}
		if s := sigs.caught(); s != nil {
			fmt.Fprintf(stderr, "eli2 preview: interrotto (%v), nessun file scritto\n", s)
			return exitSignal(s)
		}
		fmt.Fprintf(stderr, "eli2 preview: %v\n", err)
		return exitCannotRun
	}

	doc, err := a.fromRegister(ctx)
	if err != nil {
		return fail(export.AbortSource, err)
	}
	var page bytes.Buffer
	opts := preview.Options{Title: a.title, Lang: preview.Lang(a.lang), MaskTaxCode: a.maskCF}
	if err := preview.Render(&page, doc, opts); err != nil {
		return fail(export.AbortOutput, err)
	}
	var out *atomicfile.File
	if a.out != stdoutName {
		if out, err = atomicfile.Create(a.out); err != nil {
			return fail(export.AbortOutput, err)
		}
		defer out.Abort()
		if _, err := out.Write(page.Bytes()); err != nil {
			return fail(export.AbortOutput, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return fail(export.AbortCancelled, err)
	}
	ev.Time, ev.Action, ev.PersonID = time.Now(), anagrafe.ActionPreview, a.person
	if err := anagrafe.RecordAll(ctx, log, []anagrafe.AuditEvent{ev}); err != nil {
		return fail(export.AbortAudit, fmt.Errorf("registro di audit: %w", err))
	}
	if out != nil {
		if err := out.Commit(); err != nil {
			return fail(export.AbortCommit, err)
		}
	} else if _, err := stdout.Write(page.Bytes()); err != nil {
		return fail(export.AbortCommit, err)
	}
	var sum previewSummary
	sum.add(doc.Items[0].Problems)
	if a.out != stdoutName {
		fmt.Fprintf(stdout, "anteprima scritta in %s: 1 pratiche, %d errori, %d avvisi\n", a.out, sum.errors, sum.warnings)
	}
	return exitOK
}
