"""The step's fast paths compute exactly what the plain rules say: the same numbers to the last
bit (a push over a column is `nudge` on each value, the climate is the mean of the written
formula added left to right), and what is worked out once per move is never carried to another
world or circle."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.sim import GroupState, MemberState, Move, World, step
from game.sim.room import Room, push_all, push_others
from game.sim.state import climate, nudge, total

from .builders import IDS, effects, group, member, world

unit = st.floats(0.0, 1.0, allow_nan=False)
deltas = st.sampled_from([0.0, 0.02, -0.02, 0.03, -0.03, 0.04, -0.04, 0.08, -0.06, 0.15, -0.15])


@given(st.lists(unit, max_size=12), deltas)
def test_a_push_over_a_column_is_nudge_on_every_value(values, delta):
    pushed = list(values)
    push_all(pushed, delta)
    expected = [nudge(v, delta) if delta else v for v in values]
    assert [repr(v) for v in pushed] == [repr(v) for v in expected]


@given(st.lists(unit, min_size=1, max_size=12), deltas, st.data())
def test_a_push_on_the_others_leaves_the_one_alone(values, delta, data):
    i = data.draw(st.integers(0, len(values) - 1))
    pushed = list(values)
    push_others(pushed, i, delta)
    expected = [v if k == i or not delta else nudge(v, delta) for k, v in enumerate(values)]
    assert [repr(v) for v in pushed] == [repr(v) for v in expected]


def _written_climate(engagement, trust, distress):
    """The climate as GROUP_MODEL.md writes it, one member at a time."""
    each = [0.6 * (1.0 - e) + 0.4 * d * (1.0 - t) for e, t, d in zip(engagement, trust, distress)]
    result_e = result_a = 0.0
    for e in engagement:
        result_e += e
    for a in each:
        result_a += a
    count = len(each)
    return (result_e / count, result_a / count) if count else (0.0, 0.0)


@given(st.lists(st.tuples(unit, unit, unit), max_size=12))
def test_the_climate_is_the_written_formula_added_left_to_right(members):
    columns = [list(c) for c in zip(*members)] or [[], [], []]
    assert climate(*columns) == _written_climate(*columns)


def test_total_adds_left_to_right_from_zero():
    values = [0.1, 0.2, 0.3, 1e16, -1e16, 0.7]
    result = 0.0
    for v in values:
        result += v
    assert total(values) == result and total([]) == 0.0


def _random_state(rng: random.Random) -> GroupState:
    return group(rng.random(), rng.random(), **{mid: member(rng.random(), rng.random(), rng.random(),
                                                             unattended=rng.randint(0, 3))
                                                for mid in IDS})


def test_one_move_in_two_worlds_is_judged_in_each_world():
    # The engine keeps one Move per choice and one World per scenario; a move's plan is kept
    # with it, so a move played in another world (tests do) must not reuse the first world's.
    move = Move("lead", "confronting", ("ana",), effects(ana={"trust": -0.1}))
    hostile, plain = world({"ana": "hostile", "ben": "monopolizer"}), world()
    rng = random.Random(3)
    for _ in range(20):
        state = _random_state(rng)
        for w in (hostile, plain, hostile):
            fresh = Move("lead", "confronting", ("ana",), effects(ana={"trust": -0.1}))
            assert step(state, move, w, seed=1, turn=2) == step(state, fresh, w, seed=1, turn=2)


def test_a_move_played_in_a_smaller_circle_is_planned_for_that_circle():
    move = Move("follow", "drawing_out", ("cai",), effects(everyone={"engagement": 0.05}))
    w = world({"cai": "silent"})
    whole = group()
    away = GroupState(whole.cohesion, whole.conflict, whole.members, away=frozenset({"ana"}))
    for state in (whole, away, whole, away):
        fresh = Move("follow", "drawing_out", ("cai",), effects(everyone={"engagement": 0.05}))
        assert step(state, move, w, seed=0, turn=1) == step(state, fresh, w, seed=0, turn=1)


def test_an_absent_member_keeps_every_number_through_a_step():
    members = tuple((mid, member(0.4, 0.45, 0.7, unattended=2, unchecked=1)) for mid in IDS)
    state = GroupState(0.5, 0.3, members, away=frozenset({"cai", "fay"}))
    after = step(state, Move("lead", "blocking", ("ana",)), world({"ana": "monopolizer"}),
                 seed=0, turn=1).after
    assert after.member("cai") == state.member("cai") and after.member("fay") == state.member("fay")
    assert after.away == state.away and after.member_ids == state.member_ids


def test_a_room_frozen_again_is_the_state_it_came_from():
    for away in (frozenset(), frozenset({"ben"}), frozenset({"ana", "fay"})):
        state = GroupState(0.4, 0.2, group().members, away=away)
        assert Room(state).frozen() == state


def test_a_hand_built_state_out_of_range_is_clamped_whatever_the_move_touches():
    state = GroupState(0.4, 0.2, (("ana", MemberState(1.4, -0.2, 0.5)), ("ben", member())))
    after = step(state, Move("follow"), World((("ana", "typical"), ("ben", "typical"))),
                 seed=0, turn=1).after
    assert all(0.0 <= v <= 1.0 for column in after.columns[:3] for v in column)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_a_step_gives_the_same_result_however_often_its_move_is_played(seed):
    rng = random.Random(seed)
    w = world({"ana": "monopolizer", "ben": "rescuer", "cai": "silent", "dee": "newcomer",
               "eli": "intellectualizer", "fay": "hostile"}, contagion=rng.random())
    moves = [Move(rng.choice(["lead", "follow"]), rng.choice([None, "blocking", "reflecting",
                                                              "linking", "confronting"]),
                  tuple(rng.sample(IDS, rng.randint(0, 2))),
                  effects(everyone={"distress": rng.uniform(-0.2, 0.2)}),
                  breakthrough=rng.choice([None, "dee"]))
             for _ in range(3)]
    state = _random_state(rng)
    for turn in range(1, 8):
        move = rng.choice(moves)
        fresh = Move(move.stance, move.skill, move.targets, move.effects, move.breakthrough)
        result = step(state, move, w, seed=seed, turn=turn)
        assert result == step(state, fresh, w, seed=seed, turn=turn)
        state = result.after
