"use strict";
// The instructor's page: the room, the live tally, and the controls of the session.
(() => {
  const {el, make, say, show, live} = Circle;
  const token = decodeURIComponent(location.pathname.split("/")[2] || "");
  let current = null;
  let feed = null;

  async function act(action, extra) {
    say("message", "");
    try {
      const answer = await fetch(`/api/instructor/${action}?token=${encodeURIComponent(token)}`, {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(extra || {})});
      const body = await answer.json().catch(() => ({}));
      if (answer.ok) {
        show("tie", false);
        if (body.state) onState(body.state);
      } else if (answer.status === 409 && body.tied) {
        offerTie(body.error, body.tied);
      } else {
        say("message", body.error || `The request failed (${answer.status}).`);
      }
    } catch (err) {
      say("message", "The request was not sent: the connection was lost.");
    }
    feed && feed.refresh();
  }

  function offerTie(words, tied) {
    say("tie-words", capital(words) + ": pick the choice to take.");
    el("tie-buttons").replaceChildren(...tied.map((shown) => {
      const button = make("button", null, `Take ${shown}`);
      button.type = "button";
      button.addEventListener("click", () => act("take", {shown}));
      return button;
    }));
    show("tie", true);
    el("tie-buttons").firstChild && el("tie-buttons").firstChild.focus();
  }

  const capital = (text) => text ? text[0].toUpperCase() + text.slice(1) : "";

  function renderJoin(state) {
    const join = state.urls && state.urls.join;
    if (!join) return;
    const link = el("join-link");
    if (link.href !== join) { link.href = join; link.textContent = join; }
    const code = join.split("/").pop();
    say("join-code", code);
    const qr = "/api/qr.svg?code=" + encodeURIComponent(code);
    if (el("qr").getAttribute("src") !== qr) el("qr").setAttribute("src", qr);
  }

  function voteWords(state) {
    if (state.ended) return "The session has ended.";
    const round = state.round > 1 ? "The second vote" : "The vote";
    return `${round} is ${state.open ? "open" : "closed"}: ${state.total} vote${state.total === 1 ? "" : "s"}.` +
           (state.leaders.length > 1 ? ` A tie between ${state.leaders.join(" and ")}.` : "");
  }

  function renderControls(state) {
    say("round", state.round > 1 ? "· second vote" : "");
    say("vote-state", voteWords(state));
    el("open").disabled = state.open || state.ended;
    el("open").textContent = state.round >= 1 && state.total > 0 && !state.open && state.round < 2 ? "Re-open for a second vote" : "Open the vote";
    el("close").disabled = !state.open;
    el("reveal").disabled = state.ended || state.revealed;
    el("take").disabled = state.ended;
    el("rewind").disabled = state.turn === 0;
    show("finish", state.headless);
  }

  function renderTally(state) {
    const s = state.stances || {lead: 0, follow: 0};
    say("stances", state.ended ? "" : `Read the room: lead ${s.lead}, follow ${s.follow}.`);
    Circle.renderBars("bars", state.choices, state.votes);
    const first = state.first_round;
    say("first-round", first ? `First vote: ${first.total} votes, lead ${first.stances.lead}, follow ${first.stances.follow}.` : "");
  }

  function onState(state) {
    current = state;
    Circle.renderMoment(state);
    renderJoin(state);
    renderControls(state);
    renderTally(state);
    Circle.renderVerdict(state);
    Circle.renderEnding(state);
    Circle.renderDebrief(state);
  }

  for (const action of ["open", "close", "reveal", "take", "rewind", "finish"]) {
    el(action).addEventListener("click", () => act(action));
  }
  feed = live("/api/instructor?token=" + encodeURIComponent(token), "token=" + encodeURIComponent(token), onState);
})();
