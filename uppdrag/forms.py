"""Forms of the commission stage. Each lists its fields; the commission itself is a document
edited over days, so its forms use the core's VersionsForm (a stale save keeps the text)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Count, Exists, OuterRef, QuerySet

from natverken.forms import VersionsForm
from natverken.models import Omrade, Planeringsar, Utforare
from natverken.templatetags.natverken import tkr
from uppdrag.models import Avstaende, Mal, Milstolpe, Uppdrag, Uppfoljningsplan

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
UPPDRAGSFALT = [
    "titel",
    "insatstyp",
    "utforare",
    "huvudman",
    "samverkanspart",
    "langsiktigt_mal",
    "beskrivning",
    "budget_tkr",
    "start",
    "slut",
]
UPPDRAGSETIKETTER = {
    "titel": "Titel",
    "insatstyp": "Typ av insats",
    "utforare": "Utförare (mottagare)",
    "huvudman": "Inom egen organisation eller i samverkan",
    "samverkanspart": "Samverkanspart (annan huvudman)",
    "langsiktigt_mal": "Långsiktigt mål",
    "beskrivning": "Beskrivning",
    "budget_tkr": "Budget (tkr)",
    "start": "Startdatum",
    "slut": "Slutdatum",
}
UPPDRAGSWIDGETS = {
    "langsiktigt_mal": forms.Textarea(attrs={"rows": 3}),
    "beskrivning": forms.Textarea(attrs={"rows": 5}),
    "start": DATUM,
    "slut": DATUM,
    "huvudman": forms.RadioSelect,
}


class UppdragFilter(forms.Form):
    """The list's filters, all by GET so a filtered list can be linked to."""

    ar = forms.ChoiceField(label="Planeringsår (budgetår)", required=False)
    status = forms.ChoiceField(label="Status", required=False)
    insatstyp = forms.ChoiceField(label="Typ av insats", required=False)
    utforare = forms.ModelChoiceField(
        queryset=Utforare.objects.order_by("namn"),
        label="Utförare",
        required=False,
        empty_label="Alla utförare",
    )

    def __init__(
        self, *args: Any, alla_ar: list[Planeringsar], visa_utforare: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [("alla", "Alla år")] + [
            (str(p.ar), str(p.ar)) for p in alla_ar
        ]
        self.fields["status"].choices = [("", "Alla statusar"), *Uppdrag.Status.choices]
        self.fields["insatstyp"].choices = [("", "Alla typer"), *Uppdrag.Insatstyp.choices]
        if not visa_utforare:
            del self.fields["utforare"]


class PrioriteringsVal(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        resurs = obj.resurs_eller_none
        delar = [
            f"{obj.placering}. {obj.rubrik}",
            f"({obj.behovsgrupp.namn})",
            f"– fördelat {tkr(resurs.belopp_tkr)}" if resurs else "– ingen resursfördelning",
        ]
        if obj.antal_uppdrag:
            delar.append(f"– har redan {obj.antal_uppdrag} uppdrag")
        if getattr(obj, "har_avstaende", False):
            delar.append("– organet har beslutat att avstå från uppdrag")
        return " ".join(delar)


class NyttUppdragForm(forms.ModelForm):
    """A commission made from one or more decided priorities of one planning year."""

    objekt = PrioriteringsVal(
        queryset=None,
        label="Beslutade prioriteringar som uppdraget ska möta",
        widget=forms.CheckboxSelectMultiple,
        help_text="Målen ärvs från behovens hälsogap och budgeten från resursfördelningen.",
        error_messages={"required": "Välj minst ett beslutat behov som uppdraget ska möta."},
    )

    field_order = ["objekt"]  # the priorities first: they are what the commission is for

    class Meta:
        model = Uppdrag
        fields = [f for f in UPPDRAGSFALT if f != "budget_tkr"]
        labels = UPPDRAGSETIKETTER
        widgets = UPPDRAGSWIDGETS

    def __init__(self, *args: Any, objekt_qs: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["objekt"].queryset = (
            objekt_qs.select_related("behovsgrupp", "resursfordelning", "omgang__planeringsar")
            .annotate(
                antal_uppdrag=Count("uppdrag"),
                har_avstaende=Exists(Avstaende.objects.filter(objekt=OuterRef("pk"))),
            )
            .order_by("omgang__organ__namn", "placering")
        )
        self.fields["utforare"].empty_label = "Välj utförare"


class UppdragForm(VersionsForm):
    """The officials' edit of a draft (before the decision)."""

    class Meta:
        model = Uppdrag
        fields = UPPDRAGSFALT
        labels = UPPDRAGSETIKETTER
        widgets = UPPDRAGSWIDGETS


class NyVersionForm(UppdragForm):
    """An edit after the decision: the same fields plus a required reason."""

    class Meta(UppdragForm.Meta):
        fields = [*UPPDRAGSFALT, "andringsskal"]
        labels = {**UPPDRAGSETIKETTER, "andringsskal": "Skäl till ändringen"}
        widgets = {**UPPDRAGSWIDGETS, "andringsskal": forms.Textarea(attrs={"rows": 3})}

    field_order = ["andringsskal"]  # why, before what

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A new reason each time; the earlier ones are in the history.
        self.initial["andringsskal"] = ""
        self.fields["andringsskal"].required = True
        self.fields["andringsskal"].error_messages["required"] = (
            "Ange varför uppdraget ändras efter beslutet."
        )

    @property
    def andrade_falt(self) -> list[str]:
        return [f for f in self.changed_data if f not in {"andringsskal", "version"}]


class MalForm(VersionsForm):
    class Meta:
        model = Mal
        fields = [
            "beskrivning",
            "niva",
            "indikator",
            "omrade",
            "kon",
            "baslinje_varde",
            "baslinje_period",
            "malvarde",
            "maldatum",
            "jamlikhet_dimension",
            "jamlikhet_grupp_a",
            "jamlikhet_grupp_b",
            "jamlikhet_mal",
        ]
        labels = {
            "beskrivning": "Mål",
            "niva": "Nivå",
            "indikator": "Indikator",
            "omrade": "Område",
            "kon": "Kön",
            "baslinje_varde": "Baslinje (värde)",
            "baslinje_period": "Baslinjens period",
            "malvarde": "Målvärde",
            "maldatum": "Måldatum",
            "jamlikhet_dimension": "Jämlikhetsmål: uppdelning",
            "jamlikhet_grupp_a": "Jämlikhetsmål: grupp A",
            "jamlikhet_grupp_b": "Jämlikhetsmål: grupp B",
            "jamlikhet_mal": "Jämlikhetsmål: skillnaden ska som mest vara",
        }
        help_texts = {
            "niva": "Aktivitet (görs det?), resultat (nås målgruppen?) eller effekt (förändras hälsan?).",
            "baslinje_varde": "Lämna tomt för att hämta senaste värdet ur data.",
            "jamlikhet_dimension": "Valfritt, t.ex. Kön eller Utbildning.",
            "jamlikhet_grupp_a": "t.ex. Kvinnor",
            "jamlikhet_grupp_b": "t.ex. Män",
        }
        localized_fields = ["baslinje_varde", "malvarde", "jamlikhet_mal"]
        widgets = {"maldatum": DATUM}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["omrade"].queryset = Omrade.valbara()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("indikator"):
            if data.get("malvarde") is None:
                self.add_error("malvarde", "Ett mål på en indikator behöver ett målvärde.")
            if data.get("maldatum") is None:
                self.add_error("maldatum", "Ett mål på en indikator behöver ett måldatum.")
            if data.get("omrade") is None:
                self.add_error("omrade", "Ange vilket område indikatorn mäts i.")
        jamlikhet = [
            data.get(f) for f in ("jamlikhet_dimension", "jamlikhet_grupp_a", "jamlikhet_grupp_b")
        ]
        nagot = any(jamlikhet) or data.get("jamlikhet_mal") is not None
        if nagot and (not all(jamlikhet) or data.get("jamlikhet_mal") is None):
            self.add_error(
                "jamlikhet_mal",
                "Ett jämlikhetsmål behöver uppdelning, båda grupperna och den största "
                "skillnad som ska gälla.",
            )
        return data


class MalVersionForm(forms.ModelForm):
    """What can change in a goal as part of a new version: the target, not the indicator."""

    class Meta:
        model = Mal
        fields = ["beskrivning", "malvarde", "maldatum", "jamlikhet_mal"]
        labels = {
            "beskrivning": "Mål",
            "malvarde": "Målvärde",
            "maldatum": "Måldatum",
            "jamlikhet_mal": "Jämlikhetsmål: största skillnad",
        }
        localized_fields = ["malvarde", "jamlikhet_mal"]
        widgets = {"maldatum": DATUM}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.jamlikhet_dimension:
            del self.fields["jamlikhet_mal"]  # no equity goal to change

    def clean(self) -> dict:
        data = super().clean()
        if self.instance.indikator_id and (
            data.get("malvarde") is None or data.get("maldatum") is None
        ):
            self.add_error("malvarde", "Ett mål på en indikator behöver målvärde och måldatum.")
        return data


MalVersionFormset = forms.modelformset_factory(Mal, form=MalVersionForm, extra=0, can_delete=False)


class MilstolpeForm(forms.ModelForm):
    class Meta:
        model = Milstolpe
        fields = ["datum", "beskrivning"]
        labels = {"datum": "Datum", "beskrivning": "Vad ska vara klart"}
        widgets = {"datum": DATUM}


class UppfoljningsplanForm(VersionsForm):
    class Meta:
        model = Uppfoljningsplan
        fields = ["mal", "frekvens", "rapportor", "klart_nar"]
        labels = {
            "mal": "Mål som följs upp",
            "frekvens": "Hur ofta utföraren rapporterar",
            "rapportor": "Vem rapporterar",
            "klart_nar": "Vad räknas som klart",
        }
        help_texts = {"rapportor": "t.ex. Verksamhetschef, Primärvården"}
        widgets = {
            "mal": forms.CheckboxSelectMultiple,
            "klart_nar": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, uppdrag: Uppdrag, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mal"].queryset = uppdrag.mal.order_by("pk")
        self.fields["mal"].error_messages["required"] = "Välj minst ett mål som ska följas upp."


class KommentarForm(forms.Form):
    text = forms.CharField(
        label="Din kommentar",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        error_messages={"required": "Skriv en kommentar."},
    )


class BeslutForm(forms.Form):
    """A förtroendevald records the body's decision on a commission."""

    organ = forms.ModelChoiceField(queryset=None, label="Beslutande organ", empty_label=None)
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, help_text="t.ex. § 97")

    def __init__(self, *args: Any, organ_qs: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organ"].queryset = organ_qs


class AvstaendeForm(forms.Form):
    """The decision not to commission a need. Officials write the reason; a förtroendevald
    member may attach the body's decision (organ, date, §)."""

    motivering = forms.CharField(
        label="Skäl att inte ge något uppdrag",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Skriv skälet till att behovet inte får något uppdrag."},
    )
    organ = forms.ModelChoiceField(
        queryset=None, label="Beslutande organ", required=False, empty_label="Inget beslut ännu"
    )
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM, required=False)
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, required=False)

    def __init__(self, *args: Any, organ_qs: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organ_qs is None or not organ_qs.exists():
            for namn in ("organ", "datum", "paragraf"):
                del self.fields[namn]
        else:
            self.fields["organ"].queryset = organ_qs

    def clean(self) -> dict:
        data = super().clean()
        if data.get("organ") and (not data.get("datum") or not data.get("paragraf")):
            self.add_error("paragraf", "Ange både beslutsdatum och paragraf för organets beslut.")
        return data
