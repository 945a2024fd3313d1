"""What the class's pages show of the session: plain, JSON-ready dictionaries.

Built on the thread that owns the Session (it is not thread-safe) and handed to the server as
finished values, so a page request never touches the Session. Only what the trainee would see
on the projector goes out: no expert marks, no qualities, no skill names before choosing.
"""
from __future__ import annotations

from game.engine import debrief_of
from game.present import coach_note, node_entries


def moment_of(session) -> dict:
    """The node on screen: narration, lines and the choices as numbered on the projector."""
    node, names = session.node, session.names
    ending = session.ending if session.ended else None
    return {
        "node": session.node_id,
        "turn": session.turn,
        "phase": session.phase,
        "title": session.scenario.display_title,
        "narration": node.narration.strip(),
        "lines": [{"name": entry.speaker, "text": entry.text}
                  for entry in node_entries(node, names) if entry.kind == "member"],
        "choices": [{"shown": c.shown, "text": c.choice.text.strip(), "stance": c.stance}
                    for c in session.shown_choices],
        "ended": ending is not None,
        "ending": ending_of(session) if ending else None,
    }


def ending_of(session) -> dict:
    debrief = debrief_of(session)
    return {"outcome": debrief.outcome, "words": debrief.outcome_words,
            "text": session.ending.text.strip(), "safe": debrief.safe,
            "first_lines": list(debrief.first_lines)}


def verdict_of(reaction, votes: dict | None = None) -> dict:
    """The coach's verdict on the choice the class took, for the projector and every phone:
    the coach's own note (present.coach), the words the window and the terminal show."""
    note = coach_note(reaction)
    return {
        "turn": reaction.turn,
        "shown": reaction.offered.shown,
        "text": reaction.choice.text.strip(),
        "stance": note.chosen,
        "need": note.needed,
        "verdict": note.verdict,
        "mark": note.mark,
        "verdict_line": note.verdict_line,
        "need_text": f"the group needed you to {note.needed}: {note.reason}",
        "feedback": note.feedback.strip(),
        "class": votes,
    }


def debrief_rows(session, decisions: list) -> list[dict]:
    """The debrief's decisions with the class's votes beside each verdict."""
    by_turn = {d.turn: d for d in decisions}
    rows = []
    for decision in debrief_of(session).decisions:
        voted = by_turn.get(decision.turn)
        rows.append({
            "turn": decision.turn, "shown": decision.shown, "text": decision.choice_text,
            "verdict": decision.verdict, "mark": decision.mark, "verdict_line": decision.verdict_line,
            "need": decision.need, "need_reason": decision.need_reason,
            "first": voted.first if voted else None, "second": voted.second if voted else None,
        })
    return rows


def class_vote_words(votes) -> str:
    """'The class: first vote 14 of 23 for 1 (lead 14, follow 9); second vote ...', for a
    DecisionVotes; counts only."""
    rounds = [("first vote", votes.first), ("second vote", votes.second)]
    said = [f"{name} {_tally_words(tally, votes.taken)}" for name, tally in rounds if tally]
    return "The class: " + ("; ".join(said) if said else "no votes (the presenter chose)")


def _tally_words(tally: dict, taken: int) -> str:
    return (f"{tally['votes'].get(str(taken), 0)} of {tally['total']} for {taken} "
            f"(lead {tally['stances']['lead']}, follow {tally['stances']['follow']})")
