#!/usr/bin/env bash
# buf breaking: the protos must stay wire- and source-compatible with the previous commit of main
# (MERCATO_BUF_AGAINST overrides the git ref). Skipped, saying so, when that commit had no protos.
set -euo pipefail
cd "$(dirname "$0")/.."
against="${MERCATO_BUF_AGAINST:-HEAD~1}"
if ! git rev-parse --verify --quiet "$against^{commit}" >/dev/null; then
  echo "buf breaking: no commit $against to compare with; skipped"
  exit 0
fi
if ! git cat-file -e "$against:buf.yaml" 2>/dev/null; then
  echo "buf breaking: $against has no protos yet; skipped"
  exit 0
fi
npx buf breaking --against ".git#ref=$(git rev-parse "$against")"
echo "buf breaking: compatible with $against"
