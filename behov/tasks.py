"""Background tasks of behov, run by the database worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import TaskContext, task

from natverken.models import Bakgrundsjobb
from natverken.tasks import kor_med_jobb


@task(takes_context=True)
def importera_fil(context: TaskContext, jobb_id: int, importfil_id: str) -> None:
    """Check and import an uploaded file with the mapping saved on it."""
    from behov import importering
    from behov.models import Importfil

    def arbete(_rapportera) -> str:  # noqa: ANN001 - kor_med_jobb's two-argument reporter
        # Our own copy of the job, so each step can say what it is doing as well.
        jobb = Bakgrundsjobb.objects.get(pk=jobb_id)

        def rapportera(klart: int, totalt: int, meddelande: str = "") -> None:
            jobb.rapportera(klart, totalt, meddelande)

        importfil = Importfil.objects.select_related("uppladdad_av", "batch").get(pk=importfil_id)
        if importfil.batch is not None:
            return f"{importfil.filnamn} var redan importerad; inget nytt skrevs."
        return importering.importera_fil(importfil=importfil, rapportera=rapportera).meddelande

    kor_med_jobb(jobb_id, arbete)
