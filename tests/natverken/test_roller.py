from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from natverken.models import Roll


def _behorigheter(roll: str) -> set[str]:
    grupp = Group.objects.get(name=roll)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in grupp.permissions.select_related("content_type")
    }


@pytest.mark.django_db
def test_rollerna_finns():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Roll.values)


@pytest.mark.django_db
def test_forvaldtroende_registrerar_beslut_men_tjansteperson_inte():
    assert "natverken.add_beslut" in _behorigheter(Roll.FORTROENDEVALD)
    assert "natverken.add_reservation" in _behorigheter(Roll.FORTROENDEVALD)
    assert "natverken.add_beslut" not in _behorigheter(Roll.TJANSTEPERSON)


@pytest.mark.django_db
def test_tjansteperson_andrar_arshjulet_men_inte_forvaldtroende():
    assert "natverken.change_fas" in _behorigheter(Roll.TJANSTEPERSON)
    assert "natverken.change_fas" not in _behorigheter(Roll.FORTROENDEVALD)


@pytest.mark.django_db
def test_utforare_ser_inte_beslut_och_organ_direkt():
    behorigheter = _behorigheter(Roll.UTFORARE)
    assert "natverken.view_fas" in behorigheter
    assert "natverken.view_beslut" not in behorigheter
    assert not any(b.startswith("natverken.add_") for b in behorigheter)


@pytest.mark.django_db
def test_admin_har_alla_behorigheter():
    from django.contrib.auth.models import Permission

    assert len(_behorigheter(Roll.ADMIN)) == Permission.objects.count()
