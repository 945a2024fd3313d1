"""The vote model and the limits, without a server."""
import pytest

from game.classroom.limits import Limits, SlidingWindow
from game.classroom.votes import VoteBox, VoteRefused


def box_with(offered=(1, 2, 3)) -> VoteBox:
    box = VoteBox()
    box.start(0, "opening", offered, open_now=True)
    return box


def test_only_counts_ever_leave_the_box():
    box = box_with()
    box.vote("amy", "lead", 1)
    view = box.view()
    assert "amy" not in repr(view)
    assert view["votes"] == {"1": 1, "2": 0, "3": 0} and view["stances"] == {"lead": 1, "follow": 0}


def test_the_first_open_after_a_close_with_votes_is_the_second_vote():
    box = box_with()
    box.vote("amy", "lead", 1)
    box.close()
    assert box.open() and box.view()["round"] == 2
    box.close()
    assert box.open() and box.view()["round"] == 2      # two rounds at most


def test_an_empty_first_round_is_simply_opened_again():
    box = box_with()
    box.close()
    box.open()
    assert box.view()["round"] == 1


def test_the_second_vote_decides_when_it_was_cast():
    box = box_with()
    box.vote("amy", "lead", 1)
    box.close()
    box.open()
    box.vote("amy", "follow", 3)
    assert box.leaders() == [3]
    decision = box.finish()
    assert decision.switched() == 1 and decision.tally(1).votes[1] == 1


def test_ties_and_no_votes_leave_the_pick_to_the_presenter():
    box = box_with()
    assert box.leaders() == []
    box.vote("amy", "lead", 1)
    box.vote("ben", "lead", 2)
    assert box.leaders() == [1, 2]


@pytest.mark.parametrize("shown", [0, 4, 99])
def test_a_number_not_offered_is_refused(shown):
    with pytest.raises(VoteRefused) as refused:
        box_with().vote("amy", "lead", shown)
    assert refused.value.status == 422


def test_nothing_is_counted_once_the_decision_is_taken():
    box = box_with()
    box.finish()
    with pytest.raises(VoteRefused):
        box.vote("amy", "lead", 1)


def test_the_window_lets_five_a_second_through_per_key():
    now = [0.0]
    window = SlidingWindow(5, 1.0, clock=lambda: now[0])
    assert [window.allow("a") for _ in range(6)] == [True] * 5 + [False]
    assert window.allow("b")                  # another voter is not held back
    now[0] = 1.0
    assert window.allow("a")


def test_a_class_behind_one_address_is_not_held_back():
    limits = Limits(clock=lambda: 0.0)
    assert all(limits.vote_from_address("10.0.0.1") for _ in range(120))
    assert all(limits.vote_from_voter(f"phone-{n}") for n in range(120))


def test_a_script_rotating_voter_ids_from_one_address_is_stopped():
    from game.classroom.limits import VOTES_PER_ADDRESS
    limits = Limits(clock=lambda: 0.0)
    allowed = [limits.vote_from_address("10.0.0.9") for _ in range(VOTES_PER_ADDRESS + 10)]
    assert allowed.count(True) == VOTES_PER_ADDRESS and not allowed[-1]
    assert limits.vote_from_address("10.0.0.10")      # another address is not held back
