"""Small helpers for the pictures the server draws as SVG."""

import math


def ring(count: int, centre: float, radius: float) -> list[tuple[str, str]]:
    """`count` points evenly round a circle, starting at the top, as formatted coordinates.

    Formatted here because django.utils.html.format_html turns its arguments into text first.
    """
    points = []
    for index in range(count):
        angle = 2 * math.pi * index / max(count, 1) - math.pi / 2
        points.append(
            (f"{centre + radius * math.cos(angle):.1f}", f"{centre + radius * math.sin(angle):.1f}")
        )
    return points


def initials(name: str) -> str:
    return "".join(part[0] for part in name.split()[:3] if part).upper()
