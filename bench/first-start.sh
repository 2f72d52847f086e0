#!/usr/bin/env bash
# Seconds from `cartwright start` on an empty DATA_DIR (migrations or the template copy, demo data)
# until /health answers. Run from the checkout to measure; the build is made first, as `npm start` does.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build.mjs
dir="$(mktemp -d)"; port=$((20000 + RANDOM % 10000))
start=$(date +%s.%N)
DATA_DIR="$dir" PORT=$port node bin/cartwright.js start > "$dir.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/health" > /dev/null; do sleep 0.05; done
echo "first start: $(echo "$(date +%s.%N) - $start" | bc) s (load $(cut -d' ' -f1 /proc/loadavg))"
kill $pid; wait $pid || true; rm -rf "$dir" "$dir.log"
