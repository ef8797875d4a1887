from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from simple_history.admin import SimpleHistoryAdmin

from natverken.models import (
    Bakgrundsjobb,
    Beslut,
    Fas,
    Ledamot,
    Omrade,
    Organ,
    Planeringsar,
    Profil,
    Reservation,
    Utforare,
)


class BeslutatLastAdmin(SimpleHistoryAdmin):
    """Admin for something a body decides: once decided (`ar_beslutat`), every field is read
    only and it cannot be deleted. Changes go through the app's logged revision paths."""

    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return False

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        if obj is not None and self.ar_beslutat(obj):
            return [f.name for f in self.model._meta.concrete_fields] + [
                f.name for f in self.model._meta.many_to_many
            ]
        return super().get_readonly_fields(request, obj)

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        # View only: saving even an all-read-only form would write a history row and a new
        # version of something decided.
        if obj is not None and self.ar_beslutat(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        if obj is not None and self.ar_beslutat(obj):
            return False
        return super().has_delete_permission(request, obj)

    def get_inlines(self, request, obj):  # noqa: ANN001, ANN201
        return (
            [] if obj is not None and self.ar_beslutat(obj) else super().get_inlines(request, obj)
        )

    def delete_queryset(self, request, queryset) -> None:  # noqa: ANN001
        # The list's "delete selected" action asks for permission without an object.
        if any(self.ar_beslutat(obj) for obj in queryset):
            raise PermissionDenied("Beslutade uppgifter kan inte tas bort, inte heller i admin.")
        super().delete_queryset(request, queryset)

    def get_form(self, request, obj=None, change=False, **kwargs):  # noqa: ANN001, ANN003, ANN201
        """A row that would belong to something decided once saved (a gap added to a ready
        analysis, a goal moved to a decided commission, a report set to accepted, a decision
        itself) is refused with the reason: deciding happens in the app."""
        form = super().get_form(request, obj, change=change, **kwargs)
        ar_beslutat = self.ar_beslutat
        meddelande = LAST_NY_RAD if obj is None else LAST_ANDRING

        class LastForm(form):
            def _post_clean(self) -> None:
                super()._post_clean()
                try:
                    last = ar_beslutat(self.instance)
                except ObjectDoesNotExist:  # the parent is not chosen yet: other errors say so
                    last = False
                if last:
                    self.add_error(None, meddelande)

        return LastForm


LAST_NY_RAD = (
    "Det här hör till något som är beslutat (eller är ett beslut) och kan inte läggas till i "
    "efterhand i admin. Beslut registreras i appen av en ledamot, och det beslutade ändras "
    "genom de loggade vägarna: öppna analysen igen med ett skäl, revidera omgången eller gör "
    "en ny version av uppdraget."
)


LAST_ANDRING = (
    "Ändringen skulle göra raden till en del av något beslutat (eller till ett beslut), och "
    "det görs inte i admin. Beslut och granskningar registreras i appen, och det beslutade "
    "ändras genom de loggade vägarna."
)


admin.site.site_header = "Behovsstyrning – administration"
admin.site.site_title = "Behovsstyrning"
admin.site.index_title = "Databasadministration"


class FasInline(admin.TabularInline):
    model = Fas
    extra = 0
    fields = ["ordning", "nyckel", "namn", "start", "slut", "ansvarig_roll"]


@admin.register(Planeringsar)
class PlaneringsarAdmin(SimpleHistoryAdmin):
    list_display = ["ar"]
    inlines = [FasInline]

    def get_readonly_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        # Fullmäktige's budget decision, once registered, stays; the phases remain editable.
        if obj is not None and obj.budgetbeslut_id:
            return ["ar", "budgetbeslut"]
        return super().get_readonly_fields(request, obj)


@admin.register(Fas)
class FasAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "planeringsar", "start", "slut", "ansvarig_roll"]
    list_filter = ["planeringsar", "ansvarig_roll"]


@admin.register(Omrade)
class OmradeAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "typ", "scb_kod", "kolada_id", "foralder", "fiktiv"]
    list_filter = ["typ", "fiktiv"]
    search_fields = ["namn", "scb_kod", "kolada_id", "lan"]
    list_select_related = ["foralder"]
    autocomplete_fields = ["foralder"]


class LedamotInline(admin.TabularInline):
    model = Ledamot
    extra = 0
    fields = ["namn", "parti", "uppdrag", "anvandare"]
    autocomplete_fields = ["anvandare"]


@admin.register(Organ)
class OrganAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "typ"]
    inlines = [LedamotInline]


@admin.register(Ledamot)
class LedamotAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "parti", "organ", "uppdrag", "anvandare"]
    list_filter = ["organ", "parti"]
    search_fields = ["namn", "parti"]


class ReservationInline(admin.TabularInline):
    model = Reservation
    extra = 0


@admin.register(Beslut)
class BeslutAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return True  # a decision is never edited afterwards

    list_display = ["rubrik", "organ", "datum", "paragraf"]
    list_filter = ["organ"]
    date_hierarchy = "datum"
    search_fields = ["rubrik", "text", "paragraf"]
    inlines = [ReservationInline]


@admin.register(Reservation)
class ReservationAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return True  # registered dissent is part of the decision's record

    list_display = ["ledamot", "beslut"]


@admin.register(Utforare)
class UtforareAdmin(SimpleHistoryAdmin):
    list_display = ["namn", "slag"]
    search_fields = ["namn"]


@admin.register(Profil)
class ProfilAdmin(SimpleHistoryAdmin):
    list_display = ["anvandare", "utforare"]
    autocomplete_fields = ["anvandare", "utforare"]


@admin.register(Bakgrundsjobb)
class BakgrundsjobbAdmin(admin.ModelAdmin):
    list_display = ["titel", "status", "klart", "totalt", "skapad", "skapad_av"]
    readonly_fields = ["task_id", "status", "klart", "totalt", "meddelande", "skapad_av"]
