#!/usr/bin/env bash
# One-step start: installs dependencies, builds, indexes the shipped corpus into index/ on first
# use, then runs kosh with the given arguments, e.g.  ./kosh.sh ask "When did Nepal and the USSR establish relations?"
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
# Each step that does something says so on stderr; stdout is only the command's own output, as
# it may be piped (./kosh.sh ask ... | head).
export KOSH_SCRIPT=kosh.sh
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export KOSH_INDEX="${KOSH_INDEX:-$root/index}"
if [ ! -e "$KOSH_INDEX/iamglass" ]; then
  echo "kosh.sh: indexing corpus/ into $KOSH_INDEX..." >&2
  (cd "$root" && build/kosh index corpus >&2)
elif [ "$KOSH_INDEX" = "$root/index" ] && ! "$root/build/kosh" stats >/dev/null 2>&1; then
  # The shipped corpus's index, left by an older kosh in an older format: build it again.
  echo "kosh.sh: indexing corpus/ again (the index is from an older kosh)..." >&2
  (cd "$root" && build/kosh index --rebuild corpus >&2)
fi
exec "$root/build/kosh" "$@"
