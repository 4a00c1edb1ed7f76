"""The recommended path as a roadmap: numbered steps with level, weeks and hours, and its SVG picture.

Channel-neutral (`roadmap`) and the web widget's picture (`roadmap_svg`, `roadmap_data_url`); Slack and
Teams draw the same `Roadmap` in their own blocks. Plain Python, no Rasa.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Tuple
from xml.sax.saxutils import escape

from advisor.recommendation import Recommendation
from presentation.formats import per_week, span


@dataclass(frozen=True)
class RoadmapStep:
    """One numbered step as every channel shows it."""

    number: int
    code: str
    title: str
    level: str
    optional: bool
    weeks: str  # "≈ 16–27 weeks", or "" when unknown
    hours: str  # "60–100 h of study", or ""


@dataclass(frozen=True)
class Roadmap:
    """The recommendation reduced to what a picture of the path needs."""

    heading: str
    subheading: str
    steps: Tuple[RoadmapStep, ...]
    total: str



def roadmap(rec: Recommendation) -> Roadmap:
    """The roadmap of a recommendation: its steps in order, with level and estimated weeks."""
    steps = tuple(
        RoadmapStep(
            number=number, code=step.code, title=step.exam.title, level=step.exam.level, optional=step.optional,
            weeks=f"≈ {span(step.weeks, 'weeks')}" if step.weeks else "",
            hours=f"{span(step.study_hours, 'h')} of study" if step.study_hours else "",
        )
        for number, step in enumerate(rec.steps, start=1)
    )
    hours = rec.profile.weekly_hours
    subheading = f"as of {rec.today.isoformat()}" + (f" · at {per_week(hours)}" if hours else "")
    total = ""
    if rec.total_weeks:
        total = f"In total ≈ {span(rec.total_weeks, 'weeks')}"
        if rec.total_hours:
            total += f" ({span(rec.total_hours, 'hours')} of study)"
    elif rec.total_hours:
        total = f"In total about {span(rec.total_hours, 'hours')} of study"
    title = rec.track.title
    track_targets = {step.exam for step in rec.track.steps if step.kind == "target"}
    chosen = [step for step in rec.steps if step.kind == "target"]
    if chosen and not track_targets & {step.code for step in rec.steps}:
        title = chosen[0].exam.certification  # AI-300 chosen on the AI track: its own certification, not AI-103's
    if rec.profile.goal_scope == "fundamentals" and all(step.exam.level == "fundamentals" for step in rec.steps):
        title = "the overview (fundamentals)"  # "I just need the overview": no job track named
    return Roadmap(f"Your path: {title}", subheading, steps, total)


def roadmap_lines(rec: Recommendation) -> Tuple[str, ...]:
    """The roadmap as text, for channels without pictures or cards (REST, terminal):
    `1. AZ-104 Microsoft Azure Administrator: associate · ≈ 16–27 weeks · 60–100 h of study`."""
    road = roadmap(rec)
    lines = [f"{road.heading} ({road.subheading})"]
    for step in road.steps:
        optional = " (optional)" if step.optional else ""
        details = " · ".join(part for part in (step.level, step.weeks, step.hours) if part)
        lines.append(f"{step.number}. {step.code} {step.title}{optional}: {details}")
    if road.total:
        lines.append(f"{road.total}; estimates from public study reports, with practice-test weeks.")
    return tuple(lines)


# --- SVG (web widget) ----------------------------------------------------------------------------------------

LEVEL_COLOURS = {  # level -> (card fill, accent)
    "fundamentals": ("#e8f5e9", "#2e7d32"),
    "associate": ("#e3f2fd", "#1565c0"),
    "expert": ("#f3e5f5", "#6a1b9a"),
    "specialty": ("#fff3e0", "#e65100"),
}
DEFAULT_COLOURS = ("#eceff1", "#37474f")
SVG_WIDTH, HEADER_HEIGHT, ROW_HEIGHT, FOOTER_HEIGHT = 720, 78, 96, 44
FONT = "DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif"


def _x(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def roadmap_svg(rec: Recommendation) -> str:
    """The path as an SVG picture: numbered steps on a line, each with code, title, level and weeks."""
    road = roadmap(rec)
    height = HEADER_HEIGHT + ROW_HEIGHT * len(road.steps) + (FOOTER_HEIGHT if road.total else 12)
    label = "; ".join(f"{s.number}. {s.code} {s.title} ({s.level}) {s.weeks}".strip() for s in road.steps)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{height}" '
        f'viewBox="0 0 {SVG_WIDTH} {height}" role="img" aria-label="{_x(road.heading)}: {_x(label)}" '
        f'font-family="{FONT}">',
        f"<title>{_x(road.heading)}</title>",
        f'<rect width="{SVG_WIDTH}" height="{height}" rx="14" fill="#ffffff"/>',
        f'<text x="24" y="36" font-size="22" font-weight="bold" fill="#0b2850">{_x(road.heading)}</text>',
        f'<text x="24" y="60" font-size="14" fill="#546e7a">{_x(road.subheading)}</text>',
    ]
    if len(road.steps) > 1:
        top = HEADER_HEIGHT + ROW_HEIGHT // 2 - 6
        bottom = HEADER_HEIGHT + ROW_HEIGHT * (len(road.steps) - 1) + ROW_HEIGHT // 2 - 6
        out.append(f'<line x1="48" y1="{top}" x2="48" y2="{bottom}" stroke="#90a4ae" stroke-width="4" '
                   'stroke-dasharray="2 6" stroke-linecap="round"/>')
    for index, step in enumerate(road.steps):
        fill, accent = LEVEL_COLOURS.get(step.level.lower(), DEFAULT_COLOURS)
        y = HEADER_HEIGHT + ROW_HEIGHT * index
        centre = y + ROW_HEIGHT // 2 - 6
        details = " · ".join(part for part in (step.weeks, step.hours) if part)
        badge = step.level + (" · optional" if step.optional else "")
        badge_width = 16 + 8 * len(badge)
        out += [
            f'<g class="step" data-code="{_x(step.code)}">',
            f'<circle cx="48" cy="{centre}" r="20" fill="{accent}"/>',
            f'<text x="48" y="{centre + 7}" font-size="19" font-weight="bold" fill="#ffffff" '
            f'text-anchor="middle">{step.number}</text>',
            f'<rect x="84" y="{y + 4}" width="{SVG_WIDTH - 108}" height="{ROW_HEIGHT - 16}" rx="10" '
            f'fill="{fill}" stroke="{accent}" stroke-width="1.5"'
            + (' stroke-dasharray="6 4"' if step.optional else "") + "/>",
            f'<text x="104" y="{y + 32}" font-size="20" font-weight="bold" fill="{accent}">{_x(step.code)}</text>',
            f'<rect x="{SVG_WIDTH - 40 - badge_width}" y="{y + 14}" width="{badge_width}" height="24" rx="12" '
            f'fill="{accent}"/>',
            f'<text x="{SVG_WIDTH - 40 - badge_width / 2:g}" y="{y + 31}" font-size="13" fill="#ffffff" '
            f'text-anchor="middle">{_x(badge)}</text>',
            f'<text x="104" y="{y + 55}" font-size="15" fill="#1b2430">{_x(shorten(step.title, 64))}</text>',
            f'<text x="104" y="{y + 74}" font-size="13" fill="#455a64">{_x(details)}</text>',
            "</g>",
        ]
    if road.total:
        y = HEADER_HEIGHT + ROW_HEIGHT * len(road.steps) + 22
        out.append(f'<text x="24" y="{y}" font-size="15" font-weight="bold" fill="#0b2850">{_x(road.total)}</text>')
    out.append("</svg>")
    return "\n".join(out)


def roadmap_data_url(rec: Recommendation) -> str:
    """The SVG roadmap as a `data:` URL, for an image message."""
    return "data:image/svg+xml;base64," + base64.b64encode(roadmap_svg(rec).encode("utf-8")).decode("ascii")

