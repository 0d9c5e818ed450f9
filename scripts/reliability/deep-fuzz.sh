#!/usr/bin/env bash
# The route fuzzer with many more cases per route than CI runs (3): FUZZ_RUNS=200 by default,
# as the owner and anonymous, on both engines. Minutes, not seconds.
#   scripts/reliability/deep-fuzz.sh [runs-per-route]
set -euo pipefail
cd "$(dirname "$0")/../.."
export FUZZ_RUNS="${1:-200}"
for project in pglite postgres; do
  npx -y pnpm@10.34.9 exec vitest run --project "$project" apps/api/test/reliability/fuzz.test.ts
done
