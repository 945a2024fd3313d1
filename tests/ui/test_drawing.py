"""The drawing layer, specified: where things go, what poses mean, how text behaves.

Headless: SDL's dummy drivers, surfaces only, no window.
"""
from __future__ import annotations

import math
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402
import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from game.ui import fonts, layout, theme  # noqa: E402
from game.ui.avatar import Pose, draw_member, pose_from_state  # noqa: E402
from game.ui.third_party import draw_group  # noqa: E402
from game.ui.widgets import Button, Card, Meter, SpeechBubble, Toast, Transcript, draw_line_chart  # noqa: E402
from game.ui.widgets.card import fit_words, words_width  # noqa: E402

pygame.init()

MEMBER_COUNTS = range(3, 13)
FEW = settings(max_examples=40, deadline=None)


def differing_pixels(a: pygame.Surface, b: pygame.Surface, rect: pygame.Rect) -> int:
    return sum(1 for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)
               if a.get_at((x, y)) != b.get_at((x, y)))


def non_background(surface: pygame.Surface, rect: pygame.Rect, background) -> int:
    return sum(1 for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)
               if surface.get_at((x, y))[:3] != tuple(background))


# -- seats --------------------------------------------------------------------------

@pytest.mark.parametrize("n", MEMBER_COUNTS)
def test_every_member_gets_a_distinct_seat_inside_the_circle(n):
    play = layout.play_layout()
    seats = layout.seat_positions(n, play.seat_ellipse)
    assert len(seats) == n + 1  # the trainee and n members
    for i, a in enumerate(seats):
        assert play.seat_ellipse.inflate(2, 2).collidepoint(a)
        assert play.circle.collidepoint(a)
        for b in seats[i + 1:]:
            assert math.dist(a, b) > 60, "chairs would overlap"


@pytest.mark.parametrize("n", MEMBER_COUNTS)
def test_the_trainee_sits_at_the_bottom_centre(n):
    ellipse = layout.play_layout().seat_ellipse
    you, *members = layout.seat_positions(n, ellipse)
    assert abs(you[0] - ellipse.centerx) <= 2
    assert all(you[1] > m[1] for m in members)


def test_members_are_seated_in_order_round_the_circle():
    ellipse = layout.play_layout().seat_ellipse
    seats = layout.seat_positions(8, ellipse)
    angles = [math.atan2(y - ellipse.centery, x - ellipse.centerx) % (2 * math.pi) for x, y in seats]
    unwrapped = [(a - angles[0]) % (2 * math.pi) for a in angles]
    assert unwrapped == sorted(unwrapped)


# -- letterbox -------------------------------------------------------------------------

@FEW
@given(w=st.integers(320, 3840), h=st.integers(240, 2160),
       x=st.floats(0, 1280), y=st.floats(0, 720))
def test_letterbox_mapping_round_trips(w, h, x, y):
    view = layout.Viewport((w, h))
    back = view.to_logical(view.to_window((x, y)))
    assert back == pytest.approx((x, y), abs=1e-6)


@FEW
@given(w=st.integers(320, 3840), h=st.integers(240, 2160))
def test_letterbox_keeps_the_aspect_and_centres_the_canvas(w, h):
    scale, (ox, oy) = layout.letterbox((w, h))
    lw, lh = layout.LOGICAL_SIZE
    assert lw * scale <= w + 1e-6 and lh * scale <= h + 1e-6
    assert math.isclose(lw * scale, w, abs_tol=1) or math.isclose(lh * scale, h, abs_tol=1)
    assert abs((w - lw * scale) - 2 * ox) <= 1 and abs((h - lh * scale) - 2 * oy) <= 1


def test_a_click_on_the_letterbox_bar_is_off_the_canvas():
    view = layout.Viewport((1280, 1024))  # a 5:4 projector: bars above and below
    assert view.offset[1] > 0
    assert not view.contains((640, 5))
    assert view.contains((640, 512))


