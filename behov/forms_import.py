"""Forms of the import pages: upload, how the file is read, the column mapping, and a new
indicator created on the way."""

from __future__ import annotations

from typing import Any

from django import forms

from behov.importering import (
    DECIMALTECKEN,
    FORMAT,
    INDIKATORSATT,
    SEPARATORER,
    TEXTKODNINGAR,
    Filinstallningar,
    Mappning,
)
from behov.models import Importmall, Indikator, Polaritet
from natverken import uppladdning

INGEN = ("", "– ingen –")


class UppladdningForm(forms.Form):
    fil = forms.FileField(
        label="Fil",
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(uppladdning.TEXTFILER + uppladdning.EXCELFILER)}
        ),
    )
    mall = forms.ModelChoiceField(
        queryset=Importmall.objects.all(),
        required=False,
        label="Sparad mappning",
        empty_label="– ingen, jag väljer kolumnerna –",
        help_text="Välj en mappning du sparat för filer av samma slag.",
    )

    def __init__(self, *args: Any, for_stora: list[str] | None = None, **kwargs: Any) -> None:
        """`for_stora`: files the request brought that were over the size limit and dropped
        on arrival (natverken.uppladdning.for_stor)."""
        super().__init__(*args, **kwargs)
        self.for_stora = for_stora or []
        if self.for_stora:
            self.fields["fil"].required = False
        self.fields["fil"].help_text = (
            "CSV, TSV eller annan textfil (komma, semikolon eller tabb), eller Excel (.xlsx), "
            f"högst {uppladdning.storlek_text(uppladdning.max_storlek())}. "
            "Teckenkodning, avgränsare och decimaltecken känns igen automatiskt."
        )

    def _for_stor(self, namn: str) -> forms.ValidationError:
        grans = uppladdning.storlek_text(uppladdning.max_storlek())
        return forms.ValidationError(
            f"{namn} är större än {grans}, som är gränsen för en uppladdning. Inget är sparat. "
            "Dela upp filen (t.ex. per indikator eller år), eller be administratören höja "
            "gränsen."
        )

    def clean_fil(self) -> Any:
        if self.for_stora:
            raise self._for_stor(self.for_stora[0])
        fil = self.cleaned_data["fil"]
        if fil.size == 0:
            raise forms.ValidationError("Filen är tom.")
        if fil.size > uppladdning.max_storlek():
            raise self._for_stor(fil.name)
        fel = uppladdning.kontrollera_tabellfil(fil, fil.name)
        if fel:
            raise forms.ValidationError(fel)
        return fil


class InlasningForm(forms.Form):
    """How the file is read: detected on upload, corrected here."""

    blad = forms.ChoiceField(label="Blad", required=False)
    rubrikrad = forms.IntegerField(
        label="Kolumnnamnen står på rad",
        min_value=1,
        max_value=1000,
        help_text="Raden i filen med kolumnernas namn. Rader ovanför hoppas över.",
    )
    kodning = forms.ChoiceField(
        label="Teckenkodning", choices=TEXTKODNINGAR.items(), required=False
    )
    separator = forms.ChoiceField(label="Avgränsare", choices=SEPARATORER.items(), required=False)
    decimaltecken = forms.ChoiceField(
        label="Decimaltecken", choices=DECIMALTECKEN.items(), required=False
    )

    def __init__(
        self, *args: Any, installningar: Filinstallningar, blad: list[str], **kwargs: Any
    ) -> None:
        kwargs.setdefault("initial", installningar.som_dict())
        kwargs.setdefault("prefix", "fil")
        super().__init__(*args, **kwargs)
        self.installningar = installningar
        if installningar.typ == "excel":
            self.fields["blad"].choices = [(b, b) for b in blad]
            self.fields["blad"].required = True
            for namn in ("kodning", "separator", "decimaltecken"):
                del self.fields[namn]
        else:
            del self.fields["blad"]

    def som_installningar(self) -> Filinstallningar:
        data = {
            **self.installningar.som_dict(),
            **{k: v for k, v in self.cleaned_data.items() if v not in (None, "")},
        }
        return Filinstallningar.fran_dict(data)


class NyIndikatorForm(forms.Form):
    # Part of the mapping form: the browser must not demand these when the user imports.
    use_required_attribute = False

    namn = forms.CharField(label="Namn", max_length=250)
    enhet = forms.CharField(label="Enhet", max_length=40, help_text="t.ex. %, per 100 000 invånare")
    polaritet = forms.ChoiceField(label="Riktning", choices=Polaritet.choices)
    kalla = forms.CharField(
        label="Källa", max_length=200, required=False, help_text="t.ex. Kolada (RKA)"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "ny")
        super().__init__(*args, **kwargs)

    def clean_namn(self) -> str:
        namn = " ".join(self.cleaned_data["namn"].split())
        if Indikator.objects.filter(namn__iexact=namn).exists():
            raise forms.ValidationError(
                "Det finns redan en indikator med det namnet: välj den i listan."
            )
        return namn


