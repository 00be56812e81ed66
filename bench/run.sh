#!/usr/bin/env bash
# Runs every benchmark of eli2sdk side by side and prints Markdown tables
# (pasted into BENCHMARKS.md):
#   1. codice fiscale: package codes/cf vs codice-fiscale-js and
#      @marketto/codice-fiscale-utils under Node, on the same generated codes;
#   2. codec: eli2 Encoder/Decoder vs encoding/xml on the same records;
#   3. export of demo registers (40k and 400k persons) with the eli2 CLI, in
#      two layouts: households contiguous (as `eli2 demo` numbers them) and
#      scattered over the ID range (as real registers number people, at
#      registration; cmd/scatterreg copies the demo register so): wall
#      time, CPU time and peak RSS from /usr/bin/time -v, the 1-minute load
#      average before each step; with BASELINE, the same exports with the
#      CLI built from that commit, side by side; then the stages of the
#      export (register read, map+validate, whole) on the smallest
#      registers of both layouts, with cmd/exportprof.
#
# Usage: bash bench/run.sh          (from the repository root or from bench/)
# Environment: OUT (work directory, default a new temporary one),
#   N_CODES (100000), NODE_BUDGET (seconds per Node operation, 5),
#   EXPORT_SIZES ("40000 400000"), SCATTERED_SIZES (sizes also measured
#   scattered, default EXPORT_SIZES: 400k scattered takes minutes),
#   BASELINE (a commit: also export with its CLI), SKIP_CODES=1 (skip
#   sections 1 and 2), SKIP_PROFILE=1 (skip exportprof), SKIP_EXPORT=1, SKIP_NODE=1, KEEP=1 (keep the
#   registers and exported files, hundreds of MiB, in OUT).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
OUT="${OUT:-$(mktemp -d -t eli2bench.XXXXXX)}"
N_CODES="${N_CODES:-100000}"
NODE_BUDGET="${NODE_BUDGET:-5}"
EXPORT_SIZES="${EXPORT_SIZES:-40000 400000}"
SCATTERED_SIZES="${SCATTERED_SIZES:-$EXPORT_SIZES}"
ON=2026-03-15
mkdir -p "$OUT"
log() { echo "run.sh: $*" >&2; }

echo "## Machine"
echo
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(nproc) cores visible (nproc)"
echo "- Memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "- Go: $(go version | cut -d' ' -f3-), Node: $(node --version 2>/dev/null || echo none)"
echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo

log "building tools in $OUT"
(cd "$here" && go build -o "$OUT/gencodes" ./cmd/gencodes && go build -o "$OUT/cfgo" ./cmd/cfgo && go build -o "$OUT/codecbench" ./cmd/codecbench && go build -o "$OUT/exportprof" ./cmd/exportprof && go build -o "$OUT/scatterreg" ./cmd/scatterreg)
(cd "$root" && go build -o "$OUT/eli2" ./cmd/eli2)
clis="eli2"
if [ -n "${BASELINE:-}" ]; then
  log "building the CLI of $BASELINE"
  base_src="$OUT/baseline-src"
  rm -rf "$base_src" && mkdir -p "$base_src"
  git -C "$root" archive "$BASELINE" | tar -x -C "$base_src"
  (cd "$base_src" && go build -o "$OUT/eli2-base" ./cmd/eli2)
  rm -rf "$base_src"
  clis="eli2-base eli2"
fi

if [ "${SKIP_CODES:-}" != 1 ]; then
echo "## Codice fiscale"
echo
log "generating $N_CODES codes"
"$OUT/gencodes" -n "$N_CODES" -o "$OUT/cf-codes.tsv"
node_json=""
if [ "${SKIP_NODE:-}" != 1 ] && command -v node >/dev/null; then
  log "npm ci"
  (cd "$here/cf-node" && npm ci --no-audit --no-fund --silent >&2)
  log "node benchmarks (up to ${NODE_BUDGET}s per operation)"
  node "$here/cf-node/bench.js" "$OUT/cf-codes.tsv" "$NODE_BUDGET" > "$OUT/cf-node.json"
  node_json="$OUT/cf-node.json"
fi
log "Go benchmarks of codes/cf"
"$OUT/cfgo" -codes "$OUT/cf-codes.tsv" ${node_json:+-node "$node_json"} -json "$OUT/cf-go.json"
echo
echo "## Codec"
echo
log "codec benchmarks"
"$OUT/codecbench" -n 1000 -count 3
echo
fi

