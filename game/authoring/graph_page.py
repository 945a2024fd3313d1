"""The style and the script of `graph --format html`: inside the page, never fetched.

The page must open from a mail attachment or a course platform with no network, so nothing is
linked: the fonts are the system's, and the script only reads the data embedded in the page
and writes it into the side panel as text (never as markup, whatever the scenario holds).
"""

CSS = """
:root { --ink: #1d1d24; --muted: #5c5a66; --line: #b8b2a7; --expert: #1864ab; --trouble: #c92a2a;
        --panel: #fbfaf7; --lead: #0b7285; --follow: #9c6500; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
header { padding: 14px 20px 8px; border-bottom: 1px solid #e3ded5; }
h1 { font-size: 1.35rem; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 2px 0; font-size: .9rem; }
.findings { margin: 6px 0 0; padding-left: 1.2rem; font-size: .88rem; }
.findings .error { color: var(--trouble); }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin: 8px 0 2px; font-size: .82rem; color: var(--muted); }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 22px; height: 14px; border-radius: 4px; border: 2px solid #777; display: inline-block; }
.swatch.path { border-color: var(--expert); border-width: 3px; }
.swatch.trouble { border-color: var(--trouble); border-style: dashed; background: #fff0f0; }
main { display: flex; align-items: flex-start; }
#drawing { flex: 1 1 auto; overflow: auto; padding: 8px; }
#panel { position: sticky; top: 0; flex: 0 0 360px; max-height: 100vh; overflow: auto; padding: 14px 16px;
         background: var(--panel); border-left: 1px solid #e3ded5; font-size: .88rem; }
#panel h2 { font-size: 1.05rem; margin: 0 0 2px; word-break: break-word; }
#panel h3 { font-size: .9rem; margin: 12px 0 4px; }
#panel p { margin: 4px 0; }
#panel ol { margin: 4px 0; padding-left: 1.3rem; }
#panel li { margin: 0 0 6px; }
#panel .said { color: var(--muted); }
#panel .note { color: var(--trouble); font-weight: bold; }
#panel .expert-choice { font-weight: bold; }
.stance-lead { color: var(--lead); font-weight: bold; } .stance-follow { color: var(--follow); font-weight: bold; }
svg text { font-family: "DejaVu Sans", "Segoe UI", system-ui, sans-serif; }
.node rect.box { fill: #fff; stroke: #6f6a62; stroke-width: 1.4; }
.node.decision rect.box { fill: #ffffff; }
.node.on-path rect.box { stroke: var(--expert); stroke-width: 3.5; }
.node.trouble rect.box { fill: #fff0f0; stroke: var(--trouble); stroke-dasharray: 6 3; stroke-width: 2.5; }
.node.on-path.trouble rect.box { stroke: var(--trouble); }
.node .id { font-size: 12.5px; font-weight: bold; fill: var(--ink); }
.node .sub { font-size: 11px; fill: var(--muted); }
.node .badge { fill: var(--trouble); }
.node .badge-text { fill: #fff; font-size: 13px; font-weight: bold; }
.node .start-tab { fill: var(--expert); }
.node .start-text { fill: #fff; font-size: 10px; font-weight: bold; letter-spacing: .05em; }
.node:hover rect.box, .node:focus rect.box { filter: drop-shadow(0 0 4px rgba(24, 100, 171, .55)); }
.node:focus { outline: none; }
.edge path { fill: none; stroke: #a39d93; stroke-width: 1.4; }
.edge.conditional path { stroke-dasharray: 5 4; }
.edge.on-path path { stroke: var(--expert); stroke-width: 3.5; stroke-dasharray: none; }
.edge text { font-size: 10.5px; fill: var(--muted); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.edge.on-path text { fill: var(--expert); font-weight: bold; }
@media print { #panel { display: none; } #drawing { overflow: visible; } }
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById('scenario-data').textContent);
  var panel = document.getElementById('panel');
  function add(parent, tag, text, css) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = text;
    if (css) element.className = css;
    parent.appendChild(element);
    return element;
  }
  function show(id) {
    var node = data.nodes[id];
    if (!node) return;
    panel.textContent = '';
    add(panel, 'h2', node.id);
    add(panel, 'p', node.kind, 'said');
    node.notes.forEach(function (note) { add(panel, 'p', '! ' + note, 'note'); });
    if (node.on_path) add(panel, 'p', 'On the expert path.', 'said');
    if (node.narration) { add(panel, 'h3', 'Narration'); add(panel, 'p', node.narration); }
    if (node.lines.length) {
      add(panel, 'h3', 'What members say');
      node.lines.forEach(function (line) { add(panel, 'p', line[0] + ': \\u201c' + line[1] + '\\u201d'); });
    }
    if (node.choices.length) {
      add(panel, 'h3', 'Choices');
      var list = add(panel, 'ol');
      node.choices.forEach(function (choice) {
        var item = add(list, 'li', null, choice.expert ? 'expert-choice' : '');
        add(item, 'span', choice.stance.toUpperCase(), 'stance-' + choice.stance);
        add(item, 'span', ' ' + choice.tags + ' ');
        add(item, 'span', choice.text);
        add(item, 'div', '\\u2192 ' + choice.next, 'said');
      });
    }
    if (node.ending) { add(panel, 'h3', 'Ending: ' + node.ending.outcome); add(panel, 'p', node.ending.text); }
  }
  Array.prototype.forEach.call(document.querySelectorAll('g.node'), function (g) {
    g.addEventListener('mouseenter', function () { show(g.getAttribute('data-id')); });
    g.addEventListener('focus', function () { show(g.getAttribute('data-id')); });
  });
})();
"""
