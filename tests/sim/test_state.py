"""The state, the world and the starting point, as the engine and the trace see them."""
from __future__ import annotations

import pytest

from game.scenario.model import Scenario
from game.sim import GroupState, MemberState, Move, World, initial_state

from .builders import IDS, group, member

SCENARIO = {
    "format": 1, "id": "t", "objectives": {"o": "An objective."}, "start": "a",
    "members": [
        {"id": "maria", "name": "Maria", "archetype": "monopolizer",
         "start": {"engagement": 0.8, "trust": 0.5, "distress": 0.6}},
        {"id": "tom", "name": "Tom", "archetype": "newcomer"},
        {"id": "kim", "name": "Kim"},
    ],
    "group": {"start": {"cohesion": 0.25, "conflict": 0.15},
              "dynamics": {"contagion": 0.4, "neglect_after": 3}},
    "nodes": {"a": {"choices": [
        {"text": "Hello.", "stance": "lead", "skill": "blocking", "targets": ["maria"],
         "effects": {"group": {"cohesion": 0.05}, "maria": {"trust": -0.05}},
         "breakthrough": "kim", "next": "b"}]},
        "b": {"ending": {"outcome": "growth"}}},
}


@pytest.fixture
def scenario():
    return Scenario.model_validate(SCENARIO)


def test_the_world_takes_archetypes_and_dynamics_from_the_scenario(scenario):
    w = World.from_scenario(scenario)
    assert w.archetypes == (("maria", "monopolizer"), ("tom", "newcomer"), ("kim", "typical"))
    assert (w.contagion, w.neglect_after) == (0.4, 3)
    assert w.archetype("nobody") == "typical"


def test_the_initial_state_is_the_scenarios_start_in_member_order(scenario):
    state = initial_state(scenario)
    assert (state.cohesion, state.conflict) == (0.25, 0.15)
    assert state.member_ids == ("maria", "tom", "kim")
    assert state.member("maria") == MemberState(0.8, 0.5, 0.6)
    assert state.member("kim") == MemberState(0.5, 0.5, 0.3)


def test_a_move_is_read_from_a_scenario_choice(scenario):
    move = Move.from_choice(scenario.nodes["a"].choices[0], "opening")
    assert move == Move("lead", "blocking", ("maria",),
                        (("group", (("cohesion", 0.05),)), ("maria", (("trust", -0.05),))),
                        "kim", "opening")


def test_group_engagement_is_the_mean_of_the_members():
    state = group(ana=member(engagement=1.0), ben=member(engagement=0.0))
    assert state.engagement == pytest.approx(0.5)


def test_avoidance_is_zero_in_an_open_room_and_one_in_a_closed_one():
    open_room = group(**{mid: member(1.0, 1.0, 1.0) for mid in IDS})
    closed = group(**{mid: member(0.0, 0.0, 1.0) for mid in IDS})
    assert open_room.avoidance == pytest.approx(0.0)
    assert closed.avoidance == pytest.approx(1.0)


def test_avoidance_grows_with_withdrawal_and_with_distress_held_back():
    base = group()
    assert group(ana=member(engagement=0.1)).avoidance > base.avoidance
    assert group(ana=member(trust=0.1, distress=0.9)).avoidance > base.avoidance
    assert group(ana=member(trust=1.0, distress=0.9)).avoidance == pytest.approx(
        group(ana=member(trust=1.0, distress=0.0)).avoidance)


def test_as_dict_is_the_traces_state_rounded_to_four_places():
    state = GroupState(1 / 3, 0.1, (("ana", MemberState(2 / 3, 0.5, 0.123456, unattended=4)),))
    assert state.as_dict() == {
        "group": {"cohesion": 0.3333, "engagement": 0.6667, "avoidance": 0.2247, "conflict": 0.1},
        "members": {"ana": {"engagement": 0.6667, "trust": 0.5, "distress": 0.1235}},
    }


def test_asking_for_a_member_not_in_the_circle_is_an_error():
    with pytest.raises(KeyError):
        group().member("zed")


def test_a_state_is_frozen_and_equal_however_it_was_built():
    from game.sim.room import Room

    state = group(cohesion=0.5, ana=member(0.9, 0.2, 0.7, unattended=3))
    rebuilt = Room(state).frozen()   # the model's way: columns in, columns out
    assert rebuilt == state and hash(rebuilt) == hash(state)
    assert rebuilt.members == state.members and rebuilt.member("ana") == state.member("ana")
    assert rebuilt.value("ana", "trust") == 0.2
    assert state != group(cohesion=0.5)
    with pytest.raises(AttributeError, match="frozen"):
        state.cohesion = 1.0
    assert "ana" in repr(state) and "cohesion=0.5" in repr(state)


def test_an_empty_circle_is_a_state_too():
    empty = GroupState(0.3, 0.2, ())
    assert empty.members == () and empty.engagement == 0.0 and empty.avoidance == 0.0
