"""Background tasks of the core, run by the database worker (`manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import TaskContext, task

from natverken.models import Bakgrundsjobb


def kor_med_jobb(jobb_id: int, arbete) -> None:  # noqa: ANN001 - a callable taking rapportera
    """Run `arbete(rapportera)` and record progress and outcome on the Bakgrundsjobb."""
    jobb = Bakgrundsjobb.objects.get(pk=jobb_id)
    jobb.status = Bakgrundsjobb.Status.PAGAR
    jobb.save(update_fields=["status", "uppdaterad"])
    try:
        resultat = arbete(lambda klart, totalt: jobb.rapportera(klart, totalt))
    except Exception as fel:
        jobb.status = Bakgrundsjobb.Status.MISSLYCKADES
        jobb.meddelande = f"Jobbet avbröts: {fel}"
        jobb.save(update_fields=["status", "meddelande", "uppdaterad"])
        raise
    jobb.status = Bakgrundsjobb.Status.KLART
    jobb.meddelande = resultat or "Klart."
    jobb.save(update_fields=["status", "meddelande", "uppdaterad"])


@task(takes_context=True)
def uppdatera_omraden(context: TaskContext, jobb_id: int) -> None:
    from natverken.services import las_in_omraden

    def arbete(rapportera):  # noqa: ANN001, ANN202
        antal = las_in_omraden(rapportera=rapportera)
        return f"{antal} områden lästa från SCB:s områdesfil (riket, regioner och kommuner)."

    kor_med_jobb(jobb_id, arbete)
