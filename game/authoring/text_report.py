"""The `simulate` reports as plain text for a terminal: short lines, worst news last and loud.

`shown` is the scenario as the user named it, so a reproduce line can be pasted back as is.
"""
from __future__ import annotations

from game.scenario.model import Outcome

from .coverage import Coverage, Problem
from .exhaustive import ExhaustiveReport
from .simulate import SimulationReport

BAR_WIDTH = 40
BLOCK = "█"
LIST_LIMIT = 20  # a longer list of misses is read in --json


def bar(count: int, most: int) -> str:
    """A histogram bar; any count above zero shows at least one block."""
    if count <= 0 or most <= 0:
        return ""
    return BLOCK * max(1, round(BAR_WIDTH * count / most))


def simulation_text(report: SimulationReport, shown: str) -> str:
    last = report.seed + report.runs - 1
    seeds = f"seed {report.seed}" if report.runs == 1 else f"seeds {report.seed}..{last}"
    lines = [f"Simulated {report.runs} runs of '{report.scenario.id}' (policy {report.policy}, {seeds})", ""]
    lines += _endings(report)
    lines += ["", f"Mean turns: {report.mean_turns:.1f}",
              "Mean final group: " + "  ".join(f"{k} {v:.2f}" for k, v in report.mean_final.items()), ""]
    lines += _node_lines(report.coverage) + [""] + _choice_lines(report.coverage) + [""]
    lines += _problems("Stuck runs", report.stuck, shown) + _problems("Runs that raised", report.errors, shown)
    return "\n".join(lines).rstrip() + "\n"


def _endings(report: SimulationReport) -> list[str]:
    rows = [(o.value, report.endings[o.value]) for o in Outcome]
    unfinished = len(report.stuck) + len(report.errors)
    if unfinished:
        rows.append(("no ending", unfinished))
    most = max((count for _, count in rows), default=0)
    lines = ["Endings"]
    for name, count in rows:
        share = f"{100 * count / report.runs:5.1f}%" if report.runs else "    -"
        lines.append(f"  {name:<12} {count:>6} {share}  {bar(count, most)}".rstrip())
    for node_id, count in sorted(report.ending_nodes.items()):
        outcome = report.scenario.nodes[node_id].ending.outcome.value
        lines.append(f"    {node_id} ({outcome}): {count}")
    return lines


def _node_lines(coverage: Coverage) -> list[str]:
    nodes = coverage.nodes_dict()
    lines = [f"Nodes: {nodes['visited']} of {nodes['total']} visited (visits per node)"]
    width = max((len(n) for n in coverage.scenario.nodes), default=0)
    for node_id in coverage.scenario.nodes:
        lines.append(f"  {node_id:<{width}} {coverage.node_hits[node_id]:>7}")
    if nodes["never"]:
        lines.append("  never reached: " + ", ".join(nodes["never"]))
    return lines


def _choice_lines(coverage: Coverage) -> list[str]:
    choices = coverage.choices_dict()
    lines = [f"Choices: {choices['taken']} of {choices['total']} taken "
             "(times taken, by choice number as written)"]
    width = max((len(n) for n in choices["hits"]), default=0)
    for node_id, hits in choices["hits"].items():
        counts = "  ".join(f"{number}:{count}" for number, count in hits.items())
        lines.append(f"  {node_id:<{width}}  {counts}")
    if choices["never"]:
        lines.append("  never taken:")
        lines += [f"    {c['node']} choice {c['choice']}: {_quote(c['text'])}" for c in choices["never"][:LIST_LIMIT]]
        if len(choices["never"]) > LIST_LIMIT:
            lines.append(f"    ... and {len(choices['never']) - LIST_LIMIT} more (see --json)")
    return lines


