"""Forms of the prioritisation stage. Each lists its fields; the assessment, edited over days,
uses the core's VersionsForm so a stale save is refused and the text kept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms

from behov.models import Behovsanalys, Halsogap
from natverken.forms import VersionsForm
from natverken.models import Ledamot, Organ, Planeringsar
from prioritering.models import (
    Bedomning,
    Prioriteringsobjekt,
    Prioriteringsomgang,
    Resursfordelning,
)

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TkrField(forms.DecimalField):
    """Whole thousands of kronor as people type them: "72 000", "72000" or "72 000,0"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("localize", True)
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 0)
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = "Ange beloppet i hela tusental kronor, t.ex. 12 500."

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            value = "".join(value.split())  # every kind of space, the non-breaking one too
        return super().to_python(value)


class NyOmgangForm(forms.ModelForm):
    class Meta:
        model = Prioriteringsomgang
        fields = [
            "planeringsar",
            "organ",
            "namn",
            "budgetram_tkr",
            "sammantradesdatum",
            "ovre_del_antal",
        ]
        labels = {"planeringsar": "Planeringsår (budgetår)", "organ": "Beslutande organ"}
        field_classes = {"budgetram_tkr": TkrField}
        widgets = {"sammantradesdatum": DATUM}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["planeringsar"].queryset = Planeringsar.objects.order_by("-ar")
        self.fields["organ"].queryset = Organ.objects.order_by("namn")
        self.fields["namn"].help_text = "t.ex. Prioritering inför budget 2028"

    def clean(self) -> dict:
        data = super().clean()
        ar, organ = data.get("planeringsar"), data.get("organ")
        if (
            ar
            and organ
            and Prioriteringsomgang.objects.filter(planeringsar=ar, organ=organ).exists()
        ):
            self.add_error(
                "organ",
                f"{organ} har redan en prioriteringsomgång inför {ar.ar}. Arbeta vidare i den, "
                "eller gör en revision om den redan är beslutad.",
            )
        return data


class OmgangForm(forms.ModelForm):
    class Meta:
        model = Prioriteringsomgang
        fields = ["namn", "budgetram_tkr", "sammantradesdatum", "ovre_del_antal"]
        field_classes = {"budgetram_tkr": TkrField}
        widgets = {"sammantradesdatum": DATUM}


