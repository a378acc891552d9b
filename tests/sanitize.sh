#!/usr/bin/env bash
# Builds kosh with AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer into
# build-sanitize/ and runs the whole ctest suite there. The end-to-end tests find the binary
# through the KOSH_BIN that ctest sets, so they exercise the sanitized kosh too.
# Usage: tests/sanitize.sh [ctest arguments...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-sanitize"
"$root/scripts/install-deps.sh"

# -O1 with line tables only: optimised enough for the suite to finish, with line numbers in the
# reports, and compiled in about half the time of RelWithDebInfo's -O2 -g (CI's time is mostly builds).
# _GLIBCXX_ASSERTIONS checks subscripts of string_view, vector and array: a read one past the end
# of a view into a larger buffer is inside valid memory, where ASan cannot see it.
log=$(mktemp)
probe=$(mktemp -d)
trap 'rm -rf "$log" "$probe"' EXIT
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG -D_GLIBCXX_ASSERTIONS" -DKOSH_SANITIZE=address,undefined &&
       cmake --build "$build" -j2; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "kosh: sanitizer build failed" >&2
  exit 2
fi

# LeakSanitizer stops the process under ptrace to scan its memory, and some containers forbid
# that; then every sanitized run would end in LSan's own fatal error and the whole suite would
# fail for a reason that is not kosh's. So first check that LSan finds a leak planted on purpose.
detect_leaks=1
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
printf '#include <cstdlib>\nint main() { void* volatile p = std::malloc(7); p = nullptr; return 0; }\n' >"$probe/leak.cpp"
"${compiler:-c++}" -fsanitize=address -g "$probe/leak.cpp" -o "$probe/leak"
# (Output captured first: the probe fails on purpose, which pipefail would take as no match.)
report=$(ASAN_OPTIONS=detect_leaks=1 "$probe/leak" 2>&1 || true)
if ! grep -q "ERROR: LeakSanitizer: detected memory leaks" <<<"$report"; then
  detect_leaks=0
  echo "sanitize: LeakSanitizer cannot run here (ptrace is probably not allowed);" >&2
  echo "sanitize: running with ASan and UBSan only, leaks are NOT checked" >&2
fi

export ASAN_OPTIONS="detect_leaks=$detect_leaks:abort_on_error=1"
# Tells tests with time or memory budgets that they run instrumented (ASan alone doubles both).
export KOSH_SANITIZED=address,undefined
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/tests/fuzz/lsan.supp" # leaks outside kosh, with evidence
cd "$build"
ctest --output-on-failure -j2 "$@"