ENKLA_KOLUMNER = [
    (
        "indikator_kolumn",
        "Kolumn med indikatorn",
        "Indikatorns kod eller namn, t.ex. Koladas kpi-kolumn.",
    ),
    (
        "omrade_kolumn",
        "Kolumn med område",
        "SCB-kod (01, 0180), Kolada-id (0001), namn (Region Dalarna) eller kod och namn "
        "(”20 Dalarnas län”). Riket kan stå som 00, 0000, 46 eller Riket.",
    ),
    (
        "period_kolumn",
        "Kolumn med år eller period",
        "Ett år (2024) eller ett intervall (2019-2022).",
    ),
    (
        "kon_kolumn",
        "Kolumn med kön",
        "T/K/M, Totalt/Kvinnor/Män eller Kvinna/Man. Utan kolumn räknas alla värden som totalt.",
    ),
    (
        "varde_kolumn",
        "Kolumn med värdet",
        "Saknade värden (.., -, tom cell) sparas som saknade, aldrig som 0.",
    ),
    ("antal_kolumn", "Kolumn med antal (täljare)", ""),
    ("namnare_kolumn", "Kolumn med nämnare", ""),
    ("ki_lag_kolumn", "Konfidensintervall, nedre gräns", ""),
    ("ki_hog_kolumn", "Konfidensintervall, övre gräns", ""),
    (
        "ki_text_kolumn",
        "Konfidensintervall i en kolumn",
        "Text som ”57,9 - 66,7” eller ”57.9 - 66.7  *” (en stjärna läses bort).",
    ),
    ("kategori_kolumn", "Kolumn med kategori", "t.ex. åldersgruppen på varje rad."),
]


