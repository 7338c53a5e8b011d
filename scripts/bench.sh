#!/usr/bin/env bash
# Throughput and memory benchmark (run by `make bench` after a release build).
#
# Builds a >= 50 MB corpus deterministically (PolNeAR train articles from ../shared when present,
# else the bundled corpora, copied under numbered names until the size is reached), then measures
# with /usr/bin/time -v:
#   - attest analyze on all cores and on one core (statements only, JSONL to a file);
#   - one pcre2grep JIT pass of the rule set's speech-cue lexicon over the same bytes (baseline);
#   - peak memory on a quarter of the corpus against the whole, to show it does not grow with size.
set -euo pipefail
cd "$(dirname "$0")/.."
ATTEST=${ATTEST:-.build/release/attest}
DATA=${BENCH_DATA:-bench-data}
TARGET_MB=${BENCH_MB:-50}
SRC=../shared/polnear/train/text
[ -d "$SRC" ] || SRC=corpora

make_corpus() {  # make_corpus DIR MB
  local dir=$1 mb=$2
  if [ -f "$dir/.complete-$mb" ]; then return; fi
  rm -rf "$dir"; mkdir -p "$dir"
  local target=$((mb * 1024 * 1024)) total=0 round=0
  mapfile -t files < <(find "$SRC" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | LC_ALL=C sort)
  while [ "$total" -lt "$target" ]; do
    round=$((round + 1))
    for f in "${files[@]}"; do
      ext=${f##*.}; base=$(basename "$f" ".$ext")
      cp "$f" "$dir/r${round}-${base}.${ext}"
      total=$((total + $(stat -c %s "$f")))
      [ "$total" -ge "$target" ] && break
    done
  done
  touch "$dir/.complete-$mb"
}

measure() {  # measure LABEL CMD...  -> prints "LABEL wall_s rss_kb"
  local label=$1; shift
  /usr/bin/time -v "$@" 2> /tmp/attest-bench-time.txt >/dev/null || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' /tmp/attest-bench-time.txt | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/attest-bench-time.txt)
  echo "$label $wall $rss"
}

[ -x "$ATTEST" ] || { echo "build first: swift build -c release" >&2; exit 1; }
make_corpus "$DATA/full" "$TARGET_MB"
make_corpus "$DATA/quarter" $(( (TARGET_MB + 3) / 4 ))
BYTES=$(find "$DATA/full" -type f ! -name '.complete-*' -printf '%s\n' | awk '{s+=$1} END {print s}')
DOCS=$(find "$DATA/full" -type f ! -name '.complete-*' | wc -l)
MB=$(awk -v b="$BYTES" 'BEGIN {printf "%.1f", b/1048576}')

# The speech-cue lexicon as one pattern, as the engine's prefilter builds it.
PATTERN_FILE=$(mktemp)
{
  printf '\\b(?:'
  cat rules/lexicons/speech-verbs.txt rules/lexicons/that-verbs.txt rules/lexicons/inverted-verbs.txt rules/lexicons/cue-words.txt \
    | sed -e 's/ #.*//' -e '/^#/d' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' \
    | awk '{ print length($0) "\t" $0 }' | LC_ALL=C sort -t$'\t' -k1,1nr -k2 -u | cut -f2 \
    | sed -e 's/[][\.^$*+?(){}|\/-]/\\&/g' -e 's/ /\\s+/g' | paste -sd'|' | tr -d '\n'
  printf ')\n'
} > "$PATTERN_FILE"

echo "corpus: $DOCS documents, $MB MB ($SRC)"
read -r _ t_all rss_all < <(measure attest-all "$ATTEST" analyze "$DATA/full" --format jsonl --no-claims -o /tmp/attest-bench.jsonl)
STATEMENTS=$(wc -l < /tmp/attest-bench.jsonl)
read -r _ t_one rss_one < <(measure attest-1core "$ATTEST" analyze "$DATA/full" --format jsonl --no-claims --workers 1 -o /dev/null)
read -r _ t_grep _ < <(measure pcre2grep pcre2grep -c -i -r -f "$PATTERN_FILE" "$DATA/full")
read -r _ t_q rss_q < <(measure attest-quarter "$ATTEST" analyze "$DATA/quarter" --format jsonl --no-claims -o /dev/null)
read -r _ t_claims rss_claims < <(measure attest-claims "$ATTEST" analyze "$DATA/quarter" --format json -o /dev/null)
rm -f "$PATTERN_FILE"

awk -v mb="$MB" -v n="$STATEMENTS" -v ta="$t_all" -v t1="$t_one" -v tg="$t_grep" -v ra="$rss_all" -v r1="$rss_one" \
    -v rq="$rss_q" -v tq="$t_q" -v tc="$t_claims" -v rc="$rss_claims" 'BEGIN {
  printf "attest, all cores : %6.2f s  %7.1f MB/s  %8.0f statements/s  peak RSS %6.1f MB\n", ta, mb/ta, n/ta, ra/1024
  printf "attest, one core  : %6.2f s  %7.1f MB/s                          peak RSS %6.1f MB\n", t1, mb/t1, r1/1024
  printf "pcre2grep -c (JIT): %6.2f s  %7.1f MB/s  (speech-cue lexicon, one pass)\n", tg, mb/tg
  printf "ratio to pcre2grep: %.2fx on one core, %.2fx on all cores (target >= 0.3x on one core)\n", tg/t1, tg/ta
  printf "parallel speed-up : %.2fx\n", t1/ta
  printf "peak RSS, quarter corpus %.1f MB vs full corpus %.1f MB\n", rq/1024, ra/1024
  printf "with claims (quarter corpus): %.2f s, peak RSS %.1f MB\n", tc, rc/1024
  printf "statements: %d\n", n
}'

# Claim linking at 1x, 10x and 100x of a corpus (its own script).
if [ -f scripts/bench-linking.sh ]; then bash scripts/bench-linking.sh; fi
