#!/usr/bin/env bash
# Installs the Debian packages QABot and its tests rely on, only when they are missing (idempotent).
#   dict-freedict-eng-ara : English->Arabic dictionary for cross-lingual retrieval
#   dict-freedict-ara-eng : Arabic->English dictionary for English renderings of short answers
#   wbritish-small        : common English words; English renderings of noun phrases use only senses among them
#   chromium              : headless browser for the web chat end-to-end tests (only with --with-browser)
# Usage: scripts/ensure-deps.sh [--with-browser] [--quiet]
set -euo pipefail

with_browser=0 quiet=0
for arg in "$@"; do
  case "$arg" in
    --with-browser) with_browser=1 ;;
    --quiet) quiet=1 ;;
    *) echo "ensure-deps: unknown option $arg" >&2; exit 2 ;;
  esac
done

say() { [ "$quiet" = 1 ] || echo "ensure-deps: $*" >&2; }

missing=()
[ -f /usr/share/dictd/freedict-eng-ara.index ] || missing+=(dict-freedict-eng-ara)
[ -f /usr/share/dictd/freedict-ara-eng.index ] || missing+=(dict-freedict-ara-eng)
[ -f /usr/share/dict/british-english-small ] || missing+=(wbritish-small)
if [ "$with_browser" = 1 ] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  say "missing ${missing[*]} and not root: install them with apt-get (QABot still runs; English questions lose dictionary translation and English answers dictionary renderings)."
  exit 0
fi
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)

say "installing ${missing[*]} (one-time)..."
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/tmp/qabot-apt.log 2>&1; then
  "${sudo_cmd[@]}" apt-get update -qq >>/tmp/qabot-apt.log 2>&1 || true
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >>/tmp/qabot-apt.log 2>&1 \
    || { say "could not install ${missing[*]} (see /tmp/qabot-apt.log); continuing without them."; exit 0; }
fi
say "installed ${missing[*]}."
