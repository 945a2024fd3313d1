"""A starter scenario for `new ID`: small, complete, every key explained where it stands.

It must validate with no errors and no warnings (`validate --strict`) and play to an ending
under every policy, so an instructor starts from something that works and changes one thing at
a time. The tests hold it to that.
"""
from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from game.scenario.model import SCENARIO_ID

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_FILE = ROOT / "assets" / "scenario.schema.json"
SCHEMA_LINE = "# yaml-language-server: $schema=../assets/scenario.schema.json"   # for scenarios/


class BadScenarioId(ValueError):
    """An id that the format would reject; the message says what is allowed."""


def check_id(scenario_id: str) -> None:
    if not re.fullmatch(SCENARIO_ID.strip("^$"), scenario_id):
        raise BadScenarioId(
            f"'{scenario_id}' is not a valid scenario id: use lowercase letters, digits, "
            "'-' and '_', starting with a letter or digit (like group-week2)"
        )


def title_of(scenario_id: str) -> str:
    words = re.sub(r"[-_]+", " ", scenario_id).strip()
    return words[:1].upper() + words[1:]


def starter_text(scenario_id: str, saved_as: str | Path | None = None) -> str:
    """The starter file's text; BadScenarioId for an id the format would reject.

    `saved_as` is where the file will be written: the editor's schema path (relative to the
    file) and the example commands (run from the folder of main.py) are written for that place.
    Without it, for scenarios/ID.yaml, where the guide's tutorial puts it."""
    check_id(scenario_id)
    if saved_as is None:
        schema, shown = SCHEMA_LINE, f"scenarios/{scenario_id}.yaml"
    else:
        schema, shown = schema_line_for(Path(saved_as)), command_path(Path(saved_as))
    text = TEMPLATE.replace("{id}", scenario_id).replace("{title}", title_of(scenario_id))
    return schema + text.replace("{file}", shown)


def schema_line_for(saved_as: Path) -> str:
    """The editor's `$schema` line, relative to the folder the file is saved in."""
    folder = saved_as.resolve().parent
    try:
        target = Path(os.path.relpath(SCHEMA_FILE, folder)).as_posix()
    except ValueError:   # another drive: only an absolute address reaches it
        target = SCHEMA_FILE.as_uri()
    if not target.isprintable() or " " in target:   # the line ends at a newline; a space ends the path
        target = SCHEMA_FILE.as_uri()
    return f"# yaml-language-server: $schema={target}"


def command_path(saved_as: Path) -> str:
    """The file as the example commands name it: they run from the folder of main.py."""
    full = saved_as.resolve()
    try:
        shown = full.relative_to(ROOT).as_posix()
    except ValueError:
        shown = full.as_posix()
    return shlex.quote(shown) if shown.isprintable() else "FILE"   # a newline would end the comment


