"""Draw the Budget add-in's icons: a ledger sheet with a column of figures and a total bar.

    python -m xlpy.officejs_icons      # -> xlpy/officejs/static/images/icons/budget-{16,32,64,80}.png

Office wants 16, 32 and 80 pixel button icons and a 32/64 pixel add-in icon. Each size is
drawn at eight times its size and scaled down, so the small ones stay crisp.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw

SIZES = (16, 32, 64, 80)
FOLDER = Path(__file__).parent / "officejs" / "static" / "images"
BLUE = (31, 78, 121, 255)
PAPER = (255, 255, 255, 255)
RULE = (189, 215, 238, 255)
GREEN = (84, 130, 53, 255)
SCALE = 8


def draw_icon(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = big / 16
    pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=int(3 * unit), fill=BLUE)
    sheet = (3 * unit, 2 * unit, 13 * unit, 14 * unit)
    pen.rectangle(sheet, fill=PAPER)
    for row in range(4):  # the ruled lines of the ledger
        y = (4.5 + 2 * row) * unit
        pen.rectangle((4 * unit, y, 12 * unit, y + 0.6 * unit), fill=RULE)
    for column, height in enumerate((3, 5, 7)):  # three bars rising to the total
        left = (5 + 2.5 * column) * unit
        pen.rectangle((left, (12.5 - height) * unit, left + 1.6 * unit, 12.5 * unit), fill=GREEN)
    return image.resize((size, size), Image.LANCZOS)


def write_icons(folder: Path = FOLDER) -> list[Path]:
    (folder / "icons").mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        target = folder / "icons" / f"budget-{size}.png"
        draw_icon(size).save(target, optimize=True)
        written.append(target)
    draw_icon(32).save(folder / "favicon.png", optimize=True)
    return written + [folder / "favicon.png"]


if __name__ == "__main__":  # pragma: no cover
    for path in write_icons():
        print(path)
    sys.exit(0)
