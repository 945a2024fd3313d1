"""A session: the scenario's state machine, the group model and the history of choices.

`Session` is the one API every front end uses (see ARCHITECTURE.md). Pure Python: no pygame.
"""
from .debrief import GOOD_EVENTS, Debrief, Decision, debrief_of, describe_event
from .reaction import MARKS, OfferedChoice, Reaction
from .reload import Reloaded, reload_session
from .saves import SaveMismatch
from .session import ChoiceNotOffered, Session, SessionClosed

__all__ = [
    "GOOD_EVENTS", "MARKS", "ChoiceNotOffered", "Debrief", "Decision", "OfferedChoice", "Reaction", "Reloaded",
    "SaveMismatch", "Session", "SessionClosed", "debrief_of", "describe_event", "reload_session",
]
