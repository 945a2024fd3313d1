"""The body language, specified: each cue graded and monotone in the number it carries, every
cue visible in a projected screenshot scaled to half size, heads turning to the speaker, and a
short gesture for each kind of change the model reports.

Drawings are compared by their pixels: members are drawn alone on the rug, as in the circle.
"""
from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from game.ui import avatar, gestures, layout  # noqa: E402
from game.ui.avatar import pose_from_state  # noqa: E402
from game.ui.body_language import CUES, GESTURES, cues_from_state  # noqa: E402
from game.ui.theme import LIGHT, complete_look  # noqa: E402

pygame.init()

NUMBERS = ("engagement", "trust", "distress")
MIDDLE = {"engagement": 0.5, "trust": 0.5, "distress": 0.45}
# What each number moves, and which way (+1: the cue grows with the number).
CARRIED = {"engagement": {"lean": 1, "attention": 1, "floor": -1, "door": -1, "turn": -1},
           "trust": {"arms": -1, "door": -1, "turn": -1},
           "distress": {"bow": 1, "hunch": 1, "hands": 1, "floor": 1}}
PROJECTED_HALF = 1920 / 1280 * 0.5     # a 1920x1080 screenshot scaled to 50%, per logical pixel
VISIBLE = 40                           # a colour change of this much (0..255, on any channel) is seen...
VISIBLE_PIXELS = 20                    # ...when this many pixels make it (a patch of about 4x5)


def numbers(**given) -> tuple[float, float, float]:
    values = {**MIDDLE, **given}
    return values["engagement"], values["trust"], values["distress"]


def drawing(state, *, index: int = 0, facing: float = 0.6, scale: float = 1.3,
            gaze=(1.0, 0.0), half: bool = False) -> pygame.Surface:
    """The member with these numbers on the rug, looking toward `gaze` (the speaker)."""
    pose = pose_from_state(*state, gaze=gaze)
    sprite = avatar.member_sprite(complete_look(None, index), pose, scale, facing, LIGHT)
    canvas = pygame.Surface(sprite.get_size())
    canvas.fill(LIGHT.rug)
    canvas.blit(sprite, (0, 0))
    if half:
        size = (round(canvas.get_width() / 2), round(canvas.get_height() / 2))
        canvas = pygame.transform.smoothscale(canvas, size)
    return canvas


