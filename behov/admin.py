from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from behov.models import (
    Behovsanalys,
    Behovsgrupp,
    Datakalla,
    Dialog,
    Halsogap,
    Importbatch,
    Indikator,
    Matvarde,
)


@admin.register(Indikator)
class IndikatorAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "kod", "enhet", "polaritet", "kalla"]
    list_filter = ["polaritet", "kalla"]
    search_fields = ["namn", "kod", "kallreferens"]


@admin.register(Importbatch)
class ImportbatchAdmin(SimpleHistoryAdmin):
    list_display = [
        "filnamn",
        "importerad",
        "importerad_av",
        "antal_nya",
        "antal_ersatta",
        "status",
    ]


@admin.register(Matvarde)
class MatvardeAdmin(admin.ModelAdmin):
    """Bulk data: no history per row; the import batch records who brought it in."""

    list_display = ["indikator", "omrade", "period", "kon", "dimension", "kategori", "varde"]
    list_filter = ["kon"]
    list_select_related = ["indikator", "omrade"]
    raw_id_fields = ["indikator", "omrade", "batch"]
    show_full_result_count = False


@admin.register(Behovsgrupp)
class BehovsgruppAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "slag", "uppskattat_antal", "arkiverad"]
    list_filter = ["slag", "arkiverad"]
    search_fields = ["namn"]


class DatakallaInline(admin.StackedInline):
    model = Datakalla
    extra = 0


class DialogInline(admin.StackedInline):
    model = Dialog
    extra = 0


class HalsogapInline(admin.TabularInline):
    model = Halsogap
    extra = 0
    fields = [
        "indikator",
        "omrade",
        "kon",
        "aktuellt_varde",
        "foreslaget_mal",
        "beslutat_mal",
        "malbeslut",
    ]
    raw_id_fields = ["indikator", "omrade", "malbeslut"]


@admin.register(Behovsanalys)
class BehovsanalysAdmin(SimpleHistoryAdmin):
    list_display = ["behovsgrupp", "planeringsar", "status"]
    list_filter = ["planeringsar", "status"]
    inlines = [HalsogapInline, DatakallaInline, DialogInline]


@admin.register(Halsogap)
class HalsogapAdmin(SimpleHistoryAdmin):
    list_display = [
        "indikator",
        "analys",
        "omrade",
        "kon",
        "aktuellt_varde",
        "foreslaget_mal",
        "beslutat_mal",
    ]
    list_filter = ["analys__planeringsar"]
    raw_id_fields = ["indikator", "omrade", "malbeslut", "analys"]


@admin.register(Datakalla)
class DatakallaAdmin(SimpleHistoryAdmin):
    list_display = ["slag", "analys"]


@admin.register(Dialog)
class DialogAdmin(SimpleHistoryAdmin):
    list_display = ["datum", "med_vilka", "analys"]