# -- the play layout ------------------------------------------------------------------------

@pytest.mark.parametrize("scale", sorted(fonts.SCALES))
def test_play_regions_fit_the_canvas_without_overlapping(scale):
    cache = fonts.TextCache(scale=scale)
    play = layout.play_layout(cache)
    canvas = pygame.Rect((0, 0), layout.LOGICAL_SIZE)
    regions = [play.narration, play.meters, play.circle, play.transcript, play.choices]
    for i, a in enumerate(regions):
        assert canvas.contains(a)
        assert not any(a.colliderect(b) for b in regions[i + 1:])
    assert play.circle.width > 0.6 * canvas.width  # the circle is the heart of the screen


def test_up_to_six_cards_fit_in_two_columns_without_overlapping():
    play = layout.play_layout()
    lead, follow = layout.choice_card_rects(play, 3, 3)
    cards = lead + follow
    assert len(cards) == 6
    for i, a in enumerate(cards):
        assert play.choices.contains(a)
        assert not any(a.colliderect(b) for b in cards[i + 1:])
    assert all(r.right <= play.follow_column.left for r in lead)


# -- members -------------------------------------------------------------------------------

def test_a_member_is_drawn_at_their_seat_and_nowhere_else():
    palette = theme.LIGHT
    play = layout.play_layout()
    canvas = pygame.Surface(layout.LOGICAL_SIZE)
    canvas.fill(palette.background)
    seats = layout.seat_positions(6, play.seat_ellipse)
    seat = seats[2]
    draw_member(canvas, seat, None, pose_from_state(0.5, 0.5, 0.5), 1.0, palette=palette)
    near = pygame.Rect(0, 0, 30, 50)
    near.midbottom = (round(seat[0]), round(seat[1]))
    assert non_background(canvas, near, palette.background) > 0.5 * near.width * near.height
    for other in (seats[0], seats[4]):
        far = pygame.Rect(0, 0, 20, 20)
        far.center = (round(other[0]), round(other[1]))
        assert non_background(canvas, far, palette.background) == 0


def _upper_body_centroid_x(pose: Pose, facing: float) -> float:
    canvas = pygame.Surface((200, 200))
    canvas.fill((255, 255, 255))
    draw_member(canvas, (100, 120), None, pose, 1.0, facing=facing)
    xs = [x for x in range(40, 160) for y in range(50, 95) if canvas.get_at((x, y))[:3] != (255, 255, 255)]
    return sum(xs) / len(xs)


def test_an_engaged_member_leans_in_and_a_withdrawn_one_leans_back():
    engaged = pose_from_state(engagement=0.95, trust=0.6, distress=0.3)
    withdrawn = pose_from_state(engagement=0.1, trust=0.6, distress=0.3)
    assert engaged.lean > 0 > withdrawn.lean
    # On screen: with the middle of the circle to the right, leaning in moves the body right.
    assert _upper_body_centroid_x(engaged, facing=1.0) > _upper_body_centroid_x(withdrawn, facing=1.0) + 2


def test_low_trust_crosses_the_arms():
    assert pose_from_state(0.5, 0.1, 0.3).arms_crossed > pose_from_state(0.5, 0.9, 0.3).arms_crossed


def test_distress_bows_the_head_and_drops_the_gaze():
    heavy = pose_from_state(0.6, 0.5, 0.95, gaze=(1.0, 0.0))
    light = pose_from_state(0.6, 0.5, 0.1, gaze=(1.0, 0.0))
    assert heavy.head_down > light.head_down
    assert heavy.gaze[1] > light.gaze[1]  # y grows downward: eyes to the floor


def test_withdrawal_turns_a_member_away():
    assert pose_from_state(0.1, 0.1, 0.4).turned_away > pose_from_state(0.9, 0.9, 0.4).turned_away


