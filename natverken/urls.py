from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from natverken import views

karna = [
    path("", views.start, name="start"),
    path("arshjul/", views.arshjulet, name="arshjul"),
    path("arshjul/<int:ar>/budgetbeslut/", views.budgetbeslut, name="budgetbeslut"),
    path("kalender/", views.kalender, name="kalender"),
    path("kalender/fornya/", views.kalender_fornya, name="kalender_fornya"),
    path("kalender/aterkalla/", views.kalender_aterkalla, name="kalender_aterkalla"),
    path("kalender/<str:nyckel>.ics", views.kalender_flode, name="kalender_flode"),
    path("administration/", views.administration, name="administration"),
    path(
        "administration/omraden/uppdatera/",
        views.starta_omradesuppdatering,
        name="uppdatera_omraden",
    ),
    path("arshjul/fas/<int:pk>/andra/", views.andra_fas, name="andra_fas"),
    path("jobb/<int:pk>/", views.jobb, name="jobb"),
]

urlpatterns = [
    path("", include((karna, "natverken"))),
    path("offentligt/", include("prioritering.urls_offentliga")),
    path("rapporter/", include("uppdrag.urls_rapporter")),
    path("behov/", include("behov.urls")),
    path("prioritering/", include("prioritering.urls")),
    path("uppdrag/", include("uppdrag.urls")),
    path("uppfoljning/", include("uppfoljning.urls")),
    path("konto/logga-in/", auth_views.LoginView.as_view(), name="login"),
    path("konto/logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "konto/byt-losenord/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "konto/byt-losenord/klart/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("django-admin/", admin.site.urls),
]

handler403 = "natverken.views.fel_403"
handler404 = "natverken.views.fel_404"
handler500 = "natverken.views.fel_500"
