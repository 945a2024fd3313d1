"""The class report as one HTML page for a projector: large type, high contrast, inline SVG.

Every bar carries its number in words beside it (and in its aria-label), and lead/follow are
written inside their segments, so nothing depends on colour or on seeing the chart. No
learner's name appears: the page is shown to the whole class.

Safety comes first here as in the debrief: good endings are counted only when safe, an ending
with a missed risk has its own bar (never breakthrough's or growth's), who may not come back is
shown per member, and each decision node says how often the need was met on both axes.
"""
from __future__ import annotations

from datetime import datetime

from .class_report import UNFINISHED, UNSAFE, Gathered, MemberSummary, NodeSummary, ScenarioSummary
from .html_kit import esc, page, percent, short

OUTCOME_COLOURS = {"breakthrough": "#007A5A", "growth": "#0072B2", "stalled": "#6B6B6B",
                   "rupture": "#C0392B", UNSAFE: "#5D2E8C", UNFINISHED: "#B8B8B8"}
ENDING_LABELS = {UNFINISHED: "Stopped before an ending", UNSAFE: "Unsafe: a risk of harm was missed"}
DROP_COLOUR = "#C0392B"
STANCE_COLOURS = {"lead": ("#0072B2", "#FFFFFF"), "follow": ("#E69F00", "#000000")}

CSS = """
:root { --ink: #000; --muted: #333; --line: #9a9a9a; --soft: #f1f1f1; --lead: #0072B2; --follow: #E69F00; }
* { box-sizing: border-box; }
html { font-size: 24px; }
body { margin: 0 auto; max-width: 56rem; padding: 2rem 2.5rem 4rem; color: var(--ink); background: #fff;
       font: 1rem/1.45 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
h1 { font-size: 2.4rem; margin: 0 0 .3rem; }
h2 { font-size: 2rem; margin: 3rem 0 .4rem; padding-top: 1.2rem; border-top: 6px solid var(--ink); }
h3 { font-size: 1.45rem; margin: 2rem 0 .6rem; }
h4 { font-size: 1.1rem; margin: 1rem 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
p { margin: .4rem 0; }
.lede { font-size: 1.1rem; color: var(--muted); }
.problems { border: 3px solid #C0392B; padding: .6rem 1rem; font-size: .75rem; }
.problems ul { margin: .3rem 0; }
.bars { display: grid; grid-template-columns: minmax(8rem, 34%) 1fr 7.5rem; gap: .45rem 1rem; align-items: center; }
.bars .label { font-weight: bold; }
.bars.choices { grid-template-columns: 1fr 7.5rem; gap: .1rem 1rem; }
.bars.choices .label { grid-column: 1 / -1; font-weight: normal; font-size: .9rem; line-height: 1.3; margin-top: .5rem; }
.bars .count { text-align: right; font-variant-numeric: tabular-nums; font-weight: bold; white-space: nowrap; }
.bars svg { display: block; width: 100%; height: 1.6rem; }
.stacks { display: grid; grid-template-columns: 8.5rem 1fr; gap: .5rem 1rem; align-items: center; }
.stacks .label { font-weight: bold; }
.stacks svg { display: block; width: 100%; height: auto; }
.node { border: 3px solid var(--ink); border-radius: 10px; padding: .6rem 1.3rem 1rem; margin: 1.2rem 0; break-inside: avoid; }
.node h3 { margin-top: .3rem; }
.node .facts { font-size: .85rem; color: var(--muted); }
.tag { display: inline-block; font-size: .7rem; font-weight: bold; text-transform: uppercase; padding: 0 .35rem;
       border-radius: 4px; border: 2px solid; margin-right: .3rem; vertical-align: .1em; }
.tag.lead { color: var(--lead); } .tag.follow { color: #8a5a00; }
.star { font-weight: bold; }
.bars .facts { font-weight: normal; font-size: .75rem; color: var(--muted); }
.quality { font-weight: bold; color: #C0392B; }
.headline { font-size: 1.15rem; font-weight: bold; }
.alarm { border-left: 10px solid #C0392B; padding: .3rem .8rem; font-weight: bold; }
ol.missed { padding-left: 1.8rem; }
ol.missed li { margin: .7rem 0; }
ol.missed .said { font-style: italic; }
.said { font-style: italic; }
footer { margin-top: 3rem; font-size: .8rem; color: var(--muted); }
@media print { body { font-size: 12pt; max-width: none; padding: 0; } .node, .bars { break-inside: avoid; } }
"""


