"""The play screen's state, declared in one place: every part of the screen (input, drawing,
the presenter's tools, reload, the classroom) reads and changes this object, handed to it.

A node plays in stages (`Stage`): its lines are said, the room is read first where the moment
asks (asking.py), its choices open, the room reacts to the one taken, and at an ending the
debrief is one key away. `MOVES` says which stage may follow
which; `PlayState.go` refuses any other, so a stage can never be skipped by accident.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Stage(str, Enum):
    """Where a node stands on screen. A str, so it reads and prints as its name ("choose")."""

    LINES = "lines"     # the narration types out, then each member's line appears in a bubble
    ASK = "ask"         # before the cards: the trainee reads the room (lead or follow, and who)
    REVEAL = "reveal"   # their reading beside the model's, until they dismiss it
    CHOOSE = "choose"   # the cards are open
    REACT = "react"     # the trainee's words hang in the air, then the room moves
    ENDED = "ended"     # the ending is shown; the debrief is one key away

    def __str__(self) -> str:
        return self.value


# Every stage may go back to LINES: a node begins, or the screen is rebuilt from the session
# (undo, a rewind, a jump, a reload, a restart).
MOVES = {
    Stage.LINES: {Stage.LINES, Stage.ASK, Stage.CHOOSE, Stage.ENDED},
    Stage.ASK: {Stage.LINES, Stage.REVEAL, Stage.CHOOSE},   # (CHOOSE: a classroom read it on its phones)
    Stage.REVEAL: {Stage.LINES, Stage.CHOOSE},
    Stage.CHOOSE: {Stage.LINES, Stage.REACT},
    Stage.REACT: {Stage.LINES},
    Stage.ENDED: {Stage.LINES},
}


class StageSkipped(RuntimeError):
    """A move `MOVES` does not allow (a bug in the screen, never the trainee's doing)."""


@dataclass
class Frame:
    """The drawing's own bookkeeping: the static layer the panels are drawn on, the regions
    waiting to be redrawn, and the controls each region drew last (for the mouse and Tab)."""

    layer: object                                    # pygame.Surface of the logical size
    dirty: set = field(default_factory=set)          # region names
    drawn: dict = field(default_factory=dict)        # control name -> rect
    held: int = 0                                    # frames a changed region has waited
    narration: tuple | None = None                   # ((narration, text scale), characters shown)


@dataclass
class Demo:
    """--demo: the expert path plays itself. `waited` counts seconds since the screen last
    changed (`moment`); each pause is measured from there."""

    on: bool = False
    waited: float = 0.0
    moment: tuple | None = None


@dataclass
class Asking:
    """The trainee's reading while it is being made (ASK), then the one made (REVEAL)."""

    stance: str | None = None        # lead | follow, once picked
    member: str | None = None        # who most needs attention, if they named anyone
    reading: object | None = None    # the engine's Reading, once confirmed


@dataclass
class PlayState:
    """Everything the play screen holds. The session is the truth; the rest is what the screen
    shows of it now, and where it is in showing it."""

    session: object                  # the Session being played
    log: object | None               # its AttemptLog (it listens to the session), or None
    path: str                        # the scenario file, for reload ("" when there is none)
    live: bool                       # a window being played (False: a still picture)
    layout: object                   # layout.PlayLayout: where each panel goes
    circle: object                   # CircleView: the chairs, the members, the group
    controls: object                 # base.Controls: what the mouse and the keyboard can reach
    frame: Frame
    room: object                     # RoomView: the numbers shown (in between, mid-reaction)
    transcript: object               # widgets.Transcript: everything said so far
    effects: object                  # effects.Effects: captions, ripples, toasts
    node: object                     # the node on screen (mid-reaction: the one just left)
    offered: list = field(default_factory=list)   # its choices in shown order (mid-reaction: those just offered)
    stage: Stage = Stage.LINES
    line_index: int = -1             # the line being said (-1: the narration)
    narration_shown: float = 0.0     # characters of narration typed so far
    tones: dict = field(default_factory=dict)     # member id -> the tone of their latest line
    bubble: object | None = None     # the SpeechBubble showing
    bubble_who: str | None = None    # whose it is: a member id, or YOU
    chosen: int | None = None        # the shown number of the card taken (during the reaction)
    reaction: object | None = None   # the engine's Reaction to it
    coach: object | None = None      # present.CoachNote, when the coach is on
    meter_previous: object | None = None   # the state before the last choice (the meters' ghost)
    react_t: float = 0.0             # seconds into the reaction
    clock: float = 0.0               # seconds on screen (the circle's breathing)
    focus_lost: bool = False         # the keyboard's control went away: the ring waits for the stage's own
    demo: Demo = field(default_factory=Demo)
    kept: object | None = None       # present.Branch: the run the last rewind or jump left
    watch: object | None = None      # FileWatch on the scenario file, when live
    problems: object | None = None   # ProblemPanel: the file's errors, while it has some
    asking: Asking = field(default_factory=Asking)
    scaffolds: object | None = None  # present.scaffolds.Scaffolds: what may be seen while choosing
    answered: bool = False           # a choice was just made: the room's answer (and the coach) show
    hints: tuple = ()                # present.hints.Hint, after a retry at this moment
    shown: tuple = (False, False)    # (meters, thoughts) as last drawn: a change redraws their panels

    def go(self, stage: Stage) -> None:
        if stage not in MOVES[self.stage]:
            raise StageSkipped(f"the play screen cannot go from {self.stage} to {stage}")
        self.stage = stage

    @property
    def members_present(self) -> list[tuple[str, str]]:
        """(id, name) of the members in the room now, in their order round the circle (the
        number keys name them in this order while the room is read)."""
        return [(f.member_id, f.name) for f in self.circle.present_figures()]

    @property
    def speaking_last_line(self) -> bool:
        return self.line_index == len(self.node.lines) - 1


# The screen's regions, each redrawn on the static layer only when its content changed; in
# this order when several changed at once.
REGIONS = ("choices", "narration", "side", "top", "floor", "timeline")


@dataclass(frozen=True)
class Tools:
    """What the app lends a part for one call: the text measure, the colours, the settings as
    they are now, whether to animate, a way to play a sound, and when this frame began."""

    text: object                     # fonts.TextCache
    palette: object                  # theme.Palette
    settings: object                 # settings.Settings
    animations: bool                 # False: every change shows at once (setting off, or a still picture)
    sound: object                    # Callable[[str], None]
    frame_started: float = 0.0       # time.perf_counter() at the frame's start (the drawing's budget)
