"""Any valid scenario, played with any choices, never raises, and always either ends or stops
with choices on offer (a node always keeps one choice without a condition)."""
import random

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Session
from game.scenario import load_text

ARCHETYPES = ["typical", "monopolizer", "silent", "help_rejecting", "hostile", "rescuer",
              "intellectualizer", "newcomer"]
CONDITIONS = ["group.cohesion >= 0.4", "group.conflict < 0.5 and turn > 1", "not visited.n0",
              "m0.trust > 0.5 or m1.distress >= 0.6", "leads > follows", "score.goal >= 1",
              "group.avoidance <= 0.3", "(turn == 2) or group.engagement > 0.6"]
unit = st.floats(0, 1, allow_nan=False)
delta = st.floats(-1, 1, allow_nan=False)


@st.composite
def scenarios(draw):
    members = [f"m{i}" for i in range(draw(st.integers(3, 12)))]
    nodes = [f"n{i}" for i in range(draw(st.integers(1, 8)))]
    endings = [f"end{i}" for i in range(draw(st.integers(1, 3)))]
    targets = st.lists(st.sampled_from(members), max_size=3, unique=True)
    doc = {
        "format": 1, "id": "random", "objectives": {"goal": "A goal."},
        "members": [{"id": m, "name": m.upper(), "archetype": draw(st.sampled_from(ARCHETYPES)),
                     "start": {"engagement": draw(unit), "trust": draw(unit), "distress": draw(unit)}}
                    for m in members],
        "group": {"start": {"cohesion": draw(unit), "conflict": draw(unit)},
                  "dynamics": {"contagion": draw(unit), "neglect_after": draw(st.integers(1, 4))}},
        "start": nodes[0], "nodes": {},
    }
    everywhere = nodes + endings
    for node in nodes:
        choices = []
        for index in range(draw(st.integers(1, 6))):
            choice = {"text": f"choice {index}", "stance": draw(st.sampled_from(["lead", "follow"])),
                      "targets": draw(targets), "score": {"goal": draw(st.integers(-2, 2))},
                      "effects": {draw(st.sampled_from(members + ["everyone"])): {"trust": draw(delta)},
                                  "group": {"conflict": draw(delta)}}}
            if index > 0 and draw(st.booleans()):
                choice["if"] = draw(st.sampled_from(CONDITIONS))
            if draw(st.booleans()):
                choice["breakthrough"] = draw(st.sampled_from(members))
            if draw(st.booleans()):
                choice["next"] = draw(st.sampled_from(everywhere))
            else:
                branches = [{"if": draw(st.sampled_from(CONDITIONS)), "goto": draw(st.sampled_from(everywhere))}
                            for _ in range(draw(st.integers(0, 2)))]
                choice["next"] = branches + [{"goto": draw(st.sampled_from(everywhere))}]
            choices.append(choice)
        doc["nodes"][node] = {"phase": draw(st.sampled_from(["opening", "working", "closing"])),
                              "choices": choices}
    for ending in endings:
        doc["nodes"][ending] = {"ending": {"outcome": draw(st.sampled_from(["growth", "stalled", "rupture", "breakthrough"]))}}
    return yaml.safe_dump(doc, sort_keys=False), draw(st.integers(0, 2**16))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_random_scenarios_with_random_choices_never_raise_and_never_get_stuck(case):
    text, seed = case
    result = load_text(text)
    assert result.scenario is not None, result.errors
    session = Session(result.scenario, seed=seed)
    rng = random.Random(seed)
    for _ in range(30):
        if session.ended:
            break
        assert session.choices, f"stuck at {session.node_id}"
        session.choose(rng.choice(session.choices).number)
        values = session.trace()["steps"][-1]
        numbers = list(values["group"].values()) + [v for m in values["members"].values() for v in m.values()]
        assert all(0.0 <= n <= 1.0 for n in numbers)
    assert session.ended or session.choices
    session.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(scenarios())
def test_the_choices_offered_are_exactly_those_the_machine_itself_would_take(case):
    # The session lists offered choices from the machine's transitions without asking
    # transitions one choice at a time; transitions' own `may_trigger` must agree everywhere.
    from game.engine.machine import trigger_name

    text, seed = case
    session = Session(load_text(text).scenario, seed=seed)
    rng = random.Random(seed)
    for _ in range(20):
        if session.ended:
            break
        seat = session._seat
        agreed = [i for i in range(len(session.node.choices)) if seat.may_trigger(trigger_name(i))]
        assert [c.index for c in session.choices] == agreed
        session.choose(rng.choice(session.choices).number)
    session.close()