class NyttObjektForm(forms.Form):
    """Officials form a need from a ready needs analysis: the group's gaps and a measure."""

    analys = forms.ModelChoiceField(
        queryset=Behovsanalys.objects.none(), label="Behovsanalys (klar för prioritering)"
    )
    rubrik = forms.CharField(
        label="Behov",
        max_length=250,
        help_text="Kort och begripligt, t.ex. ”Tidig hjälp för unga med psykisk ohälsa”.",
    )
    atgard = forms.CharField(label="Föreslagen åtgärd", widget=forms.Textarea(attrs={"rows": 3}))
    atgardskostnad_tkr = TkrField(
        label="Beräknad kostnad för åtgärden (tkr per år)", required=False
    )

    def __init__(self, *args: Any, omgang: Prioriteringsomgang, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["analys"].queryset = (
            Behovsanalys.objects.filter(
                planeringsar=omgang.planeringsar, status=Behovsanalys.Status.KLAR
            )
            .select_related("behovsgrupp", "planeringsar")
            .order_by("behovsgrupp__namn")
        )
        self.fields["analys"].label_from_instance = lambda a: a.behovsgrupp.namn


class ObjektForm(VersionsForm):
    class Meta:
        model = Prioriteringsobjekt
        fields = ["rubrik", "atgard", "atgardskostnad_tkr", "halsogap"]
        field_classes = {"atgardskostnad_tkr": TkrField}
        widgets = {
            "atgard": forms.Textarea(attrs={"rows": 3}),
            "halsogap": forms.CheckboxSelectMultiple,
        }
        help_texts = {"halsogap": "De hälsogap i behovsgruppens analys som åtgärden ska minska."}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        objekt = self.instance
        self.fields["halsogap"].queryset = Halsogap.objects.filter(
            analys__behovsgrupp=objekt.behovsgrupp_id,
            analys__planeringsar=objekt.omgang.planeringsar_id,
        ).select_related("indikator", "omrade")
        self.fields["halsogap"].label_from_instance = lambda g: (
            f"{g.indikator.namn} – {g.omrade.namn}"
        )


class BedomningForm(VersionsForm):
    """The standard assessment by the national model; every criterion with its reasoning."""

    class Meta:
        model = Bedomning
        fields = [
            "svarighetsgrad",
            "svarighetsgrad_motivering",
            "nytta",
            "nytta_motivering",
            "kostnad",
            "kostnad_motivering",
            "evidens",
            "evidens_motivering",
            "antal_berorda",
            "jamlikhet",
            "prioritetsgrad",
            "avvikelse_motivering",
        ]
        widgets = {
            "svarighetsgrad": forms.RadioSelect,
            "nytta": forms.RadioSelect,
            "kostnad": forms.RadioSelect,
            "evidens": forms.RadioSelect,
            **{
                f: forms.Textarea(attrs={"rows": 2})
                for f in (
                    "svarighetsgrad_motivering",
                    "nytta_motivering",
                    "kostnad_motivering",
                    "evidens_motivering",
                    "jamlikhet",
                    "avvikelse_motivering",
                )
            },
        }
        labels = {
            "svarighetsgrad_motivering": "Motivering",
            "nytta_motivering": "Motivering",
            "kostnad_motivering": "Motivering",
            "evidens_motivering": "Motivering",
            "prioritetsgrad": "Prioritetsgrad 1–10 (1 = högst)",
        }
        help_texts = {
            "prioritetsgrad": "Lämna tomt för att följa modellens förslag.",
            "avvikelse_motivering": "Behövs om prioritetsgraden avviker från modellens förslag.",
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for namn in ("svarighetsgrad", "nytta", "kostnad", "evidens"):
            # A radio group has no empty choice: the model's blank "---------" is dropped.
            self.fields[namn].choices = [c for c in self.fields[namn].choices if c[0]]
        self.fields["prioritetsgrad"].widget.attrs.update({"min": 1, "max": 10})
        self.fields["prioritetsgrad"].min_value = 1

    def clean_prioritetsgrad(self) -> int | None:
        grad = self.cleaned_data.get("prioritetsgrad")
        if grad is not None and not 1 <= grad <= 10:
            raise forms.ValidationError("Prioritetsgraden är ett heltal från 1 till 10.")
        return grad

    @property
    def kriterier(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """The four criteria as (scale, reasoning) pairs, in the model's order."""
        return [
            (self[n], self[f"{n}_motivering"])
            for n in ("svarighetsgrad", "nytta", "kostnad", "evidens")
        ]

    @property
    def ovriga(self) -> list[forms.BoundField]:
        return [
            self[n]
            for n in ("antal_berorda", "jamlikhet", "prioritetsgrad", "avvikelse_motivering")
        ]


# --- Orders: one numeric position per need (what works without JavaScript) ----------------


@dataclass
class Rad:
    objekt: Prioriteringsobjekt
    plats: forms.BoundField
    extra: list[forms.BoundField]


class PlatsForm(forms.Form):
    """A position per need (`plats-<id>`). Any distinct whole numbers are accepted and read
    as an order (1, 2, 5 → 1st, 2nd, 3rd); the same number twice is an error. The page's
    script renumbers the same fields when a need is dragged or moved with the buttons."""

    def __init__(
        self,
        *args: Any,
        objekt: Sequence[Prioriteringsobjekt],
        platser: dict[int, int] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.objekt = list(objekt)
        platser = platser or {}
        n = len(self.objekt)
        for nr, o in enumerate(self.objekt, start=1):
            self.fields[f"plats-{o.pk}"] = forms.IntegerField(
                label=f"Plats för {o.rubrik}",
                min_value=1,
                max_value=999,
                initial=platser.get(o.pk, nr),
                widget=forms.NumberInput(
                    attrs={"class": "platsfalt", "min": 1, "max": n, "inputmode": "numeric"}
                ),
                error_messages={
                    "required": "Ange en plats.",
                    "invalid": "Ange en plats som ett heltal.",
                },
            )

    def extra_falt(self, objekt: Prioriteringsobjekt) -> list[str]:
        return []

    @property
    def rader(self) -> list[Rad]:
        """The needs in the order the form shows them: as typed when bound, else as given."""

        def nyckel(o: Prioriteringsobjekt) -> tuple[int, int]:
            varde = self[f"plats-{o.pk}"].value()
            try:
                return int(varde), 0
            except (TypeError, ValueError):
                return 10_000, 0

        ordnade = sorted(self.objekt, key=nyckel)
        return [
            Rad(o, self[f"plats-{o.pk}"], [self[f] for f in self.extra_falt(o)]) for o in ordnade
        ]

    def clean(self) -> dict:
        data = super().clean()
        givna: dict[int, list[Prioriteringsobjekt]] = {}
        for o in self.objekt:
            plats = data.get(f"plats-{o.pk}")
            if plats is not None:
                givna.setdefault(plats, []).append(o)
        for plats, objekt in givna.items():
            if len(objekt) > 1:
                for o in objekt:
                    self.add_error(
                        f"plats-{o.pk}",
                        f"{len(objekt)} behov har plats {plats}. Ge varje behov en egen plats.",
                    )
        if givna and not self.errors:
            # Read the numbers as an order: the lowest is 1st.
            ordning = sorted(self.objekt, key=lambda o: data[f"plats-{o.pk}"])
            data["ordning"] = {o.pk: nr for nr, o in enumerate(ordning, start=1)}
        return data


class RangordningForm(PlatsForm):
    pass


class ForslagForm(PlatsForm):
    """The proposal for the body's decision: the order, and per need the principle of the
    ethical platform that carried it and a motivering in plain Swedish."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for o in self.objekt:
            self.fields[f"princip-{o.pk}"] = forms.ChoiceField(
                label="Bärande princip",
                required=False,
                initial=o.princip,
                choices=[("", "Välj princip")] + list(Prioriteringsobjekt.Princip.choices),
            )
            self.fields[f"motivering-{o.pk}"] = forms.CharField(
                label="Motivering",
                required=False,
                initial=o.motivering,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text="Varför behovet hamnar här, så att en invånare förstår.",
            )

    def extra_falt(self, objekt: Prioriteringsobjekt) -> list[str]:
        return [f"princip-{objekt.pk}", f"motivering-{objekt.pk}"]

    def texter(self) -> dict[int, tuple[str, str]]:
        return {
            o.pk: (
                self.cleaned_data[f"princip-{o.pk}"],
                self.cleaned_data[f"motivering-{o.pk}"].strip(),
            )
            for o in self.objekt
        }


class ResursForm(forms.Form):
    """Amount (tkr) and kind per need. An empty amount means no allocation."""

    def __init__(self, *args: Any, objekt: Sequence[Prioriteringsobjekt], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.objekt = list(objekt)
        for o in self.objekt:
            befintlig = o.resurs_eller_none
            self.fields[f"belopp-{o.pk}"] = TkrField(
                label=f"Belopp (tkr) för {o.rubrik}",
                required=False,
                initial=befintlig.belopp_tkr if befintlig else None,
            )
            self.fields[f"typ-{o.pk}"] = forms.ChoiceField(
                label=f"Typ för {o.rubrik}",
                required=False,
                initial=befintlig.typ if befintlig else "",
                choices=[("", "Välj typ")] + list(Resursfordelning.Typ.choices),
            )

    def clean(self) -> dict:
        data = super().clean()
        for o in self.objekt:
            belopp, typ = data.get(f"belopp-{o.pk}"), data.get(f"typ-{o.pk}")
            if belopp is not None and not typ:
                self.add_error(
                    f"typ-{o.pk}", "Välj om behovet prioriteras, ransoneras eller effektiviseras."
                )
        return data

    def rader(self) -> list[tuple[Prioriteringsobjekt, forms.BoundField, forms.BoundField]]:
        return [(o, self[f"belopp-{o.pk}"], self[f"typ-{o.pk}"]) for o in self.objekt]

    def belopp(self) -> dict[int, tuple[Decimal | None, str]]:
        return {
            o.pk: (self.cleaned_data[f"belopp-{o.pk}"], self.cleaned_data[f"typ-{o.pk}"])
            for o in self.objekt
        }


class BeslutForm(forms.Form):
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, help_text="t.ex. § 61")


class ReservationForm(forms.Form):
    ledamot = forms.ModelChoiceField(
        queryset=Ledamot.objects.none(), label="Ledamot som reserverar sig"
    )
    text = forms.CharField(label="Reservationens text", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, omgang: Prioriteringsomgang, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Ledamot.objects.filter(organ=omgang.organ_id).order_by("namn")
        if omgang.beslut_id:
            qs = qs.exclude(reservationer__beslut=omgang.beslut_id)
        self.fields["ledamot"].queryset = qs
        self.fields["ledamot"].label_from_instance = lambda ledamot: (
            f"{ledamot.namn} ({ledamot.parti})"
        )


class RevisionForm(forms.Form):
    skal = forms.CharField(
        label="Skäl till revisionen",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Skälet visas öppet tillsammans med det nya beslutet, t.ex. ”Fullmäktige sänkte ramen med 4 000 tkr.”",
    )
