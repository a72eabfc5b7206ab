#!/usr/bin/env bash
# Installs what Prongsai needs on a Debian machine and starts it on embedded PGlite (./data)
# with the demo agency เทศบาลตำบลโพธิ์ทอง. PORT, DATA_DIR and DATABASE_URL are honoured.
set -euo pipefail
cd "$(dirname "$0")/.."
# Chromium prints PDFs (reports); poppler reads PDFs for the website checker.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if [ -z "$SUDO" ] || command -v sudo >/dev/null; then
    echo "installing from apt: ${need_apt[*]}"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null \
      || echo "warning: could not install ${need_apt[*]}; PDF reports and PDF checking will be unavailable" >&2
  fi
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node --import tsx src/main.ts serve
