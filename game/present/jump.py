"""Where a presenter can jump: the nodes of a scenario and the shortest path of choices to each,
and a session brought to one of them (the picker, the play screen's jump, screenshots).

The node is reached by playing: a breadth-first search over choice sequences, replaying each
from the start with the engine, finds the shortest path of choices that arrives there, so the
group's numbers, the transcript and the history are the ones a trainee would see. A node no
path reaches within the search (behind a condition the search did not meet, or unreachable)
is shown with the group as it starts: the session is restored to its start with that node as
the place, with an empty history. Either way the session moves only through its own API.
"""
from __future__ import annotations

from collections import deque
from dataclasses import replace

from game.engine import Session

MAX_SESSIONS = 4000


class NoSuchNode(ValueError):
    pass


def path_to(scenario, node_id: str, seed: int = 0, limit: int = MAX_SESSIONS) -> list[int] | None:
    """The shortest list of choice numbers from the start to `node_id`, or None.

    A node behind conditions that the shortest paths never meet (an ending that needs a good
    score, say) is looked for with the exhaustive check, whose probes play other histories."""
    if node_id not in scenario.nodes:
        raise NoSuchNode(node_id)
    path = shortest_paths(scenario, seed, limit).get(node_id)
    if path is None:
        from game.authoring.exhaustive import exhaustive

        found = exhaustive(scenario, seed=seed).paths.get(node_id)
        path = list(found) if found is not None else None
    return path


def shortest_paths(scenario, seed: int = 0, limit: int = MAX_SESSIONS) -> dict[str, list[int]]:
    """{node id: the shortest list of choice numbers reaching it} for every node the search
    reaches: one breadth-first search for all of them, for a picker that marks the nodes no
    path reaches. Each path's end is kept as a session snapshot, so a step costs one choice."""
    found = {scenario.start: []}
    with Session(scenario, seed=seed) as session:
        queue = deque([([], session.snapshot())])
        tried = 0
        while queue and tried < limit:
            path, snapshot = queue.popleft()
            session.restore(snapshot)
            for offered in list(session.choices):
                tried += 1
                session.restore(snapshot)
                session.choose(offered.number)
                if session.node_id not in found:
                    found[session.node_id] = path + [offered.number]
                    if not session.ended:
                        queue.append((path + [offered.number], session.snapshot()))
    return found


def session_at(scenario, node_id: str | None, seed: int | None = 0) -> tuple[Session, str]:
    """(a new session at the node, how it got there: 'start', 'played' or 'placed'). With no seed
    given, seed 0: a picture of a node is the same picture every time it is taken."""
    session = Session(scenario, seed=0 if seed is None else seed)
    return session, move_to(session, node_id)


def move_to(session: Session, node_id: str | None) -> str:
    """Bring `session` to the node by the shortest path of choices; 'start', 'played', or
    'placed' when no path reaches it (the group as it starts, nothing chosen)."""
    scenario = session.scenario
    if node_id and node_id not in scenario.nodes:
        raise NoSuchNode(node_id)
    if not node_id or node_id == scenario.start:
        session.restart()
        how = "start"
    else:
        path = path_to(scenario, node_id, session.seed)
        how = "played" if path is not None else "placed"
        if path is not None:
            session.replay(path)
        else:
            session.restart()
            session.restore(replace(session.snapshot(), node_id=node_id))
    session.begin()
    return how


def practise_from(session: Session, node_id: str) -> str:
    """Bring a fresh attempt to the moment `node_id` to practise it (a progress suggestion):
    the shortest path there is played for the trainee and kept as the session's lead-in, never
    judged as theirs. 'start', 'played', or NoSuchNode; a moment no path reaches is refused
    (NoSuchNode too), since a room placed there by hand never happened."""
    scenario = session.scenario
    if node_id not in scenario.nodes:
        raise NoSuchNode(node_id)
    if node_id == scenario.start:
        session.begin()
        return "start"
    path = path_to(scenario, node_id, session.seed)
    if path is None:
        raise NoSuchNode(node_id)
    session.start_at_moment(path)
    session.begin()
    return "played"
