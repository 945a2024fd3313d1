"""The join address as a QR code: an SVG for the pages, a module grid for the projector.

segno makes it (pure Python, no image library). Error correction M survives a projector's glare
and a phone held at an angle, and keeps a short address to a small, easily read symbol.
"""
from __future__ import annotations

import io

import segno

BORDER = 4        # the quiet zone the standard asks for: phones find the code faster with it


def qr_code(text: str):
    return segno.make(text or " ", error="m", boost_error=False)


def qr_svg(text: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    qr_code(text).save(buffer, kind="svg", scale=scale, border=BORDER, dark="#000", light="#fff",
                       xmldecl=False, title="QR code of the join address")
    return buffer.getvalue()


def qr_modules(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, quiet zone included, for drawing by hand."""
    return [[bool(cell) for cell in row] for row in qr_code(text).matrix_iter(scale=1, border=BORDER)]
