#!/usr/bin/env bash
# The run command: install, start the embedded PostgreSQL (unless DATABASE_URL is set),
# migrate, build the demo region, start the background worker and serve the app at
# http://127.0.0.1:8000. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG="${DEBUG:-true}"
export PYTHONUNBUFFERED=1

scripts/bootstrap.sh
py=.venv/bin/python

$py manage.py migrate --noinput
$py manage.py demo

pids=()
stoppa() {
  trap - INT TERM EXIT
  echo
  echo "Stoppar servern och bakgrundsarbetaren ..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -z "${DATABASE_URL:-}" ]; then
    echo "Stoppar den inbäddade PostgreSQL ..."
    $py -m natverken.lib.inbaddad_pg stop || true
  fi
}
trap stoppa INT TERM EXIT

$py manage.py db_worker --no-reload &
pids+=($!)
echo
echo "Appen startar på http://127.0.0.1:${PORT:-8000}/ – logga in med en av demoanvändarna ovan."
echo "Stoppa med Ctrl-C."
$py manage.py runserver "127.0.0.1:${PORT:-8000}" --noreload &
pids+=($!)
wait -n "${pids[@]}" || true