def class_report_html(gathered: Gathered, scenarios: list[ScenarioSummary]) -> str:
    learners = len({a.learner for a in gathered.attempts})
    parts = ["<header><h1>Class report</h1>",
             f'<p class="lede">{_plural(len(gathered.attempts), "attempt")} by {_plural(learners, "learner")}, '
             f'from {esc(_sources(gathered))}'
             + (f"; {_plural(gathered.duplicates, 'duplicate')} counted once" if gathered.duplicates else "")
             + ". Learners' names are not shown.</p></header>"]
    if gathered.problems:
        items = "".join(f"<li>{esc(p)}</li>" for p in gathered.problems)
        parts.append(f'<section class="problems" role="note"><strong>Not counted:</strong><ul>{items}</ul></section>')
    parts += [_scenario(s) for s in scenarios]
    made_from = ("students' exports (python main.py report --format json)" if not gathered.stores
                 else "a learning record store's xAPI statements" if not gathered.files_used
                 else "students' exports and a learning record store's xAPI statements")
    parts.append(f"<footer>Made by Circle on {datetime.now().strftime('%Y-%m-%d %H:%M')} from {made_from}.</footer>")
    return page("Class report", CSS, "<main>\n" + "\n".join(parts) + "\n</main>")


def _sources(gathered: Gathered) -> str:
    """'3 files', 'the learning record store at URL', or both."""
    sources = [_plural(len(gathered.files_used), "file")] if gathered.files_used or not gathered.stores else []
    sources += [f"the learning record store at {store}" for store in gathered.stores]
    return " and ".join(sources)


def _scenario(s: ScenarioSummary) -> str:
    facts = [f"{_plural(s.attempts, 'attempt')} by {_plural(s.learners, 'learner')}"]
    if s.versions > 1:
        facts.append(f"played on {s.versions} different versions of the scenario file")
    if s.without_decisions:
        facts.append(f"{_plural(s.without_decisions, 'attempt')} exported without decisions "
                     "(their scenario file did not replay)")
    parts = [f'<section aria-labelledby="s-{esc(s.id)}"><h2 id="s-{esc(s.id)}">{esc(s.title)}</h2>',
             f'<p class="lede">{esc("; ".join(facts))}.</p>', _reading(s), "<h3>How the sessions ended</h3>",
             _safety(s), _outcomes(s)]
    if s.members:
        parts += ["<h3>Who may not come back</h3>", _members(s.members)]
    missed = s.most_missed()
    if missed:
        parts += ["<h3>Most-missed expert choices (at the first try)</h3>", _missed(missed)]
    if s.nodes:
        parts.append("<h3>Decision by decision</h3>")
        parts += [_node(n, s.attempts) for n in s.nodes]
    parts.append("</section>")
    return "\n".join(parts)


def _reading(s: ScenarioSummary) -> str:
    """How often the class's readings of the room matched the model's, and how many moments
    were tried again."""
    words = f"Reading the room: {s.reading_rate} matched the model's reading" if s.readings_asked \
        else "Reading the room: no readings"
    if s.retried:
        words += f"; {_plural(s.retried, 'decision')} made after trying the moment again"
    return f'<p class="reading">{esc(words)}.</p>'


def _safety(s: ScenarioSummary) -> str:
    """Good endings (safe ones only) first, then any missed risk, said in words."""
    parts = [f'<p class="headline">Good endings (breakthrough or growth, and safe): {s.good} of {s.attempts} '
             f"({percent(s.good, s.attempts)}).</p>"]
    if s.missed_risk:
        parts.append(f'<p class="alarm">A risk of harm was missed in {s.missed_risk} of {s.attempts} attempts '
                     f"({percent(s.missed_risk, s.attempts)}): those endings are counted as unsafe, never as good.</p>")
    if s.safety_unknown:
        parts.append(f"<p>{_plural(s.safety_unknown, 'finished attempt')} came from older exports that cannot say "
                     "whether a risk was missed; they are not counted as good.</p>")
    return "".join(parts)


def _outcomes(s: ScenarioSummary) -> str:
    rows = []
    for ending, count in s.outcome_rows:
        if ending in (UNFINISHED, UNSAFE) and not count:
            continue
        label = ENDING_LABELS.get(ending, ending.capitalize())
        rows.append(_bar_row(esc(label), count, s.attempts, OUTCOME_COLOURS.get(ending, "#555")))
    return '<div class="bars">' + "".join(rows) + "</div>"


def _members(members: list[MemberSummary]) -> str:
    """Per member: in how many attempts they may not come back (the rest said in words)."""
    rows = []
    for m in members:
        rest = f"uncertain in {m.outcomes['uncertain']}, likely back in {m.outcomes['returns']}"
        label = f'{esc(m.name)} <span class="facts">· {esc(rest)}</span>'
        rows.append(_bar_row(label, m.outcomes["may_drop_out"], m.told, DROP_COLOUR))
    return '<div class="bars">' + "".join(rows) + "</div>"


