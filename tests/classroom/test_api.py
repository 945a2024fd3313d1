"""The classroom's routes, as a contract: statuses, shapes, and nothing counted twice."""
import json
import time

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect


def test_the_state_route_gives_the_moment_as_numbered_on_the_projector(room):
    state = room.state()
    assert {"node", "turn", "open", "choices", "votes"} <= set(state)
    assert state["node"] == room.session.node_id and state["turn"] == 0 and state["open"] is True
    shown = [c.shown for c in room.session.shown_choices]
    assert [c["shown"] for c in state["choices"]] == shown
    assert all(set(c) >= {"shown", "text", "stance"} and c["stance"] in ("lead", "follow") for c in state["choices"])
    assert state["votes"] == {str(k): 0 for k in shown}


def test_a_vote_is_counted_and_a_second_vote_replaces_the_first(room):
    assert room.vote("amy", 1, "lead").status_code == 200
    assert room.vote("amy", 2, "follow").status_code == 200
    assert room.vote("ben", 2, "follow").status_code == 200
    votes = room.state()["votes"]
    assert votes["1"] == 0 and votes["2"] == 2


def test_a_replayed_vote_is_counted_once(room):
    for _ in range(3):
        assert room.vote("amy", 1).status_code == 200
    state = room.state()
    assert state["votes"]["1"] == 1 and state["total"] == 1


def test_a_forged_code_is_refused_with_403_and_counts_nothing(room):
    answer = room.http.post("/api/vote", json={"code": "ZZZZZZ", "voter": "x", "shown": 1, "stance": "lead"})
    assert answer.status_code == 403
    assert room.http.get("/api/state", params={"code": "ZZZZZZ"}).status_code == 403
    assert room.http.get("/j/ZZZZZZ").status_code == 403
    assert room.state()["total"] == 0


def test_a_lower_case_code_is_the_same_code(room):
    assert room.http.get(f"/j/{room.code.lower()}").status_code == 200


def test_a_number_not_offered_or_a_closed_vote_is_422(room):
    assert room.vote("amy", 99).status_code == 422
    assert room.vote("amy", 0).status_code == 422
    room.act("close")
    assert room.vote("amy", 1).status_code == 422
    assert room.state()["total"] == 0


def test_a_vote_for_an_earlier_moment_is_422(room):
    assert room.vote("amy", 1, turn=0).status_code == 200
    room.act("take")
    assert room.vote("amy", 1, turn=0).status_code == 422


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe", b'"a string"', b"[1, 2]", b"{}",
                                  b'{"code": 5}'])
def test_malformed_bodies_are_refused_with_400_or_422(room, body):
    answer = room.http.post("/api/vote", content=body, headers={"content-type": "application/json"})
    assert answer.status_code in (400, 422)
    assert room.state()["total"] == 0


@pytest.mark.parametrize("change", [{"shown": "two"}, {"shown": True}, {"shown": -1}, {"stance": "maybe"},
                                    {"voter": ""}, {"voter": "v" * 65}, {"voter": 12}, {"turn": "x"}])
def test_a_ballot_with_a_wrong_field_is_422(room, change):
    ballot = {"code": room.code, "voter": "amy", "shown": 1, "stance": "lead", **change}
    assert room.http.post("/api/vote", json=ballot).status_code == 422
    assert room.state()["total"] == 0


def test_a_body_over_one_kilobyte_is_413(room):
    ballot = {"code": room.code, "voter": "amy", "shown": 1, "stance": "lead", "padding": "x" * 1100}
    assert room.http.post("/api/vote", json=ballot).status_code == 413

    def chunks():   # no Content-Length: the server must stop reading at the cap all the same
        yield json.dumps(ballot)[:600].encode()
        yield b"x" * 600
    assert room.http.post("/api/vote", content=chunks()).status_code == 413
    assert room.state()["total"] == 0


def test_a_flood_from_one_voter_is_429_and_counted_once_while_others_still_vote(room):
    statuses = [room.vote("flooder", 1).status_code for _ in range(12)]
    assert statuses[:5] == [200] * 5 and 429 in statuses
    assert room.vote("neighbour", 1).status_code == 200   # same address, another phone: still counted
    assert room.state()["votes"]["1"] == 2
    time.sleep(1.05)
    assert room.vote("flooder", 2).status_code == 200     # a second later, the voter may vote again


def test_the_instructor_routes_need_the_token(room):
    assert room.http.get("/api/instructor", params={"token": "nope"}).status_code == 403
    assert room.http.get("/api/instructor").status_code == 403
    assert room.http.get("/i/nope").status_code == 403
    for action in ("open", "close", "reveal", "take", "rewind", "finish"):
        assert room.http.post(f"/api/instructor/{action}", params={"token": "nope"}, json={}).status_code == 403
    assert room.http.post("/api/instructor/take", json={"token": room.code}).status_code == 403
    assert room.http.get(f"/i/{room.token}").status_code == 200
    assert room.http.get("/api/instructor", params={"token": room.token}).status_code == 200
    assert room.http.post("/api/instructor/close", json={"token": room.token}).status_code == 200
    assert room.state()["open"] is False


