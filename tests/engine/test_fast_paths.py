"""What a headless session leaves for later is the same when it is asked for: the number a
choice had on screen, the phase, every field of a reaction; and a session let go of is freed at
once, without waiting for the garbage collector."""
from __future__ import annotations

import dataclasses
import gc
import random
from pathlib import Path

import pytest

from game.engine import Reaction, Session
from game.engine.reaction import OfferedChoice, TakenChoice
from game.engine.shown import shown_ranks
from game.scenario import load_path

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml")) + [ROOT / "tests" / "scenario" / "small.yaml"]


def _loaded():
    found = [load_path(path).scenario for path in SCENARIOS]
    return [s for s in found if s is not None]


@pytest.fixture(scope="module")
def library():
    return _loaded()


def _numbers(scenario, seed: int, turns: int = 40) -> list[int]:
    rng, session, numbers = random.Random(seed), Session(scenario, seed=seed), []
    while not session.ended and len(numbers) < turns:
        numbers.append(rng.choice(session.choices).number)
        session.choose(numbers[-1])
    session.close()
    return numbers


def test_a_choice_taken_headless_has_the_number_it_was_shown_under(library):
    for scenario in library:
        for seed in range(6):
            numbers = _numbers(scenario, seed)
            headless, looking = Session(scenario, seed=seed), Session(scenario, seed=seed)
            for number in numbers:
                shown = next(c.shown for c in looking.shown_choices if c.number == number)
                looking.choose(number)
                taken = headless.choose(number).offered
                assert isinstance(taken, TakenChoice) and taken.shown == shown
            assert headless.trace() == looking.trace()
            headless.close()
            looking.close()


def test_a_choice_placed_later_is_the_offered_choice_placed(library):
    session = Session(library[0], seed=4)
    taken = session.choose(session.choices[-1].number).offered
    plain = OfferedChoice(taken.number, taken.index, taken.choice, taken.shown)
    assert taken == plain and plain == taken and not taken != plain
    assert repr(taken) == repr(plain)
    assert OfferedChoice.of(plain.number, plain.index, plain.choice, plain.shown) == plain
    session.close()


def test_the_shown_ranks_are_the_crc_of_the_whole_text():
    import zlib
    for seed, node in ((0, "n0"), (17, "amara_sunday"), (-3, "x")):
        assert shown_ranks(seed, node, 12) == [zlib.crc32(f"shown:{seed}:{node}:{i}".encode())
                                               for i in range(12)]


def test_a_reaction_has_every_field_its_constructor_would_give_it(library):
    session = Session(library[0], seed=1)
    reaction = session.choose(1)
    fields = {f.name: getattr(reaction, f.name) for f in dataclasses.fields(Reaction)}
    assert Reaction(**fields) == reaction
    assert set(fields) <= set(vars(reaction))
    session.close()


def test_the_phase_is_the_one_the_session_has_reached_whenever_it_is_asked(library):
    for scenario in library:
        session = Session(scenario, seed=2)
        rng, seen = random.Random(2), []
        while not session.ended and session.turn < 40:
            session.choose(rng.choice(session.choices).number)
            if rng.random() < 0.5:
                seen.append((session.turn, session.phase))
                assert session.phases.phase == session.phase   # the machine itself is there
        replayed = Session(scenario, seed=2)
        for number in session.choice_numbers:
            replayed.choose(number)
            expected = dict(seen).get(replayed.turn)
            assert expected is None or replayed.phase == expected
        assert replayed.phase == session.phase
        session.close()
        replayed.close()


def test_a_snapshot_taken_headless_restores_the_phase(library):
    scenario = library[0]
    session = Session(scenario, seed=5)
    for _ in range(3):
        session.choose(session.choices[0].number)
    snapshot, phase = session.snapshot(), session.phase
    session.choose(session.choices[0].number)
    session.restore(snapshot)
    assert session.phase == phase
    session.close()


def test_a_session_let_go_of_is_freed_without_the_garbage_collector(library):
    gc.collect()
    gc.disable()
    try:
        for scenario in library:
            session = Session(scenario, seed=1)
            for number in _numbers(scenario, 1, turns=10):
                session.choose(number)
            session.close()
            del session
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_snapshot_keeps_its_history_whatever_is_played_after_it(library):
    scenario = library[0]
    session = Session(scenario, seed=3)
    session.choose(session.choices[0].number)
    early = session.snapshot()
    session.choose(session.choices[0].number)
    session.choose(session.choices[-1].number)
    late, late_history, late_visited = session.snapshot(), list(session.history), session.visited
    session.restore(early)
    while not session.ended and session.turn < 6:      # another path from the early snapshot
        session.choose(session.choices[-1].number)
    assert early.history == tuple(late_history[:1]) and early.turns == 1
    session.restore(late)
    assert session.history == late_history and session.visited == late_visited
    assert late.history == tuple(late_history)
    session.close()


def test_the_leads_and_events_counted_as_choices_are_made_match_the_history(library):
    """`leads` and the event counts are kept as choices are made (conditions read them every
    step): after play, undo, restore and replay they are still what the history says."""
    def counted(session):
        return sum(1 for r in session.history if r.stance == "lead")

    rng = random.Random(11)
    for scenario in library:
        session = Session(scenario, seed=2)
        snapshots = []
        for _ in range(30):
            move = rng.random()
            if session.ended or move < 0.1:
                session.restore(rng.choice(snapshots)) if snapshots else session.restart()
            elif move < 0.2:
                session.undo()
            else:
                session.choose(rng.choice(session.choices).number)
                snapshots.append(session.snapshot())
            assert session.leads == counted(session)
            assert session.follows == session.turn - counted(session)
            events = [e for r in session.history for e in r.events]
            for kind in ("neglect", "support", "breakthrough", "withdrawal", "risk-missed"):
                assert session.event_count(kind) == sum(e.type == kind for e in events)
                for member in scenario.member_ids:
                    assert session.event_count(kind, member) == sum(
                        e.type == kind and e.member == member for e in events)
            assert session.safe == (session.event_count("risk-missed") == 0)
        session.close()


def test_choices_the_model_sees_alike_share_one_move_and_others_do_not():
    from game.engine.machine import machine_for
    from game.scenario import load_text
    from game.bench.generate import generated_scenario
    scenario = load_text(generated_scenario(60)).scenario
    machine = machine_for(scenario)
    moves = {}
    for node_id, node in scenario.nodes.items():
        for index in range(len(node.choices)):
            move = machine.move(node_id, index)
            moves.setdefault(move, set()).add(id(move))
    assert all(len(ids) == 1 for ids in moves.values())   # equal moves: one object
    assert len(moves) > 1                                   # unequal ones: not merged
