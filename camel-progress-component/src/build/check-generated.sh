#!/usr/bin/env bash
# Fails the build when the committed src/generated differs from what the annotations generate.
# Outside a git checkout (a source tarball) there is nothing to compare with, so it passes.
set -euo pipefail
cd "$1"
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || exit 0
drift=$( { git diff --name-only HEAD -- src/generated; git ls-files --others --exclude-standard -- src/generated; } 2>/dev/null || true)
if [ -n "$drift" ]; then
  echo "Generated files drifted from the committed ones; commit src/generated after the build:" >&2
  echo "$drift" >&2
  exit 1
fi
