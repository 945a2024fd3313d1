"""A whole session: numbers move visibly, but moderate play does not pin them at 0 or 1."""
from __future__ import annotations

import random

from game.sim import Move, judge_need, step

from .builders import effects, group, member, world

IDS = ("ana", "ben", "cai", "dee", "eli", "fay", "gus", "hal")
CAST = {"ana": "monopolizer", "ben": "silent", "eli": "rescuer", "gus": "newcomer"}


def _session(policy: str, seed: int):
    """14 choices with moderate authored effects (±0.05..0.15), the same for every policy."""
    rng = random.Random(seed)
    state = group(0.3, 0.15, ids=IDS, ana=member(0.8, 0.5, 0.5), ben=member(0.3, 0.4, 0.5),
                  dee=member(0.5, 0.45, 0.75), gus=member(0.4, 0.3, 0.5))
    w, results = world(CAST, ids=IDS), []
    for turn in range(1, 15):
        phase = "opening" if turn <= 3 else "closing" if turn >= 13 else "working"
        need = judge_need(state, w, phase)
        stance = need.stance if policy == "expert" else policy
        targets = (need.member,) if need.member and stance == "lead" else ()
        skill = "blocking" if need.member == "ana" and stance == "lead" else "reflecting"
        authored = effects(group={"cohesion": rng.choice([-0.1, -0.05, 0.05, 0.1])},
                           everyone={"engagement": rng.choice([-0.05, 0.05])},
                           **{rng.choice(IDS): {"distress": rng.choice([-0.15, -0.1, 0.1])}})
        result = step(state, Move(stance, skill, targets, authored, phase=phase), w,
                      seed=seed, turn=turn)
        results.append(result)
        state = result.after
    return results


def _numbers(state):
    return [state.cohesion, state.conflict] + [
        getattr(m, var) for _, m in state.members for var in ("engagement", "trust", "distress")]


def test_a_session_moves_the_group_visibly():
    for policy in ("expert", "lead", "follow"):
        results = _session(policy, seed=1)
        start, end = results[0].before, results[-1].after
        moved = max(abs(a - b) for a, b in zip(_numbers(start), _numbers(end)))
        assert moved >= 0.15, policy


def test_good_play_does_not_pin_the_room_at_the_edges():
    for seed in range(5):
        end = _session("expert", seed)[-1].after
        pinned = [x for x in _numbers(end) if x <= 0.02 or x >= 0.98]
        assert len(pinned) <= 2
        assert 0.02 < end.cohesion < 0.98 and 0.02 < end.conflict < 0.98


def test_even_the_worst_fixed_stance_leaves_most_numbers_off_the_edges():
    for policy in ("lead", "follow"):
        end = _session(policy, seed=2)[-1].after
        pinned = [x for x in _numbers(end) if x <= 0.01 or x >= 0.99]
        assert len(pinned) <= len(_numbers(end)) // 4, policy


def test_good_play_leaves_a_warmer_room_than_always_following_a_group_that_needs_a_leader():
    climate = lambda s: s.cohesion + s.engagement - s.conflict - s.avoidance
    for seed in range(3):
        expert, follow = (_session(p, seed)[-1].after for p in ("expert", "follow"))
        assert climate(expert) > climate(follow)


def test_a_member_who_checks_out_is_reported_once_as_withdrawing():
    results = _session("follow", seed=1)
    withdrawals = [(turn, e.member) for turn, r in enumerate(results)
                   for e in r.events if e.type == "withdrawal"]
    assert withdrawals
    for turn, mid in withdrawals:
        before, after = results[turn].before.member(mid), results[turn].after.member(mid)
        assert before.engagement >= 0.25 > after.engagement
