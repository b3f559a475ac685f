#!/usr/bin/env bash
# Copy ../shared/gold (the source of truth) into tests/gold, so a clone tests on its own.
set -euo pipefail
cd "$(dirname "$0")/.."
src=../shared/gold
[ -d "$src/dev" ] || { echo "no $src/dev beside this clone" >&2; exit 1; }
rm -rf tests/gold/dev
mkdir -p tests/gold
cp -r "$src/dev" tests/gold/dev
cp "$src/FORMAT.md" "$src/validate.py" tests/gold/
chmod -R u+w tests/gold
echo "synced $(ls tests/gold/dev/*.gold.json | wc -l) gold documents from $src"
