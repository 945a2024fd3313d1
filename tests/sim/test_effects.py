"""Authored effects land as written, on the party they name, and are clamped."""
from __future__ import annotations

import pytest

from game.sim import Move
from game.sim.effects import apply_authored

from .builders import applied, effects, group, member


def _apply(**parties):
    move = Move("lead", effects=effects(**parties))
    return applied(apply_authored, group(cohesion=0.4, conflict=0.2), move)


def test_group_effects_change_cohesion_and_conflict():
    after = _apply(group={"cohesion": 0.1, "conflict": -0.1})
    assert after.cohesion == pytest.approx(0.5) and after.conflict == pytest.approx(0.1)


def test_everyone_effects_change_every_member():
    after = _apply(everyone={"engagement": 0.1})
    assert all(m.engagement == pytest.approx(0.6) for _, m in after.members)


def test_member_effects_change_only_that_member():
    after = _apply(dee={"distress": 0.2})
    assert after.member("dee").distress == pytest.approx(0.5)
    assert all(m.distress == pytest.approx(0.3) for mid, m in after.members if mid != "dee")


def test_a_member_number_written_on_group_reaches_every_member():
    after = _apply(group={"trust": -0.1})
    assert all(m.trust == pytest.approx(0.4) for _, m in after.members)


def test_a_group_number_written_on_a_member_reaches_the_group():
    assert _apply(dee={"conflict": 0.1}).conflict == pytest.approx(0.3)


def test_effects_on_someone_not_in_the_circle_are_ignored():
    assert _apply(zed={"engagement": 0.5, "conflict": 0.5}) == group(cohesion=0.4, conflict=0.2)


def test_effects_add_up_before_they_are_clamped():
    after = _apply(everyone={"engagement": 0.8}, ana={"engagement": -0.5})
    assert after.member("ana").engagement == pytest.approx(0.8)
    assert after.member("ben").engagement == 1.0
    assert _apply(group={"conflict": -1.0}).conflict == 0.0


def test_authored_effects_are_applied_as_written_not_softened():
    start = group(cohesion=0.9, ana=member(engagement=0.9))
    after = applied(apply_authored, start, Move("lead", effects=effects(group={"cohesion": 0.05},
                                                             ana={"engagement": 0.05})))
    assert after.cohesion == pytest.approx(0.95)
    assert after.member("ana").engagement == pytest.approx(0.95)
