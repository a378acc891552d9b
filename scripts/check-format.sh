#!/usr/bin/env bash
# Checks that every C++ file is formatted as .clang-format says (clang-format 14, Debian 12's);
# with --fix, formats them in place. Installs clang-format first when it is missing and we are root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
if ! command -v clang-format >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "check-format: clang-format is missing: sudo apt-get install clang-format" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends clang-format >/dev/null
fi
mapfile -t files < <(git ls-files '*.cpp' '*.h')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
report=$(mktemp)
trap 'rm -f "$report"' EXIT
if ! clang-format --dry-run --Werror "${files[@]}" 2>"$report"; then
  grep -E "^[^ ].*: error:" "$report" | cut -d: -f1 | sort -u | sed 's/^/not formatted: /' >&2 || true
  echo "check-format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
