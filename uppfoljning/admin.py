from django.contrib import admin

from natverken.admin import BeslutatLastAdmin
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut, Malstatus


class MalstatusInline(admin.TabularInline):
    model = Malstatus
    extra = 0


@admin.register(Aterrapport)
class AterrapportAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.rapportstatus == Aterrapport.Rapportstatus.GODKAND

    list_display = ["uppdrag", "period", "senast", "rapportstatus", "framdrift"]
    list_filter = ["rapportstatus", "framdrift"]
    filter_horizontal = ["klara_milstolpar"]
    inlines = [MalstatusInline]


@admin.register(Malstatus)
class MalstatusAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.rapport.rapportstatus == Aterrapport.Rapportstatus.GODKAND

    list_display = ["mal", "rapport", "framdrift"]


@admin.register(Arsuppfoljning)
class ArsuppfoljningAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.status == Arsuppfoljning.Status.GODKAND

    list_display = ["planeringsar", "status", "beslut"]


@admin.register(Fortsattningsbeslut)
class FortsattningsbeslutAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return True  # the body's decision on a commission is never edited afterwards

    list_display = ["uppdrag", "planeringsar", "val"]
