"""Reusable queries over indicator values, shaped for the indexes the values table has
(the unique key starts with indikator, omrade; a second index covers indikator, period)."""

from __future__ import annotations

from django.db import models


class MatvardeQuerySet(models.QuerySet):
    def for_serie(
        self,
        indikator,
        omrade,
        *,
        kon: str = "T",
        dimension: str | None = None,
        kategori: str | None = None,
    ) -> MatvardeQuerySet:  # noqa: ANN001
        """One line: an indicator for one area, sex and breakdown, in time order."""
        qs = self.filter(indikator=indikator, omrade=omrade, kon=kon)
        if dimension is None:
            qs = qs.filter(dimension__isnull=True)
        else:
            qs = qs.filter(dimension=dimension, kategori=kategori)
        return qs.order_by("period_start", "period_slut")

    def utan_uppdelning(self) -> MatvardeQuerySet:
        return self.filter(dimension__isnull=True)

    def senaste_per_omrade(self, indikator, omraden, *, kon: str = "T") -> MatvardeQuerySet:  # noqa: ANN001
        """The latest non-missing value per area (PostgreSQL DISTINCT ON)."""
        return (
            self.filter(
                indikator=indikator,
                omrade__in=omraden,
                kon=kon,
                dimension__isnull=True,
                varde__isnull=False,
            )
            .order_by("omrade_id", "-period_start", "-period_slut")
            .distinct("omrade_id")
        )
