"""The coverage map's colour classes: six steps of a colour-blind-safe sequential palette.

The colours are ColorBrewer's YlGnBu, which people with the common forms of colour blindness
still see as one light-to-dark scale. Each class says which ink its label is drawn in so that
the label has a contrast of at least 4.5:1; every tile also has a dark outline, so even the
palest tile stands out from the page by more than 3:1.
"""

import math
from dataclasses import dataclass

INK = "#1d2433"
WHITE = "#ffffff"
# The tile outline: 7.6:1 against the white page.
OUTLINE = "#4a5468"

# (fill, label ink) from "no datasets" to "most datasets".
PALETTE = [
    (WHITE, INK),
    ("#c7e9b4", INK),
    ("#7fcdbb", INK),
    ("#41b6c4", INK),
    ("#225ea8", WHITE),
    ("#0c2c84", WHITE),
]


@dataclass(frozen=True)
class ColourClass:
    index: int
    low: int
    high: int | None  # None: and more
    fill: str
    ink: str

    @property
    def label(self) -> str:
        if self.high is None:
            return f"{self.low} or more"
        if self.high == self.low:
            return str(self.low)
        return f"{self.low}–{self.high}"

    def holds(self, count: int) -> bool:
        return count >= self.low and (self.high is None or count <= self.high)


def colour_classes(counts: list[int]) -> list[ColourClass]:
    """A class for none, then five equal steps from the smallest count above nothing to the largest."""
    above_zero = [count for count in counts if count > 0]
    low = min(above_zero, default=1)
    high = max(above_zero, default=1)
    steps = len(PALETTE) - 1
    width = max(1, math.ceil((high - low + 1) / steps))
    classes = [ColourClass(0, 0, 0, *PALETTE[0])]
    for step in range(steps):
        start = low + step * width
        end = None if step == steps - 1 else start + width - 1
        classes.append(ColourClass(step + 1, start, end, *PALETTE[step + 1]))
    return classes


def class_for(count: int, classes: list[ColourClass]) -> ColourClass:
    if count == 0:
        return classes[0]
    # Below the first class above none can only happen with no such counts at all.
    return next((each for each in reversed(classes) if count >= each.low), classes[1])


def contrast(first: str, second: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
