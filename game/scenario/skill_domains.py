"""Each leadership skill of the format, named with its ASGW core-competency domain.

A report that says "blocking: met 2 of 5" tells a student what they did; naming the domain
("Implementation of group interventions") tells their programme which of its training
standards the practice counts toward, in the words accreditation already uses.

Source: Association for Specialists in Group Work (2000), Professional Standards for the
Training of Group Workers (Wilson, Rapin and Haley-Banez), Journal for Specialists in Group
Work 25(4), 327-342: the core training standards group their knowledge and skill objectives
in seven areas, the `Domain`s below. The skills are Corey's (Groups: Process and Practice;
Theory and Practice of Group Counseling). Most are skills of running a session, so most fall
under implementation, whose skill objectives list them (encouraging participation; attending
and responding empathically to members' behaviour, statements and the group's themes;
clarifying and summarising; confronting; eliciting and imparting information; appropriate
self-disclosure; keeping the group on task; giving and receiving feedback). The rest go where
the standards put the task itself: setting goals is planning, evaluating is evaluation,
protecting members is ethical and best practice, and the leader's own conduct (starting and
steering the group, modelling, holding back in silence) is leadership.
"""
from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from .model import Skill


class Domain(str, Enum):
    """The seven areas of the ASGW (2000) core training standards, in the standards' order."""

    nature_and_scope = "nature_and_scope"
    assessment = "assessment"
    planning = "planning"
    implementation = "implementation"
    leadership = "leadership"
    evaluation = "evaluation"
    ethical_practice = "ethical_practice"

    @property
    def title(self) -> str:
        return DOMAIN_TITLES[self]


DOMAIN_TITLES = {
    Domain.nature_and_scope: "Nature and scope of practice",
    Domain.assessment: "Assessment of group members and their social systems",
    Domain.planning: "Planning group interventions",
    Domain.implementation: "Implementation of group interventions",
    Domain.leadership: "Leadership and co-leadership",
    Domain.evaluation: "Evaluation",
    Domain.ethical_practice: "Ethical, best and diversity-competent practice",
}


class SkillDomain(NamedTuple):
    """A skill's domain, and the objective of the standards it answers to, in a few words."""

    domain: Domain
    objective: str


I, L = Domain.implementation, Domain.leadership

SKILL_DOMAINS: dict[Skill, SkillDomain] = {
    Skill.initiating: SkillDomain(L, "starting the group's work and giving it direction"),
    Skill.linking: SkillDomain(I, "responding to the group's themes: connecting members"),
    Skill.blocking: SkillDomain(I, "keeping the group on task; stopping what harms its work"),
    Skill.cutting_off: SkillDomain(I, "keeping the group's focus"),
    Skill.drawing_out: SkillDomain(I, "encouraging members to take part"),
    Skill.reflecting: SkillDomain(I, "attending and responding empathically to what members say"),
    Skill.clarifying: SkillDomain(I, "clarifying members' statements"),
    Skill.summarizing: SkillDomain(I, "summarising statements and themes"),
    Skill.questioning: SkillDomain(I, "eliciting information from members"),
    Skill.supporting: SkillDomain(I, "giving feedback; acknowledging members"),
    Skill.empathizing: SkillDomain(I, "understanding and responding empathically to members"),
    Skill.confronting: SkillDomain(I, "confronting members' behaviour, with care"),
    Skill.interpreting: SkillDomain(I, "describing and responding to the group's themes"),
    Skill.modeling: SkillDomain(L, "the leader's own conduct as an example for members"),
    Skill.self_disclosure: SkillDomain(I, "appropriate self-disclosure"),
    Skill.protecting: SkillDomain(Domain.ethical_practice, "protecting members from harm in the group"),
    Skill.goal_setting: SkillDomain(Domain.planning, "setting and keeping clear goals for the group"),
    Skill.evaluating: SkillDomain(Domain.evaluation, "evaluating the group's process and progress"),
    Skill.suggesting: SkillDomain(I, "imparting information and ideas to members"),
    Skill.silence: SkillDomain(L, "holding back so that members do the work"),
    Skill.terminating: SkillDomain(I, "bringing the group's work to a close"),
}


def domain_of(skill: Skill | str) -> SkillDomain:
    """The domain of a skill, given as the enum or as its word in a file (`drawing_out`)."""
    return SKILL_DOMAINS[Skill(skill)]


def skill_with_domain(skill: Skill | str) -> str:
    """"drawing out (Implementation of group interventions)": how a report names a skill."""
    word = Skill(skill).value.replace("_", " ")
    return f"{word} ({domain_of(skill).domain.title})"
