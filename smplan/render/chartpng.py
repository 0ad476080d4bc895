"""smplan's charts as PNG pictures, for Word readers that cannot draw SVG.

A Word file holds each chart as SVG and, beside it, a PNG picture that Word before 2016
and other readers show instead. The charts are smplan's own (`smplan.render.charts`),
drawn with a handful of SVG elements: rectangles, lines, polylines, circles and text.
They are painted here with Pillow (which the PDF engine installs) in the bundled
DejaVu Sans; an SVG with anything else gets no PNG, and readers show its SVG alone.
"""

from __future__ import annotations

import io
import re
from typing import Any

from smplan.render.formats import builtin_templates

#: How many pixels a PNG has for each unit of the SVG: sharp when printed.
SCALE = 3
_SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


class _Unsupported(Exception):
    """The SVG uses something the painter does not draw."""


def _number(value: str | None, default: float = 0.0) -> float:
    if value is None:
        return default
    found = _NUMBER.match(value.strip())
    if found is None:
        raise _Unsupported(value)
    return float(found.group(0))


def _colour(value: str | None) -> str | None:
    if value is None or value == "none":
        return None
    if re.fullmatch(r"#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}", value):
        return value
    raise _Unsupported(value)


def svg_to_png(svg: bytes) -> bytes | None:
    """The chart as a PNG, or None when the SVG is not one the painter can draw."""
    try:
        return _paint(svg)
    except (_Unsupported, ValueError, SyntaxError, OSError):
        return None


def _paint(svg: bytes) -> bytes:
    from xml.etree import ElementTree

    from PIL import Image, ImageDraw, ImageFont

    if b"<!DOCTYPE" in svg or b"<!ENTITY" in svg:
        raise _Unsupported("declarations")
    root = ElementTree.fromstring(svg)
    if root.tag != f"{_SVG}svg":
        raise _Unsupported(root.tag)
    width, height = _number(root.get("width")), _number(root.get("height"))
    if not 0 < width <= 4000 or not 0 < height <= 4000:
        raise _Unsupported("size")
    image = Image.new("RGB", (round(width * SCALE), round(height * SCALE)), "#ffffff")
    draw = ImageDraw.Draw(image)
    size = _number(root.get("font-size"), 10.0)
    face = str(builtin_templates() / "fonts" / "DejaVuSans.ttf")
    fonts: dict[float, Any] = {}

    def font(points: float) -> Any:
        if points not in fonts:
            fonts[points] = ImageFont.truetype(face, round(points * SCALE))
        return fonts[points]

    def at(*values: float) -> list[float]:
        return [v * SCALE for v in values]

    for element in root.iter():
        tag = element.tag.removeprefix(_SVG)
        get = element.get
        if tag in ("svg", "title", "desc"):
            continue
        if tag == "rect":
            x, y = _number(get("x")), _number(get("y"))
            w, h = _number(get("width")), _number(get("height"))
            fill = _colour(get("fill", "#000000"))
            if fill and w > 0 and h > 0:
                draw.rectangle(at(x, y, x + w, y + h), fill=fill)
        elif tag == "line":
            points = at(
                _number(get("x1")), _number(get("y1")), _number(get("x2")), _number(get("y2"))
            )
            stroke = _colour(get("stroke"))
            thick = max(1, round(_number(get("stroke-width"), 1) * SCALE))
            if stroke:
                dashes = [_number(d) for d in (get("stroke-dasharray") or "").split(",") if d]
                _line(draw, points, stroke, thick, dashes)
        elif tag == "polyline":
            numbers = [float(n) for n in _NUMBER.findall(get("points", ""))]
            stroke = _colour(get("stroke"))
            thick = max(1, round(_number(get("stroke-width"), 1) * SCALE))
            if stroke and len(numbers) >= 4:
                draw.line(at(*numbers), fill=stroke, width=thick, joint="curve")
        elif tag == "circle":
            cx, cy, r = _number(get("cx")), _number(get("cy")), _number(get("r"))
            fill = _colour(get("fill", "#000000"))
            if fill:
                draw.ellipse(at(cx - r, cy - r, cx + r, cy + r), fill=fill)
        elif tag == "text":
            anchor = {"end": "rs", "middle": "ms"}.get(get("text-anchor", ""), "ls")
            fill = _colour(get("fill", "#000000")) or "#000000"
            points_size = _number(get("font-size"), size)
            draw.text(
                (_number(get("x")) * SCALE, _number(get("y")) * SCALE),
                "".join(element.itertext()),
                fill=fill,
                font=font(points_size),
                anchor=anchor,
            )
        else:
            raise _Unsupported(tag)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _line(draw: Any, points: list[float], colour: str, width: int, dashes: list[float]) -> None:
    """A straight line, dashed when `dashes` gives the lengths of its dashes and gaps."""
    x1, y1, x2, y2 = points
    if not dashes:
        draw.line(points, fill=colour, width=width)
        return
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    if length == 0:
        return
    steps = [d * SCALE for d in dashes] * (1 if len(dashes) % 2 == 0 else 2)
    done, n = 0.0, 0
    while done < length:
        step = max(steps[n % len(steps)], 1.0)
        end = min(done + step, length)
        if n % 2 == 0:
            a, b = done / length, end / length
            draw.line(
                [x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b],
                fill=colour,
                width=width,
            )
        done, n = end, n + 1
