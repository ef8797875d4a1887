"""Browser tests on Debian's Chromium (never a downloaded browser, see STACK.md)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTEFAKTER = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        pytest.fail("Chromium saknas: kör scripts/test.sh, som installerar Debians chromium.")
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def skarmbild():
    ARTEFAKTER.mkdir(exist_ok=True)

    def ta(page, namn: str) -> Path:
        fil = ARTEFAKTER / f"{namn}.png"
        page.screenshot(path=str(fil), full_page=True)
        return fil

    return ta


def logga_in(page, live_server, anvandarnamn: str, losenord: str, *, ga_till: bool = True) -> None:
    if ga_till:
        page.goto(f"{live_server.url}/konto/logga-in/")
    page.get_by_label("Användarnamn").fill(anvandarnamn)
    page.get_by_label("Lösenord").fill(losenord)
    page.get_by_role("button", name="Logga in").click()


AXE = Path(__file__).resolve().parent / "vendor" / "axe-4.14.1.min.js"


def axe_fel(page, *, niva: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """Run axe-core (vendored) on the page; return the serious and critical violations."""
    # Evaluated over the DevTools protocol, so the page's CSP (no inline scripts) still holds.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    resultat = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes'][:3]]}"
        for v in resultat
        if v["impact"] in niva
    ]


# --- Shared steps of the browser tests ------------------------------------------------------


@pytest.fixture
def snabba_losenord(settings):
    """Logins in the walks are many; the default hasher costs ~0.3 s each on this machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def lyssna_efter_fel(page, fel: list[str]) -> None:
    """Collect the page's console errors (a CSP violation is one) into `fel`."""
    page.on("console", lambda m: fel.append(m.text) if m.type == "error" else None)


def csp_fel(fel: list[str]) -> list[str]:
    return [f for f in fel if "Content Security Policy" in f or "Refused" in f]


def kor_arbetaren() -> None:
    """Run the background worker's queue here, in the test, instead of as its own process."""
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def rangordning(page) -> list[str]:
    """The needs in the order the ranking list shows them now."""
    return page.locator("ol.rangordning > li").evaluate_all("els => els.map(e => e.dataset.rubrik)")


def tabba_till(page, text: str, *, max_steg: int = 60) -> None:
    """Move focus with Tab only, as a keyboard user does, until it is on `text`."""
    for _ in range(max_steg):
        if (
            page.evaluate("document.activeElement && document.activeElement.textContent.trim()")
            == text
        ):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tabb nådde aldrig {text!r}")


def ladda_upp_fil(page, fil: Path) -> None:
    """On the import page: upload a file to the preview and mapping page."""
    page.get_by_label(re.compile(r"^Fil\b")).set_input_files(fil)
    page.get_by_role("button", name="Ladda upp och förhandsvisa").click()


def ny_indikator_i_importen(page, *, enhet: str | None = None, kalla: str = "Kolada (RKA)") -> None:
    """Create the indicator the file names (its name is filled in) as lower-is-better."""
    if enhet is not None:
        page.get_by_label(re.compile(r"^Enhet\b")).fill(enhet)
    page.get_by_label("Riktning").select_option(label="Lägre är bättre")
    page.get_by_label("Källa", exact=True).fill(kalla)
    page.get_by_role("button", name="Skapa indikatorn").click()


def mappa_en_indikator_per_kon(page, vardekolumn: str) -> None:
    """The mapping of Kolada's long export by sex (kolada_tillit_dalarna_kon.csv)."""
    page.get_by_label("Lång: en rad per värde").check()
    page.get_by_label("Hela filen gäller en indikator").check()
    page.get_by_label("Kolumn med område").select_option("municipality")
    page.get_by_label("Kolumn med år eller period", exact=True).select_option("year")
    page.get_by_label("Kolumn med kön").select_option("gender")
    page.get_by_label("Kolumn med värdet").select_option(vardekolumn)
