"""Safety first (TEACHING.md): an open risk of harm outranks every other rule, is met only by
checking it, and is never missable on the way to the end."""
from __future__ import annotations

from hypothesis import given, strategies as st

from game.sim import GroupState, Move, Need, step

from .builders import IDS, effects, follow, lead, member, play, world
from .test_properties import ARCHETYPES, FEW, SKILLS, unit

PHASES = st.sampled_from(["opening", "working", "closing"])


@st.composite
def any_room(draw):
    members = tuple((mid, member(draw(unit), draw(unit), draw(unit), unattended=draw(st.integers(0, 4)),
                                 unchecked=draw(st.integers(0, 3)))) for mid in IDS)
    return GroupState(draw(unit), draw(unit), members)


@FEW
@given(any_room(), st.lists(st.sampled_from(ARCHETYPES), min_size=6, max_size=6), PHASES,
       st.sampled_from(IDS), st.sampled_from(["lead", "follow"]), st.sampled_from(SKILLS + [None]),
       st.booleans())
def test_an_open_risk_is_the_need_whatever_else_is_happening(state, kinds, phase, at_risk, stance,
                                                               skill, authored_need):
    w = world(dict(zip(IDS, kinds)))
    told = Need("follow", "the author says follow") if authored_need else None
    move = Move(stance, skill, (), phase=phase, need=told, opens_risk=(at_risk,))
    need = step(state, move, w, seed=3, turn=1).need
    assert (need.stance, need.member, need.risk) == ("lead", at_risk, True)
    assert "{member}" in need.reason, "the reason names the member at risk"


@FEW
@given(any_room(), st.sampled_from(IDS), st.sampled_from(["best", "good", "poor", "harmful"]))
def test_only_a_check_aimed_at_the_member_meets_a_risk(state, at_risk, quality):
    w = world()
    other = next(mid for mid in IDS if mid != at_risk)
    verdicts = {
        name: step(state, move, w, seed=1, turn=1).verdict for name, move in {
            "checks them": lead("questioning", (at_risk,), checks_risk=True, opens_risk=(at_risk,), quality=quality),
            "leads to them": lead("supporting", (at_risk,), opens_risk=(at_risk,), quality=quality),
            "checks another": lead("questioning", (other,), checks_risk=True, opens_risk=(at_risk,), quality=quality),
            "follows": follow("silence", (), opens_risk=(at_risk,), quality=quality),
        }.items()}
    good = quality in ("best", "good")
    assert verdicts["checks them"] == ("met" if good else "partly")
    assert verdicts["leads to them"] == verdicts["checks another"] == verdicts["follows"] == "missed"


def _events(results, kind):
    return [(turn, e.member) for turn, r in enumerate(results, 1) for e in r.events if e.type == kind]


@FEW
@given(st.integers(1, 4), st.sampled_from(IDS), st.integers(0, 6))
def test_a_risk_left_open_is_missed_after_neglect_after_turns_once(neglect_after, at_risk, extra):
    w = world(neglect_after=neglect_after)
    start = GroupState(0.5, 0.2, tuple((mid, member()) for mid in IDS))
    hint = follow(opens_risk=(at_risk,))
    moves = [hint] + [follow()] * (neglect_after - 1 + extra)
    results = play(start, moves, w)
    assert _events(results, "risk-missed") == [(neglect_after, at_risk)]
    assert all(r.need.member == at_risk and r.need.risk for r in results), "the need stays on the risk"


def test_a_risk_still_open_at_the_end_is_missed_then():
    w = world(neglect_after=3)
    start = GroupState(0.5, 0.2, tuple((mid, member()) for mid in IDS))
    first = step(start, follow(opens_risk=("ben",)), w, seed=0, turn=1)
    last = step(first.after, follow(), w, seed=0, turn=2, final=True)
    assert [e.type for e in first.events if e.type.startswith("risk")] == []
    assert [(e.type, e.member) for e in last.events if e.type.startswith("risk")] == [("risk-missed", "ben")]


def test_checking_closes_the_risk_and_the_need_moves_on():
    w = world()
    start = GroupState(0.5, 0.2, tuple((mid, member()) for mid in IDS))
    checked = step(start, lead("questioning", ("cai",), checks_risk=True, opens_risk=("cai",)), w, seed=0, turn=1)
    assert [(e.type, e.member) for e in checked.events if e.type.startswith("risk")] == [("risk-checked", "cai")]
    assert checked.after.risks == ()
    later = step(checked.after, follow(), w, seed=0, turn=2, final=True)
    assert not later.need.risk and not [e for e in later.events if e.type == "risk-missed"]


def test_a_missed_risk_costs_the_member_more_than_a_checked_one():
    w = world(neglect_after=1)
    start = GroupState(0.5, 0.2, tuple((mid, member(0.6, 0.6, 0.5)) for mid in IDS))
    hint = dict(opens_risk=("dee",), effects=effects(everyone={"trust": 0.0}))
    missed = step(start, lead("supporting", ("dee",), **hint), w, seed=0, turn=1).after.member("dee")
    checked = step(start, lead("supporting", ("dee",), checks_risk=True, **hint), w, seed=0, turn=1).after.member("dee")
    assert checked.trust > missed.trust and checked.engagement > missed.engagement
