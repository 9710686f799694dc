"""The coverage map and the gaps page's chart, drawn as SVG on the server.

No script, font or map tile is fetched: the shapes are squares and bars, the text is the
page's own font. Every text is escaped by format_html, so an area or theme called
“<script>” stays text. Each picture is followed on the page by a table of the same numbers.
"""

from collections.abc import Callable, Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from areas.models import Area

from .counts import Coverage, ThemeBalance
from .scale import INK, OUTLINE, ColourClass, class_for

# The map's grid: a tile and the space it takes with the gap around it, in SVG units.
TILE = 40
STEP = 44
MARGIN = 8
# The space between regions, so that each reads as one block.
GUTTER = 14
# Where each region's tiles are shifted to leave the gutter (the North West stays put).
REGION_SHIFT = {
    Area.Region.NORTH_WEST: (0, 0),
    Area.Region.NORTH_EAST: (GUTTER, 0),
    Area.Region.YORKSHIRE_AND_THE_HUMBER: (GUTTER, GUTTER),
}
# Where the region names are written, in grid places that no tile uses.
REGION_LABELS = [
    ("North West", 0, 0, Area.Region.NORTH_WEST),
    ("North East", 8, 1, Area.Region.NORTH_EAST),
    ("Yorkshire and The Humber", 6, 9, Area.Region.YORKSHIRE_AND_THE_HUMBER),
]
COLUMNS = 11
ROWS = 10


def _place(column: int, row: int, region: str) -> tuple[int, int]:
    shift_x, shift_y = REGION_SHIFT[region]
    return MARGIN + column * STEP + shift_x, MARGIN + row * STEP + shift_y


def datasets_phrase(count: int) -> str:
    return f"{count} dataset{'' if count == 1 else 's'}"


def coverage_map_svg(
    coverage: Coverage,
    classes: list[ColourClass],
    link_for: Callable[[Area], str],
    description: str,
    highlight: Sequence[Area] = (),
    marker: str = " (chosen)",
) -> SafeString:
    """The tile map: one linked square per area, coloured by its class, with a legend below; the
    areas in `highlight` are outlined, their names followed by `marker`.

    The SVG is a group, not an image, because it holds links that assistive technology must reach.
    The tiles come in rows, west to east, so that Tab moves through them as the eye reads them.
    """
    width = 2 * MARGIN + COLUMNS * STEP + GUTTER
    map_bottom = MARGIN + ROWS * STEP + GUTTER
    outlined = {area.pk for area in highlight}
    tiles = []
    placed = sorted(
        ((_place(item.tile.column, item.tile.row, item.area.region), item) for item in coverage.areas),
        key=lambda pair: (pair[0][1], pair[0][0]),
    )
    for (x, y), item in placed:
        area, tile = item.area, item.tile
        colour = class_for(item.count, classes)
        is_highlighted = area.pk in outlined
        name = f"{area.name}: {datasets_phrase(item.count)}" + (marker if is_highlighted else "")
        tiles.append(
            format_html(
                '<a href="{href}" aria-label="{name}" class="tile{extra}"><title>{name}</title>'
                '<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="3" fill="{fill}" stroke="{stroke}" '
                'stroke-width="{stroke_width}"{dash}/>'
                '<text x="{cx}" y="{code_y}" fill="{ink}" class="tile-code">{code}</text>'
                '<text x="{cx}" y="{count_y}" fill="{ink}" class="tile-count">{count}</text></a>',
                href=link_for(area),
                name=name,
                extra=" highlight" if is_highlighted else "",
                x=x,
                y=y,
                size=TILE,
                fill=colour.fill,
                stroke=INK if is_highlighted else OUTLINE,
                stroke_width=4 if is_highlighted else 1,
                dash=SafeString(' stroke-dasharray="3 2"')
                if colour.index == 0 and not is_highlighted
                else "",
                cx=x + TILE // 2,
                code_y=y + 17,
                count_y=y + 32,
                ink=colour.ink,
                code=tile.abbreviation,
                count=item.count,
            )
        )
    regions = format_html_join(
        "",
        '<text x="{}" y="{}" class="region-label">{}</text>',
        (
            (_place(column, row, region)[0], _place(column, row, region)[1] + 24, label)
            for label, column, row, region in REGION_LABELS
        ),
    )
    legend, legend_height = _legend(classes, map_bottom + 4, width)
    return format_html(
        '<svg class="coverage-map" viewBox="0 0 {width} {height}" '
        'aria-labelledby="coverage-map-title coverage-map-desc">'
        '<title id="coverage-map-title">Datasets per local authority in the North of England</title>'
        '<desc id="coverage-map-desc">{description}</desc>'
        "{regions}{tiles}{legend}</svg>",
        width=width,
        height=map_bottom + 4 + legend_height,
        description=description,
        regions=regions,
        tiles=SafeString("".join(tiles)),
        legend=legend,
    )


