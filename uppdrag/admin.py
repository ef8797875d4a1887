from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from natverken.admin import BeslutatLastAdmin
from uppdrag.models import (
    Avstaende,
    Mal,
    Milstolpe,
    Uppdrag,
    Uppdragskommentar,
    Uppfoljningsplan,
)


class MalInline(admin.TabularInline):
    model = Mal
    extra = 0
    fields = ["beskrivning", "niva", "indikator", "baslinje_varde", "malvarde", "maldatum"]
    raw_id_fields = ["indikator"]


class MilstolpeInline(admin.TabularInline):
    model = Milstolpe
    extra = 0


def _uppdrag_beslutat(uppdrag: Uppdrag) -> bool:
    # After the decision a change is a new version with a reason, made in the app.
    return uppdrag.status in {
        Uppdrag.Status.BESLUTAD,
        Uppdrag.Status.PAGAR,
        Uppdrag.Status.AVSLUTAD,
    }


@admin.register(Uppdrag)
class UppdragAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _uppdrag_beslutat(obj)

    list_display = [
        "titel",
        "planeringsar",
        "utforare",
        "insatstyp",
        "status",
        "versionsnummer",
        "budget_tkr",
    ]
    list_filter = ["planeringsar", "status", "insatstyp", "utforare"]
    search_fields = ["titel"]
    readonly_fields = ["versionsnummer"]
    filter_horizontal = ["prioriteringsobjekt"]
    inlines = [MalInline, MilstolpeInline]


@admin.register(Mal)
class MalAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _uppdrag_beslutat(obj.uppdrag)

    list_display = ["beskrivning", "uppdrag", "niva", "indikator", "malvarde", "maldatum"]


@admin.register(Milstolpe)
class MilstolpeAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _uppdrag_beslutat(obj.uppdrag)

    list_display = ["beskrivning", "uppdrag", "datum", "klar"]


@admin.register(Uppfoljningsplan)
class UppfoljningsplanAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _uppdrag_beslutat(obj.uppdrag)

    list_display = ["uppdrag", "frekvens", "rapportor"]
    filter_horizontal = ["mal"]


@admin.register(Uppdragskommentar)
class UppdragskommentarAdmin(SimpleHistoryAdmin):
    list_display = ["uppdrag", "forfattare", "roll", "skapad"]
    list_filter = ["roll"]


@admin.register(Avstaende)
class AvstaendeAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.beslut_id is not None

    list_display = ["objekt", "beslut", "registrerat_av", "registrerat"]
    raw_id_fields = ["objekt"]
