// Times codice-fiscale-js and @marketto/codice-fiscale-utils on the codes
// written by bench/cmd/gencodes: validate, decode and compute, each from the
// first record on until every record is done or the time budget (seconds,
// default 5) is spent, after a short warm-up. Wall time and CPU time (user +
// system of the whole process) per operation. Prints one JSON object.
//
//   node bench.js /tmp/cf-codes.tsv [budget-seconds]
'use strict'
const fs = require('fs')
const { CodiceFiscale } = require('codice-fiscale-js')
const { CodiceFiscaleUtils } = require('@marketto/codice-fiscale-utils')
const { belfioreConnector } = require('@marketto/belfiore-connector-embedded')

const file = process.argv[2]
const budget = Number(process.argv[3] || 5) // seconds per operation
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
lines.shift() // header
const recs = lines.map((l) => {
  const f = l.split('\t')
  return {
    code: f[0], base: f[1], surname: f[2], name: f[3], sex: f[4],
    year: +f[5], month: +f[6], day: +f[7], placeCode: f[8], placeName: f[9], province: f[10]
  }
})
const n = recs.length
const cfu = new CodiceFiscaleUtils(belfioreConnector)

// Each case runs one operation over the records, from the first, until all
// are done or the time budget is spent, and returns how many it processed and
// how many gave the expected answer (so the work cannot be optimised away and
// correctness is reported beside speed). The clock is read every 64 records.
function runner (body) {
  return async (budgetNs) => {
    let ok = 0
    let i = 0
    const t0 = process.hrtime.bigint()
    const c0 = process.cpuUsage()
    let elapsed = 0
    while (i < n) {
      const end = Math.min(n, i + 64)
      for (; i < end; i++) if (await body(recs[i])) ok++
      elapsed = Number(process.hrtime.bigint() - t0)
      if (elapsed > budgetNs) break
    }
    const c = process.cpuUsage(c0) // microseconds, every thread of the process
    return { done: i, ok, ns: elapsed, cpuNs: (c.user + c.system) * 1000 }
  }
}

const cases = {
  'codice-fiscale-js': {
    validate: (r) => CodiceFiscale.check(r.code),
    decode: (r) => {
      try {
        const d = CodiceFiscale.computeInverse(r.code)
        return d.year === r.year && d.month === r.month && d.day === r.day && d.gender === r.sex
      } catch (e) { return false }
    },
    compute: (r) => {
      try {
        return CodiceFiscale.compute({
          name: r.name, surname: r.surname, gender: r.sex, day: r.day, month: r.month, year: r.year,
          birthplace: r.placeName, birthplaceProvincia: r.province
        }) === r.base
      } catch (e) { return false }
    }
  },
  '@marketto/codice-fiscale-utils': {
    validate: async (r) => cfu.validator.codiceFiscale(r.code).valid,
    decode: async (r) => {
      try {
        const d = await cfu.parser.cfDecode(r.code)
        return d.year === r.year && d.month === r.month - 1 && d.day === r.day && d.gender === r.sex
      } catch (e) { return false }
    },
    compute: async (r) => {
      try {
        return (await cfu.parser.encodeCf({
          lastName: r.surname, firstName: r.name, year: r.year, month: r.month - 1, day: r.day,
          gender: r.sex, place: r.placeCode
        })) === r.base
      } catch (e) { return false }
    }
  }
}

async function main () {
  const out = { runtime: 'node ' + process.version, n, budget_s: budget, results: [] }
  for (const [lib, ops] of Object.entries(cases)) {
    for (const [op, body] of Object.entries(ops)) {
      const fn = runner(body)
      await fn(0.2e9) // warm-up (JIT)
      const r = await fn(budget * 1e9)
      out.results.push({ lib, op, ns_per_op: r.ns / r.done, cpu_ns_per_op: r.cpuNs / r.done, ops: r.done, correct: r.ok })
      process.stderr.write(`${lib} ${op}: ${(r.cpuNs / r.done).toFixed(0)} CPU ns/op, ${(r.ns / r.done).toFixed(0)} wall ns/op over ${r.done} codes, ${r.ok} correct\n`)
    }
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n')
}
main().catch((e) => { console.error(e); process.exit(1) })
