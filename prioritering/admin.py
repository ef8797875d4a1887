from django.contrib import admin

from natverken.admin import BeslutatLastAdmin
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Rangordning,
    Rangplats,
    Resursfordelning,
)


class ObjektInline(admin.TabularInline):
    model = Prioriteringsobjekt
    extra = 0
    fields = ["placering", "rubrik", "behovsgrupp", "princip"]


@admin.register(Prioriteringsomgang)
class PrioriteringsomgangAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.ar_beslutad

    list_display = ["namn", "planeringsar", "organ", "revision", "status", "budgetram_tkr"]
    list_filter = ["planeringsar", "status"]
    inlines = [ObjektInline]


@admin.register(Prioriteringsobjekt)
class PrioriteringsobjektAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.omgang.ar_beslutad

    list_display = ["rubrik", "omgang", "behovsgrupp", "placering"]
    list_filter = ["omgang__planeringsar"]
    filter_horizontal = ["halsogap"]


@admin.register(Bedomning)
class BedomningAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.objekt.omgang.ar_beslutad

    list_display = ["objekt", "svarighetsgrad", "nytta", "kostnad", "evidens", "prioritetsgrad"]


class RangplatsInline(admin.TabularInline):
    model = Rangplats
    extra = 0


@admin.register(Rangordning)
class RangordningAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.omgang.ar_beslutad

    list_display = ["ledamot", "omgang", "inlamnad"]
    inlines = [RangplatsInline]


@admin.register(Resursfordelning)
class ResursfordelningAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.objekt.omgang.ar_beslutad

    list_display = ["objekt", "belopp_tkr", "typ", "beslut"]
