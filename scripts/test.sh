#!/usr/bin/env bash
# The project's test command (README, and what .ci/run calls).
#   scripts/test.sh                      all suites
#   scripts/test.sh --filter Category=Ingestion   one capability (Ingestion, Retrieval, Answering, Cli, Qdrant, Llm, Telegram, Web, Eval)
# Extra arguments go to `dotnet test`. Results (trx, screenshots) land in TestResults/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/ensure-deps.sh --with-browser

results="$root/TestResults"
rm -rf "$results"; mkdir -p "$results"
set +e
dotnet test QABot.sln -c Release --nologo --logger "trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" 2>&1 | tee "$results/console.log"
status=${PIPESTATUS[0]}
set -e

# One closing line summed over every test project: "Total: N passed, N failed, N skipped". Read from the console log
# (each project prints a "Total tests:" block) because trx files of projects finishing in the same second collide.
python3 - "$results/console.log" <<'PY' || true
import re, sys
counts = {"Passed": 0, "Failed": 0, "Skipped": 0}
projects = 0
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    if line.startswith("Total tests:"): projects += 1
    m = re.match(r"^\s+(Passed|Failed|Skipped): (\d+)\s*$", line)
    if m: counts[m.group(1)] += int(m.group(2))
print(f"Total: {counts['Passed']} passed, {counts['Failed']} failed, {counts['Skipped']} skipped ({projects} test projects)")
PY
exit "$status"
