#!/usr/bin/env bash
# Claim-linking time at 1x, 10x and 100x of a corpus, to show that linking grows near-linearly
# (statements are blocked by key term through an inverted index, never compared pair by pair).
#
# The corpus: distinct PolNeAR train articles from ../shared when present (8, 80 and 800 of them),
# else copies of the bundled corpora in which every capitalised word carries the copy's number, so
# that copies are separate stories with their own names rather than relays of one text.
# Each size is analysed BENCH_LINK_RUNS times (default 3) with `--time-linking` (the linking stage
# alone, timed inside attest; the median is reported) under /usr/bin/time -v (wall time and peak
# memory of the whole run).
#   scripts/bench-linking.sh            # uses .build/release/attest (make bench-linking builds it)
#   ATTEST=.build/debug/attest BENCH_LINK_BASE=4 scripts/bench-linking.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ATTEST=${ATTEST:-.build/release/attest}
BASE=${BENCH_LINK_BASE:-8}
DATA=${BENCH_LINK_DATA:-bench-data/linking}
SRC=../shared/polnear/train/text
[ -x "$ATTEST" ] || { echo "bench-linking: $ATTEST not built (make release)" >&2; exit 1; }

make_corpus() {  # make_corpus DIR COUNT
  local dir=$1 count=$2
  if [ -f "$dir/.complete" ]; then return; fi
  rm -rf "$dir"; mkdir -p "$dir"
  if [ -d "$SRC" ]; then
    mapfile -t files < <(find "$SRC" -type f -name '*.txt' | LC_ALL=C sort)
    for f in "${files[@]:0:$count}"; do cp "$f" "$dir/"; done
  else
    mapfile -t files < <(find corpora -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | LC_ALL=C sort)
    local n=0 round=0
    while [ "$n" -lt "$count" ]; do
      round=$((round + 1))
      for f in "${files[@]}"; do
        [ "$n" -ge "$count" ] && break
        ext=${f##*.}; base=$(basename "$f" ".$ext")
        sed -E "s/\\b([A-Z][a-z]{3,})\\b/\\1${round}/g" "$f" > "$dir/r${round}-${base}.${ext}"
        n=$((n + 1))
      done
    done
  fi
  touch "$dir/.complete"
}

printf '%-6s %8s %11s %8s %10s %10s %12s\n' size docs statements claims linking_s run_wall_s peak_rss_kb
declare -a times
for factor in 1 10 100; do
  dir="$DATA/x$factor"
  make_corpus "$dir" $((BASE * factor))
  docs=$(find "$dir" -type f ! -name '.complete' | wc -l)
  # RUNS runs (default 3); the median linking time and the last run's wall time and memory.
  runs=()
  for _ in $(seq "${BENCH_LINK_RUNS:-3}"); do
    /usr/bin/time -v "$ATTEST" analyze "$dir" --time-linking --format jsonl -o /dev/null 2> /tmp/attest-bench-linking.txt || true
    line=$(grep 'attest: linking:' /tmp/attest-bench-linking.txt || true)
    [ -n "$line" ] || { echo "bench-linking: no linking time from attest" >&2; cat /tmp/attest-bench-linking.txt >&2; exit 1; }
    runs+=("$(sed -E 's/.*claims, ([0-9.]+) s.*/\1/' <<<"$line")")
  done
  statements=$(sed -E 's/.*linking: ([0-9]+) statements.*/\1/' <<<"$line")
  claims=$(sed -E 's/.* ([0-9]+) claims.*/\1/' <<<"$line")
  seconds=$(printf '%s\n' "${runs[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' /tmp/attest-bench-linking.txt | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/attest-bench-linking.txt)
  printf '%-6s %8s %11s %8s %10s %10s %12s\n' "${factor}x" "$docs" "$statements" "$claims" "$seconds" "$wall" "$rss"
  times+=("$factor $statements $seconds")
done
# Growth: time ratio against statement ratio; near-linear means the two stay close (a pairwise
# comparison would give the square of the statement ratio).
python3 - "${times[@]}" <<'PY'
import sys
rows = [tuple(map(float, a.split())) for a in sys.argv[1:]]
def ratio(a, b):
    (fa, na, ta), (fb, nb, tb) = a, b
    tr = tb / ta if ta > 0 else float('inf'); nr = nb / na if na > 0 else float('inf')
    return f"{int(fb)}x against {int(fa)}x: statements x{nr:.1f}, linking time x{tr:.1f}, time per statement x{tr / nr:.2f}"
for r in rows[1:]:
    print(ratio(rows[0], r))
for a, b in zip(rows[1:], rows[2:]):
    print(ratio(a, b))
PY
