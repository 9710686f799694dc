"""What was measured when: topics against the ages at which a dataset collected them, as an SVG drawn
on the server (with a table carrying the same facts for screen readers and small screens)."""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# The most topics a chart shows as rows: the rest are in the table below it.
MOST_TOPICS = 30
ROW, LABEL_WIDTH, CELL, TOP = 26, 220, 30, 40
NO_TOPIC = "Other variables"


@dataclass
class Grid:
    ages: list[int]
    # (topic, {age: number of variables collected at that age})
    topics: list[tuple[str, dict[int, int]]]

    def __bool__(self) -> bool:
        return bool(self.ages)

    def rows(self) -> list[tuple[str, list[int]]]:
        """Each topic with its count at each age, for the table alternative."""
        return [(topic, [counts.get(age, 0) for age in self.ages]) for topic, counts in self.topics]


def grid_of(variables) -> Grid:
    """From (topic, theme name, ages text, number of variables) rows: each topic's counts by age. A
    variable without a topic is counted under its theme, else under “Other variables”."""
    from datasets.models import parse_ages

    counts: dict[str, dict[int, int]] = {}
    every_age: set[int] = set()
    for topic, theme_name, ages_text, number in variables:
        try:
            ages = parse_ages(ages_text)
        except ValueError:
            continue
        if not ages:
            continue
        row = counts.setdefault(topic or theme_name or NO_TOPIC, {})
        for age in ages:
            row[age] = row.get(age, 0) + number
        every_age.update(ages)
    return Grid(sorted(every_age), sorted(counts.items(), key=lambda item: item[0].casefold()))


def svg(grid: Grid, title_id: str = "measured-chart-title") -> SafeString:
    """A dot at each topic and age where something was collected; darker for more variables."""
    topics = grid.topics[:MOST_TOPICS]
    width = LABEL_WIDTH + CELL * len(grid.ages) + 10
    height = TOP + ROW * len(topics) + 10
    most = max((n for _, counts in topics for n in counts.values()), default=1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="measured-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{title_id}">',
        f'<title id="{title_id}">Topics measured at each age; the table below gives the same facts.</title>',
    ]
    for column, age in enumerate(grid.ages):
        x = LABEL_WIDTH + CELL * column + CELL // 2
        parts.append(f'<text x="{x}" y="{TOP - 12}" text-anchor="middle" class="axis">{age}</text>')
    parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{TOP - 12}" text-anchor="end" class="axis">Age</text>')
    for row, (topic, counts) in enumerate(topics):
        y = TOP + ROW * row + ROW // 2
        shown = topic if len(topic) <= 30 else topic[:29] + "…"
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + 4}" text-anchor="end">{escape(shown)}</text>')
        parts.append(
            f'<line x1="{LABEL_WIDTH}" x2="{width - 10}" y1="{y}" y2="{y}" class="grid-line"></line>'
        )
        for column, age in enumerate(grid.ages):
            count = counts.get(age, 0)
            if count:
                x = LABEL_WIDTH + CELL * column + CELL // 2
                radius = 5 + round(5 * count / most)
                parts.append(
                    f'<circle cx="{x}" cy="{y}" r="{radius}" class="measured"><title>{escape(topic)} at age '
                    f"{age}: {count} variable{'s' if count != 1 else ''}</title></circle>"
                )
    parts.append("</svg>")
    return mark_safe("".join(parts))
