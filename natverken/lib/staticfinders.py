"""Serve the plotly.js that ships inside the plotly Python package as a static file, so the
browser's plotly always matches the figures Python builds, with no CDN and no copy in git."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage

PLOTLY_MAPP = Path(plotly.__file__).resolve().parent / "package_data"
PLOTLY_SOKVAG = "vendor/plotly/plotly.min.js"


class PlotlyFinder(BaseFinder):
    def check(self, **kwargs: Any) -> list:
        return []

    def find(self, path: str, find_all: bool = False, **kwargs: Any) -> str | list[str]:
        if path == PLOTLY_SOKVAG:
            fil = str(PLOTLY_MAPP / "plotly.min.js")
            return [fil] if (find_all or kwargs.get("all")) else fil
        return []

    def list(self, ignore_patterns: list[str] | None) -> Iterator[tuple[str, FileSystemStorage]]:
        lagring = FileSystemStorage(location=str(PLOTLY_MAPP))
        lagring.prefix = "vendor/plotly"
        yield "plotly.min.js", lagring
