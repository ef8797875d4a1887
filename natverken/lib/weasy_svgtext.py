"""Faster SVG text in WeasyPrint: a text run without per-character positions is shaped and
drawn as one piece instead of one code point at a time.

WeasyPrint (up to at least 70) lays out and draws every character of an SVG `<text>`
separately, because SVG allows each glyph its own x, y, dx, dy and rotate
(Kozea/WeasyPrint#2249, open; the fix proposed in #2754 was not merged). A chart has
~120 characters of labels, so that was about half of the time WeasyPrint spent on a chart.
Chart labels never position single glyphs: for a run with at most one x and one y and no
dx, dy, rotate, letter-spacing or textLength, we do what #2249 suggests and shape the whole
run once (which also keeps kerning and ligatures). Anything else goes to WeasyPrint's own
function, unchanged.

`installera()` is idempotent and thread-safe, and does nothing on a WeasyPrint major version
it was not tested with or whose internals are not the ones this was written against; a run
whose fast layout fails at draw time goes to WeasyPrint's own function. Either way SVG text
is then only slower, never missing."""

from __future__ import annotations

import logging
import threading
from math import inf

logger = logging.getLogger(__name__)

_installerad = False
_las = threading.Lock()
# Written against and tested with these WeasyPrint major versions.
PROVADE_VERSIONER = {"70"}


def _enkel_textkorning(node) -> bool:
    if not node.text:
        return False
    a = node.attrib
    if any(n in a for n in ("dx", "dy", "rotate", "letter-spacing", "textLength")):
        return False
    if a.get("direction", "ltr") != "ltr":
        return False
    return all(len(a.get(n, "").replace(",", " ").split()) <= 1 for n in ("x", "y"))


def _gor_text(original):
    from weasyprint.css.properties import INITIAL_VALUES
    from weasyprint.draw.text import draw_emojis, draw_first_line
    from weasyprint.matrix import Matrix
    from weasyprint.svg.bounding_box import extend_bounding_box
    from weasyprint.svg.text import Style, TextBox
    from weasyprint.svg.utils import normalize, size
    from weasyprint.text.line_break import split_first_line

    def text(svg, node, font_size):
        if not _enkel_textkorning(node):
            return original(svg, node, font_size)
        try:
            return _snabb(svg, node, font_size)
        except Exception:  # noqa: BLE001 - any surprise in WeasyPrint's internals
            logger.exception("Snabb SVG-text misslyckades; WeasyPrints egen funktion används")
            return original(svg, node, font_size)

    def _snabb(svg, node, font_size):
        # The same style as WeasyPrint's own function builds (svg/text.py).
        style = Style()
        style.update(INITIAL_VALUES)
        style.font_config = svg.font_config
        style["font_family"] = [
            f.strip("\"' ") for f in node.get("font-family", "sans-serif").split(",")
        ]
        style["font_style"] = node.get("font-style", "normal")
        vikt = node.get("font-weight", 400)
        vikt = {"normal": 400, "bold": 700}.get(vikt, vikt)
        try:
            style["font_weight"] = int(vikt)
        except ValueError:
            style["font_weight"] = 400
        style["font_size"] = font_size

        layout, _, _, width, height, baseline = split_first_line(
            node.text, style, svg.context, inf, 0
        )
        x = y = None
        if "x" in node.attrib:
            x = size(normalize(node.attrib["x"]).strip(), font_size, svg.inner_width)
            svg.cursor_d_position[0] = 0
        if "y" in node.attrib:
            y = size(normalize(node.attrib["y"]).strip(), font_size, svg.inner_height)
            svg.cursor_d_position[1] = 0
        x = svg.cursor_position[0] if x is None else x
        y = svg.cursor_position[1] if y is None else y
        svg.cursor_position = x + width, y

        ascent, descent = font_size * 0.8, font_size * 0.2
        y_align = 0
        display_anchor = node.get("display-anchor")
        baslinje = node.get("dominant-baseline", node.get("alignment-baseline"))
        if display_anchor == "middle":
            y_align = -height / 2
        elif display_anchor == "bottom":
            y_align = -height
        elif display_anchor != "top":
            if baslinje in ("central", "middle"):
                y_align = (ascent + descent) / 2 - descent
            elif baslinje in ("text-before-edge", "before_edge", "top", "hanging", "text-top"):
                y_align = ascent
            elif baslinje in ("text-after-edge", "after_edge", "bottom", "text-bottom"):
                y_align = -descent

        x_position = x + svg.cursor_d_position[0]
        y_position = y + svg.cursor_d_position[1] + y_align
        node.text_bounding_box = extend_bounding_box(
            node.text_bounding_box,
            (
                (x_position, y_position - baseline),
                (x_position + width, y_position - baseline + height),
            ),
        )

        svg.stream.push_state()
        fill, stroke = svg.set_graphical_state(node, font_size)
        svg.stream.begin_text()
        layout.reactivate(style)
        svg.fill_stroke(fill, stroke, text=True)
        text_box = TextBox(layout, style)
        text_box.baseline = baseline
        emojis = draw_first_line(
            svg.stream, text_box, "none", "none", Matrix(a=1, d=-1, e=x_position, f=y_position)
        )
        svg.stream.end_text()
        svg.stream.pop_state()
        draw_emojis(svg.stream, style, x, y, emojis)

    text.weasy_original = original
    return text


def installera() -> bool:
    """Put the one-piece text function in WeasyPrint's SVG drawer; True when it is in."""
    with _las:
        return _installera()


def _installera() -> bool:
    global _installerad
    if _installerad:
        return True
    try:
        import weasyprint
        import weasyprint.svg as svgmodul

        version = weasyprint.__version__.split(".")[0]
        if version not in PROVADE_VERSIONER:
            raise LookupError(f"WeasyPrint {weasyprint.__version__} är inte prövad")

        original = svgmodul.text
        if not callable(original) or svgmodul.TAGS.get("text") is not original:
            raise LookupError("weasyprint.svg.TAGS['text'] är inte svg.text.text")
        ny = _gor_text(original)
    except (ImportError, AttributeError, LookupError) as fel:
        logger.warning("SVG-text i WeasyPrint ritas tecken för tecken (%s)", fel)
        return False
    # draw_node compares TAGS[tag] with the module's `text` to find text nodes: both change.
    for tagg, funktion in list(svgmodul.TAGS.items()):
        if funktion is original:
            svgmodul.TAGS[tagg] = ny
    svgmodul.text = ny
    _installerad = True
    return True
