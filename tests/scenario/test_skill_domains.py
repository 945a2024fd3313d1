"""Every skill of the format is named with its ASGW core-competency domain."""
from __future__ import annotations

import pytest

from game.scenario.model import Skill
from game.scenario.skill_domains import DOMAIN_TITLES, SKILL_DOMAINS, Domain, domain_of, skill_with_domain


def test_every_skill_has_a_domain_and_an_objective():
    assert set(SKILL_DOMAINS) == set(Skill)
    for skill, placed in SKILL_DOMAINS.items():
        assert isinstance(placed.domain, Domain), skill
        assert placed.objective.strip(), skill


def test_every_domain_has_a_title():
    assert set(DOMAIN_TITLES) == set(Domain)
    assert all(title[0].isupper() for title in DOMAIN_TITLES.values())


def test_a_skill_is_found_by_its_word_in_a_file():
    assert domain_of("protecting").domain is Domain.ethical_practice
    assert domain_of(Skill.goal_setting).domain is Domain.planning
    assert skill_with_domain("drawing_out") == "drawing out (Implementation of group interventions)"


def test_a_word_that_is_not_a_skill_is_refused():
    with pytest.raises(ValueError):
        domain_of("juggling")