def change(a: pygame.Surface, b: pygame.Surface) -> int:
    """How much one drawing differs from another: the sum of colour differences."""
    return sum(abs(x - y) for x, y in zip(pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")))


def seen(a: pygame.Surface, b: pygame.Surface) -> int:
    """Pixels whose colour changes enough to be seen."""
    pa, pb = pygame.image.tobytes(a, "RGB"), pygame.image.tobytes(b, "RGB")
    return sum(1 for i in range(0, len(pa), 3) if max(abs(pa[i + k] - pb[i + k]) for k in range(3)) >= VISIBLE)


# -- graded and monotone --------------------------------------------------------------------

@pytest.mark.parametrize("number", NUMBERS)
@pytest.mark.parametrize("index,facing", [(0, 0.6), (3, -0.9), (5, 0.0)])
def test_a_drawing_changes_more_from_0_1_to_0_9_than_from_0_4_to_0_5(number, index, facing):
    def at(value):
        return drawing(numbers(**{number: value}), index=index, facing=facing)
    assert change(at(0.1), at(0.9)) > 2 * change(at(0.4), at(0.5))


@pytest.mark.parametrize("number", NUMBERS)
def test_each_number_is_graded_the_further_it_moves_the_more_the_drawing_changes(number):
    """Many grades, not two states; at the calm end a cue may rest (0.1 and 0.2 look alike)."""
    values = (0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95)
    steps = [drawing(numbers(**{number: v})) for v in values]
    distances = [change(steps[0], later) for later in steps[1:]]
    assert distances == sorted(distances), f"{number}: {distances}"
    distinct = {pygame.image.tobytes(step, "RGB") for step in steps}
    assert len(distinct) >= 5, f"{number}: only {len(distinct)} different drawings"


@settings(max_examples=60, deadline=None)
@given(low=st.floats(0, 1), high=st.floats(0, 1), other=st.tuples(st.floats(0, 1), st.floats(0, 1)))
def test_every_cue_moves_one_way_only_with_the_number_that_carries_it(low, high, other):
    low, high = sorted((low, high))
    for number, carried in CARRIED.items():
        rest = dict(zip([n for n in NUMBERS if n != number], other))
        a = cues_from_state(**{**rest, number: low})
        b = cues_from_state(**{**rest, number: high})
        for cue, sign in carried.items():
            assert sign * (getattr(b, cue) - getattr(a, cue)) >= -1e-9, (number, cue)


@pytest.mark.parametrize("number,cue", [("distress", "hands"), ("distress", "bow"), ("trust", "arms"),
                                        ("engagement", "lean"), ("engagement", "attention")])
def test_a_cue_has_many_grades_not_two_states(number, cue):
    values = {round(getattr(cues_from_state(**{**dict(zip(NUMBERS, (0.5, 0.5, 0.45))), number: k / 20}), cue), 3)
              for k in range(21)}
    assert len(values) >= 6


# -- legible on a projector -------------------------------------------------------------------

@pytest.mark.parametrize("cue", CUES, ids=lambda cue: cue.name)
def test_every_cue_of_the_legend_shows_in_a_projected_screenshot_scaled_to_half(cue):
    """The smallest figure (the back of a full circle of twelve), drawn as on a 1920x1080
    projector and scaled to 50%: its cue's two ends differ in a patch a student can see."""
    area = layout.play_layout().circle
    scale = layout.member_scale(12, area) * layout.FAR * 1920 / 1280
    low, high = cue.states[0], cue.states[-1]
    for index in range(4):
        a = drawing(low, index=index, scale=scale, half=True)
        b = drawing(high, index=index, scale=scale, half=True)
        assert seen(a, b) >= VISIBLE_PIXELS, f"{cue.name}, look {index}"


def test_a_face_is_large_enough_to_read_at_half_size_on_a_projector():
    scale = layout.member_scale(12, layout.play_layout().circle) * layout.FAR * PROJECTED_HALF
    face = avatar.face_rect((0, 0), scale)
    assert face.height >= 22    # px: eyes and mouth stay apart


# -- heads turn to the speaker -----------------------------------------------------------------

def _eyes_x(canvas: pygame.Surface) -> float:
    whites = [x for y in range(canvas.get_height()) for x in range(canvas.get_width())
              if canvas.get_at((x, y))[:3] == (250, 248, 244)]
    return sum(whites) / len(whites)


@pytest.mark.parametrize("facing", [0.6, 0.0, -0.6])
def test_an_engaged_member_turns_their_head_to_whoever_speaks(facing):
    state = numbers(engagement=0.8, trust=0.6, distress=0.3)
    left = drawing(state, facing=facing, gaze=(-1.0, 0.0), scale=2.0)
    right = drawing(state, facing=facing, gaze=(1.0, 0.0), scale=2.0)
    assert _eyes_x(right) > _eyes_x(left) + 6


def test_a_withdrawn_member_hardly_follows_the_speaker():
    def turn(engagement):
        state = numbers(engagement=engagement, trust=0.5, distress=0.3)
        return abs(pose_from_state(*state, gaze=(1.0, 0.0)).gaze[0])
    assert turn(0.1) < turn(0.5) < turn(0.9)


# -- short reactions -----------------------------------------------------------------------------

class Numbers:
    def __init__(self, engagement=0.5, trust=0.5, distress=0.4):
        self.engagement, self.trust, self.distress = engagement, trust, distress


@pytest.mark.parametrize("was,now,archetype,gesture", [
    (Numbers(), Numbers(trust=0.56), "typical", gestures.NOD),
    (Numbers(engagement=0.2), Numbers(engagement=0.27), "silent", gestures.GLANCE),
    (Numbers(), Numbers(distress=0.5), "typical", gestures.FLINCH),
    (Numbers(), Numbers(engagement=0.44), "typical", gestures.LOOK_AWAY),
    (Numbers(), Numbers(trust=0.4), "hostile", gestures.EYE_ROLL),
    (Numbers(), Numbers(trust=0.51, distress=0.41), "typical", None),
])
def test_each_kind_of_change_plays_its_gesture(was, now, archetype, gesture):
    assert gestures.gesture_for(was, now, archetype) == gesture


def test_every_gesture_of_the_legend_has_a_drawing():
    assert {g.name for g in GESTURES} == {gestures.NOD, gestures.GLANCE, gestures.FLINCH, gestures.LOOK_AWAY,
                                          gestures.EYE_ROLL}


@pytest.mark.parametrize("gesture", [g.name for g in GESTURES])
def test_a_gesture_rises_and_falls_between_the_poses_before_and_after(gesture):
    start = pose_from_state(0.4, 0.5, 0.4, gaze=(1.0, 0.0))
    end = pose_from_state(0.45, 0.45, 0.45, gaze=(1.0, 0.0))
    poses = gestures.reaction_poses(start, end, gesture, leader=(0.0, 1.0), steps=4)
    assert poses[0] == start and poses[-1] == end
    look = complete_look(None, 2)
    sprites = [avatar.member_sprite(look, pose, 1.3, 0.6, LIGHT) for pose in (start, poses[2], end)]
    canvases = []
    for sprite in sprites:
        canvas = pygame.Surface(sprite.get_size())
        canvas.fill(LIGHT.rug)
        canvas.blit(sprite, (0, 0))
        canvases.append(canvas)
    assert seen(canvases[0], canvases[1]) >= VISIBLE_PIXELS and seen(canvases[2], canvases[1]) >= VISIBLE_PIXELS


# -- the legend ----------------------------------------------------------------------------------

def test_the_pause_screen_shows_every_cue_of_the_legend_drawn():
    from game.ui.scenes.pause import PauseScene
    from game.ui.widgets.cue_legend import cue_cells
    from tests.ui.driver import ROOT, frames, key, start_app

    app = start_app(scenario=str(ROOT / "scenarios" / "grief-week3.yaml"), learner=None, no_records=True)
    frames(app, 1, [key(pygame.K_RETURN)])
    frames(app, 2)
    frames(app, 1, [key(pygame.K_ESCAPE)])
    frames(app, 2)
    pause = app.scene
    assert isinstance(pause, PauseScene)
    canvas = pygame.Surface(layout.LOGICAL_SIZE)
    pause.draw_full(canvas)
    legend = pause.legend_rect()
    cells = cue_cells(legend.inflate(-32, -120))
    assert len(cells) == len(CUES)
    for cell, cue in zip(cells, CUES):
        colours = {canvas.get_at((x, y))[:3] for x in range(cell.left, cell.right, 3)
                   for y in range(cell.centery - 20, cell.centery + 20, 3)}
        assert len(colours) > 12, f"{cue.name}: no figures drawn"


def test_the_authoring_guide_has_the_same_legend():
    from tests.ui.driver import ROOT

    guide = (ROOT / "scenarios" / "README.md").read_text(encoding="utf-8")
    section = guide[guide.index("### Reading the room"):]
    section = section[:section.index("\n### ", 5)]
    for cue in CUES:
        assert f"**{cue.name}**" in section and cue.low in section and cue.high in section, cue.name
    for gesture in GESTURES:
        assert gesture.name in section.lower(), gesture.name
