"""Indicator data import (owned by behov.views_import)."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
