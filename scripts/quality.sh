#!/usr/bin/env bash
# Every quality figure in one table: attribution and tone on the annotated sets
# (SPEC.md format), PolNeAR attribution, and any further sets given as
# arguments (a held-out set in either format).
#
# usage: scripts/quality.sh [EXTRA.jsonl ...]
# Reads ../shared/gold and ../shared/data/polnear when present and skips them
# with a message otherwise; the project's own fixtures are always there.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$here" && cargo build --release -q)
stance="$here/target/release/stance"
shared="$here/../shared"
sets=("$here"/tests/fixtures/*.jsonl)
for f in "$shared/gold/seed.jsonl" "$shared/gold/dev.jsonl" "$shared/data/polnear/polnear-dev.jsonl"; do
  if [ -f "$f" ]; then sets+=("$f"); else echo "skip: $f not found"; fi
done
sets+=("$@")
printf '%-28s %s\n' "set" "figures"
for f in "${sets[@]}"; do
  name=$(basename "$f" .jsonl)
  out=$("$stance" eval --oracle "$f")
  if grep -q "^quoted attributions" <<<"$out"; then
    # PolNeAR format
    q=$(grep "^quoted attributions" <<<"$out" | sed -E 's/.*found ([0-9.]+)  found with right source ([0-9.]+).*/found \1  right source \2/')
    m=$(grep "^statements" <<<"$out" | sed -E 's/.*matching an attribution ([0-9.]+).*/matching \1/')
    printf '%-28s quoted: %s; %s\n' "$name" "$q" "$m"
  else
    o=$(grep "^overall" <<<"$out" | sed -E 's/.*F1 ([0-9.]+)  speaker ([0-9.]+)  strict F1 ([0-9.]+)  tone exact ([0-9.]+)  tone direction ([0-9.]+).*/F1 \1 speaker \2 strict \3 | tone exact \4 direction \5/')
    r=$(grep "^oracle" <<<"$out" | sed -E 's/.*tone exact ([0-9.]+)  tone direction ([0-9.]+).*/oracle \1 \2/')
    printf '%-28s %s (%s)\n' "$name" "$o" "$r"
  fi
done
