"""A stand-in for people reading screenshots of the circle: a reader of pixels who knows only
the legend (game.ui.body_language.CUES) and what each member wears.

Nobody who has not seen the code is at hand to rank screenshots, so this reader does what
such a person is asked to do, from the picture alone: it is given a screenshot and its
`--layout` JSON (where each member sits and where their face is, as a person sees at a
glance), and each member's colours (skin, hair, clothes: what a person recognises them by).
It never sees the model's numbers or a pose. From the pixels in a member's box it measures
the legend's cues:

- distress: how far the head has dropped toward the knees (bowed, shoulders hunched), how
  high the sleeves reach (hands clasped, wringing, at the face), how little of the eyes shows;
- withdrawal: how far the head sits back from the knees, away from the middle of the circle
  (leaning back), and how far the face is turned out of the circle (the chair turned away,
  eyes on the door).

Each measure is turned into a score by comparing it with the same member across the
screenshots (a person compares a member with how they looked before), and the scores are
ranked against the model's. It stands in for a human panel; it does not replace one.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, pstdev

import pygame

from game.ui.theme import hex_to_rgb

EYE_WHITE = (250, 248, 244)
NEAR = 34          # a pixel within this distance (RGB) of a colour is taken as that colour


@dataclass
class Reading:
    """What the reader measured for one member in one screenshot."""

    member: str
    shot: int
    head_drop: float      # the head's centre below the knees' level, in face heights (less negative: lower)
    hands_up: float     # how high the hands are above the knees, in face heights
    eyes: float           # eye white seen, as a share of the face's box
    lean_out: float       # the head's offset from the knees, away from the circle's middle
    turn_out: float       # the eyes' offset from the middle of the head's outline, away from the middle


def load(png: Path, layout_json: Path) -> tuple[pygame.Surface, dict]:
    return pygame.image.load(str(png)), json.loads(Path(layout_json).read_text())


def read_shot(shot: int, image: pygame.Surface, layout: dict, looks: dict[str, dict]) -> list[Reading]:
    """The reader's measures for every member in one screenshot."""
    middle = mean(m["body"][0] + m["body"][2] / 2 for m in layout["members"])
    bubbles = [pygame.Rect(b) for b in layout["bubbles"]]
    return [_read_member(shot, image, member, looks[member["id"]], middle, bubbles)
            for member in layout["members"]]


def _read_member(shot, image, member, look, middle: float, bubbles) -> Reading:
    body, face = pygame.Rect(member["body"]), pygame.Rect(member["face"])
    colours = {name: hex_to_rgb(look[name]) for name in ("skin", "hair", "top", "legs")}
    found = _classify(image, body, colours, bubbles)
    unit = face.height                       # a ruler: faces are drawn the same size in every state
    outward = -1.0 if body.centerx < middle else 1.0   # away from the middle of the circle
    head = [p for p in found["skin"] + found["hair"] if face.collidepoint(p)] or [face.center]
    hx, hy = _centre(head)
    knees = [p for p in found["legs"] if p[1] < body.bottom - 0.12 * body.height] or [(body.centerx, body.bottom)]
    kx, ky = _centre(knees)
    hands = [p for p in found["skin"] if p[1] > face.bottom + 0.1 * unit]
    hands_y = _centre(hands)[1] if len(hands) >= 4 else face.centery   # none below the face: at the face
    whites = _eyes([p for p in found["white"] if face.collidepoint(p)], face)
    outline = [p for p in head if face.collidepoint(p)] or [face.center]
    middle_x = (min(p[0] for p in outline) + max(p[0] for p in outline)) / 2   # the head's middle, by its outline
    fx = _centre(whites)[0] if len(whites) >= 3 else middle_x                  # the eyes, if they show
    return Reading(
        member=member["id"], shot=shot,
        head_drop=(hy - ky) / unit,
        hands_up=(ky - hands_y) / unit,
        eyes=len(whites) / max(1, face.width * face.height),
        lean_out=(hx - kx) * outward / unit,
        turn_out=(fx - middle_x) * outward / unit,
    )


def _eyes(whites, face: pygame.Rect) -> list:
    """The whites of the eyes: small patches. A row of white wider than both eyes together is
    something else (a name tag, a speech bubble's edge)."""
    rows: dict[int, int] = {}
    for _, y in whites:
        rows[y] = rows.get(y, 0) + 1
    return [p for p in whites if rows[p[1]] <= 0.45 * face.width]


def _classify(image, box: pygame.Rect, colours: dict, bubbles) -> dict[str, list]:
    """The box's pixels by what they look like: skin, hair, clothes, legs, eye whites.
    Pixels under a speech bubble are not looked at."""
    found = {name: [] for name in (*colours, "white")}
    box = box.clip(image.get_rect())
    pixels = pygame.image.tobytes(image.subsurface(box), "RGB")
    named = list(colours.items())
    for i in range(0, len(pixels), 3):
        x, y = box.x + (i // 3) % box.width, box.y + (i // 3) // box.width
        rgb = (pixels[i], pixels[i + 1], pixels[i + 2])
        if _near(rgb, EYE_WHITE, 12):
            found["white"].append((x, y))
            continue
        for name, colour in named:
            if _near(rgb, colour, NEAR):
                found[name].append((x, y))
                break
    for name in found:
        found[name] = [p for p in found[name] if not any(b.collidepoint(p) for b in bubbles)]
    return found


def _near(a, b, distance: float) -> bool:
    return math.dist(a, b) <= distance


def _centre(points) -> tuple[float, float]:
    return (mean(p[0] for p in points), mean(p[1] for p in points))


def _quantile(values, q: float, default: float) -> float:
    if not values:
        return default
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- from measures to rankings -------------------------------------------------------------

def _standardised(readings: list[Reading], field: str) -> dict[tuple[str, int], float]:
    """Each reading's measure against the same member's in the other screenshots."""
    out = {}
    for member in {r.member for r in readings}:
        own = [r for r in readings if r.member == member]
        values = [getattr(r, field) for r in own]
        centre, spread = mean(values), pstdev(values) or 1.0
        out.update({(r.member, r.shot): (getattr(r, field) - centre) / spread for r in own})
    return out


def _across_members(readings: list[Reading], field: str) -> dict[tuple[str, int], float]:
    """Each reading's measure against everyone's: how a member compares with the others."""
    values = [getattr(r, field) for r in readings]
    centre, spread = mean(values), pstdev(values) or 1.0
    return {(r.member, r.shot): (getattr(r, field) - centre) / spread for r in readings}


def scores(readings: list[Reading]) -> dict[str, dict[tuple[str, int], float]]:
    """The reader's distress and withdrawal score for every (member, screenshot)."""
    parts = {}
    for field in ("head_drop", "hands_up", "eyes", "lean_out", "turn_out"):
        own, all_ = _standardised(readings, field), _across_members(readings, field)
        parts[field] = {k: 0.5 * own[k] + 0.5 * all_[k] for k in own}
    keys = list(parts["head_drop"])
    return {
        "distress": {k: parts["head_drop"][k] + parts["hands_up"][k] - parts["eyes"][k] for k in keys},
        "withdrawal": {k: parts["lean_out"][k] + parts["turn_out"][k] for k in keys},
    }


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation (average ranks for ties)."""
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = mean(rx), mean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sx = math.sqrt(sum((a - mx) ** 2 for a in rx))
    sy = math.sqrt(sum((b - my) ** 2 for b in ry))
    return cov / (sx * sy) if sx and sy else 0.0


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks
