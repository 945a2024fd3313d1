"""The contract's rules that need the whole file: references, counts, graph shape, advice.

Shape and types are pydantic's job (model.py); this module checks what only makes sense once
everything is read: that names point at things that exist, that every node can be reached and
can end, and the advice (warnings) that makes a scenario teach well.
"""
from __future__ import annotations

from collections import deque
from typing import Iterator

from .diagnostics import Diagnostic, excerpt
from .expressions import ExpressionError, Names, parse_condition
from .model import RESERVED_WORDS, Choice, Quality, Scenario, Stance
from .path_rules import path_errors
from .schema_errors import did_you_mean
from .yamlsource import Source

MIN_MEMBERS, MAX_MEMBERS = 3, 12
ADVISED_MEMBERS = (6, 10)  # Yalom's working size for an interactional group
MAX_CHOICES = 6  # the play screen's keys 1..6
GROUP_KEYS = ("cohesion", "conflict")
MEMBER_KEYS = ("engagement", "trust", "distress")


def check(scenario: Scenario, source: Source, known_nodes: set[str], complete: bool,
          intact: set[str]) -> list[Diagnostic]:
    """Errors always; warnings only for a file that is otherwise sound (else they mislead).

    `known_nodes` are all node ids written (for references); `intact` those whose own shape
    validated, the only ones whose structure (choices vs ending) is worth judging.
    """
    checker = _Checker(scenario, source, known_nodes, intact)
    problems = list(checker.errors())
    if complete and not any(p.is_error for p in problems):
        problems.extend(checker.warnings())
    return problems


