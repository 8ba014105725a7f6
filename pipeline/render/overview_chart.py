"""The overview's timeline chart: upcoming deadlines per month, stacked by addressee group.

Drawn with matplotlib's Agg backend (no display needed) and returned as PNG bytes.
"""

from __future__ import annotations

import io

from pipeline.common.errors import PipelineError
from pipeline.render.overview import GROUPS, Overview

# Colour-blind-safe colours (Okabe-Ito), one per addressee group.
COLOURS = dict(zip(GROUPS, ("#0072B2", "#E69F00", "#009E73", "#999999"), strict=True))
MIN_SLOTS = 6
INSTALL_HINT = "install the overview extra: pip install 'recwatch[overview]'"


def timeline_png(overview: Overview) -> bytes | None:
    """Return the deadline timeline as a PNG, or None when no deadline is upcoming."""
    if not overview.timeline:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:
        raise PipelineError(f"the deadline chart needs matplotlib ({exc})", INSTALL_HINT) from exc

    months = [m.month.strftime("%b %Y") for m in overview.timeline]
    positions = list(range(len(months)))
    figure, axes = plt.subplots(figsize=(8, 4), dpi=100, layout="constrained")
    try:
        bottoms = [0] * len(months)
        for index, group in enumerate(GROUPS):
            heights = [m.counts[index] for m in overview.timeline]
            if not any(heights) and group == "other":
                continue
            axes.bar(
                positions, heights, bottom=bottoms, label=group, color=COLOURS[group], width=0.7
            )
            bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
        axes.set_xticks(positions, months, rotation=45, ha="right")
        # Room for at least MIN_SLOTS months, so one or two months draw bars, not a wall.
        axes.set_xlim(-0.5, max(len(months), MIN_SLOTS) - 0.5)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("deadlines")
        today = overview.period.today
        axes.set_title(f"Upcoming deadlines by month (from {today.day} {today:%B %Y})")
        figure.legend(frameon=False, ncols=4, loc="outside lower center")
        axes.spines[["top", "right"]].set_visible(False)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
    finally:
        plt.close(figure)
    return buffer.getvalue()
