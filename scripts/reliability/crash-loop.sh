#!/usr/bin/env bash
# kill -9 under write load, repeated: each round starts the API as a child process on a fresh
# PGlite data directory or PostgreSQL database, kills it mid-load, restarts and checks every
# acknowledged write, no partial write, and the chain. Default 10 rounds per engine.
#   scripts/reliability/crash-loop.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-10}"
for project in pglite postgres; do
  for i in $(seq 1 "$rounds"); do
    echo "== $project, round $i/$rounds"
    npx -y pnpm@10.34.9 exec vitest run --project "$project" apps/api/test/reliability/crash.test.ts
  done
done
