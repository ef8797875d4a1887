"""Forms of the follow-up stage. The report and the yearly follow-up are documents edited over
days: they use the core's VersionsForm, so a stale save is refused and what was typed kept."""

from __future__ import annotations

from typing import Any

from django import forms

from natverken.forms import VersionsForm
from natverken.models import Organ
from uppdrag.models import Mal
from uppfoljning.models import (
    FRAMDRIFT_IKON,
    Arsuppfoljning,
    Aterrapport,
    Fortsattningsbeslut,
    Framdrift,
)

FRAMDRIFT_VAL = [(f.value, f"{FRAMDRIFT_IKON[f]} {f.label}") for f in Framdrift]
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RapportForm(VersionsForm):
    """The provider's report. Submitting (`lamna_in`) makes the progress status and the
    summary required; saving a draft does not."""

    class Meta:
        model = Aterrapport
        fields = ["framdrift", "sammanfattning", "klara_milstolpar"]
        labels = {
            "framdrift": "Hur går arbetet? (framdrift)",
            "sammanfattning": "Sammanfattning",
            "klara_milstolpar": "Milstolpar som är klara",
        }
        help_texts = {
            "framdrift": "Er bedömning av genomförandet. Hälsoutfallet bedöms separat ur data.",
            "sammanfattning": "Vad har gjorts under perioden, vad har gått bra och vad behöver ändras?",
            "klara_milstolpar": "Bocka för de milstolpar som nåtts. De markeras klara när "
            "rapporten godkänns.",
        }
        widgets = {
            "framdrift": forms.RadioSelect,
            "sammanfattning": forms.Textarea(attrs={"rows": 5}),
            "klara_milstolpar": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, lamna_in: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framdrift"].choices = FRAMDRIFT_VAL
        self.fields["framdrift"].required = lamna_in
        self.fields["sammanfattning"].required = lamna_in
        # Milestones done before stay done; the report can only add to them.
        self.fields["klara_milstolpar"].queryset = self.instance.uppdrag.milstolpar.filter(
            klar__isnull=True
        ).order_by("datum")
        self.fields["klara_milstolpar"].label_from_instance = lambda m: (
            f"{m.datum:%Y-%m-%d} {m.beskrivning}"
        )
        if lamna_in:
            self.fields["framdrift"].error_messages["required"] = "Ange hur arbetet går."
            self.fields["sammanfattning"].error_messages["required"] = "Skriv en sammanfattning."


class MalrapportForm(forms.Form):
    """What the provider says about one goal: progress, a comment, and a measured value when
    the provider holds one (only for goals on an indicator)."""

    framdrift = forms.ChoiceField(label="Framdrift", widget=forms.RadioSelect)
    kommentar = forms.CharField(
        label="Kommentar", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    uppmatt_varde = forms.FloatField(
        label="Uppmätt värde",
        required=False,
        localize=True,
        help_text="Om ni har ett eget, nyare mätvärde (med decimalkomma). Måluppfyllelsen "
        "bedöms ur regionens importerade data.",
    )

    def __init__(self, *args: Any, mal: Mal, lamna_in: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, prefix=f"mal-{mal.pk}", **kwargs)
        self.mal = mal
        self.fields["framdrift"].choices = FRAMDRIFT_VAL
        self.fields["framdrift"].required = lamna_in
        self.fields["framdrift"].error_messages["required"] = "Ange framdrift för målet."
        if mal.indikator_id is None:
            del self.fields["uppmatt_varde"]
        else:
            self.fields["uppmatt_varde"].label = f"Uppmätt värde ({mal.indikator.enhet})"


class GranskningsForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    kommentar = forms.CharField(
        label="Kommentar till utföraren",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Krävs när rapporten återsänds: skriv vad som ska kompletteras.",
    )


class ArsuppfoljningForm(VersionsForm):
    class Meta:
        model = Arsuppfoljning
        fields = ["sammanfattning"]
        labels = {"sammanfattning": "Sammanfattning för årsredovisningen"}
        help_texts = {
            "sammanfattning": "Vad gjordes, vad förändrades i hälsan och för vilka, och vad "
            "kvarstår till nästa år. Underlagen nedan hämtas ur data och återrapporterna."
        }
        widgets = {"sammanfattning": forms.Textarea(attrs={"rows": 8})}


class _Organbeslut(forms.Form):
    """A decision of a body the user is a member of: which body, date and §. The bodies come
    as a list, so many forms on one page cost no query each."""

    organ = forms.ChoiceField(label="Beslutande organ")
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, help_text="t.ex. § 28")

    def __init__(self, *args: Any, organ: list[Organ], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._organ = {str(o.pk): o for o in organ}
        self.fields["organ"].choices = [(str(o.pk), o.namn) for o in organ]
        if len(organ) == 1:
            self.fields["organ"].initial = str(organ[0].pk)

    def clean_organ(self) -> Organ:
        return self._organ[self.cleaned_data["organ"]]


class GodkannandeForm(_Organbeslut):
    version = forms.IntegerField(widget=forms.HiddenInput)


class FortsattningForm(_Organbeslut):
    val = forms.ChoiceField(
        label="Beslut",
        widget=forms.RadioSelect,
        choices=[(v.value, v.label) for v in Fortsattningsbeslut.Val],
    )
    motivering = forms.CharField(label="Skäl", widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["val", "motivering", "organ", "datum", "paragraf"]
