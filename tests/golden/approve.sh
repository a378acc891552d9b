#!/usr/bin/env bash
# Approves the current output of every golden case (after an intended change to kosh's output):
# runs each tests/golden/CASE.args with build/kosh (or $KOSH_BIN) and writes CASE.out and CASE.err.
# Review the change with 'git diff tests/golden' before committing it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export KOSH_BIN=${KOSH_BIN:-$root/build/kosh} KOSH_SOURCE_DIR=$root
exec python3 "$root/tests/e2e/test_golden.py" --approve