def test_tone_shapes_the_mouth():
    warm = pose_from_state(0.6, 0.6, 0.3, tone="warm")
    sad = pose_from_state(0.6, 0.6, 0.3, tone="sad")
    assert warm.mouth_curve > 0 > sad.mouth_curve
    assert (warm.expression, sad.expression) == ("warm", "sad")


def test_pose_lerp_starts_and_ends_on_its_endpoints():
    a = pose_from_state(0.1, 0.2, 0.9, tone="sad", gaze=(-1, 0))
    b = pose_from_state(0.9, 0.9, 0.1, tone="warm", gaze=(1, 0), speaking=True)
    assert a.lerp(b, 0.0) == a
    assert a.lerp(b, 1.0) == b
    middle = a.lerp(b, 0.5)
    assert min(a.lean, b.lean) < middle.lean < max(a.lean, b.lean)


@FEW
@given(t=st.floats(0, 1))
def test_pose_lerp_moves_steadily_from_one_pose_to_the_other(t):
    a, b = pose_from_state(0.1, 0.2, 0.9), pose_from_state(0.9, 0.9, 0.1)
    mid = a.lerp(b, t)
    assert mid.lean == pytest.approx(a.lean + (b.lean - a.lean) * t)
    assert mid.arms_crossed == pytest.approx(a.arms_crossed + (b.arms_crossed - a.arms_crossed) * t)


# -- the group blob ----------------------------------------------------------------------

def _blob(**kw) -> pygame.Surface:
    values = dict(cohesion=0.5, engagement=0.5, conflict=0.2, avoidance=0.1, t=1.0)
    values.update(kw)
    canvas = pygame.Surface((360, 300))
    canvas.fill(theme.LIGHT.rug)
    draw_group(canvas, (180, 150), palette=theme.LIGHT, **values)
    return canvas


def test_the_group_is_drawn_the_same_for_the_same_moment():
    a, b = _blob(t=2.5), _blob(t=2.5)
    assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB")


def test_the_group_breathes_over_time():
    assert pygame.image.tobytes(_blob(t=0.0), "RGB") != pygame.image.tobytes(_blob(t=1.3), "RGB")


def test_an_engaged_group_takes_more_room():
    rug = theme.LIGHT.rug
    area = pygame.Rect(0, 0, 360, 300)
    assert non_background(_blob(engagement=0.9), area, rug) > non_background(_blob(engagement=0.1), area, rug)


def test_an_avoidant_group_fades():
    rug = theme.LIGHT.rug
    centre = _blob(avoidance=0.0).get_at((180, 160))[:3], _blob(avoidance=1.0).get_at((180, 160))[:3]
    distance = [math.dist(colour, rug) for colour in centre]
    assert distance[1] < distance[0]


# -- text -------------------------------------------------------------------------------

def test_the_text_cache_returns_the_same_surface_for_the_same_key():
    cache = fonts.TextCache()
    first = cache.render("Kim looks away", "body", (20, 20, 20))
    assert cache.render("Kim looks away", "body", (20, 20, 20)) is first
    assert cache.render("Kim looks away", "body", (200, 20, 20)) is not first
    assert cache.render("Kim looks away", "body", (20, 20, 20), bold=True) is not first


def test_the_text_cache_is_bounded():
    cache = fonts.TextCache(capacity=5)
    for i in range(20):
        cache.render(f"line {i}", "small", (0, 0, 0))
    assert len(cache) == 5


def test_text_scale_steps_grow_the_text():
    cache = fonts.TextCache()
    assert {"small", "normal", "large", "presenter"} <= set(fonts.SCALES)
    sizes = []
    for name in ("small", "normal", "large", "presenter"):
        cache.set_scale(name)
        sizes.append(cache.pixel_size("body"))
    assert sizes == sorted(sizes) and len(set(sizes)) == 4
    with pytest.raises(ValueError):
        cache.set_scale("huge")


words = st.text(alphabet=st.sampled_from("abcdefghij klmnopqrstuvwxyzKW.,'—"), min_size=0, max_size=200)


