#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine: installs what the tests need (PostgreSQL,
# Chromium, poppler, Thai fonts, nginx, wrk from apt; npm packages from the lockfile), starts a
# throwaway PostgreSQL cluster when no server is reachable, then type-checks, lints and runs
# every test on PGlite and on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
[ -d /usr/share/fonts/truetype/tlwg ] || need_apt+=(fonts-thai-tlwg)
command -v nginx >/dev/null || need_apt+=(nginx-light)
command -v wrk >/dev/null || need_apt+=(wrk)
if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing from apt: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# PostgreSQL: use TEST_DATABASE_URL when it answers, else start a throwaway cluster.
pg_ok() { node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))" "$1" 2>/dev/null; }
if [ -z "${TEST_DATABASE_URL:-}" ] || ! pg_ok "$TEST_DATABASE_URL"; then
  PGBIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  PGDIR=$(mktemp -d /tmp/prongsai-pg.XXXXXX)
  PGPORT=$((20000 + RANDOM % 20000))
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PGDIR"; RUNAS=(runuser -u postgres --)
  else
    RUNAS=()
  fi
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U prongsai --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -l "$PGDIR/log" -w start >/dev/null
  trap '"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"' EXIT
  export TEST_DATABASE_URL="postgres://prongsai@127.0.0.1:$PGPORT/postgres"
  echo "started a throwaway PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT"
fi

echo "=== typecheck ==="; npx tsc --noEmit
# Two commands, not an `a && b` list: `set -e` ignores a failure inside such a list, which let
# lint errors through while the tests ran on.
echo "=== lint ==="
npx eslint .
npx prettier --check . >/dev/null
node --import tsx scripts/run-tests.ts "$@"
