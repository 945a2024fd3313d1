"""The typed scenario, format version 1.

These pydantic models are the single source of truth for the format: the loader validates
against them and `schema` generates the JSON Schema from them. Cross-references (nodes,
members, objectives, expressions) are checked afterwards by `rules.py`, because they need the
whole file at once.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .expressions import MAX_LENGTH as MAX_CONDITION  # an `if:`: the parser's own bound

SCENARIO_ID = r"^[a-z0-9][a-z0-9_-]*$"
MEMBER_ID = r"^[a-z][a-z0-9_]*$"
COLOUR = r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"

# The longest text each kind of field takes, in characters. Text is drawn in a window and
# wrapped on every frame: a bound keeps a file from freezing or filling it. Each leaves ample
# room over the longest the shipped scenarios use (tests/scenario/test_text_rules.py checks it).
MAX_ID = 64          # ids, and the references to them
MAX_NAME = 60        # a member's name, drawn under the chair
MAX_TITLE = 120      # a title or a focus, drawn on one line
MAX_CHOICE = 600     # a choice's text, drawn on its card
MAX_NOTE = 1000      # a concern, an objective, a content note, a need's reason
MAX_PROSE = 5000     # summary, narration, what a member says, feedback, an ending's text

Id = Annotated[str, Field(max_length=MAX_ID)]
Note = Annotated[str, Field(max_length=MAX_NOTE)]

# Words with a meaning of their own in effects and conditions; a member may not take them.
RESERVED_WORDS = frozenset(
    "group everyone turn leads follows visited score true false and or not".split()
)


class Level(str, Enum):
    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class Archetype(str, Enum):
    """Yalom's problem members; each bends the group model's rules (see scenarios/README.md)."""

    typical = "typical"
    monopolizer = "monopolizer"
    silent = "silent"
    help_rejecting = "help_rejecting"
    hostile = "hostile"
    rescuer = "rescuer"
    intellectualizer = "intellectualizer"
    newcomer = "newcomer"
    co_leader = "co_leader"


class Skill(str, Enum):
    """Corey's group-leadership skills and the ASGW core competencies."""

    initiating = "initiating"
    linking = "linking"
    blocking = "blocking"
    cutting_off = "cutting_off"
    drawing_out = "drawing_out"
    reflecting = "reflecting"
    clarifying = "clarifying"
    summarizing = "summarizing"
    questioning = "questioning"
    supporting = "supporting"
    empathizing = "empathizing"
    confronting = "confronting"
    interpreting = "interpreting"
    modeling = "modeling"
    self_disclosure = "self_disclosure"
    protecting = "protecting"
    goal_setting = "goal_setting"
    evaluating = "evaluating"
    suggesting = "suggesting"
    silence = "silence"
    terminating = "terminating"


class Stance(str, Enum):
    """The trainee's core decision at every branch point."""

    lead = "lead"
    follow = "follow"


class Tone(str, Enum):
    neutral = "neutral"
    anxious = "anxious"
    sad = "sad"
    angry = "angry"
    hopeful = "hopeful"
    flat = "flat"
    defensive = "defensive"
    warm = "warm"


class Phase(str, Enum):
    opening = "opening"
    working = "working"
    closing = "closing"


class Quality(str, Enum):
    """How good a choice is as an intervention, whatever its stance (see scenarios/README.md)."""

    best = "best"
    good = "good"
    poor = "poor"
    harmful = "harmful"


GOOD_QUALITIES = frozenset({Quality.best, Quality.good})


class Outcome(str, Enum):
    """Ending outcomes, best first."""

    breakthrough = "breakthrough"
    growth = "growth"
    stalled = "stalled"
    rupture = "rupture"


Unit = Field(ge=0.0, le=1.0)


class _Strict(BaseModel):
    """Every mapping in a scenario rejects keys it does not know (typos must not pass)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=False)


class MemberStart(_Strict):
    engagement: float = Field(0.5, ge=0, le=1, description="Leaning in (1) vs withdrawn (0).")
    trust: float = Field(0.5, ge=0, le=1, description="Trust in the group and the leader.")
    distress: float = Field(0.3, ge=0, le=1, description="How much the member carries now.")


class Look(_Strict):
    skin: Optional[str] = Field(None, pattern=COLOUR, description="Skin colour, #rrggbb.")
    hair: Optional[str] = Field(None, pattern=COLOUR, description="Hair colour, #rrggbb.")
    top: Optional[str] = Field(None, pattern=COLOUR, description="Clothing colour, #rrggbb.")


class Member(_Strict):
    id: str = Field(pattern=MEMBER_ID, max_length=MAX_ID,
                    description=f"Short id used in lines, targets, effects; at most {MAX_ID} characters.")
    name: str = Field(min_length=1, max_length=MAX_NAME,
                      description=f"Name shown under the chair; at most {MAX_NAME} characters.")
    age: Optional[int] = Field(None, ge=1, le=120, description="Age in years.")
    archetype: Archetype = Field(Archetype.typical, description="How the model treats them.")
    concern: str = Field("", max_length=MAX_NOTE,
                         description=f"What brings them here; shown on the briefing. At most {MAX_NOTE} characters.")
    start: MemberStart = Field(default_factory=MemberStart, description="Starting state.")
    look: Optional[Look] = Field(None, description="Avatar colours.")
    joins_at: Optional[Id] = Field(
        None, description="A late arrival: the node at which this member joins. Until the "
        "session reaches it the member is absent: not drawn, not in the meters, thoughts, "
        "contagion or neglect.")


class GroupStart(_Strict):
    cohesion: float = Field(0.3, ge=0, le=1, description="Belonging, the group's 'we'.")
    conflict: float = Field(0.1, ge=0, le=1, description="Open friction in the room.")


class Dynamics(_Strict):
    contagion: float = Field(
        0.3, ge=0, le=1, description="How strongly members pull each other (0 = not at all)."
    )
    neglect_after: int = Field(
        2, ge=1, le=20, description="Turns unattended before a distressed member is lost."
    )


class GroupSpec(_Strict):
    start: GroupStart = Field(default_factory=GroupStart, description="Starting climate.")
    dynamics: Dynamics = Field(default_factory=Dynamics, description="Model settings.")


class Line(_Strict):
    """One thing a member says. Short form in the file: `- maria: text`."""

    speaker: Id = Field(description="Member id of the speaker.")
    text: str = Field(max_length=MAX_PROSE, description=f"What they say; at most {MAX_PROSE} characters.")
    tone: Tone = Field(Tone.neutral, description="How it is said; shapes the face.")
    risk: bool = Field(
        False, description="This line may signal a risk of harm (suicide, self-harm, harm to "
        "others, a dangerous relapse): the speaker has an open risk until a choice that "
        "`checks_risk` targets them. Safety comes first: the group model's need is to lead "
        "toward them, and a risk left open fires `risk-missed`.")

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data):
        if isinstance(data, dict) and len(data) == 1:
            (key, value), = data.items()
            if key not in ("speaker", "text", "tone", "risk"):
                return {"speaker": key, "text": value}
        return data


class Delta(_Strict):
    """Changes to one party's numbers; each -1..1, the result clamped to 0..1."""

    engagement: Optional[float] = Field(None, ge=-1, le=1, description="Change to a member's engagement.")
    trust: Optional[float] = Field(None, ge=-1, le=1, description="Change to a member's trust.")
    distress: Optional[float] = Field(None, ge=-1, le=1, description="Change to a member's distress.")
    cohesion: Optional[float] = Field(None, ge=-1, le=1, description="Change to the group's cohesion.")
    conflict: Optional[float] = Field(None, ge=-1, le=1, description="Change to the group's conflict.")

    def items(self) -> list[tuple[str, float]]:
        """The deltas actually written, in a fixed order."""
        return [(k, v) for k, v in self.__dict__.items() if v is not None]


class Branch(_Strict):
    when: Optional[str] = Field(None, alias="if", max_length=MAX_CONDITION,
                                description=f"Condition; omit on the last. At most {MAX_CONDITION} characters.")
    goto: Id = Field(description="Node id to go to when the condition holds.")


class Choice(_Strict):
    text: str = Field(min_length=1, max_length=MAX_CHOICE,
                      description=f"What the trainee says or does; at most {MAX_CHOICE} characters.")
    stance: Stance = Field(description="lead or follow: the trainee's core decision.")
    skill: Optional[Skill] = Field(None, description="The leadership skill it uses.")
    targets: list[Id] = Field(default_factory=list, description="Members addressed.")
    effects: dict[Id, Delta] = Field(
        default_factory=dict, description="group, everyone or a member id -> deltas."
    )
    breakthrough: Optional[Id] = Field(None, description="Member who breaks through.")
    score: dict[Id, int] = Field(default_factory=dict, description="Objective id -> points.")
    feedback: str = Field("", max_length=MAX_PROSE,
                          description=f"Why this choice matters; shown in the debrief. At most {MAX_PROSE} characters.")
    expert: bool = Field(False, description="The recommended choice (one per node).")
    quality: Optional[Quality] = Field(
        None, description="The move as an intervention, whatever its stance: best | good | "
        "poor | harmful. Default: best if expert, else poor if its score points sum below 0, "
        "else good. Only a fitting stance with a best or good move earns a tick.")
    checks_risk: bool = Field(
        False, description="This choice checks the open risk of its targets directly (asks, "
        "clarifies, arranges follow-up), and so closes it. Needs `targets`.")
    when: Optional[str] = Field(None, alias="if", max_length=MAX_CONDITION,
                                description=f"Offered only when this holds. At most {MAX_CONDITION} characters.")
    next: Union[Id, list[Branch]] = Field(description="Node id, or a list of branches.")

    @property
    def rated_quality(self) -> Quality:
        """`quality` as written, else the default TEACHING.md gives it."""
        if self.quality is not None:
            return self.quality
        if self.expert:
            return Quality.best
        return Quality.poor if sum(self.score.values()) < 0 else Quality.good