@FEW
@given(text=words, width=st.integers(40, 600))
def test_wrapped_lines_never_exceed_the_width_and_lose_no_words(text, width):
    cache = fonts.default
    lines = cache.wrap(text, "body", width)
    assert all(cache.width(line, "body") <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())


@FEW
@given(text=words, n=st.integers(0, 250))
def test_reveal_shows_a_growing_prefix_of_each_line(text, n):
    lines = fonts.wrap(text, "body", 200)
    shown = fonts.reveal_lines(lines, n)
    assert all(line.startswith(part) for line, part in zip(lines, shown))
    assert sum(map(len, shown)) <= max(0, n)
    assert fonts.reveal_lines(lines, sum(len(line) + 1 for line in lines)) == lines
    assert fonts.reveal(text, n) == text[:n]


# -- themes ----------------------------------------------------------------------------

ROLES = ["background", "floor", "rug", "panel", "text", "muted", "accent", "lead", "follow",
         "focus", "warning", "good"]


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_every_theme_has_every_role(name):
    palette = theme.get(name)
    assert palette.name == name
    for role in ROLES + theme.Palette.roles():
        colour = palette[role]
        assert len(colour) == 3 and all(0 <= c <= 255 for c in colour)
    assert palette.lead != palette.follow


@pytest.mark.parametrize("name", ["light", "dark", "high_contrast"])
def test_text_is_readable_on_every_theme(name):
    palette = theme.get(name)
    assert theme.contrast(palette.text, palette.panel) >= 7
    assert theme.contrast(palette.muted, palette.panel) >= 4.5


def test_stance_colours_are_okabe_ito_accents():
    okabe_ito = {theme.hex_to_rgb(c) for c in (theme.ORANGE, theme.SKY, theme.GREEN, theme.YELLOW,
                                                theme.BLUE, theme.VERMILLION, theme.PURPLE)}
    for palette in theme.PALETTES.values():
        assert {palette.lead, palette.follow, palette.warning, palette.good, palette.focus} <= okabe_ito


# -- widgets ------------------------------------------------------------------------------

def test_card_words_fit_inside_the_card():
    rect = layout.choice_card_rects(layout.play_layout(), 1, 0)[0][0]
    long = "Kim, you've been quiet for a while now and I noticed you looked down when Tom spoke. " * 2
    size, lines = fit_words(long, words_width(rect), rect.height, fonts.default)
    assert all(fonts.default.width(line, size) <= words_width(rect) for line in lines)
    assert len(lines) * fonts.default.line_height(size) <= rect.height - 6


def test_a_card_knows_when_it_is_pointed_at():
    card = Card(pygame.Rect(10, 10, 300, 60), 1, "Say nothing.", "follow", "silence")
    assert card.contains((20, 20)) and not card.contains((400, 20))
    card.enabled = False
    assert not card.contains((20, 20))


def test_a_disabled_button_cannot_be_pressed():
    button = Button(pygame.Rect(10, 10, 120, 40), "Undo")
    assert button.contains((20, 20))
    button.enabled = False
    assert not button.contains((20, 20))


def test_a_focused_card_shows_a_focus_ring_around_it():
    palette = theme.LIGHT
    rect = pygame.Rect(40, 40, 300, 64)
    plain, focused = (pygame.Surface((400, 160)) for _ in range(2))
    for surface, flag in ((plain, False), (focused, True)):
        surface.fill(palette.background)
        Card(rect, 1, "Say nothing.", "follow", "silence", focused=flag).draw(surface, palette)
    ring = pygame.Rect(rect.x - 5, rect.centery - 4, 4, 8)  # just outside the left edge
    assert differing_pixels(plain, focused, ring) > 0


