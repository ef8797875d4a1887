"""Helpers for tests that post forms the way a browser would: a form's own initial values as
POST data (what the user sees filled in), with some fields changed."""

from __future__ import annotations

from typing import Any

from django import forms


def postdata(form: forms.BaseForm, **andrat: Any) -> dict[str, Any]:
    """The form as the page shows it, as POST data, with `andrat` (field names without the
    form's prefix) typed over it. A checkbox that isn't ticked is left out, as browsers do."""
    data: dict[str, Any] = {}
    for namn, falt in form.fields.items():
        text = _som_text(falt, form[namn].value())
        if text is not None:
            data[form.add_prefix(namn)] = text
    for namn, varde in andrat.items():
        data[form.add_prefix(namn)] = varde
    return data


def _som_text(falt: forms.Field, varde: Any) -> Any:
    widget = falt.widget
    if isinstance(widget, forms.NullBooleanSelect):
        return {True: "true", False: "false"}.get(varde, "unknown")
    if isinstance(widget, forms.CheckboxInput):
        return "on" if varde else None
    if isinstance(varde, list | tuple):
        return [str(v) for v in varde]
    if varde is None:
        return ""
    return widget.format_value(varde) or ""
