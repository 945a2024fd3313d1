"""A breakthrough eases the member who has it and draws the others in."""
from __future__ import annotations

from game.sim import Move, step

from .builders import effects, group, member, others_mean, world

TENSE = dict(cohesion=0.4, conflict=0.7)   # the need stays "lead", whatever else happens


def _step(move, **members):
    return step(group(**TENSE, **members), move, world(), seed=0, turn=1)


def test_an_authored_breakthrough_fires_and_eases_that_member():
    plain = _step(Move("lead", "reflecting", ("dee",)), dee=member(0.5, 0.5, 0.8))
    broke = _step(Move("lead", "reflecting", ("dee",), breakthrough="dee"),
                  dee=member(0.5, 0.5, 0.8))
    assert [e.member for e in broke.events if e.type == "breakthrough"] == ["dee"]
    assert not [e for e in plain.events if e.type == "breakthrough"]
    assert broke.after.member("dee").distress < plain.after.member("dee").distress


def test_a_breakthrough_draws_the_group_together():
    plain = _step(Move("lead", "reflecting", ("dee",)))
    broke = _step(Move("lead", "reflecting", ("dee",), breakthrough="dee"))
    assert broke.after.cohesion > plain.after.cohesion
    for var in ("engagement", "trust"):
        assert others_mean(broke.after, var, but="dee") > others_mean(plain.after, var, but="dee")


def test_trust_at_point_seven_and_a_large_fall_in_distress_is_a_breakthrough():
    letting_go = Move("lead", "reflecting", ("dee",), effects(dee={"distress": -0.25}))
    result = _step(letting_go, dee=member(0.6, 0.75, 0.8))
    assert [e.member for e in result.events if e.type == "breakthrough"] == ["dee"]


def test_no_natural_breakthrough_without_trust_or_without_a_large_enough_fall():
    letting_go = Move("lead", "reflecting", ("dee",), effects(dee={"distress": -0.25}))
    easing = Move("lead", "reflecting", ("dee",), effects(dee={"distress": -0.1}))
    guarded = _step(letting_go, dee=member(0.6, 0.5, 0.8))
    small = _step(easing, dee=member(0.6, 0.75, 0.8))
    assert not [e for e in guarded.events + small.events if e.type == "breakthrough"]


def test_a_breakthrough_for_someone_not_in_the_circle_changes_nothing():
    plain = _step(Move("lead", "reflecting", ("dee",)))
    ghost = _step(Move("lead", "reflecting", ("dee",), breakthrough="zed"))
    assert ghost.after == plain.after and ghost.events == plain.events
