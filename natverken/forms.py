"""Form pieces shared by every app."""

from __future__ import annotations

from typing import Any

from django import forms

from natverken.models import Fas, SamtidigAndring


class VersionsForm(forms.ModelForm):
    """ModelForm for a `Versionerad` model: carries the version the user opened, and turns
    a stale save into a form error so the user's input is kept on the re-rendered page."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # 0: opened before the document existed, so a save finding it made meanwhile by
        # someone else is refused rather than overwriting it.
        self.fields["version"].initial = self.instance.version if self.instance.pk else 0

    def _post_clean(self) -> None:
        super()._post_clean()
        self.instance._forvantad_version = self.cleaned_data.get("version")

    def spara(self, **kwargs: Any) -> Any | None:
        """Save, or add the concurrency message to the form and return None."""
        try:
            return self.save(**kwargs)
        except SamtidigAndring as fel:
            self.add_error(None, str(fel))
            return None


class FasForm(VersionsForm):
    class Meta:
        model = Fas
        fields = ["namn", "beskrivning", "start", "slut", "ansvarig_roll"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "slut": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class BudgetbeslutForm(forms.Form):
    organ = forms.ModelChoiceField(queryset=None, label="Fullmäktige")
    datum = forms.DateField(label="Beslutsdatum", widget=forms.DateInput(attrs={"type": "date"}))
    paragraf = forms.CharField(label="Protokollsparagraf", max_length=20, help_text="t.ex. § 112")
    text = forms.CharField(
        label="Beslutstext",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kort: vad fullmäktige beslutade (ram, verksamhetsplan).",
    )

    def __init__(self, *args: Any, organ_qs: Any, ar: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organ"].queryset = organ_qs
        self.fields["organ"].initial = organ_qs.first()
        self.ar = ar

    def clean_datum(self) -> Any:
        datum = self.cleaned_data["datum"]
        if datum.year not in (self.ar - 1, self.ar):
            raise forms.ValidationError(
                f"Budgeten för {self.ar} beslutas normalt under {self.ar - 1}; kontrollera datumet."
            )
        return datum
