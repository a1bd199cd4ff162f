"""Scans made from text, for tests, the OCR bench and the sample case (needs Pillow).

A text is typeset on A4 pages at 300 dpi (DejaVu Sans when Debian's ``fonts-dejavu`` is there),
then turned by a small angle and sprinkled with noise, the way a photocopied report looks.

>>> page = render_pages("Report of 12 October 2023.", seed=1)[0]
>>> page.size, page.mode
((2480, 3508), 'L')
"""

from __future__ import annotations

import io
import random
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

DPI = 300
A4 = (2480, 3508)
_FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _font(points: float) -> Any:
    from PIL import ImageFont

    size = round(points / 72 * DPI)
    for candidate in _FONTS:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size=size)


def render_pages(text: str, *, skew: float = 0.8, noise: float = 0.015, points: float = 11.0,
                 seed: int = 0, crop: bool = False) -> list[Any]:
    """Greyscale page images of ``text``: turned by up to ``skew`` degrees, ``noise`` = share of specks.

    With ``crop`` a one-page text gives a slip as tall as its lines (quicker to read in tests).
    """
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    font = _font(points)
    line_height = round(font.size * 1.45)
    margin = 236  # 2 cm
    width_chars = max(20, int((A4[0] - 2 * margin) / (font.getlength("n") * 1.02)))
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width_chars) or [""]
    per_page = (A4[1] - 2 * margin) // line_height
    pages = []
    for first in range(0, max(len(lines), 1), per_page):
        image = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(image)
        for i, line in enumerate(lines[first:first + per_page]):
            draw.text((margin, margin + i * line_height), line, fill=rng.randint(0, 40), font=font)
        if crop and len(lines) <= per_page:
            image = image.crop((0, 0, A4[0], 2 * margin + len(lines) * line_height))
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        if skew:
            image = image.rotate(rng.uniform(-skew, skew), resample=Image.Resampling.BICUBIC, fillcolor=255)
        pages.append(_specks(image, noise, rng))
    return pages


def _specks(image: Any, share: float, rng: random.Random) -> Any:
    if share <= 0:
        return image
    import numpy as np

    pixels = np.asarray(image, dtype=np.int16).copy()
    gen = np.random.default_rng(rng.randrange(1 << 30))
    pixels += gen.normal(0, 12, pixels.shape).astype(np.int16)  # paper grain
    mask = gen.random(pixels.shape) < share / 10
    pixels[mask] = gen.integers(0, 120, int(mask.sum()))  # toner specks
    from PIL import Image

    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def scan_png(text: str, bilevel: bool = False, **options: Any) -> bytes:
    """The first page of ``text`` as a PNG scan (``bilevel``: black and white, a much smaller file)."""
    out = io.BytesIO()
    page = render_pages(text, **options)[0]
    if bilevel:
        page = page.point(lambda v: 255 if v > 150 else 0).convert("1")
    page.save(out, "PNG", dpi=(DPI, DPI), optimize=True)
    return out.getvalue()


def scan_tiff(texts: Sequence[str], **options: Any) -> bytes:
    """A multi-page TIFF, one page per text (group 4 would need bilevel; deflate keeps grey)."""
    images = [render_pages(t, **options)[0] for t in texts]
    out = io.BytesIO()
    images[0].save(out, "TIFF", save_all=True, append_images=images[1:], dpi=(DPI, DPI), compression="tiff_deflate")
    return out.getvalue()


def scan_pdf(texts: Sequence[str], **options: Any) -> bytes:
    """A PDF of page images only (no text layer), one or more pages per text."""
    images = [img.convert("L") for t in texts for img in render_pages(t, **options)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(DPI))
    return out.getvalue()
