"""Hot reload: an edited scenario file replaces the one in play, and the choices replay.

Instructors edit a scenario while playing it. The choices made so far replay on the new
version; where one no longer fits (a node or choice was removed, a condition changed), play
stops at the last point that still exists and says so. A file with errors changes nothing: the
trainee plays on with the last good version and sees what is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.scenario import LoadResult

from .session import Session


@dataclass(frozen=True)
class Reloaded:
    session: Session          # the session to play on (the old one when the file has errors)
    message: str              # one line for the screen
    problems: tuple[str, ...] = ()  # the file's errors, formatted, when it did not load

    @property
    def ok(self) -> bool:
        return not self.problems


def reload_session(session: Session, result: LoadResult) -> Reloaded:
    """Replay `session`'s choices on the freshly loaded `result`."""
    if result.scenario is None:
        problems = tuple(d.format_text(result.path) for d in result.errors)
        return Reloaded(session, f"The file has {len(problems)} error(s); still playing the last good version.", problems)
    fresh = Session(result.scenario, seed=session.seed)
    session.carry_practice(fresh)
    made = session.history
    for done, reaction in enumerate(made):
        number = _same_choice(fresh, reaction)
        if number is None:
            _replace(session, fresh)
            return Reloaded(fresh, f"Reloaded. Choice {done + 1} no longer fits; "
                                   f"replayed {done} of {len(made)}, now at '{fresh.node_id}'.")
        fresh.choose(number)
    _replace(session, fresh)
    if fresh.node_id != session.node_id:
        return Reloaded(fresh, f"Reloaded. The same choices now lead to '{fresh.node_id}'.")
    return Reloaded(fresh, f"Reloaded; replayed {len(made)} choice(s).")


def _replace(old: Session, fresh: Session) -> None:
    """The fresh session takes the old one's place: its listeners (the records, a
    class page) now follow the fresh one, and the old one gives its seat back."""
    old.hand_over(fresh)
    old.close()


def _same_choice(session: Session, reaction) -> int | None:
    """The offered number of the choice made before: the same text first (an author may
    insert or reorder choices), else the same place in the node, if still offered there."""
    if session.node_id != reaction.node_id:
        return None
    offered = session.choices
    for wanted in (lambda c: c.choice.text == reaction.choice.text,
                   lambda c: c.index == reaction.offered.index):
        match = next((c for c in offered if wanted(c)), None)
        if match is not None:
            return match.number
    return None
