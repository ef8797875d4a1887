from django.urls import path

from behov import views

app_name = "behov"

urlpatterns = [
    path("", views.index, name="index"),
]
