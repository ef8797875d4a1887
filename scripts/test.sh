#!/usr/bin/env bash
# The test command: install what the tests need (Chromium and poppler from Debian when
# missing), then run the whole suite, browser tests included. DATABASE_URL is used when set;
# otherwise the embedded PostgreSQL in .data/ is started. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=true   # test settings are the local ones; the suite checks production settings itself
export PYTHONUNBUFFERED=1

scripts/bootstrap.sh --dev
.venv/bin/python manage.py makemigrations --check --dry-run >/dev/null || {
  echo "Modelländringar saknar migrationer: kör manage.py makemigrations." >&2
  exit 1
}
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" -eq 5 ]; then
  echo "Inga tester kördes – det räknas som fel." >&2
  exit 1
fi
exit "$rc"
