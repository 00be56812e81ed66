#!/usr/bin/env bash
# Runs every benchmark of eli2sdk side by side and prints Markdown tables
# (pasted into BENCHMARKS.md):
#   1. codice fiscale: package codes/cf vs codice-fiscale-js and
#      @marketto/codice-fiscale-utils under Node, on the same generated codes;
#   2. codec: eli2 Encoder/Decoder vs encoding/xml on the same records;
#   3. export of demo registers (40k and 400k persons) with the eli2 CLI:
#      wall time, CPU time and peak RSS from /usr/bin/time -v; then the
#      stages of the export (register read, map+validate, whole) on the
#      smallest register, with cmd/exportprof.
#
# Usage: bash bench/run.sh          (from the repository root or from bench/)
# Environment: OUT (work directory, default a new temporary one),
#   N_CODES (100000), NODE_BUDGET (seconds per Node operation, 5),
#   EXPORT_SIZES ("40000 400000"), SKIP_EXPORT=1, SKIP_NODE=1, KEEP=1 (keep the
#   registers and exported files, hundreds of MiB, in OUT).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
OUT="${OUT:-$(mktemp -d -t eli2bench.XXXXXX)}"
N_CODES="${N_CODES:-100000}"
NODE_BUDGET="${NODE_BUDGET:-5}"
EXPORT_SIZES="${EXPORT_SIZES:-40000 400000}"
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
(cd "$here" && go build -o "$OUT/gencodes" ./cmd/gencodes && go build -o "$OUT/cfgo" ./cmd/cfgo && go build -o "$OUT/codecbench" ./cmd/codecbench && go build -o "$OUT/exportprof" ./cmd/exportprof)
(cd "$root" && go build -o "$OUT/eli2" ./cmd/eli2)

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

if [ "${SKIP_EXPORT:-}" = 1 ]; then
  exit 0
fi
if [ ! -x /usr/bin/time ]; then
  log "installing time (for peak RSS)"
  apt-get install -y time >&2
fi
echo "## Export of demo registers"
echo
echo "| persons | step | wall s | user+sys CPU s | peak RSS MiB | output |"
echo "|---:|---|---:|---:|---:|---|"
measure() { # label persons -- command...
  local label="$1" persons="$2"; shift 3
  local tf="$OUT/time-$label-$persons.txt"
  /usr/bin/time -v -o "$tf" "$@" > "$OUT/$label-$persons.stdout" 2> "$OUT/$label-$persons.stderr" || {
    log "$label $persons failed:"; cat "$OUT/$label-$persons.stderr" >&2; return 1; }
  local wall rss user sys
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
  user=$(awk -F': ' '/User time/ {print $2}' "$tf")
  sys=$(awk -F': ' '/System time/ {print $2}' "$tf")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$tf")
  local what=""
  if [ "$label" = export ]; then
    what="$(grep -m1 -o 'esportate [0-9]*, scartate [0-9]*' "$OUT/$label-$persons.stderr" "$OUT/$label-$persons.stdout" 2>/dev/null | head -1 | cut -d: -f2-), $(( $(stat -c %s "$OUT/export-$persons.xml") / 1048576 )) MiB XML"
  fi
  printf '| %s | %s | %.2f | %.2f | %s | %s |\n' "$persons" "$label" "$wall" "$(echo "$user + $sys" | bc)" "$rss" "$what"
}
for n in $EXPORT_SIZES; do
  db="$OUT/demo-$n.db"
  rm -f "$db" "$OUT/export-$n.xml" "$OUT/audit-$n.jsonl"
  log "demo register of $n persons"
  measure demo "$n" -- "$OUT/eli2" demo --out "$db" --persons "$n" --on "$ON"
  log "export of $n persons"
  measure export "$n" -- "$OUT/eli2" export --db "sqlite:$db" --all --out "$OUT/export-$n.xml" \
    --on "$ON" --quiet --operatore bench --audit-log "$OUT/audit-$n.jsonl"
done
first="${EXPORT_SIZES%% *}"
echo
echo "Where the time of the export goes ($first persons, exportprof, same register):"
echo
"$OUT/exportprof" -db "$OUT/demo-$first.db" -on "$ON"
echo
echo "Load average at end: $(cut -d' ' -f1-3 /proc/loadavg)."
if [ "${KEEP:-}" != 1 ]; then
  rm -f "$OUT"/demo-*.db "$OUT"/export-*.xml "$OUT"/audit-*.jsonl # hundreds of MiB; KEEP=1 keeps them
fi
