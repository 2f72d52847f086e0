#!/usr/bin/env bash
# Usage: bench/compare.sh OTHER_CHECKOUT [ROUNDS]
# Runs `npm run bench` (BENCH_ONLY and the other BENCH_* settings as given, sustained by default) in
# this checkout and in OTHER_CHECKOUT (e.g. a `git worktree` of an older commit, npm ci'd) alternately,
# ROUNDS times each (default 2), so both sides see the same machine; prints each side's JSON lines.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
other="$(cd "$1" && pwd)"
export BENCH_ONLY="${BENCH_ONLY:-sustained}"
for i in $(seq 1 "${2:-2}"); do
  for side in "$here" "$other"; do
    echo "== $side run $i $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)"
    (cd "$side" && npm run --silent bench 2>&1 | grep '^{')
  done
done
