"""Background tasks of the commission stage, run by the database worker (`manage.py db_worker`)."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from natverken.models import Planeringsar


@task()
def forbered_budgetunderlag(ar: int) -> None:
    """Draw the budgetunderlag's charts ahead of the first download. Drawing a chart (kaleido,
    ≈ 0.3 s) is most of a cold report's time; the SVGs land in the chart cache by content, so
    the förtroendevald's download then only lays out the pages (a few seconds)."""
    from uppdrag.budgetunderlag import sammanhang

    planeringsar = Planeringsar.objects.filter(ar=ar).first()
    if planeringsar is not None:
        sammanhang(planeringsar)


def forbered_efter_beslut(sender, omgang, **kwargs) -> None:  # noqa: ANN001 - a signal receiver
    """When a prioritisation round is decided (`prioritering.signaler.omgang_beslutad`), its
    year's budgetunderlag is what the council asks for next: draw its charts in the
    background once the decision is committed."""
    ar = omgang.planeringsar.ar
    transaction.on_commit(lambda: forbered_budgetunderlag.enqueue(ar=ar))
