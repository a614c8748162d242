#!/usr/bin/env bash
# Fails when types.ts is stale: regenerates it from schema.graphql and operations/ and compares.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "TypeScript types check skipped: Node.js is not installed (CI runs it)."
  exit 0
fi
[ -d node_modules/@graphql-codegen/cli ] || npm ci --no-audit --no-fund --silent
cp types.ts "${TMPDIR:-/tmp}/types.committed.ts"
npx graphql-codegen --config codegen.yml --silent >/dev/null
if ! cmp -s types.ts "${TMPDIR:-/tmp}/types.committed.ts"; then
  diff -u "${TMPDIR:-/tmp}/types.committed.ts" types.ts | head -40 || true
  cp "${TMPDIR:-/tmp}/types.committed.ts" types.ts
  echo "frontend_contract/types.ts is stale: run 'make contract' and commit the result." >&2
  exit 1
fi
echo "TypeScript types are current."
