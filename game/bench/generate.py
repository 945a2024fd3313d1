"""Large, valid scenarios made to measure: N decision nodes in a braided chain."""
from __future__ import annotations

MEMBERS = ("ana", "ben", "cai", "dee", "eli", "fay", "gus", "hal")
ARCHETYPES = ("monopolizer", "silent", "typical", "rescuer", "hostile", "newcomer", "intellectualizer", "help_rejecting")


def generated_scenario(decisions: int) -> str:
    """YAML text of a scenario with `decisions` decision nodes and three endings.

    Node i offers a lead and a follow choice going on to node i+1, or i+2 through a
    conditional branch, so the number of paths grows exponentially with the nodes. Every
    50th node's follow choice can end the session early (stalled or rupture).
    """
    out = [
        "format: 1", "id: generated", "title: Generated scenario", "summary: Made to measure.",
        "focus: benchmarking", "level: advanced",
        "objectives:", "  reading: Read the room.", "  pacing: Pace the session.",
        "members:",
    ]
    for member, archetype in zip(MEMBERS, ARCHETYPES):
        out.append(f"  - {{id: {member}, name: {member.title()}, archetype: {archetype}}}")
    out += ["start: n0", "nodes:"]
    for i in range(decisions):
        out += _decision_node(i, decisions)
    for outcome in ("growth", "stalled", "rupture"):
        out.append(f"  end_{outcome}: {{ending: {{outcome: {outcome}, text: The end.}}}}")
    return "\n".join(out) + "\n"


def _target(i: int, step: int, decisions: int) -> str:
    j = i + step
    return f"n{j}" if j < decisions else "end_growth"


def _decision_node(i: int, decisions: int) -> list[str]:
    """One node in flow style: 5,000 of them must fit in the format's 1 MiB limit."""
    speaker, target = MEMBERS[i % len(MEMBERS)], MEMBERS[(i + 3) % len(MEMBERS)]
    phase = ""
    if i in (0, decisions // 5, decisions * 4 // 5):
        phase = "phase: " + ("opening" if i == 0 else "working" if i == decisions // 5 else "closing") + ", "
    lead = (f"{{text: Lead, stance: lead, expert: true, feedback: F, "
            f"next: {_target(i, 1, decisions)}}}")
    later = _target(i, 1, decisions) if i % 50 != 49 else ("end_stalled", "end_rupture")[i // 50 % 2]
    follow = (f"{{text: Wait, stance: follow, feedback: F, next: [{{if: {target}.trust > 0.6, "
              f"goto: {_target(i, 2, decisions)}}}, {{goto: {later}}}]}}")
    return [f"  n{i}: {{{phase}lines: [{speaker}: M.], choices: [{lead}, {follow}]}}"]
