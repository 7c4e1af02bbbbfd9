#!/usr/bin/env bash
# Whole-process throughput and memory of stance on a large corpus, with the
# vader_sentiment crate on the same input for comparison.
#
# usage: scripts/bench.sh [N]    N passes over the BBC corpus (default 200, about 1 GB)
# Needs ../shared/data/bbc (skips with a message otherwise). Writes to $BENCH_DIR
# (default /tmp/stance-bench). Reports MB/s, articles/s and peak RSS for 1 and 2
# threads, the per-article-files run against a plain file-creation baseline,
# and the same figures for vader_sentiment.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="$here/../shared/data/bbc"
[ -f "$data/bbc.jsonl" ] || { echo "skip: $data/bbc.jsonl not found"; exit 0; }
n="${1:-200}"
dir="${BENCH_DIR:-/tmp/stance-bench}"
mkdir -p "$dir"
big="$dir/big-$n.jsonl"
[ -f "$big" ] || bash "$data/make-big.sh" "$n" "$big" >/dev/null
small="$dir/big-$(( n / 10 > 0 ? n / 10 : 1 )).jsonl"
[ -f "$small" ] || bash "$data/make-big.sh" "$(( n / 10 > 0 ? n / 10 : 1 ))" "$small" >/dev/null
(cd "$here" && cargo build --release -q)
(cd "$here/benches/vader-compare" && cargo build --release -q)
stance="$here/target/release/stance"
vader="$here/benches/vader-compare/target/release/vader-compare"
bytes=$(stat -c %s "$big"); articles=$(wc -l < "$big")
sbytes=$(stat -c %s "$small"); sarticles=$(wc -l < "$small")

# run LABEL BYTES ARTICLES CMD... : prints wall seconds, MB/s, articles/s, peak RSS
run() {
  local label=$1 b=$2 a=$3; shift 3
  /usr/bin/time -o "$dir/time.txt" -f "%e %M" "$@" > /dev/null 2> "$dir/stderr.txt" || true
  local t secs rss
  t=$(tail -n 1 "$dir/time.txt"); secs=${t% *}; rss=${t#* }
  python3 - "$label" "$secs" "$b" "$a" "$rss" <<'PY'
import sys
label, secs, b, a, rss = sys.argv[1], max(float(sys.argv[2]), 0.01), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f"{label}: {secs:.2f} s, {b / 1e6 / secs:.1f} MB/s, {a / secs:.0f} articles/s, peak RSS {rss / 1024:.0f} MB")
PY
}
echo "corpus: $big ($((bytes / 1000000)) MB, $articles articles); small: $((sbytes / 1000000)) MB"
for t in 1 2; do
  rm -rf "$dir/out"
  run "stance, statements to one file, $t thread(s)" "$bytes" "$articles" \
    "$stance" score --quiet --no-article-files --threads "$t" --out "$dir/out" "$big"
done
rm -rf "$dir/out"
run "stance, small corpus, 1 thread (memory vs size)" "$sbytes" "$sarticles" \
  "$stance" score --quiet --no-article-files --threads 1 --out "$dir/out" "$small"
rm -rf "$dir/out"
run "stance, per-article files on, small corpus, 2 threads" "$sbytes" "$sarticles" \
  "$stance" score --quiet --threads 2 --out "$dir/out" "$small"
# Baseline: create the same number of files with the same sizes.
python3 - "$dir/out/articles" "$dir/baseline" <<'PY'
import os, sys, time, shutil
src, dst = sys.argv[1], sys.argv[2]
shutil.rmtree(dst, ignore_errors=True); os.makedirs(dst)
sizes = [e.stat().st_size for e in os.scandir(src)]
t = time.time()
for i, s in enumerate(sizes):
    with open(os.path.join(dst, f"{i}.csv"), "wb") as f:
        f.write(b"x" * s)
print(f"baseline: creating {len(sizes)} files of the same sizes: {time.time() - t:.2f} s")
PY
for t in 1 2; do
  run "vader_sentiment crate, $t thread(s)" "$bytes" "$articles" "$vader" "$big" "$t"
done
