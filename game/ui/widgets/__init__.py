"""Widgets for the pygame front end: plain drawing objects a scene owns and feeds.

None of them reads events or the engine; a scene sets their flags (hovered,
focused), calls their plain methods (scroll_by, update) and draws them.
"""
from game.ui.widgets.bubble import SpeechBubble
from game.ui.widgets.card import Button, Card
from game.ui.widgets.chart import draw_line_chart
from game.ui.widgets.meter import Meter
from game.ui.widgets.narration import draw_narration
from game.ui.widgets.notice import Caption, Toast
from game.ui.widgets.panel import draw_focus_ring, draw_panel, draw_pill
from game.ui.widgets.seat import draw_name_label, draw_room, draw_target_ring, draw_trainee_seat
from game.ui.widgets.transcript import Transcript, TranscriptLine
from game.ui.widgets.verdict import draw_verdict_mark, verdict_colour, verdict_role

__all__ = [
    "Button", "Caption", "Card", "Meter", "SpeechBubble", "Toast", "Transcript", "TranscriptLine",
    "draw_focus_ring", "draw_line_chart", "draw_name_label", "draw_narration", "draw_panel",
    "draw_pill", "draw_room", "draw_target_ring", "draw_trainee_seat", "draw_verdict_mark",
    "verdict_colour", "verdict_role",
]
