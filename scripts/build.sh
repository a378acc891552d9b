#!/usr/bin/env bash
# Configures and builds kosh (Release) into build/, quietly unless something fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$root/build" -j"$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "kosh: build failed" >&2
  exit 2
fi
