#!/usr/bin/env bash
# One-step start: installs dependencies, builds, indexes the shipped corpus into index/ on first
# use, then runs kosh with the given arguments, e.g.  ./kosh.sh ask "When did Nepal and the USSR establish relations?"
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export KOSH_INDEX="${KOSH_INDEX:-$root/index}"
if [ ! -e "$KOSH_INDEX/iamglass" ]; then
  (cd "$root" && build/kosh index corpus)
elif [ "$KOSH_INDEX" = "$root/index" ] && ! "$root/build/kosh" stats >/dev/null 2>&1; then
  # The shipped corpus's index, left by an older kosh in an older format: build it again.
  (cd "$root" && build/kosh index --rebuild corpus)
fi
exec "$root/build/kosh" "$@"
