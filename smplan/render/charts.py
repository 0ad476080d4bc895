"""Small inline SVG charts drawn from a plan's figures, with every text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: The fonts chart text asks for: the bundled face first, then common fallbacks.
FONT_FAMILY = "'smplan Sans', 'DejaVu Sans', Verdana, sans-serif"


def trend_chart(
    points: Sequence[tuple[float, float]],
    plan_line: tuple[tuple[float, float], tuple[float, float]] | None,
    *,
    title: str,
    color: str = "#1f4e79",
    legend: tuple[str, str] | None = None,
) -> Any:
    """A small line chart of a metric's figures, as safe markup.

    `points` are (x, value) pairs, x running from 0 (the start of the span) to 1 (the
    period); `plan_line` is the planned path between two such points, drawn dashed.
    `legend` names the two lines (the figures, the planned pace) under the chart.
    """
    from markupsafe import Markup, escape

    width, height, pad = 150, 44, 5
    below = 12 if legend else 0
    values = [v for _, v in points] + ([v for _, v in plan_line] if plan_line else [])
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if high == low:
        low, high = low - 1, high + 1

    def xy(x: float, v: float) -> str:
        px = pad + x * (width - 2 * pad)
        py = height - pad - (v - low) / (high - low) * (height - 2 * pad)
        return f"{px:.1f},{py:.1f}"

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" width="{width}" '
        f'height="{height + below}" viewBox="0 0 {width} {height + below}" role="img">',
        f"<title>{escape(title)}</title>",
    ]
    if legend:
        y = height + below - 3
        parts.append(
            f'<line x1="{pad}" y1="{y - 3}" x2="{pad + 12}" y2="{y - 3}" stroke="{color}" '
            f'stroke-width="1.6"/><text x="{pad + 15}" y="{y}" font-size="7" fill="#444444">'
            f"{escape(legend[0])}</text>"
            f'<line x1="{width // 2}" y1="{y - 3}" x2="{width // 2 + 12}" y2="{y - 3}" '
            'stroke="#888888" stroke-width="1" stroke-dasharray="3,2"/>'
            f'<text x="{width // 2 + 15}" y="{y}" font-size="7" fill="#444444">'
            f"{escape(legend[1])}</text>"
        )
    if plan_line:
        (x0, v0), (x1, v1) = plan_line
        a, b = xy(x0, v0).split(","), xy(x1, v1).split(",")
        parts.append(
            f'<line x1="{a[0]}" y1="{a[1]}" x2="{b[0]}" y2="{b[1]}" stroke="#888888" '
            'stroke-width="1" stroke-dasharray="3,2"/>'
        )
    if len(points) > 1:
        line = " ".join(xy(x, v) for x, v in points)
        parts.append(f'<polyline points="{line}" fill="none" stroke="{color}" stroke-width="1.6"/>')
    for x, v in points:
        cx, cy = xy(x, v).split(",")
        parts.append(f'<circle cx="{cx}" cy="{cy}" r="2.2" fill="{color}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


_SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float]) -> str:
    """The figures as a line of block characters, for text formats: ▂▄▇."""
    if len(values) < 2:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[3] * len(values)
    return "".join(_SPARKS[round((v - low) / (high - low) * (len(_SPARKS) - 1))] for v in values)
