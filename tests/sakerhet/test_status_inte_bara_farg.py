"""Status is never shown by colour alone (WCAG 1.4.1). The key pages of the demo region are
rendered for each role, and every element that carries a status colour – a `status` badge,
the spread of opinions in a ranking, a done step, a late phase – must hold words a person can
read (an icon alone, hidden from screen readers, does not count)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from behov.models import Behovsanalys
from prioritering.models import Prioriteringsomgang
from uppdrag.models import Uppdrag
from uppfoljning.models import Aterrapport

pytestmark = pytest.mark.django_db

TOMMA = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "wbr",
}
BOKSTAV = re.compile(r"[A-Za-zÅÄÖåäöÉé]")


def _farg_betyder_nagot(tag: str, klasser: set[str]) -> bool:
    """Classes whose colour (or border colour) says something about a state."""
    return (
        "status" in klasser
        or any(k.startswith(("status-", "oenighet-")) for k in klasser)
        or "fas-forsenad" in klasser
        or (tag == "li" and klasser & {"klart", "steg-klart"})
    )


class _Statuslasare(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, int | None]] = []  # (tag, aria-hidden, status index)
        self.element: list[tuple[str, str, str]] = []  # (tag, class, words read)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in TOMMA:
            return
        a = {k: v or "" for k, v in attrs}
        klasser = set(a.get("class", "").split())
        dold = a.get("aria-hidden") == "true"
        index = None
        if _farg_betyder_nagot(tag, klasser):
            index = len(self.element)
            self.element.append((tag, a.get("class", ""), ""))
        self.stack.append((tag, dold, index))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if any(dold for _, dold, _ in self.stack):
            return
        for _, _, index in self.stack:
            if index is not None:
                tag, klass, text = self.element[index]
                self.element[index] = (tag, klass, text + data)


def _sidor() -> dict[str, list[str]]:
    analys = Behovsanalys.objects.filter(planeringsar__ar=2027).order_by("pk").first()
    beslutad = Prioriteringsomgang.objects.get(planeringsar__ar=2027)
    oppen = Prioriteringsomgang.objects.get(planeringsar__ar=2028)
    pagar = (
        Uppdrag.objects.filter(
            status=Uppdrag.Status.PAGAR, utforare__namn="Primärvården Region Exempel"
        )
        .order_by("pk")
        .first()
    )
    rapport = Aterrapport.objects.filter(uppdrag=pagar).order_by("pk").first()
    gemensamma = [
        "/",
        "/arshjul/?ar=2027",
        "/uppdrag/",
        f"/uppdrag/{pagar.pk}/",
        f"/uppdrag/{pagar.pk}/versioner/",
        "/uppfoljning/",
        "/uppfoljning/rapporter/",
        f"/uppfoljning/uppdrag/{pagar.pk}/",
        f"/uppfoljning/rapporter/{rapport.pk}/",
    ]
    granskare = [
        "/behov/",
        f"/behov/analyser/{analys.pk}/",
        "/behov/grupper/",
        "/prioritering/",
        f"/prioritering/omgang/{beslutad.pk}/",
        f"/prioritering/omgang/{oppen.pk}/",
        f"/prioritering/omgang/{oppen.pk}/mote/",
        "/uppdrag/adressera-eller-forklara/",
        "/uppfoljning/arsuppfoljning/2025/",
        f"/uppfoljning/behovsgrupper/{analys.behovsgrupp_id}/",
        "/uppfoljning/nasta-ar/2027/",
    ]
    return {
        "tjansteperson": [*gemensamma, *granskare, "/behov/import/"],
        "fortroendevald": [*gemensamma, *granskare, f"/prioritering/omgang/{oppen.pk}/beslut/"],
        "utforare": [*gemensamma, "/uppdrag/mina/"],
    }


def test_varje_status_har_ord_och_inte_bara_farg(demo):
    User = get_user_model()
    utan_ord, antal = [], 0
    for persona, sidor in _sidor().items():
        klient = Client()
        klient.force_login(User.objects.get(username=persona))
        for sida in sidor:
            svar = klient.get(sida)
            assert svar.status_code == 200, f"{sida} som {persona}: {svar.status_code}"
            lasare = _Statuslasare()
            lasare.feed(svar.content.decode())
            for tag, klass, text in lasare.element:
                antal += 1
                if not BOKSTAV.search(text):
                    utan_ord.append(f'{sida} ({persona}): <{tag} class="{klass}"> {text!r}')
    assert antal > 200  # the pages do show statuses, so the check checks something
    assert not utan_ord, "Status bara med färg eller ikon:\n" + "\n".join(utan_ord)


def test_lasaren_hittar_farg_utan_ord():
    lasare = _Statuslasare()
    lasare.feed(
        '<p><span class="status status-risk"><span aria-hidden="true">⚠</span></span>'
        '<span class="status status-klar"><span aria-hidden="true">✓</span> Klar</span></p>'
    )
    assert [(k, t) for _, k, t in lasare.element] == [
        ("status status-risk", ""),
        ("status status-klar", " Klar"),
    ]
