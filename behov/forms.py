"""Forms of the needs stage. Each lists its fields; documents edited over days use the core's
VersionsForm so a stale save is refused and the user's text kept."""

from __future__ import annotations

from django import forms

from behov.models import Behovsanalys, Behovsgrupp, Datakalla, Dialog, Halsogap, Indikator
from natverken.forms import VersionsForm
from natverken.models import Omrade


class IndikatorForm(forms.ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "kod",
            "namn",
            "definition",
            "enhet",
            "decimaler",
            "polaritet",
            "kalla",
            "kallreferens",
            "kanda_brister",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "kanda_brister": forms.Textarea(attrs={"rows": 3}),
        }


class IndikatorFilter(forms.Form):
    q = forms.CharField(label="Sök", required=False)
    kalla = forms.ChoiceField(label="Källa", required=False)
    polaritet = forms.ChoiceField(label="Riktning", required=False)
    min_region = forms.BooleanField(label="Bara med data för min region", required=False)

    def __init__(self, *args, kallor: list[str], **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["kalla"].choices = [("", "Alla källor")] + [(k, k) for k in kallor]
        from behov.models import Polaritet

        self.fields["polaritet"].choices = [("", "Alla riktningar"), *Polaritet.choices]


class BehovsgruppForm(forms.ModelForm):
    class Meta:
        model = Behovsgrupp
        fields = [
            "namn",
            "slag",
            "beskrivning",
            "alder_fran",
            "alder_till",
            "kon",
            "omrade",
            "kriterier",
            "uppskattat_antal",
        ]
        widgets = {
            "beskrivning": forms.Textarea(attrs={"rows": 3}),
            "kriterier": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["omrade"].queryset = Omrade.valbara()

    def clean(self) -> dict:
        data = super().clean()
        fran, till = data.get("alder_fran"), data.get("alder_till")
        if fran is not None and till is not None and fran > till:
            self.add_error("alder_till", "Åldern ”till” kan inte vara lägre än ”från”.")
        return data


class AnalysForm(VersionsForm):
    class Meta:
        model = Behovsanalys
        fields = ["halsolage", "slutsats"]
        widgets = {
            "halsolage": forms.Textarea(attrs={"rows": 8}),
            "slutsats": forms.Textarea(attrs={"rows": 5}),
        }


class NyAnalysForm(forms.Form):
    behovsgrupp = forms.ModelChoiceField(
        Behovsgrupp.objects.filter(arkiverad=False), label="Behovsgrupp"
    )


class AteroppnaForm(forms.Form):
    skal = forms.CharField(
        label="Skäl till att analysen öppnas igen", widget=forms.Textarea(attrs={"rows": 3})
    )


class HalsogapForm(VersionsForm):
    """What officials write about a gap: the proposal, the optimal value, the care need."""

    class Meta:
        model = Halsogap
        fields = [
            "indikator",
            "omrade",
            "kon",
            "foreslaget_mal",
            "foreslaget_malar",
            "optimalt_varde",
            "ar_vardbehov",
            "vardbehov_motivering",
        ]
        labels = {"omrade": "Område", "indikator": "Indikator"}
        # Swedish decimal comma: a text field that reads "7,5" (a number input would not).
        localized_fields = ["foreslaget_mal", "optimalt_varde"]
        widgets = {
            "vardbehov_motivering": forms.Textarea(attrs={"rows": 3}),
            "ar_vardbehov": forms.NullBooleanSelect,
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["omrade"].queryset = Omrade.valbara()
        self.fields["ar_vardbehov"].widget.choices = [
            ("unknown", "Ej bedömt"),
            ("true", "Ja"),
            ("false", "Nej"),
        ]


class MalbeslutForm(forms.Form):
    """A förtroendevald records the body's decision on a gap's target."""

    beslutat_mal = forms.FloatField(label="Beslutat målvärde", localize=True)
    beslutat_malar = forms.IntegerField(label="Beslutat målår", min_value=2000, max_value=2100)
    organ = forms.ModelChoiceField(queryset=None, label="Beslutande organ")
    datum = forms.DateField(label="Beslutsdatum", widget=forms.DateInput(attrs={"type": "date"}))
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, help_text="t.ex. § 45")

    def __init__(self, *args, organ_qs, **kwargs) -> None:  # noqa: ANN001, ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.fields["organ"].queryset = organ_qs


class DatakallaForm(forms.ModelForm):
    class Meta:
        model = Datakalla
        fields = ["slag", "beskrivning", "brister"]
        widgets = {
            "beskrivning": forms.Textarea(attrs={"rows": 2}),
            "brister": forms.Textarea(attrs={"rows": 2}),
        }


class DialogForm(forms.ModelForm):
    class Meta:
        model = Dialog
        fields = [
            "datum",
            "med_vilka",
            "metod",
            "antal_deltagare",
            "svarnadda_nadda",
            "sammanfattning",
        ]
        widgets = {
            "datum": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "sammanfattning": forms.Textarea(attrs={"rows": 3}),
            "svarnadda_nadda": forms.NullBooleanSelect,
        }
