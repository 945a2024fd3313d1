"""Each archetype bends the model's rules as GROUP_MODEL.md says, against a typical member."""
from __future__ import annotations

from types import SimpleNamespace

from game.sim import Move, initial_state, step

from .builders import IDS, effects, engaged_working_group, group, member, others_mean, world

TENSE = dict(cohesion=0.4, conflict=0.7)   # the need is "lead" whatever the move targets


def _both(move, kind, seat="ana", state=None, **w):
    """(typical, archetype) results of the same move with `seat` played by each."""
    state = state or group(**TENSE)
    return tuple(step(state, move, world({seat: k}, **w), seed=0, turn=1)
                 for k in ("typical", kind))


# --- typical --------------------------------------------------------------------------------

def test_a_typical_member_follows_the_plain_rules_in_every_seat():
    move = Move("lead", "suggesting", ("ana",),
                effects(everyone={"engagement": 0.1, "distress": -0.1}))
    result = step(group(**TENSE), move, world(), seed=0, turn=1)
    start = group(**TENSE)
    assert result.after.member("ana").engagement > start.member("ana").engagement
    assert result.after.member("ana").distress < start.member("ana").distress
    assert not result.events


# --- monopolizer ----------------------------------------------------------------------------

def _monopolizing_room():
    return engaged_working_group().with_member("ana", member(0.9, 0.6, 0.4))


def test_a_monopolizer_left_unblocked_raises_the_others_avoidance():
    move = Move("follow", "silence")
    typical, monopolizer = _both(move, "monopolizer", state=_monopolizing_room(), contagion=0)
    others = lambda r: others_mean(r.after, "engagement", but="ana")
    assert others(monopolizer) < others(typical)
    assert monopolizer.after.avoidance > typical.after.avoidance


def test_blocking_the_monopolizer_spares_the_others():
    w = world({"ana": "monopolizer"}, contagion=0)
    blocked = step(_monopolizing_room(), Move("lead", "blocking", ("ana",)), w, seed=0, turn=1)
    typical = step(_monopolizing_room(), Move("lead", "blocking", ("ana",)), world(contagion=0),
                   seed=0, turn=1)
    assert others_mean(blocked.after, "engagement", but="ana") == \
        others_mean(typical.after, "engagement", but="ana")
    assert blocked.after.member("ana").unchecked == 0


def test_a_monopolizer_unchecked_for_two_turns_is_reported_and_then_calls_for_lead():
    w = world({"ana": "monopolizer"}, contagion=0)
    state, kinds = _monopolizing_room(), []
    for turn in (1, 2):
        result = step(state, Move("follow", "silence"), w, seed=0, turn=turn)
        kinds.append([e.type for e in result.events])
        state = result.after
    assert "monopolizing" not in kinds[0] and "monopolizing" in kinds[1]
    assert state.member("ana").unchecked == 2
    assert step(state, Move("follow"), w, seed=0, turn=3).need.member == "ana"


def test_a_quiet_monopolizer_is_not_monopolizing():
    quiet = engaged_working_group().with_member("ana", member(0.3, 0.6, 0.4))
    typical, monopolizer = _both(Move("follow", "silence"), "monopolizer", state=quiet, contagion=0)
    assert monopolizer.after == typical.after


# --- silent ---------------------------------------------------------------------------------

WARMING = effects(everyone={"engagement": 0.1})


def test_a_silent_member_does_not_warm_up_unless_drawn_out():
    typical, silent = _both(Move("lead", "supporting", ("ana",), WARMING), "silent")
    assert typical.after.member("ana").engagement > 0.5
    assert silent.after.member("ana").engagement <= 0.5


def test_drawing_out_or_linking_brings_a_silent_member_in():
    for skill in ("drawing_out", "linking"):
        _, silent = _both(Move("lead", skill, ("ana",)), "silent")
        assert silent.after.member("ana").engagement > 0.5


def test_pressure_pushes_a_silent_member_further_back():
    for skill in ("confronting", "questioning"):
        typical, silent = _both(Move("lead", skill, ("ana",)), "silent")
        typical_engagement = typical.after.member("ana").engagement
        assert silent.after.member("ana").engagement < min(0.5, typical_engagement)


# --- help-rejecting -------------------------------------------------------------------------

EASING = effects(ana={"distress": -0.15})


def test_advice_does_not_ease_a_help_rejecting_member():
    typical, rejecting = _both(Move("lead", "suggesting", ("ana",), EASING), "help_rejecting")
    assert typical.after.member("ana").distress < 0.3
    assert rejecting.after.member("ana").distress >= 0.3


def test_a_help_rejecting_member_eases_from_what_is_not_advice():
    _, rejecting = _both(Move("lead", "empathizing", ("ana",), EASING), "help_rejecting")
    assert rejecting.after.member("ana").distress < 0.3


# --- hostile --------------------------------------------------------------------------------

def _confront(trust):
    room = group(cohesion=0.5, conflict=0.3, ana=member(0.6, trust, 0.5))
    return _both(Move("lead", "confronting", ("ana",)), "hostile", state=room)


def test_confronting_a_hostile_member_who_does_not_trust_raises_conflict():
    typical, hostile = _confront(trust=0.2)
    assert hostile.after.conflict > typical.after.conflict
    assert [e.member for e in hostile.events if e.type == "hostility"] == ["ana"]


