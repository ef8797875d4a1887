"""Helpers for tests that post forms the way a browser would: a form's own initial values as
POST data (what the user sees filled in), with some fields changed."""

from __future__ import annotations

from html.parser import HTMLParser
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


class _Formularlasare(HTMLParser):
    """Collects what a browser would submit from the POST form whose action is `action`."""

    def __init__(self, action: str, sida: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action, self.sida = action, sida
        self.inne = False
        self.hittad = False
        self.data: dict[str, list[str]] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._forsta_option: str | None = None
        self._vald = False

    def _lagg(self, namn: str, varde: str) -> None:
        self.data.setdefault(namn, []).append(varde)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            action = a.get("action", "") or self.sida
            self.inne = a.get("method", "").lower() == "post" and action == self.action
            self.hittad |= self.inne
            return
        if not self.inne:
            return
        namn = a.get("name")
        if tag == "input" and namn and "disabled" not in a:
            typ = a.get("type", "text").lower()
            if typ in {"submit", "button", "image", "reset", "file"}:
                return
            if typ in {"checkbox", "radio"}:
                if "checked" in a:
                    self._lagg(namn, a.get("value", "on"))
                return
            self._lagg(namn, a.get("value", ""))
        elif tag == "textarea" and namn:
            self._textarea = namn
            self.data.setdefault(namn, []).append("")
        elif tag == "select" and namn:
            self._select, self._forsta_option, self._vald = namn, None, False
        elif tag == "option" and self._select:
            if self._forsta_option is None:
                self._forsta_option = a.get("value", "")
            if "selected" in a:
                self._lagg(self._select, a.get("value", ""))
                self._vald = True

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inne = False
        elif tag == "textarea" and self._textarea:
            # A textarea's first newline is not part of its value (an HTML parsing rule).
            varden = self.data[self._textarea]
            varden[-1] = varden[-1].removeprefix("\r").removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select:
            if not self._vald and self._forsta_option is not None:
                self._lagg(self._select, self._forsta_option)
            self._select = None


def las_formular(html: str, action: str, sida: str = "") -> dict[str, Any]:
    """The fields of the page's POST form to `action` (a form without an action posts to the
    page itself, `sida`), as the browser would send them without the button."""
    lasare = _Formularlasare(action, sida)
    lasare.feed(html)
    assert lasare.hittad, f"Sidan har inget formulär som skickas till {action}."
    return {namn: v[0] if len(v) == 1 else v for namn, v in lasare.data.items()}