class _Checker:
    def __init__(self, scenario: Scenario, source: Source, known_nodes: set[str], intact: set[str]):
        self.scenario = scenario
        self.intact = intact
        self.source = source
        self.nodes = known_nodes
        # Ids written in the file, valid or not: a member whose own entry has an error is
        # reported there once, not again at every mention.
        raw = source.data.get("members") if isinstance(source.data, dict) else None
        written = {m.get("id") for m in raw if isinstance(m, dict)} if isinstance(raw, list) else set()
        self.members = {m.id for m in scenario.members} | {i for i in written if isinstance(i, str)}
        # A list of members, a mapping of objectives, a mapping of nodes: when one of them is
        # itself malformed (reported already), references to it cannot be judged.
        data = source.data if isinstance(source.data, dict) else {}
        self.judge_members = isinstance(raw, list)
        self.judge_objectives = isinstance(data.get("objectives"), dict)
        self.judge_nodes = isinstance(data.get("nodes"), dict)
        self.names = Names(frozenset(self.members), frozenset(known_nodes), frozenset(scenario.objectives))

    def at(self, code: str, message: str, path: tuple, key: bool = False) -> Diagnostic:
        return Diagnostic(code, message, *self.source.where(path, key=key))

    # -- errors -------------------------------------------------------------------------------

    def errors(self) -> Iterator[Diagnostic]:
        yield from self.member_errors()
        if self.scenario.start and self.scenario.start not in self.nodes:
            yield from self.unknown_node(self.scenario.start, ("start",))
        for node_id, node in self.scenario.nodes.items():
            yield from self.node_errors(node_id, node)
        yield from self.risk_errors()
        if self.judge_nodes and self.judge_members:
            yield from path_errors(self.scenario, self.nodes, self.members, self.at, self.expression_errors)

    def risk_errors(self) -> Iterator[Diagnostic]:
        """A risk line needs some choice, somewhere, that checks that speaker's risk: else
        no trainee could ever close it and every ending would be unsafe."""
        checked = {target for node in self.scenario.nodes.values() for choice in node.choices
                   if choice.checks_risk for target in choice.targets}
        reported = set()
        for node_id, node in self.scenario.nodes.items():
            for index, line in enumerate(node.lines):
                if line.risk and line.speaker not in checked and line.speaker not in reported \
                        and line.speaker in self.members:
                    reported.add(line.speaker)
                    yield self.at("risk-never-checked", f"'{line.speaker}' says a risk line here, but no choice "
                                  f"anywhere checks_risk with '{line.speaker}' in its targets",
                                  ("nodes", node_id, "lines", index))
    def member_errors(self) -> Iterator[Diagnostic]:
        count = len(self.scenario.members)
        raw = self.source.data.get("members")
        for index, member in enumerate(self.scenario.members):
            if member.joins_at is not None and member.joins_at not in self.nodes:
                yield from self.unknown_node(member.joins_at, ("members", _raw_index(raw, member.id, index, {}), "joins_at"))
        if isinstance(raw, list) and not MIN_MEMBERS <= len(raw) <= MAX_MEMBERS:
            yield self.at("member-count", f"{len(raw)} members; a scenario has {MIN_MEMBERS} to {MAX_MEMBERS}", ("members",), key=True)
        first: dict[str, int] = {}
        for index, member in enumerate(self.scenario.members[:count]):
            path = ("members", _raw_index(raw, member.id, index, first), "id")
            if member.id in RESERVED_WORDS:
                yield self.at("reserved-id", f"'{member.id}' is a reserved word; choose another member id", path)
            if member.id in first:
                line = self.source.where(("members", first[member.id], "id"))[0]
                yield self.at("duplicate-member", f"member id '{member.id}' is used twice (first at line {line})", path)
            else:
                first[member.id] = path[1]

    def node_errors(self, node_id: str, node) -> Iterator[Diagnostic]:
        base = ("nodes", node_id)
        if node_id in self.intact:
            yield from self.shape_errors(node_id, node)
        for index, line in enumerate(node.lines):
            if line.speaker not in self.members:
                yield from self.unknown_member(line.speaker, base + ("lines", index))
        if node.need is not None and node.need.member is not None and node.need.member not in self.members:
            yield from self.unknown_member(node.need.member, base + ("need", "member"))
        experts = [i for i, c in enumerate(node.choices) if c.expert]
        for extra in experts[1:]:
            yield self.at("two-experts", f"node '{node_id}' has more than one expert choice (first is choice {experts[0] + 1})", base + ("choices", extra, "expert"))
        for index, choice in enumerate(node.choices):
            yield from self.choice_errors(choice, base + ("choices", index))

    def shape_errors(self, node_id: str, node) -> Iterator[Diagnostic]:
        base = ("nodes", node_id)
        if node.ending is not None and node.choices:
            yield self.at("ending-with-choices", f"node '{node_id}' is an ending and also has choices", base + ("choices",), key=True)
        if node.ending is None and not node.choices:
            yield self.at("no-choices", f"node '{node_id}' has no choices and no ending", base, key=True)
        if len(node.choices) > MAX_CHOICES:
            yield self.at("too-many-choices", f"node '{node_id}' has {len(node.choices)} choices; at most {MAX_CHOICES}", base + ("choices", MAX_CHOICES))

    def choice_errors(self, choice: Choice, path: tuple) -> Iterator[Diagnostic]:
        if choice.checks_risk and not choice.targets:
            yield self.at("checks-risk-no-targets", "a choice that checks_risk must name whose risk it checks in 'targets'", path + ("checks_risk",))
        if choice.expert and choice.quality is not None and choice.quality != Quality.best:
            yield self.at("expert-not-best", f"an expert choice is the best move; its quality is '{choice.quality.value}' (drop 'quality' or 'expert')", path + ("quality",))
        for index, target in enumerate(choice.targets):
            if target not in self.members:
                yield from self.unknown_member(target, path + ("targets", index))
        yield from self.effect_errors(choice, path + ("effects",))
        if choice.breakthrough is not None and choice.breakthrough not in self.members:
            yield from self.unknown_member(choice.breakthrough, path + ("breakthrough",))
        for objective in choice.score:
            if self.judge_objectives and objective not in self.scenario.objectives:
                hint = did_you_mean(objective, self.scenario.objectives)
                yield self.at("unknown-objective", f"no objective '{objective}'{hint}", path + ("score", objective), key=True)
        if choice.when is not None:
            yield from self.expression_errors(choice.when, path + ("if",))
        yield from self.next_errors(choice, path + ("next",))

    def effect_errors(self, choice: Choice, path: tuple) -> Iterator[Diagnostic]:
        for party, delta in choice.effects.items():
            allowed = GROUP_KEYS if party == "group" else MEMBER_KEYS
            if party not in ("group", "everyone") and party not in self.members:
                yield from self.unknown_member(party, path + (party,), key=True)
                continue
            for name, _ in delta.items():
                if name not in allowed:
                    who = "the group" if party == "group" else "a member"
                    yield self.at("unknown-key", f"'{name}' cannot be changed for {who}; use {', '.join(allowed)}", path + (party, name), key=True)

    def next_errors(self, choice: Choice, path: tuple) -> Iterator[Diagnostic]:
        if isinstance(choice.next, str):
            if choice.next not in self.nodes:
                yield from self.unknown_node(choice.next, path)
            return
        if not choice.next:
            yield self.at("out-of-range", "'next' has no branches; give a node id or at least one branch", path)
        for index, branch in enumerate(choice.next):
            if branch.goto not in self.nodes:
                yield from self.unknown_node(branch.goto, path + (index, "goto"))
            if branch.when is not None:
                yield from self.expression_errors(branch.when, path + (index, "if"))
        if choice.next and choice.next[-1].when is not None:
            yield self.at("last-branch-if", "the last branch must have no 'if', so some branch is always taken", path + (len(choice.next) - 1, "if"), key=True)

    def expression_errors(self, text: str, path: tuple) -> Iterator[Diagnostic]:
        try:
            parse_condition(text, self.names)
        except ExpressionError as err:
            if err.code != "unknown-name" or (self.judge_members and self.judge_objectives and self.judge_nodes):
                yield self.at(err.code, str(err), path)

    def unknown_node(self, name: str, path: tuple) -> Iterator[Diagnostic]:
        if self.judge_nodes:
            yield self.at("unknown-node", f"no node {excerpt(name)}{did_you_mean(name, self.nodes)}", path)

    def unknown_member(self, name: str, path: tuple, key: bool = False) -> Iterator[Diagnostic]:
        if self.judge_members:
            yield self.at("unknown-member", f"no member {excerpt(name)}{did_you_mean(name, self.members)}", path, key=key)

    # -- warnings -----------------------------------------------------------------------------

    def warnings(self) -> Iterator[Diagnostic]:
        low, high = ADVISED_MEMBERS
        count = len(self.scenario.members)
        if not low <= count <= high:
            yield self.at("member-count-advice", f"{count} members; {low} to {high} make a working group", ("members",), key=True)
        reachable = _reachable(self.scenario)
        for node_id in self.scenario.nodes:
            if node_id not in reachable:
                yield self.at("unreachable-node", f"node '{node_id}' cannot be reached from '{self.scenario.start}'", ("nodes", node_id), key=True)
        can_end = _can_end(self.scenario)
        for node_id in self.scenario.nodes:
            if node_id in reachable and node_id not in can_end:
                yield self.at("dead-end", f"no ending can be reached from node '{node_id}'", ("nodes", node_id), key=True)
        yield from self.decision_warnings()
        yield from self.objective_warnings()
        yield from self.member_warnings()
        yield from self.joining_warnings()

    def joining_warnings(self) -> Iterator[Diagnostic]:
        """A late member who speaks, or is addressed, where they may not have arrived yet."""
        for member in self.scenario.members:
            if member.joins_at is None or member.joins_at not in self.scenario.nodes:
                continue
            early = _reachable(self.scenario, avoiding=member.joins_at) - {member.joins_at}
            for node_id in self.scenario.nodes:
                if node_id in early:
                    yield from self._early_mentions(member.id, member.joins_at, node_id)

    def _early_mentions(self, member_id: str, joins_at: str, node_id: str) -> Iterator[Diagnostic]:
        node = self.scenario.nodes[node_id]
        why = f"'{member_id}' may not have joined yet here (joins at '{joins_at}', which can be bypassed or comes later)"
        for index, line in enumerate(node.lines):
            if line.speaker == member_id:
                yield self.at("before-joining", f"{why}: they speak in node '{node_id}'", ("nodes", node_id, "lines", index))
        for index, choice in enumerate(node.choices):
            if member_id in choice.targets or member_id in choice.effects or choice.breakthrough == member_id:
                yield self.at("before-joining", f"{why}: choice {index + 1} of node '{node_id}' involves them", ("nodes", node_id, "choices", index))

    def decision_warnings(self) -> Iterator[Diagnostic]:
        for node_id, node in self.scenario.nodes.items():
            if not node.choices:
                continue
            path = ("nodes", node_id)
            stances = {c.stance for c in node.choices}
            if stances != {Stance.lead, Stance.follow}:
                missing = "follow" if Stance.follow not in stances else "lead"
                yield self.at("one-stance", f"node '{node_id}' offers no {missing} choice: the trainee cannot practise the decision", path, key=True)
            if not any(c.expert for c in node.choices):
                yield self.at("no-expert", f"node '{node_id}' has no 'expert: true' choice for the debrief to recommend", path, key=True)
            for index, choice in enumerate(node.choices):
                if not choice.feedback.strip():
                    yield self.at("no-feedback", f"choice {index + 1} of node '{node_id}' has no feedback for the debrief", path + ("choices", index))

    def objective_warnings(self) -> Iterator[Diagnostic]:
        scored = {o for n in self.scenario.nodes.values() for c in n.choices for o in c.score}
        for objective in self.scenario.objectives:
            if objective not in scored:
                yield self.at("unscored-objective", f"no choice scores objective '{objective}'", ("objectives", objective), key=True)

    def member_warnings(self) -> Iterator[Diagnostic]:
        heard = set()
        for node in self.scenario.nodes.values():
            heard.update(line.speaker for line in node.lines)
            for choice in node.choices:
                heard.update(choice.targets)
        for index, member in enumerate(self.scenario.members):
            if member.id not in heard:
                yield self.at("silent-member", f"'{member.id}' never speaks and is never targeted", ("members", index, "id"))


