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

# One closing line summed over every test project: "Total: N passed, N failed, N skipped".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find(".//{*}Counters")
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"Total: {p} passed, {f} failed, {s} skipped")
PY
exit "$status"
