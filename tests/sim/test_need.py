"""What the group needs — lead or follow — depends on the room, and meeting it matters."""
from __future__ import annotations

from game.sim import Move, judge_need, step

from .builders import IDS, effects, engaged_working_group, follow, group, lead, member, world


def test_high_conflict_calls_for_the_leader_to_lead():
    need = judge_need(group(conflict=0.8), world(), "working")
    assert (need.stance, need.member) == ("lead", None)
    assert "conflict" in need.reason


def test_a_distressed_member_the_group_cannot_carry_calls_for_lead_toward_them():
    need = judge_need(group(cohesion=0.3, dee=member(distress=0.8)), world(), "working")
    assert (need.stance, need.member) == ("lead", "dee")


def test_a_cohesive_group_can_carry_a_distressed_member_so_following_is_safe():
    state = engaged_working_group().with_member("dee", member(0.7, 0.7, 0.8))
    assert judge_need(state, world(), "working").stance == "follow"


def test_a_member_already_being_lost_calls_for_lead_even_in_a_cohesive_group():
    state = engaged_working_group().with_member("dee", member(0.7, 0.7, 0.8, unattended=2))
    need = judge_need(state, world(neglect_after=2), "working")
    assert (need.stance, need.member) == ("lead", "dee")
    assert need.text({"dee": "Dee"}) == "Dee is being lost"


def test_a_monopolizer_running_unchecked_calls_for_lead():
    w = world({"ana": "monopolizer"})
    talking = member(0.9, 0.6, 0.3)
    unchecked = engaged_working_group().with_member("ana", member(0.9, 0.6, 0.3, unchecked=2))
    just_blocked = engaged_working_group().with_member("ana", talking)
    assert judge_need(unchecked, w, "working").member == "ana"
    assert judge_need(unchecked, w, "working").stance == "lead"
    assert judge_need(just_blocked, w, "working").stance == "follow"


def test_an_avoiding_group_calls_for_lead():
    withdrawn = {mid: member(0.2, 0.3, 0.5) for mid in IDS}
    assert judge_need(group(cohesion=0.6, **withdrawn), world(), "working").stance == "lead"


def test_an_opening_group_without_cohesion_calls_for_lead_but_the_same_room_later_does_not():
    state = group(cohesion=0.3, conflict=0.1)
    assert judge_need(state, world(), "opening").stance == "lead"
    assert judge_need(state, world(), "working").stance == "follow"


def test_an_engaged_cohesive_working_group_calls_for_follow():
    need = judge_need(engaged_working_group(), world(), "working")
    assert need.stance == "follow" and need.member is None


def test_need_is_judged_on_the_room_before_the_choice_lands():
    heated_by_the_choice = Move("follow", effects=effects(group={"conflict": 0.8}))
    result = step(engaged_working_group(), heated_by_the_choice, world(), seed=0, turn=1)
    assert result.after.conflict > 0.55
    assert result.need.stance == "follow" and result.fit


def test_over_leading_a_working_group_leaves_it_less_engaged_than_following():
    after = {m.stance: step(engaged_working_group(), m, world(), seed=0, turn=1).after
             for m in (lead("summarizing"), follow("summarizing"))}
    assert after["lead"].engagement < after["follow"].engagement
    assert after["lead"].engagement < engaged_working_group().engagement


def test_under_leading_a_tense_group_lets_conflict_and_avoidance_grow():
    tense = group(cohesion=0.4, conflict=0.7)
    result = step(tense, follow("silence"), world(), seed=0, turn=1)
    assert not result.fit
    assert result.after.conflict > tense.conflict
    assert result.after.avoidance > tense.avoidance


def test_leading_past_a_member_who_is_being_lost_fits_the_stance_but_misses_the_need():
    state = group(cohesion=0.3, dee=member(distress=0.8))
    past = step(state, lead("reflecting", ["ana"]), world(), seed=0, turn=1)
    toward = step(state, lead("reflecting", ["dee"]), world(), seed=0, turn=1)
    assert past.fit and not past.met
    assert toward.fit and toward.met
    assert past.after.cohesion < toward.after.cohesion


def _session(policy: str):
    """A hard opening: low cohesion, one member in real distress, 12 choices."""
    state = group(cohesion=0.3, conflict=0.15, dee=member(0.5, 0.45, 0.75))
    w, results = world(), []
    for turn in range(1, 13):
        phase = "opening" if turn <= 3 else "working"
        need = judge_need(state, w, phase)
        stance = need.stance if policy == "expert" else policy
        targets = (need.member,) if need.member and stance == "lead" else ()
        result = step(state, Move(stance, "reflecting", targets, phase=phase), w,
                      seed=turn, turn=turn)
        results.append(result)
        state = result.after
    return results


def _climate(state) -> float:
    return state.cohesion + state.engagement - state.conflict - state.avoidance


def test_neither_always_leading_nor_always_following_meets_every_need():
    always_lead, always_follow = _session("lead"), _session("follow")
    assert any(r.need.stance == "follow" for r in always_lead)
    assert any(r.need.stance == "lead" for r in always_follow)


def test_meeting_the_need_leaves_a_warmer_room_than_either_fixed_stance():
    expert = _climate(_session("expert")[-1].after)
    assert expert > _climate(_session("lead")[-1].after)
    assert expert > _climate(_session("follow")[-1].after)


def test_an_authored_need_overrides_the_models_judgement():
    from game.sim import Move, Need, World, step
    from game.sim.state import GroupState, MemberState
    calm = GroupState(0.8, 0.05, (("ana", MemberState(0.8, 0.8, 0.2)), ("ben", MemberState(0.8, 0.8, 0.2)),
                                  ("cai", MemberState(0.8, 0.8, 0.2))))
    world = World((("ana", "typical"), ("ben", "typical"), ("cai", "typical")))
    judged = step(calm, Move("lead", "summarizing"), world, seed=0, turn=1)
    authored = step(calm, Move("lead", "summarizing", need=Need("lead", "the leader holds the time")),
                    world, seed=0, turn=1)
    assert judged.need.stance == "follow" and not judged.fit
    assert authored.need.reason == "the leader holds the time" and authored.fit and authored.met
    assert authored.after.cohesion > judged.after.cohesion