def test_a_hostile_member_who_trusts_can_be_confronted():
    typical, hostile = _confront(trust=0.7)
    assert hostile.after.conflict == typical.after.conflict
    assert not [e for e in hostile.events if e.type == "hostility"]


# --- rescuer --------------------------------------------------------------------------------

def _working_on_dee(skill="reflecting", targets=("dee",)):
    room = group(**TENSE, dee=member(0.6, 0.5, 0.8), ana=member(0.7, 0.6, 0.3))
    move = Move("lead", skill, targets, effects(dee={"distress": -0.15}))
    return _both(move, "rescuer", state=room)


def test_a_rescuer_cuts_short_another_members_distress_work():
    typical, rescuer = _working_on_dee()
    assert rescuer.after.member("dee").distress > typical.after.member("dee").distress
    assert [(e.member, e.by) for e in rescuer.events if e.type == "rescuing"] == [("dee", "ana")]


def test_protecting_the_member_or_blocking_the_rescuer_lets_the_work_finish():
    for skill, targets in (("protecting", ("dee",)), ("blocking", ("ana", "dee"))):
        typical, rescuer = _working_on_dee(skill, targets)
        assert rescuer.after.member("dee").distress == typical.after.member("dee").distress
        assert not [e for e in rescuer.events if e.type == "rescuing"]


# --- intellectualizer -----------------------------------------------------------------------

def test_interpreting_or_explaining_does_not_ease_an_intellectualizer():
    for skill in ("interpreting", "clarifying"):
        typical, thinker = _both(Move("lead", skill, ("ana",), EASING), "intellectualizer")
        assert typical.after.member("ana").distress < 0.3
        assert thinker.after.member("ana").distress >= 0.3


def test_reflecting_feelings_eases_an_intellectualizer_more_than_a_typical_member():
    typical, thinker = _both(Move("lead", "reflecting", ("ana",)), "intellectualizer")
    assert thinker.after.member("ana").distress < typical.after.member("ana").distress < 0.3


# --- newcomer -------------------------------------------------------------------------------

def _scenario(archetype):
    people = [SimpleNamespace(id=mid, archetype=archetype if mid == "ana" else "typical",
                              start=SimpleNamespace(engagement=0.5, trust=0.6, distress=0.3))
              for mid in IDS]
    start = SimpleNamespace(cohesion=0.3, conflict=0.1)
    return SimpleNamespace(members=people, group=SimpleNamespace(start=start))


def test_a_newcomer_starts_with_low_trust_whatever_the_file_says():
    assert initial_state(_scenario("typical")).member("ana").trust == 0.6
    assert initial_state(_scenario("newcomer")).member("ana").trust < 0.5


def test_supporting_or_linking_builds_a_newcomers_trust_faster():
    newcomer_room = group(**TENSE, ana=member(0.5, 0.3, 0.3))
    for skill in ("supporting", "linking"):
        move = Move("lead", skill, ("ana",), effects(ana={"trust": 0.05}))
        typical, newcomer = _both(move, "newcomer", state=newcomer_room)
        assert newcomer.after.member("ana").trust > typical.after.member("ana").trust


def test_other_skills_build_a_newcomers_trust_at_the_usual_pace():
    move = Move("lead", "summarizing", ("ana",), effects(ana={"trust": 0.05}))
    typical, newcomer = _both(move, "newcomer", state=group(**TENSE, ana=member(0.5, 0.3, 0.3)))
    assert newcomer.after.member("ana").trust == typical.after.member("ana").trust


# --- co_leader -------------------------------------------------------------------------------

def test_competing_with_the_co_leader_splits_the_room_and_repairing_in_the_open_mends_it():
    from game.sim import GroupState
    from .builders import IDS, lead, member, world
    w = world({"ana": "co_leader"})
    start = GroupState(0.5, 0.3, tuple((mid, member(0.6, 0.6, 0.3)) for mid in IDS))
    results = {skill: step(start, lead(skill, ("ana",), quality="good"), w, seed=0, turn=1)
               for skill in ("confronting", "modeling", "supporting")}
    contest, repair, neither = (results[k] for k in ("confronting", "modeling", "supporting"))
    assert [e.type for e in contest.events if e.member == "ana"] == ["leaders-split"]
    assert [e.type for e in repair.events if e.member == "ana"] == ["leaders-repair"]
    assert contest.after.conflict > neither.after.conflict > 0
    assert repair.after.cohesion > neither.after.cohesion
    others = [mid for mid in IDS if mid != "ana"]
    for mid in others:
        assert contest.after.member(mid).trust < neither.after.member(mid).trust < repair.after.member(mid).trust


def test_addressing_the_whole_group_is_not_addressing_the_co_leader():
    from game.sim import GroupState
    from .builders import IDS, lead, member, world
    start = GroupState(0.5, 0.3, tuple((mid, member(0.6, 0.6, 0.3)) for mid in IDS))
    result = step(start, lead("confronting", (), quality="good"), world({"ana": "co_leader"}), seed=0, turn=1)
    assert not [e for e in result.events if e.type.startswith("leaders")]