class MappningForm(forms.Form):
    """Which column is what, for a file with the given columns."""

    format = forms.ChoiceField(
        label="Hur står värdena i filen?", choices=FORMAT.items(), widget=forms.RadioSelect
    )
    indikator_satt = forms.ChoiceField(
        label="Var står indikatorn?", choices=INDIKATORSATT.items(), widget=forms.RadioSelect
    )
    indikator_kod = forms.ChoiceField(label="Indikator för hela filen", required=False)
    period_kolumner = forms.MultipleChoiceField(
        label="Kolumner med år eller period som rubrik",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="I en bred tabell (som PX-Webb) är varje år eller period en egen kolumn.",
    )
    dimension = forms.CharField(
        label="Uppdelningens namn",
        max_length=60,
        required=False,
        help_text="Om filen delar upp värdena, t.ex. Ålder eller Utbildning. Lämna tomt annars.",
    )
    kon_kod_t = forms.CharField(label="Filens kod för totalt", max_length=20, required=False)
    kon_kod_k = forms.CharField(label="Filens kod för kvinnor", max_length=20, required=False)
    kon_kod_m = forms.CharField(label="Filens kod för män", max_length=20, required=False)
    spara_mall = forms.BooleanField(label="Spara mappningen för nästa gång", required=False)
    mall_namn = forms.CharField(
        label="Mappningens namn",
        max_length=120,
        required=False,
        help_text="t.ex. Kolada, lång export",
    )

    def __init__(self, *args: Any, kolumner: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kolumner = kolumner
        val = [INGEN] + [(k, k) for k in kolumner]
        for namn, label, hjalp in ENKLA_KOLUMNER:
            self.fields[namn] = forms.ChoiceField(
                label=label, choices=val, required=False, help_text=hjalp
            )
        indikatorer = [INGEN] + [
            (i.kod, f"{i.namn} ({i.kod})") for i in Indikator.objects.order_by("namn")
        ]
        self.fields["indikator_kod"].choices = indikatorer
        self.fields["period_kolumner"].choices = [(k, k) for k in kolumner]
        self.per_kolumn_falt: list[str] = []
        for nr, kolumn in enumerate(kolumner):
            namn = f"ind_kol_{nr}"
            self.fields[namn] = forms.ChoiceField(
                label=f"Indikator i kolumnen ”{kolumn}”",
                choices=[("", "– inte en värdekolumn –")] + indikatorer[1:],
                required=False,
            )
            self.per_kolumn_falt.append(namn)

    # Groups for the template: it lays the fields out, it decides nothing.
    def grupp(self, *namn: str) -> list[forms.BoundField]:
        return [self[n] for n in namn if n in self.fields]

    @property
    def indikatorfalt(self) -> list[forms.BoundField]:
        return self.grupp("indikator_kolumn", "indikator_kod")

    @property
    def per_kolumn(self) -> list[forms.BoundField]:
        return self.grupp(*self.per_kolumn_falt)

    @property
    def radfalt(self) -> list[forms.BoundField]:
        return self.grupp("omrade_kolumn", "period_kolumn", "kon_kolumn")

    @property
    def konkoder(self) -> list[forms.BoundField]:
        return self.grupp("kon_kod_t", "kon_kod_k", "kon_kod_m")

    @property
    def extra_vardefalt(self) -> list[forms.BoundField]:
        return self.grupp(
            "antal_kolumn", "namnare_kolumn", "ki_lag_kolumn", "ki_hog_kolumn", "ki_text_kolumn"
        )

    @property
    def extra_vardefalt_valda(self) -> bool:
        """Whether the optional value columns are in use or wrong (shown opened then)."""
        return any(f.value() or f.errors for f in self.extra_vardefalt)

    @property
    def uppdelning(self) -> list[forms.BoundField]:
        return self.grupp("dimension", "kategori_kolumn")

    @property
    def mallfalt(self) -> list[forms.BoundField]:
        return self.grupp("spara_mall", "mall_namn")

    @classmethod
    def initial_fran_mappning(cls, mappning: Mappning, kolumner: list[str]) -> dict[str, Any]:
        initial: dict[str, Any] = {
            k: v for k, v in mappning.som_dict().items() if isinstance(v, str | list)
        }
        for kon, falt in (("T", "kon_kod_t"), ("K", "kon_kod_k"), ("M", "kon_kod_m")):
            initial[falt] = next((kod for kod, k in mappning.kon_koder.items() if k == kon), "")
        for nr, kolumn in enumerate(kolumner):
            if kolumn in mappning.indikator_per_kolumn:
                initial[f"ind_kol_{nr}"] = mappning.indikator_per_kolumn[kolumn]
        return initial

    @classmethod
    def initial_fran_data(cls, data: Any, kolumner: list[str]) -> dict[str, Any]:
        """What the user had typed, to show again without validating it."""
        initial = {k: data.get(k, "") for k in data if not k.startswith(("fil-", "ny-", "csrf"))}
        initial["period_kolumner"] = data.getlist("period_kolumner")
        initial["spara_mall"] = bool(data.get("spara_mall"))
        return initial

    def som_mappning(self) -> Mappning:
        d = self.cleaned_data
        koder = {
            d[f]: k
            for k, f in (("T", "kon_kod_t"), ("K", "kon_kod_k"), ("M", "kon_kod_m"))
            if d.get(f)
        }
        per_kolumn = {}
        if d["indikator_satt"] == "per_kolumn":
            per_kolumn = {
                kolumn: d[f"ind_kol_{nr}"]
                for nr, kolumn in enumerate(self.kolumner)
                if d.get(f"ind_kol_{nr}")
            }
        return Mappning(
            format=d["format"],
            indikator_satt=d["indikator_satt"],
            indikator_kolumn=d.get("indikator_kolumn", "")
            if d["indikator_satt"] == "kolumn"
            else "",
            indikator_kod=d.get("indikator_kod", "") if d["indikator_satt"] == "fast" else "",
            indikator_per_kolumn=per_kolumn,
            omrade_kolumn=d.get("omrade_kolumn", ""),
            period_kolumn=d.get("period_kolumn", "") if d["format"] == "lang" else "",
            period_kolumner=list(d.get("period_kolumner") or []) if d["format"] == "bred" else [],
            kon_kolumn=d.get("kon_kolumn", ""),
            kon_koder=koder,
            dimension=(d.get("dimension") or "").strip(),
            kategori_kolumn=d.get("kategori_kolumn", ""),
            varde_kolumn=d.get("varde_kolumn", ""),
            antal_kolumn=d.get("antal_kolumn", ""),
            namnare_kolumn=d.get("namnare_kolumn", ""),
            ki_lag_kolumn=d.get("ki_lag_kolumn", ""),
            ki_hog_kolumn=d.get("ki_hog_kolumn", ""),
            ki_text_kolumn=d.get("ki_text_kolumn", ""),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        mappning = self.som_mappning()
        for falt, text in mappning.fel(self.kolumner).items():
            if falt == "kon_koder":
                self.add_error("kon_kod_t", text)
            elif falt in self.fields:
                self.add_error(falt, text)
            else:
                self.add_error(None, text)
        if data.get("spara_mall"):
            namn = (data.get("mall_namn") or "").strip()
            if not namn:
                self.add_error("mall_namn", "Ge mappningen ett namn för att spara den.")
            elif Importmall.objects.filter(namn__iexact=namn).exists():
                self.add_error("mall_namn", "Det finns redan en sparad mappning med det namnet.")
        if not self.errors:
            self.mappning = mappning
        return data