def _missed(nodes: list[NodeSummary]) -> str:
    items = []
    for n in nodes:
        judged = n.expert_taken + n.expert_missed
        items.append(f"<li><strong>At “{esc(n.node)}”</strong>: missed at the first try in {n.expert_missed} "
                     f"of {judged} decisions "
                     f"({percent(n.expert_missed, judged)}).<br>"
                     f'<span class="said" title="{esc(n.expert_text)}">{esc(short(n.expert_text or "", 160))}</span></li>')
    return '<ol class="missed">' + "".join(items) + "</ol>"


def _node(n: NodeSummary, attempts: int) -> str:
    phase = f" · {esc(n.phase)}" if n.phase else ""
    facts = [f"reached in {n.reached} of {attempts} attempts ({percent(n.reached, attempts)})"]
    if n.decisions != n.reached:
        facts.append(f"{n.decisions} decisions")
    facts += _verdict_facts(n)
    if n.expert_missed or n.expert_taken:
        judged = n.expert_taken + n.expert_missed
        facts.append(f"expert choice taken in {n.expert_taken} of {judged}")
    return (f'<article class="node"><h3>“{esc(n.node)}”<span class="facts">{phase}</span></h3>'
            f'<p class="facts">{esc("; ".join(facts))}.</p>'
            f"<h4>Lead or follow</h4>{_stances(n)}<h4>What was chosen</h4>{_choices(n)}</article>")


def _verdict_facts(n: NodeSummary) -> list[str]:
    """Both axes: the stance alone, then the need met (right stance and a sound move)."""
    facts = [f"right stance in {n.fits} of {n.decisions} ({percent(n.fits, n.decisions)})"]
    if n.judged:
        facts.append(f"need met (right stance and a sound move) in {n.met} of {n.judged} ({percent(n.met, n.judged)})")
        if n.partly:
            facts.append(f"right stance but a poor or harmful move in {n.partly}")
    if n.judged < n.decisions:
        facts.append(f"{n.decisions - n.judged} decisions from older exports carry no verdict")
    return facts


def _stances(n: NodeSummary) -> str:
    rows = [("Chose", n.chose), ("Group needed", n.needed)]
    parts = []
    for label, counts in rows:
        parts.append(f'<span class="label">{label}</span>{_stack(label, counts, n.decisions)}')
    return '<div class="stacks">' + "".join(parts) + "</div>"


def _stack(label: str, counts, total: int) -> str:
    """A bar split into lead and follow, each segment saying its name and share inside it."""
    width, height, x, shapes = 1000, 56, 0.0, []
    words = []
    for stance in ("lead", "follow"):
        count = counts.get(stance, 0)
        share = count / total if total else 0
        fill, ink = STANCE_COLOURS[stance]
        w = width * share
        if w > 0:
            shapes.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{fill}"/>')
            text = f"{stance} {percent(count, total)}" if share >= 0.19 else (percent(count, total) if share >= 0.08 else "")
            if text:
                shapes.append(f'<text x="{x + w / 2:.1f}" y="{height / 2 + 11}" text-anchor="middle" '
                              f'font-size="31" font-weight="bold" fill="{ink}">{esc(text)}</text>')
        words.append(f"{stance} {count} of {total} ({percent(count, total)})")
        x += w
    shapes.insert(0, f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff" stroke="#000" stroke-width="2"/>')
    aria = f"{label}: " + ", ".join(words)
    return (f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{esc(aria)}"><title>{esc(aria)}</title>'
            + "".join(shapes) + "</svg>")


def _choices(n: NodeSummary) -> str:
    rows = []
    for share in n.choices:
        star = '<span class="star" title="the expert choice">★ expert · </span>' if share.expert else ""
        if share.quality in ("poor", "harmful"):
            star += f'<span class="quality">{esc(share.quality)} move · </span>'
        label = (f'<span class="tag {esc(share.stance)}">{esc(share.stance)}</span>{star}'
                 f'<span title="{esc(share.text)}">{esc(short(share.text))}</span>')
        fill = STANCE_COLOURS.get(share.stance, ("#555", "#fff"))[0]
        rows.append(_bar_row(label, share.count, n.decisions, fill))
    return '<div class="bars choices">' + "".join(rows) + "</div>"


def _bar_row(label_html: str, count: int, total: int, fill: str) -> str:
    share = count / total if total else 0
    aria = f"{count} of {total} ({percent(count, total)})"
    svg = (f'<svg viewBox="0 0 1000 40" preserveAspectRatio="none" role="img" aria-label="{esc(aria)}">'
           f'<rect x="0" y="0" width="1000" height="40" fill="#f1f1f1"/>'
           f'<rect x="0" y="0" width="{1000 * share:.1f}" height="40" fill="{fill}"/></svg>')
    return (f'<span class="label">{label_html}</span>{svg}'
            f'<span class="count">{count} · {percent(count, total)}</span>')


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"
