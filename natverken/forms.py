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
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

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
