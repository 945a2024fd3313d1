"""What the screen says changed, and what a member is thinking."""
from __future__ import annotations

from game.sim import describe_changes, thought

from .builders import group, member, world

NAMES = {"ana": "Ana", "ben": "Ben", "cai": "Cai", "dee": "Dee"}


def test_captions_name_the_members_biggest_changes_first():
    before = group()
    after = group(ana=member(engagement=0.55), ben=member(engagement=0.2), cai=member(trust=0.7))
    captions = describe_changes(before, after, NAMES)
    assert len(captions) == 3
    assert captions[0].startswith("Ben") and "withdraws" in captions[0]
    assert captions[1].startswith("Cai") and captions[2].startswith("Ana")


def test_each_member_gets_one_caption_for_their_largest_change():
    after = group(dee=member(engagement=0.6, trust=0.3, distress=0.5))
    captions = describe_changes(group(), after, NAMES)
    assert len(captions) == 1 and captions[0].startswith("Dee")


def test_rising_and_falling_read_differently():
    up = describe_changes(group(), group(ana=member(engagement=0.6)), NAMES)
    down = describe_changes(group(), group(ana=member(engagement=0.4)), NAMES)
    assert up and down and up != down


def test_small_changes_are_not_captioned_and_the_limit_is_kept():
    assert describe_changes(group(), group(ana=member(engagement=0.51)), NAMES) == []
    busy = group(**{mid: member(engagement=0.9) for mid in ("ana", "ben", "cai", "dee", "eli")})
    assert len(describe_changes(group(), busy, NAMES, limit=2)) == 2


def test_the_groups_climate_is_captioned_too():
    captions = describe_changes(group(conflict=0.1), group(conflict=0.4), NAMES)
    assert captions and "tens" in captions[0].lower()


def test_a_member_without_a_display_name_is_called_by_id():
    assert describe_changes(group(), group(fay=member(engagement=0.9)), NAMES)[0].startswith("fay")


def test_a_member_being_lost_thinks_nobody_has_noticed():
    state = group(dee=member(0.4, 0.5, 0.8, unattended=3))
    assert "noticed" in thought("dee", state, world(neglect_after=2), "Dee")


def test_thoughts_follow_the_archetype_when_it_shows():
    state = group(ana=member(engagement=0.9))
    typical = thought("ana", state, world(), "Ana")
    monopolizer = thought("ana", state, world({"ana": "monopolizer"}), "Ana")
    assert typical != monopolizer


def test_every_archetype_has_its_own_thought():
    state = group(ana=member(engagement=0.7, trust=0.3))
    kinds = ["monopolizer", "silent", "help_rejecting", "hostile", "rescuer", "intellectualizer",
             "newcomer"]
    lines = {thought("ana", group(ana=member(0.7 if k == "monopolizer" else 0.3, 0.3, 0.3)),
                     world({"ana": k}), "Ana") for k in kinds}
    assert len(lines) == len(kinds)
    assert all(line for line in lines)
    assert thought("ana", state, world(), "Ana")