def _legend(classes: list[ColourClass], top: int, width: int) -> tuple[SafeString, int]:
    slot = (width - 2 * MARGIN) // len(classes)
    swatches = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="16" fill="{}" stroke="{}" stroke-width="1"{}/>'
        '<text x="{}" y="{}" class="legend-label">{}</text>',
        (
            (
                MARGIN + index * slot + 2,
                top + 24,
                slot - 4,
                colour.fill,
                OUTLINE,
                SafeString(' stroke-dasharray="3 2"') if colour.index == 0 else "",
                MARGIN + index * slot + slot // 2,
                top + 56,
                colour.label,
            )
            for index, colour in enumerate(classes)
        ),
    )
    legend = format_html(
        '<g class="legend"><text x="{}" y="{}" class="legend-title">Datasets per area</text>{}</g>',
        MARGIN,
        top + 14,
        swatches,
    )
    return legend, 66


# The theme chart's layout, in SVG units.
CHART_WIDTH = 640
LABEL_WIDTH = 215
ROW_HEIGHT = 44
BAR_HEIGHT = 14
# Room after the longest bar for its number, e.g. "1234 researchers".
NUMBER_ROOM = 125
LONGEST_LABEL = 25
DATASET_FILL = "#0b5566"
RESEARCHER_FILL = "#8a3b12"


def shorten(text: str, limit: int = LONGEST_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def balance_svg(rows: list[ThemeBalance]) -> SafeString:
    """Paired bars per theme: published datasets above, published researchers below, in the given order."""
    if not rows:
        return SafeString("")
    top = 34
    most = max(max(row.datasets, row.researchers) for row in rows) or 1
    room = CHART_WIDTH - LABEL_WIDTH - NUMBER_ROOM
    bars = []
    for index, row in enumerate(rows):
        y = top + index * ROW_HEIGHT
        dataset_width = round(room * row.datasets / most)
        researcher_width = round(room * row.researchers / most)
        bars.append(
            format_html(
                "<g><title>{name}: {datasets}, {researchers}</title>"
                '<text x="{label_x}" y="{label_y}" class="chart-label">{short}</text>'
                '<rect x="{x}" y="{dataset_y}" width="{dataset_width}" height="{bar}" fill="{dataset_fill}"/>'
                '<text x="{dataset_text_x}" y="{dataset_text_y}" class="chart-number">{datasets}</text>'
                '<rect x="{x}" y="{researcher_y}" width="{researcher_width}" height="{bar}" '
                'fill="{researcher_fill}"/>'
                '<text x="{researcher_text_x}" y="{researcher_text_y}" class="chart-number">{researchers}</text>'
                "</g>",
                name=row.theme.name,
                short=shorten(row.theme.name),
                datasets=_count(row.datasets, "dataset"),
                researchers=_count(row.researchers, "researcher"),
                label_x=LABEL_WIDTH - 10,
                label_y=y + 22,
                x=LABEL_WIDTH,
                dataset_y=y + 4,
                dataset_width=dataset_width,
                researcher_y=y + 4 + BAR_HEIGHT + 2,
                researcher_width=researcher_width,
                bar=BAR_HEIGHT,
                dataset_fill=DATASET_FILL,
                researcher_fill=RESEARCHER_FILL,
                dataset_text_x=LABEL_WIDTH + dataset_width + 6,
                dataset_text_y=y + 16,
                researcher_text_x=LABEL_WIDTH + researcher_width + 6,
                researcher_text_y=y + 4 + BAR_HEIGHT + 14,
            )
        )
    legend = format_html(
        '<rect x="{x}" y="8" width="14" height="14" fill="{dataset_fill}"/>'
        '<text x="{x_text}" y="20" class="chart-number">Datasets (upper bar)</text>'
        '<rect x="{x2}" y="8" width="14" height="14" fill="{researcher_fill}"/>'
        '<text x="{x2_text}" y="20" class="chart-number">Researchers (lower bar)</text>',
        x=LABEL_WIDTH,
        x_text=LABEL_WIDTH + 20,
        x2=LABEL_WIDTH + 180,
        x2_text=LABEL_WIDTH + 200,
        dataset_fill=DATASET_FILL,
        researcher_fill=RESEARCHER_FILL,
    )
    return format_html(
        '<svg class="balance-chart" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="balance-title balance-desc">'
        '<title id="balance-title">Published datasets and researchers per theme</title>'
        '<desc id="balance-desc">{description}</desc>{legend}{bars}</svg>',
        width=CHART_WIDTH,
        height=top + len(rows) * ROW_HEIGHT + 8,
        description=_describe_balance(rows),
        legend=legend,
        bars=SafeString("".join(bars)),
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _describe_balance(rows: list[ThemeBalance]) -> str:
    first = rows[0]
    text = (
        f"A pair of bars for each of {len(rows)} top-level themes, the largest difference first: "
        f"{first.theme.name} has {_count(first.datasets, 'dataset')} and {_count(first.researchers, 'researcher')}."
    )
    return text + " The table below gives every number."