class Ending(_Strict):
    outcome: Outcome = Field(description="breakthrough | growth | stalled | rupture")
    text: str = Field("", max_length=MAX_PROSE,
                      description=f"What the trainee reads at the end; at most {MAX_PROSE} characters.")


class AuthoredNeed(_Strict):
    """What the group needs at this node, said by the author where the model cannot see it
    (a risk check-in, the time boundary at the close). An extension of format 1."""

    stance: Stance = Field(description="lead or follow: what the group needs here.")
    why: str = Field(min_length=1, max_length=MAX_NOTE, description=(
        f"The reason, shown in the coach's note and the debrief; at most {MAX_NOTE} characters."))
    member: Optional[Id] = Field(
        None, description="The member the need is about: meeting it means a choice that targets them."
    )


class Node(_Strict):
    # Optional as written; once the scenario is read every node has one (`inherit_phases`),
    # so nothing after loading needs a fallback.
    phase: Optional[Phase] = Field(None, description="Session phase; inherits if omitted.")
    narration: str = Field("", max_length=MAX_PROSE,
                           description=f"What the trainee sees and hears; at most {MAX_PROSE} characters.")
    lines: list[Line] = Field(default_factory=list, description="What members say, in order.")
    choices: list[Choice] = Field(default_factory=list, description="1..6 choices.")
    ending: Optional[Ending] = Field(None, description="Makes this node an ending.")
    need: Optional[AuthoredNeed] = Field(
        None, description="Overrides the group model's judgement of what the group needs here."
    )
    ask: bool = Field(
        False, description="Read the room first: before the choices appear, the trainee says "
        "what the group needs (lead or follow) and, optionally, who most needs attention; then "
        "the model's reading is shown beside theirs. Meters and thoughts stay hidden until then. "
        "No effect on an ending.")

    @property
    def is_ending(self) -> bool:
        return self.ending is not None


MAX_PATHS = 200        # path tests in one file: each is played whenever the file is validated
MAX_PATH_CHOICES = 500  # choices in one path test, as many turns as a simulated run may take


