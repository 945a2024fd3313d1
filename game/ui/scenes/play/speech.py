"""Who is speaking on the circle: the speech bubble over a member (or over "You"), placed so it
covers no name tag, no face and not the Undo and Pause buttons.
"""
from __future__ import annotations

from game.ui.scenes.play import panels
from game.ui.scenes.play.circle import LABEL_WEIGHT, YOU
from game.ui.widgets import SpeechBubble

YOU_LIFT = 44     # the bubble's point above the trainee's seat


def bubble_for(state, tools, words: str, who: str | None) -> SpeechBubble:
    """A bubble with `words` said by `who` (a member id or YOU), finished at once when nothing
    animates. Long lines make a wider bubble, so it grows less tall."""
    circle = state.circle
    if who and who != YOU:
        anchor = circle.figure(who).head()
    else:
        anchor = (circle.you_seat[0], circle.you_seat[1] - YOU_LIFT)
    name = "You" if who == YOU else state.session.names.get(who, who or "")
    scale = max(1.0, tools.text.scale)
    reach = len(words) * scale * scale   # about the area the words take at this text size
    width = 300 if reach < 150 else 380 if reach < 260 else 440  # long lines: wider, so shorter
    width = round(width * scale)   # larger text: about as many lines, not a taller bubble
    bubble = SpeechBubble(words.strip(), name, anchor, state.layout.circle.inflate(-16, -16), max_width=width,
                          avoid=circle.avoid_rects(who) + buttons_to_avoid(state, tools))
    if not tools.animations:
        bubble.finish()
    return bubble


def say(state, tools, words: str, who: str | None) -> SpeechBubble:
    """`who` says `words` now: the bubble on screen is theirs."""
    state.bubble, state.bubble_who = bubble_for(state, tools, words, who), who
    return state.bubble


def buttons_to_avoid(state, tools) -> list:
    """Undo and Pause sit on the floor too: a bubble over them hides them (weighted as a name tag)."""
    return [(rect.inflate(6, 6), LABEL_WEIGHT) for rect in panels.circle_buttons(state.layout, tools.text).values()]
