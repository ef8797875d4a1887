from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from uppdrag.models import Mal, Milstolpe, Uppdrag, Uppfoljningsplan


class MalInline(admin.TabularInline):
    model = Mal
    extra = 0
    fields = ["beskrivning", "niva", "indikator", "baslinje_varde", "malvarde", "maldatum"]
    raw_id_fields = ["indikator"]


class MilstolpeInline(admin.TabularInline):
    model = Milstolpe
    extra = 0


@admin.register(Uppdrag)
class UppdragAdmin(SimpleHistoryAdmin):
    list_display = ["titel", "planeringsar", "utforare", "insatstyp", "status", "budget_tkr"]
    list_filter = ["planeringsar", "status", "insatstyp", "utforare"]
    search_fields = ["titel"]
    filter_horizontal = ["prioriteringsobjekt"]
    inlines = [MalInline, MilstolpeInline]


@admin.register(Mal)
class MalAdmin(SimpleHistoryAdmin):
    list_display = ["beskrivning", "uppdrag", "niva", "indikator", "malvarde", "maldatum"]


@admin.register(Milstolpe)
class MilstolpeAdmin(SimpleHistoryAdmin):
    list_display = ["beskrivning", "uppdrag", "datum", "klar"]


@admin.register(Uppfoljningsplan)
class UppfoljningsplanAdmin(SimpleHistoryAdmin):
    list_display = ["uppdrag", "frekvens", "rapportor"]
    filter_horizontal = ["mal"]