def test_the_winner_is_taken_and_its_verdict_reaches_every_phone(room):
    room.vote("amy", 2, "follow")
    room.vote("ben", 2, "lead")
    room.vote("cat", 1, "lead")
    answer = room.act("take")
    assert answer.status_code == 200 and answer.json()["taken"] == 2
    state = room.state()
    assert state["turn"] == 1 and state["open"] is True     # headless: the next vote opens by itself
    verdict = state["verdict"]
    reaction = room.session.history[-1] if room.session.history else None
    assert verdict["shown"] == 2 and verdict["verdict"] in ("met", "partly", "missed")
    assert reaction is not None and verdict["verdict_line"] == reaction.verdict_line
    assert verdict["class"]["first"]["votes"]["2"] == 2


def test_a_tie_is_the_presenters_to_pick(room):
    room.vote("amy", 1)
    room.vote("ben", 2)
    tie = room.act("take")
    assert tie.status_code == 409 and sorted(tie.json()["tied"]) == [1, 2]
    assert room.act("take", shown=3).status_code == 422      # not among the tied choices
    assert room.act("take", shown=2).json()["taken"] == 2


def test_the_second_vote_is_kept_apart_from_the_first_and_decides(room):
    room.vote("amy", 1, "lead")
    room.vote("ben", 1, "lead")
    room.act("close")
    room.act("reveal")
    assert room.state()["split"] == {"lead": 2, "follow": 0}
    room.act("open")                                          # re-opened: the second vote
    state = room.state()
    assert state["round"] == 2 and state["total"] == 0
    room.vote("amy", 2, "follow")
    room.vote("ben", 2, "follow")
    assert room.act("take").json()["taken"] == 2
    decision = room.room.decisions[-1]
    assert decision.first["votes"]["1"] == 2 and decision.second["votes"]["2"] == 2 and decision.switched == 2


def test_rewind_takes_the_choice_back_and_forgets_its_votes(room):
    room.vote("amy", 1)
    room.act("take")
    assert room.state()["turn"] == 1
    assert room.act("rewind").json()["rewound"] is True
    state = room.state()
    assert state["turn"] == 0 and state["verdict"] is None and state["total"] == 0
    assert room.room.decisions == []


def test_the_class_session_is_kept_in_the_records_with_its_votes(room, tmp_path):
    room.vote("amy", 1, "lead")
    room.act("close")
    room.act("open")
    room.vote("amy", 2, "follow")
    room.act("take")
    from game.records import Records
    from game.records.class_votes import class_votes, is_class_session
    records = Records(tmp_path / "records")
    try:
        (attempt,) = records.attempts()
        assert attempt.choices == room.session.choice_numbers
        assert is_class_session(records, attempt.id)
        (decision,) = class_votes(records, attempt.id)
        assert decision["taken"] == 2 and decision["first"]["votes"]["1"] == 1
        assert decision["second"]["votes"]["2"] == 1 and decision["switched"] == 1
    finally:
        records.close()


def test_the_live_socket_pushes_each_change_and_refuses_a_forged_code(room):
    url = room.base.replace("http://", "ws://") + "/api/live?code=" + room.code
    with connect(url, open_timeout=5) as socket:
        first = json.loads(socket.recv(timeout=5))
        assert first["total"] == 0
        room.vote("amy", 1)
        while True:
            state = json.loads(socket.recv(timeout=5))
            if state["total"] == 1:
                break
    with pytest.raises(InvalidStatus):
        connect(room.base.replace("http://", "ws://") + "/api/live?code=ZZZZZZ", open_timeout=5)


def test_pages_keep_the_token_and_the_scripts_to_themselves(room):
    page = room.http.get(f"/i/{room.token}")
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert room.token not in page.text    # the page reads it from its own address, never echoes it
    assert room.http.get("/static/../web.py").status_code == 404
    assert room.http.get("/static/student.js").headers["content-type"].startswith("text/javascript")


def test_the_qr_code_is_an_svg_of_the_join_address(room):
    answer = room.http.get("/api/qr.svg", params={"code": room.code})
    assert answer.status_code == 200 and answer.text.lstrip().startswith("<svg")
    assert room.http.get("/api/qr.svg", params={"code": "ZZZZZZ"}).status_code == 403


def test_the_session_goes_on_after_bad_input(room):
    room.http.post("/api/vote", content=b"{", headers={"content-type": "application/json"})
    room.http.post("/api/vote", json={"code": "bad", "voter": "x", "shown": 1, "stance": "lead"})
    assert room.vote("amy", 1).status_code == 200
    assert room.act("take").status_code == 200
    assert room.state()["turn"] == 1