def successors(choice: Choice) -> list[str]:
    """Every node a choice can lead to, whatever its conditions."""
    if isinstance(choice.next, str):
        return [choice.next]
    return [branch.goto for branch in choice.next]


def _reachable(scenario: Scenario, avoiding: str | None = None) -> set[str]:
    """Nodes reachable from `start`; with `avoiding`, without passing through that node (it is
    reached, but not gone through)."""
    seen, queue = {scenario.start}, deque([scenario.start])
    while queue:
        current = queue.popleft()
        if current == avoiding:
            continue
        node = scenario.nodes.get(current)
        for choice in node.choices if node else []:
            for target in successors(choice):
                if target in scenario.nodes and target not in seen:
                    seen.add(target)
                    queue.append(target)
    return seen


def _can_end(scenario: Scenario) -> set[str]:
    """Nodes from which some ending is reachable: a backwards search from the endings."""
    parents: dict[str, set[str]] = {}
    for node_id, node in scenario.nodes.items():
        for choice in node.choices:
            for target in successors(choice):
                parents.setdefault(target, set()).add(node_id)
    ends = [n for n, node in scenario.nodes.items() if node.ending is not None]
    seen, queue = set(ends), deque(ends)
    while queue:
        for parent in parents.get(queue.popleft(), ()):
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return seen


def _raw_index(raw, member_id: str, fallback: int, first: dict) -> int:
    """The index in the file of this member (valid members may be fewer than those written)."""
    if not isinstance(raw, list):
        return fallback
    taken = set(first.values())
    for index, item in enumerate(raw):
        if isinstance(item, dict) and item.get("id") == member_id and index not in taken and index >= fallback:
            return index
    return fallback
