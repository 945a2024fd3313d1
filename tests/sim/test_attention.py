"""Attention, neglect, and the group reaching out on its own."""
from __future__ import annotations

from game.sim import step

from .builders import engaged_working_group, follow, group, lead, member, others_mean, play, world


def _events(results, kind):
    return [(turn, e) for turn, r in enumerate(results, start=1)
            for e in r.events if e.type == kind]


def test_a_distressed_member_unattended_for_neglect_after_turns_is_being_lost():
    state = group(cohesion=0.3, dee=member(0.5, 0.5, 0.85))
    results = play(state, [lead("reflecting", ["ana"])] * 4, world(neglect_after=3))
    neglects = _events(results, "neglect")
    assert neglects and neglects[0][0] == 3
    assert {e.member for _, e in neglects} == {"dee"}


def test_attending_a_member_resets_their_count():
    state = group(cohesion=0.3, dee=member(0.5, 0.5, 0.85, unattended=1))
    result = step(state, lead("reflecting", ["dee"]), world(), seed=0, turn=1)
    assert result.after.member("dee").unattended == 0
    assert result.after.member("ana").unattended == 1
    assert not _events([result], "neglect")


def test_a_member_below_the_distress_line_is_not_lost_however_long_unattended():
    state = group(cohesion=0.3, dee=member(0.5, 0.5, 0.4, unattended=9))
    result = step(state, lead("reflecting", ["ana"]), world(contagion=0), seed=0, turn=1)
    assert not _events([result], "neglect")


def test_neglect_costs_the_lost_member_engagement_and_trust():
    lost = member(0.5, 0.5, 0.85, unattended=5)
    past = step(group(cohesion=0.3, dee=lost), lead(None, ["ana"]), world(), seed=0, turn=1)
    toward = step(group(cohesion=0.3, dee=lost), lead(None, ["dee"]), world(), seed=0, turn=1)
    assert past.after.member("dee").engagement < toward.after.member("dee").engagement
    assert past.after.member("dee").trust < toward.after.member("dee").trust


def test_neglected_member_pulls_the_group_down_only_through_contagion():
    def others_after(contagion, target):
        # high conflict: the need is to lead, whoever is targeted, so only the neglect differs
        state = group(cohesion=0.3, conflict=0.8, dee=member(0.5, 0.5, 0.85, unattended=5))
        result = step(state, lead(None, [target]), world(contagion=contagion), seed=0, turn=1)
        return others_mean(result.after, "trust", but="dee")

    assert others_after(0.0, "ana") == others_after(0.0, "dee")
    assert others_after(0.4, "ana") < others_after(0.4, "dee")


def _cohesive_with_dee_struggling():
    return engaged_working_group().with_member("dee", member(0.6, 0.6, 0.8, unattended=1))


def test_following_a_cohesive_group_lets_a_member_reach_out_to_one_who_struggles():
    supported = [step(_cohesive_with_dee_struggling(), follow("silence"), world(), seed=s, turn=1)
                 for s in range(20)]
    events = [e for r in supported for e in r.events if e.type == "support"]
    assert events, "a cohesive group reaches out on its own at least sometimes"
    assert all(e.member == "dee" and e.by not in (None, "dee") for e in events)


def test_whether_the_group_reaches_out_depends_on_the_seed():
    reached = {any(e.type == "support" for e in
                   step(_cohesive_with_dee_struggling(), follow(), world(), seed=s, turn=1).events)
               for s in range(40)}
    assert reached == {True, False}


def test_support_counts_as_attention_for_the_neglect_rule():
    for seed in range(40):
        result = step(_cohesive_with_dee_struggling(), follow(), world(neglect_after=2),
                      seed=seed, turn=1)
        kinds = {e.type for e in result.events}
        if "support" in kinds:
            assert "neglect" not in kinds
            assert result.after.member("dee").unattended == 0
        else:
            assert "neglect" in kinds


def test_the_group_does_not_reach_out_when_the_leader_leads_or_the_group_is_not_cohesive():
    loose = group(cohesion=0.3, dee=member(0.6, 0.6, 0.8))
    for seed in range(20):
        assert not _events([step(_cohesive_with_dee_struggling(), lead(), world(), seed=seed,
                                 turn=1)], "support")
        assert not _events([step(loose, follow(), world(), seed=seed, turn=1)], "support")


def test_a_rescuer_is_the_first_to_reach_out():
    w = world({"fay": "rescuer"})
    events = [e for s in range(20)
              for e in step(_cohesive_with_dee_struggling(), follow(), w, seed=s, turn=1).events
              if e.type == "support"]
    assert events and all(e.by == "fay" for e in events)
