#!/usr/bin/env bash
# Installs what the project needs on a fresh machine: Debian packages (WeasyPrint's libraries,
# and for tests Chromium and poppler), then the virtualenv in .venv with the project in it.
# Usage: scripts/bootstrap.sh [--dev]   (--dev adds what the tests need)
set -euo pipefail
cd "$(dirname "$0")/.."

dev=0
[ "${1:-}" = "--dev" ] && dev=1

# chromium: kaleido draws the PDF reports' charts with it (and the browser tests use it).
paket=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core chromium)
[ "$dev" = 1 ] && paket+=(poppler-utils)

saknas=()
for p in "${paket[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || saknas+=("$p")
done
if [ "${#saknas[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
    echo "Installerar systempaket: ${saknas[*]}"
    if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${saknas[@]}"; } >/tmp/natverken-apt.log 2>&1; then
      echo "Kunde inte installera ${saknas[*]} (se /tmp/natverken-apt.log). Installera dem själv och försök igen." >&2
      exit 1
    fi
  else
    echo "Saknar systempaket: ${saknas[*]} (ingen apt-get här). Installera dem och försök igen." >&2
    exit 1
  fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "Skapar virtualenv i .venv"
  "$python" -m venv .venv
fi
extra=""
[ "$dev" = 1 ] && extra="[dev]"
stamp=".venv/.installerat${extra}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installerar Python-paket (pyproject.toml${extra})"
  # (pip's notes about local package mirrors that this machine lacks are noise: filtered)
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}" 2>&1 \
    | { grep -v "^WARNING: Location 'file:" || true; }
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "pip install misslyckades" >&2; exit 1; }
  echo "$want" > "$stamp"
fi
