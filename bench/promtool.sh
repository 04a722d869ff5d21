#!/usr/bin/env bash
# Makes `promtool` available (used by the /metrics format test and the Prometheus config check).
# Debian/Ubuntu: installs the distribution's prometheus package when promtool is missing.
set -euo pipefail
if command -v promtool >/dev/null 2>&1; then
  promtool --version 2>&1 | head -1
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null
promtool --version 2>&1 | head -1
