#!/usr/bin/env bash
# Configures and builds kosh (Release) into build/, quietly unless something fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# A line on stderr when there is work to do: a first build takes minutes of silence otherwise.
name=${KOSH_SCRIPT:-build.sh}
if [ ! -x "$root/build/kosh" ]; then
  echo "$name: building kosh (a few minutes)..." >&2
elif [ -n "$(find "$root/src" "$root/CMakeLists.txt" -newer "$root/build/kosh" -print -quit)" ]; then
  echo "$name: rebuilding kosh (sources changed)..." >&2
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release &&
       cmake --build "$root/build" -j"$(nproc)"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "kosh: build failed" >&2
  exit 2
fi