if [ "${SKIP_EXPORT:-}" = 1 ]; then
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  log "installing time (for peak RSS)"
  apt-get install -y time >&2
fi
echo "## Export of demo registers"
echo
echo "Commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)${BASELINE:+, baseline CLI (eli2-base) built from $BASELINE}."
echo
echo "| persons | layout | step | CLI | wall s | user+sys CPU s | peak RSS MiB | load before | output |"
echo "|---:|---|---|---|---:|---:|---:|---:|---|"
measure() { # persons layout step cli -- command...
  local persons="$1" layout="$2" step="$3" cli="$4"; shift 5
  local key="$step-$layout-$persons-$cli"
  local tf="$OUT/time-$key.txt" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$tf" "$@" > "$OUT/$key.stdout" 2> "$OUT/$key.stderr" || {
    log "$key failed:"; cat "$OUT/$key.stderr" >&2; return 1; }
  local wall rss user sys
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
  user=$(awk -F': ' '/User time/ {print $2}' "$tf")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tf")
  local what=""
  if [ "$step" = export ]; then
    what="$(grep -m1 -o 'esportate [0-9]*, scartate [0-9]*' "$OUT/$key.stderr" "$OUT/$key.stdout" 2>/dev/null | head -1 | cut -d: -f2-), $(( $(stat -c %s "$OUT/export.xml") / 1048576 )) MiB XML"
  fi
  printf '| %s | %s | %s | %s | %.2f | %.2f | %s | %s | %s |\n' "$persons" "$layout" "$step" "$cli" "$wall" "$(echo "$user + $sys" | bc)" "$rss" "$load" "$what"
}
export_all() { # persons layout db
  local cli
  for cli in $clis; do
    rm -f "$OUT/export.xml" "$OUT/audit.jsonl"
    log "export of $1 persons, $2, $cli"
    measure "$1" "$2" export "$cli" -- "$OUT/$cli" export --db "sqlite:$3" --all --out "$OUT/export.xml" \
      --on "$ON" --quiet --operatore bench --audit-log "$OUT/audit.jsonl"
    # the CLIs must write the same file but for its creation time (the
    # layouts differ in IDs, so files are compared per layout)
    grep -v '<DataCreazione>' "$OUT/export.xml" | sha256sum | cut -d' ' -f1 >> "$OUT/export-$1-$2.sha256"
  done
}
for n in $EXPORT_SIZES; do
  db="$OUT/demo-$n.db"
  sdb="$OUT/scattered-$n.db"
  rm -f "$db" "$sdb" "$OUT"/export-"$n"-*.sha256
  log "demo register of $n persons"
  measure "$n" contiguous demo eli2 -- "$OUT/eli2" demo --out "$db" --persons "$n" --on "$ON"
  export_all "$n" contiguous "$db"
  if [[ " $SCATTERED_SIZES " == *" $n "* ]]; then
    log "scattered copy of the $n-person register"
    measure "$n" scattered scatterreg - -- "$OUT/scatterreg" -in "$db" -out "$sdb"
    export_all "$n" scattered "$sdb"
  fi
done
echo
echo "Load average after the exports: $(cut -d' ' -f1-3 /proc/loadavg)."
for f in "$OUT"/export-*.sha256; do
  [ -f "$f" ] || continue
  if [ "$(sort -u "$f" | wc -l)" = 1 ]; then
    echo "$(basename "$f" .sha256): every CLI wrote the same file (but for DataCreazione)."
  else
    echo "$(basename "$f" .sha256): **the CLIs wrote different files**."
  fi
done
first="${EXPORT_SIZES%% *}"
for layout in contiguous scattered; do
  [ "${SKIP_PROFILE:-}" = 1 ] && break
  db="$OUT/demo-$first.db"
  [ "$layout" = scattered ] && db="$OUT/scattered-$first.db"
  [ -f "$db" ] || continue
  echo
  echo "Where the time of the export goes ($first persons, $layout households, exportprof; load before: $(cut -d' ' -f1-3 /proc/loadavg)):"
  echo
  "$OUT/exportprof" -db "$db" -on "$ON"
done
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
if [ "${KEEP:-}" != 1 ]; then
  rm -f "$OUT"/demo-*.db "$OUT"/scattered-*.db "$OUT"/export.xml "$OUT"/audit.jsonl # hundreds of MiB; KEEP=1 keeps them
fi
