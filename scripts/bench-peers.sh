#!/usr/bin/env bash
# QABot beside Xapian and SQLite FTS5 on the same data, in one run; rewrites the bench-peers section of
# docs/benchmarks.md (see scripts/bench_peers.py --help for the options).
#   scripts/bench-peers.sh                 # 3 alternating runs per system on the 31.5k ANT corpus + XQuAD
#   scripts/bench-peers.sh --runs 1 --no-docs
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Debian's python3-xapian binds the system interpreter, which may not be the first python3 on PATH.
python=/usr/bin/python3
[ -x "$python" ] || python="$(command -v python3)"

if ! "$python" -c 'import xapian' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "bench-peers: python3-xapian is missing and this is not root; install it with apt-get." >&2
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  echo "bench-peers: installing python3-xapian (one-time)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  if ! "${sudo_cmd[@]}" apt-get install -y -qq python3-xapian >/tmp/qabot-apt.log 2>&1; then
    "${sudo_cmd[@]}" apt-get update -qq >>/tmp/qabot-apt.log 2>&1 || true
    "${sudo_cmd[@]}" apt-get install -y -qq python3-xapian >>/tmp/qabot-apt.log 2>&1 \
      || { echo "bench-peers: could not install python3-xapian (see /tmp/qabot-apt.log)." >&2; exit 1; }
  fi
fi

exec "$python" "$root/scripts/bench_peers.py" "$@"