TEMPLATE = """
# The line above lets an editor with YAML support (VS Code's YAML extension, for one) check
# this file as you type. Its path is relative to this file's folder.
#
# A starter scenario: six members, one short branch, two endings. Change one thing at a time,
# and check as you go:
#     python main.py validate {file} --strict   (problems, at their line)
#     python main.py graph {file}               (the branching, as a diagram)
#     python main.py simulate {file}            (many playthroughs: where they end)
#     python main.py simulate {file} --audit    (can it be won without reading the group?)
#     python main.py play {file}                (play it)
# YAML: indent with spaces, never tabs; anything after " #" is a comment; text containing
# ": " needs quotes, or use `>-` and write it indented on the lines below.

format: 1                  # required: the format version (1 is the only one today)
id: {id}                   # required: unique; lowercase letters, digits, - and _
title: {title}             # shown on the menu
summary: >-                # shown on the briefing screen (`>-` folds the lines below into one)
  Six adults meet for the second session of a support group. Maria fills the
  silences; Sam has not spoken yet. Decide, moment by moment, whether the group
  needs you to lead or to step back.
focus: feeling alone with a problem   # the shared problem the group meets about
level: beginner            # beginner | intermediate | advanced
minutes: 5                 # expected play time in minutes (optional)
content_notes: []          # heavy material a player should know of beforehand, e.g. [suicide]
# For sharing, say who wrote it and on what terms (optional; shown on the briefing and in reports):
# author: Your Name        # who wrote it
# version: "1.0"           # your own version number, in quotes
# licence: CC BY 4.0       # the terms others may use it under
# sources:                 # where the material comes from
#   - Yalom & Leszcz, The Theory and Practice of Group Psychotherapy (6th ed.), chapter 5

objectives:                # learning objectives: id -> text; choices score them (see `score:`)
  universality: Help members see that what they feel is shared.
  draw_out: Bring a quiet member in without pressure.

members:                   # 3..12 people (6..10 recommended)
  - id: maria              # short id used in lines, targets, effects and conditions
    name: Maria            # shown under the chair
    age: 54                # optional
    archetype: monopolizer # typical, monopolizer, silent, help_rejecting, hostile, rescuer,
                           #   intellectualizer or newcomer: how the group model treats them
    concern: Fills every silence with her week.   # what brings them here (briefing screen)
    start: {engagement: 0.8, trust: 0.5, distress: 0.5}   # each 0..1 (defaults 0.5, 0.5, 0.3)
    look: {skin: "#c68642", hair: "#3b2a1a", top: "#8e3b46"}   # optional colours; keep the quotes
  - id: sam                # the other members use the same keys; leave out what you do not need
    name: Sam
    archetype: silent
    concern: New in town; has not spoken in the group yet.
    start: {engagement: 0.2, trust: 0.4, distress: 0.6}
  - id: lee
    name: Lee
    concern: Caring for a parent alone.
  - id: ana
    name: Ana
    archetype: rescuer
    concern: Looks after everyone but herself.
  - id: omar
    name: Omar
    archetype: intellectualizer
    concern: Explains his feelings instead of having them.
  - id: june
    name: June
    archetype: newcomer
    concern: Not sure she belongs here.

group:                     # the room as a whole
  start: {cohesion: 0.3, conflict: 0.1}          # each 0..1; these are the defaults
  dynamics: {contagion: 0.3, neglect_after: 2}   # how much members pull each other (0..1);
                                                 #   turns before a distressed member drifts

start: opening             # required: the id of the first node

nodes:                     # required: node id -> node
  opening:                 # a node id: letters, digits, - and _
    phase: opening         # opening | working | closing (default: the previous node's)
    narration: >-          # what the trainee sees and hears
      Six chairs in a circle. Maria is already telling the group about her week.
    lines:                 # what members say before the trainee chooses, in order
      - maria: And then, of course, it rained all Saturday, so I stayed in again.   # member id: text
      - {speaker: sam, text: "...", tone: anxious}   # long form; tone: neutral, anxious, sad,
                                                     #   angry, hopeful, flat, defensive, warm
    choices:               # 1..6 choices; offer both a lead and a follow. The trainee sees
                           #   them lead first, then follow, in an order drawn from the seed
      - text: Thank you, Maria. Sam, you're welcome to pass. Is there a word you'd add tonight?   # what the trainee says
        stance: lead       # required: lead | follow (the trainee's core decision)
        skill: drawing_out # optional leadership skill (blocking, linking, reflecting, silence ...)
        targets: [maria, sam]   # members addressed or attended to
        effects:           # optional changes, each -1..1; results stay within 0..1
          group: {cohesion: +0.05}   # the group takes cohesion and conflict
          sam: {trust: +0.1, distress: -0.1}   # a member (or `everyone`) takes engagement, trust, distress
          everyone: {engagement: +0.05}
        score: {draw_out: 1}         # objective id -> points (may be negative)
        feedback: Drawing out with an easy way to pass invites Sam in without a spotlight.   # for the debrief
        expert: true       # the recommended choice (at most one per node)
        next: sharing      # the node this choice leads to
      - text: Sam, you haven't said a single word yet tonight. What's going on for you?
        stance: lead
        skill: questioning
        targets: [sam]
        effects: {sam: {engagement: -0.05, trust: -0.05}}
        quality: poor      # best | good | poor | harmful: the move itself, whatever its stance
        feedback: Right to lead, but a direct question in front of everyone is a spotlight, not an invitation.
        next: sharing
      - text: (Stay quiet, nod, and let Maria tell the group about her week.)
        stance: follow
        skill: silence
        targets: [maria]
        if: group.conflict < 0.8   # optional: the choice is offered only when this holds
        effects: {group: {cohesion: -0.05}}
        quality: poor
        feedback: In a second session the room has not settled, and silence now lets one voice fill it.
        next: sharing

  sharing:
    phase: working
    narration: Sam looks up. Lee nods slowly; Omar leans back.
    lines:
      - sam: I didn't think anyone else felt like this.
      - {speaker: lee, text: "I do. Every evening.", tone: sad}
      - {speaker: ana, text: "Oh, but you will be fine, Sam!", tone: warm}
      - {speaker: omar, text: "Statistically, it is very common.", tone: flat}
      - {speaker: june, text: "Me too, actually.", tone: hopeful}
    choices:
      - text: (Say nothing. Let Sam, Lee and June keep talking to each other.)
        stance: follow
        skill: silence
        effects: {everyone: {engagement: +0.05}, group: {cohesion: +0.05}}
        score: {universality: 2}
        breakthrough: sam  # optional: this choice gives that member a breakthrough
        feedback: Members finding each other is the group's own work, and stepping back lets it happen.
        expert: true
        next:              # or branches, tried in order: the first whose `if` holds is taken
          - if: group.cohesion >= 0.35 and sam.trust >= 0.45   # a condition on the room
            goto: growth
          - goto: stalled  # the last branch has no `if`
      - text: It sounds as if many of you feel this. Let's go round and each share one feeling.
        stance: lead
        skill: linking
        effects: {group: {cohesion: -0.05}}
        quality: poor
        feedback: Linking is a good skill at the wrong moment here, as a round turns a living exchange back to you.
        next: stalled
      - text: Sam, that took courage to say. Stay with it a moment, if you can?
        stance: lead
        skill: empathizing
        targets: [sam]
        quality: good
        feedback: Good if Sam is struggling alone; if the members are reaching each other, it pulls them back to you.
        next: stalled
      - text: Sam, you will be fine, you know. Everyone feels like this at the start.
        stance: lead
        skill: supporting
        targets: [sam]
        effects: {sam: {trust: -0.05}}
        quality: poor
        feedback: Premature reassurance closes the door Sam has just opened.
        next: stalled

  growth:                  # an ending: `ending` and no choices
    phase: closing
    narration: The time is up. Sam stays to help stack the chairs.
    ending:
      outcome: growth      # breakthrough | growth | stalled | rupture
      text: The group found something in common, and Sam found a voice.   # read at the end

  stalled:
    phase: closing
    ending:
      outcome: stalled
      text: Maria talked for the whole hour; Sam did not come back the next week.

paths:                     # path tests (optional): `validate` plays each one and reports, at
                           #   its line, any expectation that does not hold
  - name: the expert path ends in growth   # quoted in messages
    choices: [1, 1]        # the choices to make, numbered as `run --choices` takes them
    seed: 0                # the model's seed (optional; default 0)
    ending: growth         # an ending node's id, or an outcome
    safe: true             # true: no risk of harm was missed
    events: [breakthrough: sam]   # must happen on the way: an event, or event: member
    no_events: [neglect: sam]     # must not happen
    visits: [sharing]      # nodes the path must pass through
    avoids: [stalled]      # nodes it must never reach
    holds: score.universality >= 2 and sam.trust >= 0.45   # true at the end, as in `if:`
"""
