#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, with ASan and UBSan) into build-fuzz/ and runs each one for
# SECONDS on a scratch copy of its seeds, then prints a table of executions and results.
# New corpus files stay in the scratch copy; crash inputs are kept in build-fuzz/artifacts/.
# Exits 1 when a target crashed, 2 when it could not build.
# Usage: tests/fuzz/run.sh [SECONDS]   (default 30 per target)
set -euo pipefail
seconds=${1:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
fuzz_dir="$root/tests/fuzz"
build="$root/build-fuzz"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

"$root/scripts/install-deps.sh"

# libFuzzer ships with clang, but on Debian its runtime is a separate package; a trial link
# tells whether both are there, whatever way clang was installed.
printf '#include <cstddef>\n#include <cstdint>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' \
  >"$scratch/probe.cpp"
if ! clang++ -fsanitize=fuzzer,address,undefined "$scratch/probe.cpp" -o "$scratch/probe" >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "fuzzing needs clang with libFuzzer: sudo apt-get install clang libclang-rt-14-dev" >&2
    exit 2
  fi
  echo "installing: clang libclang-rt-14-dev" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi

# Only the library and the fuzz targets: the unit tests are not needed and are slow to build
# instrumented.
log="$scratch/build.log"
if ! { CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
         -DKOSH_FUZZ=ON -DKOSH_BUILD_TESTS=OFF &&
       cmake --build "$build" --target kosh_fuzz -j2; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "fuzz: build failed" >&2
  exit 2
fi

# Leaks inside libraries kosh cannot change are listed, with the evidence, in lsan.supp.
export LSAN_OPTIONS="suppressions=$fuzz_dir/lsan.supp"
artifacts="$build/artifacts"
logs="$build/logs"
mkdir -p "$artifacts" "$logs"
rows=()
crashed=0
for source in "$fuzz_dir"/fuzz_*.cpp; do
  target=$(basename "$source" .cpp)
  corpus="$scratch/corpus/$target"
  mkdir -p "$corpus"
  if [ -d "$fuzz_dir/seeds/$target" ]; then
    cp "$fuzz_dir/seeds/$target"/* "$corpus"/
  fi
  options=(-max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048
           -artifact_prefix="$artifacts/$target-")
  case "$target" in
    fuzz_question_query) options+=(-dict="$fuzz_dir/dict/query.dict") ;;
  esac
  echo "fuzz: running $target for ${seconds}s" >&2
  status=0
  "$build/tests/fuzz/$target" "${options[@]}" "$corpus" >"$logs/$target.log" 2>&1 || status=$?

  # libFuzzer ends a clean run with "Done N runs in S second(s)"; after a crash only its
  # "#N ..." progress lines tell how far it got.
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$logs/$target.log" | tail -n 1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$logs/$target.log" | tail -n 1)
  if [ -z "$runs" ]; then
    runs=$(sed -n 's/^#\([0-9][0-9]*\)[[:space:]].*/\1/p' "$logs/$target.log" | tail -n 1)
  fi
  rate="-"
  if [ -n "$runs" ] && [ -n "$secs" ] && [ "$secs" -gt 0 ]; then
    rate=$((runs / secs))
  fi
  if [ "$status" -eq 0 ]; then
    result="ok"
  else
    crashed=1
    unit=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$logs/$target.log" | tail -n 1)
    result="crash ${unit:-(no input saved)}; log $logs/$target.log"
  fi
  rows+=("$(printf '%-24s %12s %10s  %s' "$target" "${runs:--}" "$rate" "$result")")
done

printf '%-24s %12s %10s  %s\n' target executions exec/s result
for row in "${rows[@]}"; do
  echo "$row"
done
exit "$crashed"
