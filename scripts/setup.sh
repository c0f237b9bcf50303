#!/usr/bin/env bash
# Set up a checkout on a fresh machine: the OS packages the tests need (Chromium for the review
# page's browser tests, a CJK font for Chinese in the browser and in the panel's charts), then a
# venv with reportx and its test tools. CI runs this too (.ci/run), so both stay the same.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy\|noto sans cjk\|source han" || need+=(fonts-wqy-microhei fontconfig)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${need[@]}"
  else
    echo "setup: install ${need[*]} with your package manager (needed by the browser and chart tests)" >&2
  fi
fi

python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test]"
