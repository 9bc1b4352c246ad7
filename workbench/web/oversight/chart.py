"""The monthly share decided within three months as a bar chart, drawn on the server as SVG (no script, no
external resource). The template (``templates/oversight/processing_time.html``) draws what this computes; the
same figures are in the table beside it, and the chart's ``<desc>`` says them in words."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from workbench.services.oversight import MONTH_ABBREVIATIONS, MONTH_NAMES, TARGET_SHARE, Figures, decimal_comma

WIDTH = 480
HEIGHT = 260
LEFT = 48  # room for the axis labels
TOP = 12
BOTTOM = 36  # room for the month labels
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
SLOT = (WIDTH - LEFT - 8) / 12


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    width: float
    label_x: float
    month: str  # «jan»
    text: str  # «87,5 %» or «ingen»
    below_target: bool


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # (y, «50 %»)
    target_y: float
    description: str


def percent(share: Fraction | None) -> str:
    """«87,5 %» (one decimal, decimal comma), «–» for no figure."""
    return "–" if share is None else f"{decimal_comma(share * 100)} %"


def _y(share: Fraction | float) -> float:
    return TOP + PLOT_HEIGHT * (1 - float(share))


def chart(months: list[Figures]) -> Chart:
    bars = []
    words = []
    for f in months:
        share = f.share_within
        x = LEFT + (f.month or 1) * SLOT - SLOT + SLOT * 0.15
        height = 0.0 if share is None else PLOT_HEIGHT * float(share)
        label = MONTH_ABBREVIATIONS[(f.month or 1) - 1]
        bars.append(Bar(round(x, 1), round(TOP + PLOT_HEIGHT - height, 1), round(height, 1), round(SLOT * 0.7, 1),
                        round(x + SLOT * 0.35, 1), label, "ingen" if share is None else percent(share),
                        share is not None and share < TARGET_SHARE))
        words.append(f"{MONTH_NAMES[(f.month or 1) - 1]}: "
                     + ("ingen avgjorte saker med mottaksdato" if share is None else percent(share)))
    ticks = [(round(_y(Fraction(p, 100)), 1), f"{p} %") for p in (0, 25, 50, 75, 100)]
    target = f"Målet er minst {percent(TARGET_SHARE)} innen tre måneder."
    return Chart(bars, ticks, round(_y(TARGET_SHARE), 1), f"{target} " + "; ".join(words) + ".")
