from django.urls import path

from uppfoljning import views

app_name = "uppfoljning"

urlpatterns = [
    path("", views.index, name="index"),
]
