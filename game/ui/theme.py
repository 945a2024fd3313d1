"""Colour themes for the pygame front end.

Every colour on screen comes from a named role in a `Palette`, so a scene
never picks a colour itself and the three themes (light, dark, high contrast)
stay consistent. Accents are the Okabe-Ito set, which stays distinguishable
under the common colour-vision deficiencies. Colour is never the only carrier
of meaning: lead and follow also differ by label, icon and stripe pattern,
warnings carry an icon, chart lines differ by dash and marker.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

RGB = tuple[int, int, int]

# The Okabe-Ito accents, named as in Okabe & Ito (2008).
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"


def hex_to_rgb(value: str | RGB) -> RGB:
    """'#E69F00' -> (230, 159, 0); tuples pass through so callers may mix both."""
    if isinstance(value, tuple):
        return value
    text = value.lstrip("#")
    return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16))


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend of two colours; t=0 gives a, t=1 gives b."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def shade(colour: RGB, amount: float) -> RGB:
    """Darken (amount > 0) or lighten (amount < 0) a colour: soft outlines, highlights."""
    return mix(colour, (0, 0, 0), amount) if amount >= 0 else mix(colour, (255, 255, 255), -amount)


def luminance(colour: RGB) -> float:
    """WCAG relative luminance, to choose readable text on a coloured fill."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def readable_on(fill: RGB) -> RGB:
    """Near-black or white, whichever reads better on `fill`."""
    dark, light = (24, 24, 30), (255, 255, 255)
    return dark if contrast(fill, dark) >= contrast(fill, light) else light


@dataclass(frozen=True)
class Palette:
    """The named colour roles of one theme. Every field is an RGB triple."""

    name: str
    background: RGB
    floor: RGB        # the room around the circle
    rug: RGB          # the rug the chairs stand on
    panel: RGB        # transcript, cards, narration
    panel_edge: RGB
    text: RGB
    muted: RGB        # secondary text: speaker names, axis labels
    accent: RGB
    lead: RGB         # the trainee stepping in
    follow: RGB       # the trainee letting the group work
    focus: RGB        # keyboard focus and targeted members (always with a ring shape)
    warning: RGB
    good: RGB
    caution: RGB      # a verdict of `partly`: the right stance, a poor move (never a tick)
    chair: RGB
    shadow: RGB
    bubble: RGB       # speech bubbles
    bubble_text: RGB
    group_cool: RGB   # the group blob when cohesion is low...
    group_warm: RGB   # ...and when it is high

    def __getitem__(self, role: str) -> RGB:
        """palette['lead'] reads as well as palette.lead in data-driven code."""
        return getattr(self, role)

    @classmethod
    def roles(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "name"]


def _palette(name: str, **roles: str) -> Palette:
    return Palette(name=name, **{k: hex_to_rgb(v) for k, v in roles.items()})


LIGHT = _palette(
    "light",
    background="#F3EEE5", floor="#E9E1D3", rug="#DCCDB6", panel="#FFFCF6",
    panel_edge="#D6CBBB", text="#26262E", muted="#66646E", accent=PURPLE,
    lead=BLUE, follow=ORANGE, focus=YELLOW, warning=VERMILLION, good=GREEN, caution=YELLOW,
    chair="#9C8E7C", shadow="#B9AC98", bubble="#FFFFFF", bubble_text="#26262E",
    group_cool="#7F9CC4", group_warm="#EFA35C",
)

DARK = _palette(
    "dark",
    background="#1B1F2A", floor="#232938", rug="#2D3446", panel="#262C3B",
    panel_edge="#3C4458", text="#ECE9E2", muted="#A7ABB8", accent=PURPLE,
    lead=SKY, follow=ORANGE, focus=YELLOW, warning=VERMILLION, good=GREEN, caution=YELLOW,
    chair="#5A5F6E", shadow="#141821", bubble="#F4F1EA", bubble_text="#1F2230",
    group_cool="#5E7FB0", group_warm="#E89A52",
)

HIGH_CONTRAST = _palette(
    "high_contrast",
    background="#000000", floor="#0B0B0B", rug="#161616", panel="#000000",
    panel_edge="#FFFFFF", text="#FFFFFF", muted="#E6E6E6", accent=PURPLE,
    lead=SKY, follow=ORANGE, focus=YELLOW, warning=VERMILLION, good=GREEN, caution=YELLOW,
    chair="#8A8A8A", shadow="#000000", bubble="#FFFFFF", bubble_text="#000000",
    group_cool="#56B4E9", group_warm="#E69F00",
)

PALETTES: dict[str, Palette] = {p.name: p for p in (LIGHT, DARK, HIGH_CONTRAST)}
# Lower-case aliases, as the theme names appear in settings files.
light, dark, high_contrast = LIGHT, DARK, HIGH_CONTRAST


def get(name: str) -> Palette:
    """The palette called `name`; unknown names fall back to light rather than crash a scene."""
    return PALETTES.get(name, LIGHT)


def stance_colour(palette: Palette, stance: str) -> RGB:
    """The colour of a stance tag ('lead' or 'follow'); anything else reads as muted."""
    return {"lead": palette.lead, "follow": palette.follow}.get(stance, palette.muted)


# -- member looks: skin, hair and clothes (never the accents, which carry meaning) --
SKINS = ["#F2CFB1", "#8D5B3E", "#D9A37E", "#6B4330", "#E8B894", "#B07A55", "#F6DCC6", "#7F5037"]
HAIRS = ["#2E2420", "#B5835A", "#1C1A1A", "#8A8D93", "#6B3F26", "#D8B56F", "#3B2A22", "#A0522D"]
TOPS = ["#5B8FA8", "#B86B77", "#6E9B6A", "#C49A4A", "#7D6FA8", "#4F7C7A",
        "#A8745A", "#8296B8", "#9C6D93", "#6F8F4E"]
LEGS = ["#3D4453", "#5A4A3F", "#2F3A3A", "#4B4660", "#545454"]
HAIR_STYLES = ["short", "long", "bun", "curly", "cropped", "side"]


def default_look(index: int) -> dict[str, str]:
    """A distinct look for the member at `index`; strides keep neighbours unalike."""
    return {
        "skin": SKINS[(index * 3) % len(SKINS)],
        "hair": HAIRS[(index * 5 + 1) % len(HAIRS)],
        "top": TOPS[(index * 7 + 2) % len(TOPS)],
        "legs": LEGS[index % len(LEGS)],
        "hair_style": HAIR_STYLES[(index * 5 + index // 6) % len(HAIR_STYLES)],
    }


def complete_look(look: dict | None, index: int = 0) -> dict[str, str]:
    """Fill the colours a scenario left out from the member's default look."""
    full = default_look(index)
    full.update({k: v for k, v in (look or {}).items() if v})
    return full
