"""What a session says, in words and plain values: the transcript, the coach's note and verdict
lines, members' thoughts, the decisions as a timeline and the branches a rewind leaves, and the
nodes a presenter can jump to.

Every front end (the window, the terminal) renders these and none writes its own: the same
moment reads the same wherever it is shown. Pure Python over the Session: no pygame.
"""
from .branches import Branch, Step, contains, parting, plural, steps_of
from .coach import CoachNote, coach_note, skill_words, verdict_short
from .events import caption_member, event_kind, event_lines, event_mark
from .jump import NoSuchNode, move_to, path_to, session_at, shortest_paths
from .thoughts import Thought, thoughts_of
from .transcript import YOU, Entry, choice_entries, node_entries, transcript_of

__all__ = [
    "Branch", "CoachNote", "Entry", "NoSuchNode", "Step", "Thought", "YOU", "caption_member", "choice_entries",
    "coach_note", "contains", "event_kind", "event_lines", "event_mark", "move_to", "node_entries", "parting",
    "path_to", "plural", "session_at", "shortest_paths", "skill_words", "steps_of", "thoughts_of",
    "transcript_of", "verdict_short",
]
