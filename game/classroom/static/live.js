"use strict";
// Shared by the students' and the instructor's pages: live updates (a websocket, else polling)
// and the parts both pages draw. Text from the scenario is only ever set as textContent.
const Circle = (() => {
  const POLL_MS = 2000, RETRY_MS = 8000;
  const el = (id) => document.getElementById(id);

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(id, text) {
    const node = el(id);
    if (node && node.textContent !== text) node.textContent = text;
  }

  function show(id, visible) {
    const node = el(id);
    if (node) node.hidden = !visible;
  }

  // Calls onState with each new state; says on the page how it keeps up.
  function live(stateUrl, liveQuery, onState) {
    let socket = null, pollTimer = null, lastVersion = null;
    const take = (state) => {
      if (state.version === lastVersion) return;
      lastVersion = state.version;
      onState(state);
    };
    const poll = async () => {
      try {
        const answer = await fetch(stateUrl, {cache: "no-store"});
        if (answer.ok) {
          take(await answer.json());
          say("connection", socket ? "Live" : "Updating every 2 seconds");
        } else {
          say("connection", answer.status === 403 ? "This link no longer opens the class." : "The class is not answering; retrying…");
        }
      } catch (err) {
        say("connection", "Connection lost; retrying…");
      }
    };
    const startPolling = () => {
      if (!pollTimer) pollTimer = setInterval(poll, POLL_MS);
      poll();
    };
    const connect = () => {
      if (!("WebSocket" in window)) return startPolling();
      const scheme = location.protocol === "https:" ? "wss://" : "ws://";
      try {
        socket = new WebSocket(scheme + location.host + "/api/live?" + liveQuery);
      } catch (err) {
        socket = null;
        return startPolling();
      }
      socket.onopen = () => {
        say("connection", "Live");
        if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
      };
      socket.onmessage = (message) => take(JSON.parse(message.data));
      socket.onclose = () => {
        socket = null;
        startPolling();
        setTimeout(connect, RETRY_MS);
      };
    };
    connect();
    poll();
    return {refresh: poll};
  }

  function renderMoment(state) {
    say("title", state.title || "Circle");
    say("turn", state.ended ? "" : `· decision ${state.turn + 1}`);
    say("narration", state.narration || "");
    const lines = el("lines");
    lines.replaceChildren(...(state.lines || []).map((line) => {
      const item = make("li");
      item.append(make("strong", "speaker", line.name + ": "), make("q", null, line.text));
      return item;
    }));
  }

  function renderVerdict(state) {
    const verdict = state.verdict;
    show("verdict", Boolean(verdict));
    if (!verdict) return;
    el("verdict").dataset.verdict = verdict.verdict;
    say("verdict-mark", verdict.mark);
    say("verdict-line", verdict.verdict_line);
    say("verdict-taken", `The class took ${verdict.shown}: “${verdict.text}”`);
    const votes = verdict.class && (verdict.class.second || verdict.class.first);
    say("verdict-class", votes ? `The class's votes: ${tallyWords(votes)}.` : "");
    say("verdict-need", capital(verdict.need_text) + ".");
    say("verdict-feedback", verdict.feedback || "");
  }

  function renderEnding(state) {
    show("ending", Boolean(state.ending));
    show("moment", !state.ending || Boolean(state.narration));
    if (!state.ending) return;
    say("ending-words", state.ending.words);
    say("ending-text", state.ending.text);
    el("ending-first").replaceChildren(...state.ending.first_lines.map((line) => make("li", null, line)));
  }

  function tallyWords(tally) {
    if (!tally) return "no votes";
    const top = Object.entries(tally.votes).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const counts = top.map(([shown, n]) => `${shown}: ${n}`).join(", ");
    return `${tally.total} vote${tally.total === 1 ? "" : "s"} (${counts}; lead ${tally.stances.lead}, follow ${tally.stances.follow})`;
  }

  function renderDebrief(state) {
    show("debrief", Boolean(state.debrief));
    if (!state.debrief) return;
    el("debrief-list").replaceChildren(...state.debrief.map((row) => {
      const item = make("li", "decision");
      item.dataset.verdict = row.verdict;
      item.append(make("p", "taken", `${row.mark} ${row.shown}. ${row.text}`),
                  make("p", null, row.verdict_line + ` The group needed you to ${row.need}: ${row.need_reason}`),
                  make("p", "quiet", "First vote: " + tallyWords(row.first) +
                       (row.second ? ". Second vote: " + tallyWords(row.second) : "") + "."));
      return item;
    }));
  }

  // One bar per choice: its number, its words, its count. Nobody's name is ever known here.
  function renderBars(listId, choices, votes, total) {
    const most = Math.max(1, ...choices.map((c) => votes[String(c.shown)] || 0));
    el(listId).replaceChildren(...choices.map((choice) => {
      const count = votes[String(choice.shown)] || 0;
      const item = make("li", "bar-row");
      const label = make("span", "bar-label");
      label.append(make("span", "num", String(choice.shown)), make("span", "tag " + choice.stance, choice.stance.toUpperCase()),
                   make("span", "bar-text", choice.text));
      const track = make("span", "track");
      track.setAttribute("aria-hidden", "true");
      const fill = make("span", "fill " + choice.stance);
      fill.style.width = `${Math.round((100 * count) / most)}%`;
      track.append(fill);
      item.append(label, track, make("span", "count", `${count} vote${count === 1 ? "" : "s"}`));
      return item;
    }));
  }

  const capital = (text) => text ? text[0].toUpperCase() + text.slice(1) : "";

  return {el, make, say, show, live, renderMoment, renderVerdict, renderEnding, renderDebrief, renderBars};
})();
