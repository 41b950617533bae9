#!/usr/bin/env python3
"""Make the synthetic scans of the example case: intake/example/annexes/.

No real document: each "scan" is a blank page that says, in large letters, that it is a
synthetic example, what kind of document it stands for and whose (a complainant id, never a
name). Some are PDF files of several pages, some single images (PNG, JPEG, TIFF), so that the
packages show how each is made into pages. The Attachments sheet of the example workbook
(scripts/make_example_workbook.py) lists them.

The output is deterministic (no dates in the files), so running the script again gives the
same bytes.

Usage:
    .venv/bin/python scripts/make_example_scans.py [FOLDER]
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import img2pdf
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "intake" / "example" / "annexes"
FONT = ROOT / "templates" / "html" / "fonts" / "LiberationSerif-Regular.ttf"
# A4 at 60 dots per inch: small files, legible stamps.
PAGE = (496, 702)

# file name -> (what it stands for, pages); a single-page image when the name is not .pdf
SCANS = {
    "case-decision-rally-0510.pdf": ("Decision on the rally of 10 May 2018", 2),
    "case-photo-rally-0510.jpg": ("Photograph of the square, 10 May 2018", 1),
    "C003-poa.pdf": ("Power of attorney of C003", 1),
    "C003-appeal-form.png": ("Appeal form of C003", 1),
    "C003-decision.pdf": ("Court decision concerning C003", 3),
    "C005-identity.tiff": ("Identity document of C005", 1),
    "C012-medical.jpg": ("Medical report concerning C012", 1),
    "C012-decision.pdf": ("Court decision concerning C012", 2),
}


def page(title: str, number: int, pages: int) -> Image.Image:
    image = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(str(FONT), 26), ImageFont.truetype(str(FONT), 16)
    draw.rectangle((20, 20, PAGE[0] - 20, PAGE[1] - 20), outline=0, width=2)
    draw.text((40, 60), "SYNTHETIC EXAMPLE", font=big, fill=0)
    draw.text((40, 100), "not a real document", font=small, fill=0)
    y = 160
    for word_line in _wrap(title, 34):
        draw.text((40, y), word_line, font=big, fill=0)
        y += 36
    draw.text((40, PAGE[1] - 70), f"sheet {number} of {pages}", font=small, fill=0)
    for line in range(y + 30, PAGE[1] - 100, 24):  # lines standing for text
        draw.line((40, line, PAGE[0] - 40 - (line * 7) % 120, line), fill=140, width=3)
    return image


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*lines, current]


def scan(name: str, title: str, pages: int) -> bytes:
    images = [page(title, number, pages) for number in range(1, pages + 1)]
    encoded = []
    for image in images:
        buffer = io.BytesIO()
        if name.endswith((".jpg", ".pdf")):
            image.save(buffer, "JPEG", quality=70)
        elif name.endswith(".tiff"):
            image.save(buffer, "TIFF", compression="tiff_lzw")
        else:
            image.save(buffer, "PNG", optimize=True)
        encoded.append(buffer.getvalue())
    if name.endswith(".pdf"):
        return img2pdf.convert(encoded, nodate=True, dpi=60, engine=img2pdf.Engine.internal)
    return encoded[0]


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for name, (title, pages) in SCANS.items():
        (folder / name).write_bytes(scan(name, title, pages))
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
