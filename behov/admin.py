from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from behov.models import (
    Behovsanalys,
    Behovsgrupp,
    Datakalla,
    Dialog,
    ErsattVarde,
    Halsogap,
    Importbatch,
    Importfil,
    Importmall,
    Indikator,
    Matvarde,
)
from natverken.admin import BeslutatLastAdmin


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


@admin.register(Importmall)
class ImportmallAdmin(SimpleHistoryAdmin):
    """Saved column mappings: an admin may rename or remove one; they are made on the import
    page."""

    list_display = ["namn", "skapad_av", "skapad"]
    search_fields = ["namn"]
    readonly_fields = ["skapad_av", "skapad"]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False


@admin.register(Importfil)
class ImportfilAdmin(admin.ModelAdmin):
    """Uploaded files on their way to an import. Read-only; an admin may remove files never
    imported, and the file under MEDIA_ROOT/import/ goes with the row."""

    list_display = ["filnamn", "storlek", "uppladdad_av", "uppladdad", "antal_fel", "batch"]
    list_filter = [("batch", admin.EmptyFieldListFilter)]
    list_select_related = ["uppladdad_av", "batch"]

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return super().has_delete_permission(request, obj) and (obj is None or not obj.batch_id)

    def delete_model(self, request, obj) -> None:  # noqa: ANN001
        obj.sokvag.unlink(missing_ok=True)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:  # noqa: ANN001
        queryset = queryset.filter(batch__isnull=True)
        for fil in queryset:
            fil.sokvag.unlink(missing_ok=True)
        super().delete_queryset(request, queryset)


@admin.register(ErsattVarde)
class ErsattVardeAdmin(admin.ModelAdmin):
    """Values an import replaced, kept so the import can be undone exactly: read-only."""

    list_display = ["batch", "indikator", "matvarde_id", "tidigare_batch"]
    raw_id_fields = ["batch", "tidigare_batch", "indikator"]
    show_full_result_count = False

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


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


def _analys_klar(analys: Behovsanalys) -> bool:
    # A ready analysis is reopened in the app with a logged reason, not edited here.
    return analys.status == Behovsanalys.Status.KLAR


@admin.register(Behovsanalys)
class BehovsanalysAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _analys_klar(obj)

    list_display = ["behovsgrupp", "planeringsar", "status"]
    list_filter = ["planeringsar", "status"]
    inlines = [HalsogapInline, DatakallaInline, DialogInline]


@admin.register(Halsogap)
class HalsogapAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _analys_klar(obj.analys)

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
class DatakallaAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _analys_klar(obj.analys)

    list_display = ["slag", "analys"]


@admin.register(Dialog)
class DialogAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return _analys_klar(obj.analys)

    list_display = ["datum", "med_vilka", "analys"]
