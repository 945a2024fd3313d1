"use strict";
// The students' page: read the room (lead or follow?), pick a choice, see the verdict.
(() => {
  const {el, make, say, show, live} = Circle;
  const code = decodeURIComponent(location.pathname.split("/")[2] || "");
  let current = null;          // the last state shown
  let offeredKey = "";         // which choices the radio buttons were built for
  let mine = null;             // {turn, round, shown, stance}: my counted vote

  // A random id kept on this device, so sending again replaces my vote instead of adding one.
  function voterId() {
    const key = "circle-voter-" + code;
    let id = localStorage.getItem(key);
    if (!id) {
      const bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem(key, id);
    }
    return id;
  }

  function stance() {
    const picked = document.querySelector("input[name=stance]:checked");
    return picked ? picked.value : null;
  }

  function buildChoices(state) {
    const key = `${state.turn}:${state.node}:${state.choices.map((c) => c.shown + c.text).join("|")}`;
    if (key === offeredKey) return;
    offeredKey = key;
    document.querySelectorAll("input[name=stance]").forEach((input) => { input.checked = false; });
    el("choices").replaceChildren(...state.choices.map((choice) => {
      const label = make("label", "option choice");
      const input = make("input");
      input.type = "radio";
      input.name = "choice";
      input.value = String(choice.shown);
      label.append(input, make("span", "num", String(choice.shown)),
                   make("span", "tag " + choice.stance, choice.stance.toUpperCase()), make("span", "choice-text", choice.text));
      return label;
    }));
  }

  function enable(state) {
    const open = state.open && !state.ended;
    el("stance-set").disabled = !open;
    el("choice-set").disabled = !open || !stance();
    show("choice-hint", open && !stance());
    el("send").disabled = !open || !stance() || !document.querySelector("input[name=choice]:checked");
  }

  function voteWords(state) {
    if (state.ended) return "The session has ended. Thank you for voting.";
    if (!state.choices.length) return "Nothing to vote on here.";
    if (!state.open) {
      return mine && mine.turn === state.turn ? "The vote is closed. Discuss with your neighbours." : "Waiting for the vote to open.";
    }
    const which = state.round > 1 ? "The second vote is open: you may change your mind." : "The vote is open.";
    return `${which} ${state.total} vote${state.total === 1 ? "" : "s"} so far.`;
  }

  function renderSplit(state) {
    show("split", Boolean(state.split) && !state.ended);
    if (!state.split) return;
    say("split-stances", `Read the room: lead ${state.split.lead}, follow ${state.split.follow}.`);
    Circle.renderBars("split-bars", state.choices, state.votes);
  }

  function onState(state) {
    const newMoment = !current || current.turn !== state.turn || current.node !== state.node;
    const newRound = current && current.round !== state.round;
    current = state;
    if (newMoment || newRound) { mine = null; say("sent", ""); }
    Circle.renderMoment(state);
    buildChoices(state);
    show("vote", !state.ended && state.choices.length > 0);
    say("vote-state", voteWords(state));
    enable(state);
    renderSplit(state);
    Circle.renderVerdict(state);
    Circle.renderEnding(state);
    Circle.renderDebrief(state);
  }

  async function send(event) {
    event.preventDefault();
    const picked = document.querySelector("input[name=choice]:checked");
    if (!current || !picked || !stance()) return;
    const ballot = {code, voter: voterId(), shown: Number(picked.value), stance: stance(), turn: current.turn};
    el("send").disabled = true;
    try {
      const answer = await fetch("/api/vote", {method: "POST", headers: {"Content-Type": "application/json"},
                                               body: JSON.stringify(ballot)});
      const body = await answer.json().catch(() => ({}));
      if (answer.ok) {
        mine = {turn: current.turn, round: current.round, shown: ballot.shown, stance: ballot.stance};
        say("sent", `Counted: ${ballot.shown}, and you said the group needs you to ${ballot.stance}. ` +
                    "You can change your vote while the vote is open.");
      } else {
        say("sent", answer.status === 429 ? "Too fast: wait a second and send again." : `Not counted: ${body.error || answer.status}.`);
      }
    } catch (err) {
      say("sent", "Not sent: the connection was lost. Try again.");
    }
    enable(current);
  }

  el("vote").addEventListener("submit", send);
  el("vote").addEventListener("change", () => current && enable(current));
  live("/api/state?code=" + encodeURIComponent(code), "code=" + encodeURIComponent(code), onState);
})();
