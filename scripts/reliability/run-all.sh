#!/usr/bin/env bash
# Every reliability suite (apps/api/test/reliability) on PGlite and on PostgreSQL, with the figures each
# test reports collected in one JSON-lines file (used for docs/reliability.md).
#   scripts/reliability/run-all.sh [summary.jsonl]
set -euo pipefail
cd "$(dirname "$0")/../.."
export RELIABILITY_SUMMARY="${1:-$(mktemp -t bunkai-reliability-XXXX.jsonl)}"
: > "$RELIABILITY_SUMMARY"
npx -y pnpm@10.34.9 exec vitest run --project pglite apps/api/test/reliability
npx -y pnpm@10.34.9 exec vitest run --project postgres apps/api/test/reliability
echo "figures: $RELIABILITY_SUMMARY"
