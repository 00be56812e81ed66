package export

import (
	"fmt"
	"iter"
	"runtime"
	"sync"

	"github.com/retecomuni/eli2sdk/anagrafe"
	"github.com/retecomuni/eli2sdk/eli2"
)

// batchSize is the number of records in one batch of the pipeline: large
// enough that channel operations cost nothing next to mapping, small
// enough that a batch's applications (about 2 KB each once encoded) stay
// in cache.
const batchSize = 128

// batch is a run of consecutive records on their way through the pipeline.
// Batches are reused: their records, results and buffer are allocated once.
type batch struct {
	items []built
	buf   []byte        // the encoded applications, items[i].end delimits each
	done  chan struct{} // signalled by the worker when items are built
}

// pipelined is the export loop of a single file: a reader goroutine
// batches the register's records and numbers the applications, workers
// build (map, validate) and encode each batch into its buffer, and this
// goroutine applies the batches in input order (audit, counts, skips) and
// appends their bytes to the output. At most 2×workers+2 batches exist, so
// memory is bounded whatever the register's size. The first error (or the
// cancellation of the context) stops every stage; all goroutines have
// returned when pipelined returns.
func (r *runner) pipelined(seq iter.Seq2[*anagrafe.Record, error], progress func()) error {
	workers := r.opts.Workers
	if workers <= 0 {
		// The reader is one goroutine and the slowest stage (about two
		// thirds of the CPU on a SQLite register): leave it a processor.
		workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	inflight := 2*workers + 2
	free := make(chan *batch, inflight)
	for range inflight {
		free <- &batch{items: make([]built, 0, batchSize), done: make(chan struct{}, 1)}
	}
	// Every batch in flight fits in both queues: sends never block.
	work := make(chan *batch, inflight)
	ordered := make(chan *batch, inflight)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		wg.Wait()
	}()

	wg.Go(func() {
		defer close(ordered)
		defer close(work)
		r.readBatches(seq, free, work, ordered, stop)
	})
	for range workers {
		wg.Go(func() {
			for b := range work {
				select {
				case <-stop: // the writer is gone: nothing to build
				default:
					r.buildBatch(b)
				}
				b.done <- struct{}{}
			}
		})
	}

	for b := range ordered {
		<-b.done
		start := 0
		for i := range b.items {
			if err := r.ctx.Err(); err != nil {
				return err
			}
			it := &b.items[i]
			r.sum.Selected++
			if err := r.apply(it, b.buf[start:it.end], true); err != nil {
				return err
			}
			start = it.end
			if r.sum.Selected%r.opts.ProgressEvery == 0 {
				progress()
			}
		}
		clear(b.items) // let the records go before the batch is reused
		b.items = b.items[:0]
		free <- b
	}
	return nil
}

// readBatches reads seq into batches taken from free, numbering the
// applications as the sequential loop does, and queues each batch for the
// workers (work) and for the writer (ordered), until seq ends or stop is
// closed.
func (r *runner) readBatches(seq iter.Seq2[*anagrafe.Record, error], free <-chan *batch, work, ordered chan<- *batch, stop <-chan struct{}) {
	var b *batch
	n := 0 // records that reach the mapper, as runner.seq
	for rec, err := range seq {
		if b == nil {
			select {
			case b = <-free:
			case <-stop:
				return
			}
		} else {
			select {
			case <-stop:
				return
			default:
			}
		}
		it := built{rec: rec, serr: err}
		if err == nil && rec != nil {
			n++
			it.id = praticaIDFor(rec.Person.ID, n)
		}
		b.items = append(b.items, it)
		if len(b.items) == batchSize {
			work <- b
			ordered <- b
			b = nil
		}
	}
	if b != nil {
		work <- b
		ordered <- b
	}
}

// buildBatch maps, validates and encodes the records of b into b.buf.
func (r *runner) buildBatch(b *batch) {
	b.buf = b.buf[:0]
	for i := range b.items {
		it := &b.items[i]
		if it.serr == nil {
			r.build(it, it.id)
			if it.p != nil {
				b.buf, it.encErr = eli2.AppendPratica(b.buf, it.p)
			}
		}
		it.end = len(b.buf)
	}
}

// writeEncoded audits and appends one valid application that a worker
// encoded into b (or failed to encode: it.encErr), to the single file.
func (r *runner) writeEncoded(it *built, b []byte) error {
	if !r.started {
		if _, err := r.completeHeader(it.p); err != nil {
			return err
		}
		if err := r.openEncoder(); err != nil {
			return err
		}
	}
	if it.encErr != nil {
		return r.skip(encodeSkip(it.rec, it.encErr))
	}
	if err := r.enc.WriteEncoded(b, 1); err != nil {
		return fmt.Errorf("%w: %w", ErrOutput, err)
	}
	r.sum.Exported++
	r.audit.add(it.rec.Person.ID)
	return nil
}
