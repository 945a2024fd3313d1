"""The trainee's readings of the room, as the records keep them: how often asked, how often right.

At a node marked `ask: true` (or everywhere, when the trainee chooses), the trainee says what the
group needs before the choices appear, and the model's reading is shown beside theirs. Each
reading is one row of the table `readings` (made by the records schema's migration, written by
practice_rows.py with the attempt), and read back with each attempt, so `progress` counts the
readings of the attempts it counts (a damaged row is skipped there, and named).

`matched` is decided when the reading is made and stored with it: the stance said is the
model's, and when the trainee also named a member, it is the member the need was about. A
later change to the model then never rewrites what a trainee was told at the time.
"""
from __future__ import annotations

from dataclasses import dataclass

TABLE = "readings"    # made by the records schema (store.MIGRATIONS), written by practice_rows.py


@dataclass
class ReadingTally:
    """How often the trainee was asked to read the room, and how often they read it as the
    model did."""

    asked: int = 0
    matched: int = 0

    def as_dict(self) -> dict:
        return {"asked": self.asked, "matched": self.matched}