def _problems(title: str, problems: list[Problem], shown: str) -> list[str]:
    if not problems:
        return [f"{title}: none"]
    lines = [f"{title}: {len(problems)}"]
    for problem in problems[:LIST_LIMIT]:
        lines.append(f"  seed {problem.seed}: {problem.message}")
        lines.append(f"    reproduce: {problem.reproduce(shown)}")
    if len(problems) > LIST_LIMIT:
        lines.append(f"  ... and {len(problems) - LIST_LIMIT} more (see --json)")
    return lines


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f'"{text if len(text) <= limit else text[:limit - 1] + "…"}"'


def exhaustive_text(report: ExhaustiveReport, shown: str) -> str:
    data = report.as_dict()
    lines = [f"Exhaustive check of '{report.scenario.id}': every choice at every node, "
             f"each from a shortest path (seed {report.seed})",
             f"Explored {report.explored} paths" + (f", then {report.probes} probe runs" if report.probes else ""),
             ""]
    nodes, choices, branches = data["nodes"], data["choices"], data["branches"]
    lines.append(f"Nodes: {nodes['visited']} of {nodes['total']} reached")
    lines += [f"  never: {node_id}: {nodes['why'][node_id]}" for node_id in nodes["never"]]
    lines.append(f"Choices: {choices['taken']} of {choices['total']} taken")
    lines += [f"  never: {c['node']} choice {c['choice']} {_quote(c['text'], 40)}: {c['why']}" for c in choices["never"]]
    lines.append(f"Branches: {branches['taken']} of {branches['total']} taken")
    lines += [f"  never: {b['node']} choice {b['choice']} -> {b['goto']}: {b['why']}" for b in branches["never"]]
    lines += ["", "Endings reached (the shortest choices found to each):"]
    for outcome, node_ids in data["endings"].items():
        for node_id in node_ids:
            seed, path = (report.seed, report.paths[node_id]) if node_id in report.paths else report.elsewhere[node_id]
            numbers = ",".join(str(n) for n in path) or "(none)"
            other = f" (with --seed {seed}: the model's chance fell the other way)" if seed != report.seed else ""
            lines.append(f"  {outcome:<12} {node_id}: --choices {numbers}{other}")
    if not data["endings"]:
        lines.append("  none")
    lines.append("")
    lines += _problems("Stuck", report.stuck, shown) + _problems("Raised", report.errors, shown)
    return "\n".join(lines).rstrip() + "\n"


def audit_text(report, shown: str) -> str:
    """The audit for an author: one row per policy, then each finding with its nodes and a
    line on how to fix it, errors first."""
    lines = [f"Audit of '{report.scenario.id}': {report.runs} runs per policy, seeds "
             f"{report.seed}..{report.seed + report.runs - 1}",
             "A run is good when it ends in breakthrough or growth with no risk of harm missed.", "",
             f"  {'policy':<10} {'good':>6} {'breakthrough':>13} {'met':>6} {'cohesion':>9} {'conflict':>9}"]
    for name, tally in report.tallies.items():
        row = tally.as_dict()
        lines.append(f"  {name:<10} {row['good']:>6.0%} {row['breakthrough']:>13.0%} {row['met']:>6.0%} "
                     f"{row['mean_final']['cohesion']:>9.2f} {row['mean_final']['conflict']:>9.2f}")
    lines += ["", f"Agreement: the model backed the expert at {report.agreement:.0%} of the expert's decisions", ""]
    if not report.findings:
        return "\n".join(lines + ["No findings: reading the group is the way to win here."]) + "\n"
    ordered = sorted(report.findings, key=lambda f: f.severity != "error")
    for finding in ordered:
        lines.append(f"{finding.severity}: [{finding.code}] {finding.message}")
        if finding.nodes:
            lines.append(f"  nodes: {', '.join(finding.nodes[:LIST_LIMIT])}")
        if finding.fix:
            lines.append(f"  fix: {finding.fix}")
    errors = sum(f.severity == "error" for f in report.findings)
    lines += ["", f"{errors} error(s), {len(report.findings) - errors} warning(s). "
              f"Replay a run with: python main.py run {shown} --seed N --choices ..."]
    return "\n".join(lines) + "\n"
