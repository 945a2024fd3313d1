"""What a session says, in words and plain values: the transcript, the coach's note and verdict
lines, members' thoughts, the decisions as a timeline and the branches a rewind leaves, and the
nodes a presenter can jump to.

Every front end (the window, the terminal) renders these and none writes its own: the same
moment reads the same wherever it is shown. Pure Python over the Session: no pygame.
"""
from game import names_on_demand

# Where each name lives. A module is imported when one of its names is first asked for, so a
# screen that needs one word list (the settings' scaffold levels) does not load the engine and
# the scenario format before the menu's first frame.
_WHERE = {
    "Branch": "branches", "CoachNote": "coach", "Entry": "transcript", "NoSuchNode": "jump",
    "Step": "branches", "Thought": "thoughts", "YOU": "transcript", "caption_member": "events",
    "choice_entries": "transcript", "coach_note": "coach", "contains": "branches",
    "event_kind": "events", "event_lines": "events", "event_mark": "events", "move_to": "jump",
    "node_entries": "transcript", "parting": "branches", "path_to": "jump", "practise_from": "jump",
    "plural": "branches",
    "session_at": "jump", "shortest_paths": "jump", "skill_words": "coach", "steps_of": "branches",
    "thoughts_of": "thoughts", "transcript_of": "transcript", "verdict_short": "coach",
}

__all__ = [
    "Branch", "CoachNote", "Entry", "NoSuchNode", "Step", "Thought", "YOU", "caption_member", "choice_entries",
    "coach_note", "contains", "event_kind", "event_lines", "event_mark", "move_to", "node_entries", "parting",
    "path_to", "plural", "practise_from", "session_at", "shortest_paths", "skill_words", "steps_of", "thoughts_of",
    "transcript_of", "verdict_short",
]


# `from game.present import coach_note` imports coach.py then, once.
__getattr__ = names_on_demand(__name__, _WHERE)
