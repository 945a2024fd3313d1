"""Deliberate practice in the terminal: read the room before choosing, see the hints a retry
brings, and the scaffolds that decide when the meters and thoughts may be seen.

Each function takes the TextPlay it writes through (its `say` wraps and escapes every line,
its `read` asks and raises EOFError at the end of input). The session decides what is asked
and what the model reads; this module only puts it into words and takes the answers.
"""
from __future__ import annotations

from game.present.hints import hints_for

STANCE_KEYS = {"l": "lead", "lead": "lead", "f": "follow", "follow": "follow"}
QUIT = object()        # the trainee typed q at a question inside the reading
VIEWS = {"meters": "the group's meters", "thoughts": "the members' thoughts"}


# -- reading the room --------------------------------------------------------------------------

def reading_intro(out) -> None:
    """Said once per moment, before the question: the choices wait until the reading is made."""
    opening = [key for key, view in (("m", "meters"), ("t", "thoughts")) if shown_while_choosing(out, view)]
    after = f" ({' and '.join(opening)} open after your reading.)" if opening else ""
    out.say()
    out.say(f"Read the room first: before the choices, say what the group needs now.{after}")


def shown_while_choosing(out, view: str) -> bool:
    scaffolds = out.scaffolds
    return (scaffolds.meters_shown if view == "meters" else scaffolds.thoughts_shown)(choosing=True)


def reading_prompt(out) -> str:
    """The question; it names r while the moment before may still be tried again."""
    again = " (or r = try the last moment again)" if out.retry_allowed else ""
    return f"What does the group need now? l = lead, f = follow{again}: "


def stance_of(answer: str) -> str | None:
    return STANCE_KEYS.get(answer)


def ask_member(out):
    """Who most needs attention: a member id, None to skip, or QUIT. Asks until it understands."""
    present = members_present(out.session)
    if not present:
        return None
    listed = " · ".join(f"{number} {name}" for number, (_, name) in enumerate(present, 1))
    out.say(f"In the circle: {listed}", "  ")
    while True:
        answer = out.read("Who most needs your attention? (a member's number or name, Enter to skip): ")
        if answer == "":
            return None
        if answer in ("q", "quit"):
            return QUIT
        found = member_named(answer, present)
        if found is not None:
            return found
        out.say(f"Please type a number from 1 to {len(present)}, a name from the list, or press Enter to skip.")


def members_present(session) -> list[tuple[str, str]]:
    """(id, name) of each member in the room now, in the scenario's order."""
    state = session.state
    return [(m.id, session.names.get(m.id, m.id)) for m in session.scenario.members if state.present(m.id)]


def member_named(answer: str, present: list[tuple[str, str]]) -> str | None:
    """The member an answer names: their number on the list, their name or their id."""
    if answer.isascii() and answer.isdigit() and len(answer) <= 3:
        number = int(answer)
        return present[number - 1][0] if 1 <= number <= len(present) else None
    wanted = answer.casefold()
    return next((mid for mid, name in present if wanted in (name.casefold(), mid.casefold())), None)


def show_reading(out, reading) -> None:
    """The model's reading beside the trainee's, and whether they match. Only ever called after
    the trainee has answered: the model's need is never shown before."""
    names, need = out.session.names, reading.need
    theirs = reading.stance.upper()
    if reading.member:
        theirs += f", with {names.get(reading.member, reading.member)} most in need of attention"
    out.say()
    out.say(f"Your reading:    {theirs}.", "  ")
    out.say(f"The model reads: {need.stance.upper()}: {need.text(names)}.", "  ")
    out.say(match_words(reading, names), "  ")


def match_words(reading, names: dict[str, str]) -> str:
    """One line: ✓ or ✗, and what differed."""
    need = reading.need
    model_member = names.get(need.member, need.member) if need.member else None
    if not reading.stance_matched:
        return f"✗ A different reading: the model says the group needs you to {need.stance} here."
    if reading.member_matched is False:
        return f"✗ The right stance, but the model's eye is on {model_member}, not on " \
               f"{names.get(reading.member, reading.member)}."
    if reading.member_matched:
        return "✓ The same reading: the same stance, and the same member."
    if model_member:
        return f"✓ The same stance. The model's eye is on {model_member}."
    if reading.member:
        return "✓ The same stance. The model's reading is about the whole group, not one member."
    return "✓ The same stance."


# -- hints after a retry -----------------------------------------------------------------------

def show_hints(out) -> None:
    """The hints this moment has reached (none before a retry here), before its choices."""
    hints = hints_for(out.session)
    if not hints:
        return
    out.say()
    out.say(f"Trying this moment again (try {len(out.session.tries_here) + 1}). Hints:")
    for hint in hints:
        choice = f" (choice {hint.shown} below)" if hint.shown is not None else ""
        out.say(f"{hint.title}{choice}: {hint.text}", "  ")


# -- scaffolds ---------------------------------------------------------------------------------

def refusal(out, view: str) -> str | None:
    """Why `view` (meters | thoughts) may not be seen now, or None when it may. While asking
    for a reading nothing of the group's state is shown; otherwise the scaffolds decide."""
    scaffolds = out.scaffolds
    shown = scaffolds.meters_shown if view == "meters" else scaffolds.thoughts_shown
    label = VIEWS[view]
    flag = "another level with --scaffolds" if scaffolds.level != "beginner" else "--scaffolds"
    if not shown(choosing=False):
        return (f"At {scaffolds.level} level {label} stay hidden until the debrief: read the room "
                f"from what members say and do. (Choose {flag}.)")
    if not shown(choosing=True) and not out.session.ended:
        return (f"At {scaffolds.level} level {label} show after each choice, not while you choose. "
                f"(Choose {flag}.)")
    if out.session.asking:
        return f"{label[0].upper()}{label[1:]} open after your reading: say first what the group needs."
    return None


def after_choice_views(scaffolds) -> list[str]:
    """The views shown by themselves after each choice (hidden while choosing, not until the
    debrief): in the terminal the reaction is the moment after the choice, so they join it."""
    return [view for view, shown in (("meters", scaffolds.meters_shown), ("thoughts", scaffolds.thoughts_shown))
            if shown(choosing=False) and not shown(choosing=True)]


def offered_keys(out) -> str:
    """The keys the choice prompt names now: r only when a retry is possible, m and t only at
    levels where they may be seen before the debrief."""
    keys = []
    if out.retry_allowed:
        keys.append("r")
    for view, key in (("meters", "m"), ("thoughts", "t")):
        shown = out.scaffolds.meters_shown if view == "meters" else out.scaffolds.thoughts_shown
        if shown(choosing=False):
            keys.append(key)
    return ", ".join(keys + ["u", "q", "?"])
