from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from natverken.admin import BeslutatLastAdmin
from uppfoljning.models import Arsuppfoljning, Aterrapport, Fortsattningsbeslut, Malstatus


class MalstatusInline(admin.TabularInline):
    model = Malstatus
    extra = 0


@admin.register(Aterrapport)
class AterrapportAdmin(SimpleHistoryAdmin):
    list_display = ["uppdrag", "period", "senast", "rapportstatus", "framdrift"]
    list_filter = ["rapportstatus", "framdrift"]
    filter_horizontal = ["klara_milstolpar"]
    inlines = [MalstatusInline]


@admin.register(Malstatus)
class MalstatusAdmin(SimpleHistoryAdmin):
    list_display = ["mal", "rapport", "framdrift"]


@admin.register(Arsuppfoljning)
class ArsuppfoljningAdmin(BeslutatLastAdmin):
    def ar_beslutat(self, obj) -> bool:  # noqa: ANN001
        return obj.status == Arsuppfoljning.Status.GODKAND

    list_display = ["planeringsar", "status", "beslut"]


@admin.register(Fortsattningsbeslut)
class FortsattningsbeslutAdmin(SimpleHistoryAdmin):
    list_display = ["uppdrag", "planeringsar", "val"]
