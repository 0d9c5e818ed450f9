#!/usr/bin/env bash
# The concurrency race for longer than CI's 2.5 s: RACE_MS (default 60 s) and RACE_MAX requests
# (default 20000), on both engines; then the same checks (no lost update, replay = state, chain).
#   scripts/reliability/soak-race.sh [milliseconds] [max-requests]
set -euo pipefail
cd "$(dirname "$0")/../.."
export RACE_MS="${1:-60000}" RACE_MAX="${2:-20000}"
for project in pglite postgres; do
  npx -y pnpm@10.34.9 exec vitest run --project "$project" apps/api/test/reliability/concurrency.test.ts
done
