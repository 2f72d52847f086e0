#!/usr/bin/env bash
# Prints the bin directory of Node.js <major> (22, 24…), installed on first use from the npm registry's
# official binaries (the node-linux-<arch> packages) into .cache/node-<major>: CI runs the suite on
# the supported runtimes besides the machine's own, with nothing installed system-wide.
#   PATH="$(scripts/node-runtime.sh 24):$PATH" npm test
set -euo pipefail
major="${1:?usage: scripts/node-runtime.sh <major version>}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "no Node.js binary package for $(uname -m)" >&2; exit 1 ;;
esac
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="$root/.cache/node-$major"
bin="$dir/node_modules/node-linux-$arch/bin"
if [ ! -x "$bin/node" ]; then
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$major" >&2
fi
"$bin/node" --version >&2
echo "$bin"