class PathTest(_Strict):
    """A path through the scenario and what must hold along it, played by `validate`: ending
    logic that contradicts the path shows up at this entry's line, not in a class."""

    name: str = Field(min_length=1, max_length=MAX_TITLE,
                      description=f"What the path is, quoted in messages; at most {MAX_TITLE} characters.")
    choices: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        max_length=MAX_PATH_CHOICES, description="The choices to make, numbered as `run --choices` numbers "
        "them (1-based, in the order written, among those offered then): [1, 2, 1] or \"1,2,1\".")
    seed: int = Field(0, ge=-(2 ** 63), le=2 ** 63 - 1, description="The model's seed (default 0).")
    ending: Optional[Id] = Field(None, description="Where the path must end: an ending node's id, or an "
                                 "outcome (breakthrough | growth | stalled | rupture).")
    safe: Optional[bool] = Field(None, description="true: no risk of harm was missed; false: one was.")
    events: list[Annotated[str, Field(max_length=MAX_TITLE)]] = Field(default_factory=list, max_length=50, description=(
        "Events that must fire on the way: a type (`risk-checked`), or type: member (`breakthrough: tom`)."))
    no_events: list[Annotated[str, Field(max_length=MAX_TITLE)]] = Field(default_factory=list, max_length=50, description=(
        "Events that must not fire: a type, or type: member."))
    visits: list[Id] = Field(default_factory=list, max_length=100, description="Nodes the path must pass through.")
    avoids: list[Id] = Field(default_factory=list, max_length=100, description="Nodes the path must never reach.")
    holds: Optional[str] = Field(None, max_length=MAX_CONDITION, description=(
        f"A condition, in the language of `if:`, that must hold at the end. At most {MAX_CONDITION} characters."))

    _at: tuple = PrivateAttr(default=(1, 1))   # line and column of the entry, for messages

    @property
    def at(self) -> tuple[int, int]:
        return self._at

    @model_validator(mode="before")
    @classmethod
    def _written_forms(cls, data):
        """`choices: 1,2,1` as on the command line; `breakthrough: tom` as one event for a member."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if isinstance(data.get("choices"), str) and re.fullmatch(r"\s*\d+(\s*,\s*\d+)*\s*", data["choices"]):
            data["choices"] = [int(part) for part in data["choices"].split(",")]
        for key in ("events", "no_events"):
            if isinstance(data.get(key), list):
                data[key] = [_event_text(item) for item in data[key]]
        return data


def _event_text(item):
    """`{breakthrough: tom}` -> "breakthrough: tom"; anything else as written (checked later)."""
    if isinstance(item, dict) and len(item) == 1:
        (kind, member), = item.items()
        if isinstance(kind, str) and isinstance(member, str):
            return f"{kind}: {member}"
    return item


class Scenario(_Strict):
    format: Literal[1] = Field(description="Format version; 1 is the only one today.")
    id: str = Field(pattern=SCENARIO_ID, max_length=MAX_ID,
                    description=f"Unique scenario id; at most {MAX_ID} characters.")
    title: str = Field("", max_length=MAX_TITLE, description=f"Title shown on the menu; at most {MAX_TITLE} characters.")
    summary: str = Field("", max_length=MAX_PROSE,
                         description=f"Shown on the briefing screen; at most {MAX_PROSE} characters.")
    focus: str = Field("", max_length=MAX_TITLE,
                       description=f"The shared problem the group meets about; at most {MAX_TITLE} characters.")
    level: Level = Field(Level.beginner, description="beginner | intermediate | advanced")
    minutes: Optional[int] = Field(None, ge=1, le=600, description="Expected play time.")
    content_notes: list[Note] = Field(
        default_factory=list, description=f"Heavy material a player should know of beforehand; each at most "
        f"{MAX_NOTE} characters."
    )
    objectives: dict[Id, Note] = Field(min_length=1, description=f"Objective id -> text (at most {MAX_NOTE} characters).")
    members: list[Member] = Field(description="The people in the circle, 3..12.")
    group: GroupSpec = Field(default_factory=GroupSpec, description="Climate and dynamics.")
    start: Id = Field(description="Id of the first node.")
    nodes: dict[Id, Node] = Field(min_length=1, description=f"Node id (at most {MAX_ID} characters) -> node.")
    author: Optional[str] = Field(None, max_length=MAX_TITLE, description=(
        f"Who wrote it, shown on the briefing and in reports; at most {MAX_TITLE} characters."))
    version: Optional[str] = Field(None, max_length=MAX_ID, description=(
        f"The scenario's own version, as text (\"1.2\"); shown with the author. At most {MAX_ID} characters."))
    licence: Optional[str] = Field(None, max_length=MAX_TITLE, description=(
        f"The terms others may share it under (\"CC BY 4.0\"); at most {MAX_TITLE} characters."))
    sources: list[Note] = Field(default_factory=list, max_length=30, description=(
        f"Where its material comes from: books, papers, guidelines; each at most {MAX_NOTE} characters."))
    paths: list[PathTest] = Field(default_factory=list, max_length=MAX_PATHS, description=(
        "Path tests: choices to play and what must hold, checked by `python main.py validate`."))

    # Not part of the format: the SHA-256 of the file it came from (saves name it, so a changed
    # file is noticed), and a place where the engine keeps what it builds once per scenario.
    _digest: str = PrivateAttr(default="")
    _built: dict = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _every_node_has_a_phase(self) -> "Scenario":
        inherit_phases(self.nodes)
        return self

    # Both read pydantic's store of private attributes directly: `self._built` goes through
    # BaseModel.__getattr__, some thirty times slower, and every new session asks for it.
    @property
    def digest(self) -> str:
        return self.__pydantic_private__["_digest"]

    @property
    def built(self) -> dict:
        return self.__pydantic_private__["_built"]

    def member(self, member_id: str) -> Member:
        return next(m for m in self.members if m.id == member_id)

    @property
    def member_ids(self) -> list[str]:
        return [m.id for m in self.members]

    @property
    def display_title(self) -> str:
        return self.title or self.id


def inherit_phases(nodes: dict) -> None:
    """The one rule for a node's phase: a node without `phase` takes the previous node's (in
    file order), the first `opening`. Applied as a scenario is read, so after loading every
    node has its phase and the engine, the screens and the reports all read the same one."""
    previous = Phase.opening
    for node in nodes.values():
        if node.phase is None:
            node.phase = previous
        previous = node.phase