def test_lead_and_follow_cards_differ_beyond_colour():
    """Rendered in greyscale, the stance stripes still differ: a solid bar against dots."""
    palette = theme.LIGHT
    rect = pygame.Rect(20, 20, 300, 64)
    stripes = []
    for stance in ("lead", "follow"):
        surface = pygame.Surface((340, 110))
        surface.fill(palette.background)
        Card(rect, 1, "Words", stance).draw(surface, palette)
        column = [sum(surface.get_at((rect.x + 3, y))[:3]) // 3 for y in range(rect.y + 12, rect.bottom - 12)]
        stripes.append(len(set(column)))
    assert stripes[0] < stripes[1]  # solid: uniform grey; dotted: varying


def test_a_speech_bubble_stays_in_bounds_and_points_at_the_speaker():
    bounds = pygame.Rect(16, 104, 822, 352)
    for anchor in [(60, 130), (800, 140), (420, 300), (100, 430)]:
        bubble = SpeechBubble("I don't know why I keep coming here, honestly.", "Kim", anchor, bounds)
        body = bubble.rect()
        assert bounds.contains(body)
        tip = bubble.tail(body)[2]
        assert math.dist(tip, anchor) < math.dist(body.center, anchor)


def test_a_speech_bubble_reveals_its_line_over_time():
    bubble = SpeechBubble("Nothing I say here changes anything.", "Kim", (300, 300), pygame.Rect(0, 0, 800, 600))
    assert not bubble.done
    bubble.update(0.2)
    assert 0 < bubble.shown < len(bubble.text)
    bubble.finish()
    assert bubble.done


def test_a_toast_fades_in_holds_and_fades_out():
    toast = Toast("Kim feels heard", "good", life=3.0)
    assert toast.opacity == 0
    toast.update(1.5)
    assert toast.opacity == 1 and toast.alive
    toast.update(1.4)
    assert 0 < toast.opacity < 1
    toast.update(0.2)
    assert not toast.alive


def test_a_meter_says_its_value_and_change_in_words():
    meter = Meter("Cohesion", 0.62, previous=0.58)
    assert meter.percent() == 62
    assert meter.delta_text() == "▲ 4"
    assert Meter("Conflict", 0.3, previous=0.45).delta_text() == "▼ 15"
    assert Meter("Conflict", 0.3).delta_text() == ""


def _long_transcript() -> tuple[Transcript, pygame.Rect]:
    transcript = Transcript()
    for i in range(30):
        transcript.add("Tom", f"Line {i}: something said in the room, long enough to wrap once or twice.")
    rect = pygame.Rect(0, 0, 400, 300)
    transcript.measure(rect)
    return transcript, rect


def test_the_transcript_scrolls_within_its_content():
    transcript, _ = _long_transcript()
    assert transcript.at_end
    transcript.on_wheel(3)  # wheel up: back toward older lines
    assert not transcript.at_end
    transcript.scroll_by(10_000)
    top = transcript.scroll
    transcript.scroll_by(50)
    assert transcript.scroll == top  # clamped at the oldest line
    transcript.scroll_by(-10_000)
    assert transcript.at_end


def test_new_lines_keep_a_reader_at_the_end_but_do_not_yank_one_who_scrolled_up():
    transcript, rect = _long_transcript()
    transcript.add("Kim", "A new line.")
    transcript.measure(rect)
    assert transcript.at_end
    transcript.page(1)
    before = transcript.scroll
    transcript.add("Kim", "Another.")
    transcript.measure(rect)
    assert transcript.scroll > before


def test_the_line_chart_draws_every_series_inside_its_rect():
    palette = theme.LIGHT
    surface = pygame.Surface((600, 300))
    surface.fill(palette.panel)
    rect = pygame.Rect(10, 10, 580, 280)
    series = {"Cohesion": [0.2, 0.4, 0.6, 0.8], "Conflict": [0.8, 0.5, 0.4, 0.1], "Kim": [0.5, 0.5, 0.6, 0.7]}
    plot = draw_line_chart(surface, rect, series, {"Cohesion": palette.good, "Conflict": palette.warning},
                           thin_series=["Kim"], palette=palette)
    assert rect.contains(plot)
    start = (plot.x + 1, round(plot.bottom - 0.2 * plot.height))
    assert surface.get_at(start)[:3] != palette.panel  # the Cohesion line starts at 20%
    draw_line_chart(surface, rect, {}, palette=palette)  # an empty debrief draws axes only


@pytest.mark.parametrize("name,n", [("light", 8), ("dark", 3), ("high_contrast", 12)])
def test_the_sample_frame_composes_in_every_theme(name, n):
    from game.ui.preview import compose_frame
    frame = compose_frame(theme.get(name), n)
    assert frame.get_size() == layout.LOGICAL_SIZE


def test_every_choice_gets_a_card_even_when_one_column_holds_six():
    play = layout.play_layout()
    lead, follow = layout.choice_card_rects(play, 6, 0)
    lead_column, follow_column = layout.choice_columns(play, 6, 0)
    assert len(lead) == 6 and follow == []
    assert all(r.height > 0 and lead_column.contains(r) for r in lead)
    assert all(not a.colliderect(b) for a, b in zip(lead, lead[1:]))
    assert lead_column.width > follow_column.width and play.choices.contains(lead_column.union(follow_column))


def test_a_column_with_more_cards_is_wider_and_the_columns_still_share_the_area():
    play = layout.play_layout()
    for leads, follows in ((4, 1), (1, 4), (3, 1), (2, 2), (2, 1)):
        lead, follow = layout.choice_columns(play, leads, follows)
        assert not lead.colliderect(follow) and play.choices.contains(lead.union(follow))
        if abs(leads - follows) >= 2:
            assert (lead.width > follow.width) == (leads > follows)
        else:
            assert (lead, follow) == (play.lead_column, play.follow_column)


def test_fewer_cards_get_more_room_and_the_columns_line_up():
    play = layout.play_layout()
    two_lead, one_follow = layout.choice_card_rects(play, 2, 1)
    three_lead, _ = layout.choice_card_rects(play, 3, 3)
    assert two_lead[0].height > three_lead[0].height
    assert one_follow[0].y == two_lead[0].y and one_follow[0].height == two_lead[0].height


# -- card heights follow their words -------------------------------------------------------

row_needs = st.lists(st.tuples(st.integers(40, 260), st.integers(40, 260)).map(
    lambda pair: (max(pair), min(pair))), min_size=1, max_size=6)   # body never shorter than small


@FEW
@given(row_needs, st.integers(120, 500))
def test_rows_keep_their_words_at_the_largest_type_the_column_allows(needs, space):
    slots = layout.row_slots(space, len(needs), needs)
    half = layout.GAP // 2
    assert len(slots) == len(needs) and all(slot > 0 for slot in slots)
    assert sum(slots) <= space + 1e-6
    if sum(body + half for body, _ in needs) <= space:
        assert all(slot >= body + half - 1e-6 for slot, (body, _) in zip(slots, needs))
    elif sum(small + half for _, small in needs) <= space:
        assert all(slot >= small + half - 1e-6 for slot, (_, small) in zip(slots, needs))


def test_a_long_choice_beside_a_short_one_shows_all_its_words_at_body_size():
    play = layout.play_layout()
    long = ("Rosa, I do want to hear about Sunday. Hold it for just a minute. We have someone new "
            "tonight, and I'd like us to begin together. Let's go round: your name, who you lost, "
            "and one word for how this week has been. Anyone may pass; nobody has to say more "
            "than they want to.")
    short = "Let's give someone else a turn."
    width = layout.choice_columns(play, 2, 0)[0].width
    from game.ui.widgets.card import card_heights
    needs = [max(card_heights(long, width), card_heights(short, width)), card_heights(short, width)]
    lead, _ = layout.choice_card_rects(play, 2, 0, needs)
    size, lines = fit_words(long, words_width(lead[0]), lead[0].height, fonts.default)
    assert size == "body" and "".join(lines).replace(" ", "") == long.replace(" ", "")
    uniform, _ = layout.choice_card_rects(play, 2, 0)
    assert lead[0].height > uniform[0].height and not lead[0].colliderect(lead[1])
    assert layout.choice_columns(play, 2, 0)[0].contains(lead[1])


def test_narration_takes_smaller_type_before_it_loses_words():
    from game.ui.widgets.narration import narration_lines
    strip = pygame.Rect(0, 0, 800, 76)
    words = "Week three. Eight chairs in a circle, a box of tissues on the low table. " * 2
    fonts.set_text_scale("presenter")
    try:
        _, size, lines = narration_lines(strip, words.strip(), "opening")
    finally:
        fonts.set_text_scale("normal")
    assert not lines[-1].endswith("…") and size in ("body", "small")


@FEW
@given(st.lists(st.integers(1, 6), min_size=1, max_size=6), st.integers(0, 12))
def test_objectives_share_spare_lines_one_round_at_a_time(wanted, spare):
    from game.ui.scenes.debrief import _share_lines
    given_lines = _share_lines(wanted, spare, 3)
    assert all(1 <= g <= max(1, min(w, 3)) for g, w in zip(given_lines, wanted))
    assert sum(given_lines) - len(wanted) <= spare
    # nobody gets a third line while another that wants a second is left with one
    if any(g == 3 for g in given_lines):
        assert all(g >= 2 for g, w in zip(given_lines, wanted) if w >= 2)


def offered_sets(scenario, runs=120):
    """Every set of choices play really offers at each node: the expert path and random runs
    (conditions make some choices exclusive, so 'all of a node's choices' can over-count)."""
    from game.authoring.policies import POLICIES
    from game.engine import Session
    import random

    seen: dict[str, set[tuple[int, ...]]] = {}
    for i in range(runs):
        policy, rng = POLICIES["expert" if i == 0 else "random"], random.Random(i)
        usage = __import__("collections").Counter()
        with Session(scenario, seed=i) as session:
            while not session.ended and session.choices and session.turn < 100:
                offered = session.shown_choices
                seen.setdefault(session.node_id, set()).add(tuple(c.index for c in offered))
                pick = policy(offered, session.node_id, rng, usage)
                usage[(session.node_id, pick.index)] += 1
                session.choose(pick.number)
    return seen


def test_every_shipped_choice_shows_all_its_words(scale="normal"):
    # What the trainee would say is the decision: on the play screen at the usual text size
    # no shipped choice may lose words to an ellipsis, in any set of choices play offers
    # together at a node (and every node whose choices have no conditions, all at once).
    from pathlib import Path

    from game.engine.reaction import OfferedChoice
    from game.scenario import load_path
    from game.ui.scenes.play.cards import choice_cards

    fonts.set_text_scale(scale)
    try:
        play = layout.play_layout(fonts.default)
        cut = []
        for path in sorted(Path(__file__).resolve().parents[2].glob("scenarios/*.yaml")):
            scenario = load_path(path).scenario
            sets = offered_sets(scenario)
            for node_id, node in scenario.nodes.items():
                unconditional = tuple(i for i, c in enumerate(node.choices) if c.when is None)
                for indices in sets.get(node_id, set()) | {unconditional}:
                    offered = [OfferedChoice(n + 1, i, node.choices[i]) for n, i in enumerate(indices)]
                    for choice, rect in choice_cards(play, offered, fonts.default):
                        _, lines = fit_words(choice.choice.text, words_width(rect), rect.height, fonts.default)
                        if "".join(lines).replace(" ", "") != choice.choice.text.replace(" ", "").replace("\n", ""):
                            cut.append(f"{path.stem}:{node_id}:{choice.index + 1}")
    finally:
        fonts.set_text_scale("normal")
    cut = sorted(set(cut))
    assert not cut, cut
