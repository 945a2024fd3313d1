"""Editing while playing: a saved scenario file is read again by itself, its errors are listed
on screen while play goes on, and a fix clears them."""
from __future__ import annotations

import pygame

from game.scenario import load_path
from game.ui.scenes.play.reload import problems_area
from game.ui.watch import FileWatch
from tests.ui.driver import SMALL, click, frames, key, number_key, start_app

TENTH = 0.1   # simulated seconds per frame: the watch counts the time the app gives it


def step(app, seconds: float) -> None:
    for _ in range(round(seconds / TENTH)):
        app.step([], TENTH)


def to_choices(app, play) -> None:
    for _ in range(30):
        if play.stage != "lines":
            break
        frames(app, 1, [key(pygame.K_SPACE)])
    assert play.stage in ("choose", "ended")


def at_the_second_node(tmp_path):
    """The small scenario, copied where the test may edit it, played up to its second node."""
    mine = tmp_path / "mine.yaml"
    mine.write_text(SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    app = start_app(scenario=str(mine))
    app.change_setting("animations", False)
    frames(app, 1, [key(pygame.K_RETURN)])
    play = app.scene
    to_choices(app, play)
    frames(app, 1, [number_key(1)])
    assert play.session.node_id == "middle"
    return app, play, mine


def edited(mine, old: str, new: str) -> None:
    mine.write_text(mine.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


BROKEN = (("next: end_growth", "next: nowhere"),
          ("stance: follow\n        skill: silence\n        expert: true",
           "stance: sideways\n        skill: silence\n        expert: true"))


def test_a_saved_edit_reloads_by_itself_and_play_stays_on_the_node(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    edited(mine, "Ben looks at the floor.", "Ben stares at his shoes.")
    step(app, 2.0)
    assert play.state.node.narration == "Ben stares at his shoes."
    assert play.session.node_id == "middle" and play.session.turn == 1
    assert play.log.session is play.session, "the attempt is logged against the reloaded session"
    assert "Reloaded" in play.state.effects.toasts.toasts[-1].text


def test_nothing_is_read_before_a_second_has_passed_and_the_file_held_still(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    edited(mine, "Ben looks at the floor.", "Ben stares at his shoes.")
    step(app, 0.2)
    assert play.state.node.narration == "Ben looks at the floor.", "polled about once a second, not every frame"


def test_a_half_written_save_is_not_read(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    whole = mine.read_text(encoding="utf-8").replace("Ben looks at the floor.", "Ben stares at his shoes.")
    mine.write_text(whole[: len(whole) // 2], encoding="utf-8")     # the editor is still writing...
    for _ in range(30):
        if play.state.watch.settling:
            break
        app.step([], TENTH)
    assert play.state.watch.settling and play.state.problems is None
    mine.write_text(whole, encoding="utf-8")                         # ...and now it has finished
    step(app, 2.0)
    assert play.state.problems is None, "the half file was never read"
    assert play.state.node.narration == "Ben stares at his shoes."


def test_a_file_with_errors_lists_every_error_and_play_goes_on_until_it_is_fixed(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    good = mine.read_text(encoding="utf-8")
    for old, new in BROKEN:
        edited(mine, old, new)
    expected = load_path(mine).errors
    assert len(expected) >= 2
    step(app, 2.0)
    panel = play.state.problems
    assert panel is not None and panel.shown
    assert len(panel.errors) == len(expected)
    for error, diagnostic in zip(panel.errors, expected):
        assert error.startswith(f"mine.yaml:{diagnostic.line}:{diagnostic.col}: [{diagnostic.code}]")
    area = panel.rect(problems_area(play.layout, play.text))
    assert app.canvas.get_at((area.x + 3, area.centery))[:3] == app.palette.warning, "the panel is on screen"

    to_choices(app, play)
    frames(app, 2, [number_key(1)])            # play goes on with the last good version
    assert play.session.turn == 2 and play.session.ended
    frames(app, 1, [key(pygame.K_ESCAPE)])
    assert not panel.shown and play.state.problems is panel, "Esc hides the list; a reminder stays"
    frames(app, 1, click(app, panel.chip_rect(problems_area(play.layout, play.text)).center))
    assert panel.shown

    mine.write_text(good, encoding="utf-8")
    step(app, 2.0)
    assert play.state.problems is None, "a fixed file clears the panel by itself"
    assert play.session.turn == 2 and play.session.ended


def test_many_errors_scroll_in_their_panel(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    text = mine.read_text(encoding="utf-8")
    for n in range(30):   # thirty choices each pointing nowhere: thirty errors
        text = text.replace("    choices:\n", f"    choices:\n      - {{text: Go {n}., stance: lead, next: gone_{n}}}\n", 1)
    mine.write_text(text, encoding="utf-8")
    frames(app, 2, [key(pygame.K_F5)])
    panel = play.state.problems
    assert panel is not None and len(panel.errors) == len(load_path(mine).errors) >= 30
    area = panel.rect(problems_area(play.layout, play.text))
    assert play.play.circle.contains(area)
    wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-3, flipped=False)
    frames(app, 2, [pygame.event.Event(pygame.MOUSEMOTION, pos=area.center, rel=(0, 0), buttons=(0, 0, 0)), wheel])
    assert panel.scroll > 0
    frames(app, 2, [key(pygame.K_PAGEDOWN)] * 40)
    assert panel.scroll == panel._max_scroll > 0


def test_the_watch_fires_once_per_settled_change(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text("a", encoding="utf-8")
    watch = FileWatch(path)
    assert not any(watch.update(0.1) for _ in range(30)), "an unchanged file never fires"
    path.write_text("bb", encoding="utf-8")
    fired = [watch.update(0.1) for _ in range(30)]
    assert fired.count(True) == 1
    path.unlink()
    fired = [watch.update(0.1) for _ in range(30)]
    assert fired.count(True) == 1, "a file that went away is a change too (its reload says why)"


TAGGED = {"int-text": ("level: beginner", 'level: !!int "abc"'),
          "bool-maybe": ("level: beginner", 'level: !!bool "maybe"'),
          "stance-int": ("stance: follow\n        skill: silence\n        expert: true",
                         'stance: !!int "lead"\n        skill: silence\n        expert: true'),
          "merge-loop": ("focus: testing", "focus: testing\nloop: &a {<<: *a}")}


def test_f5_and_the_watch_on_files_with_explicit_yaml_tags_show_a_problem_never_a_crash(tmp_path):
    app, play, mine = at_the_second_node(tmp_path)
    good = mine.read_text(encoding="utf-8")
    for old, new in TAGGED.values():
        mine.write_text(good.replace(old, new), encoding="utf-8")
        frames(app, 2, [key(pygame.K_F5)])
        assert play.state.problems is not None and play.state.problems.errors, new
        mine.write_text(good, encoding="utf-8")
        step(app, 2.0)
        assert play.state.problems is None
        mine.write_text(good.replace(old, new), encoding="utf-8")
        step(app, 2.0)
        assert play.state.problems is not None, f"the watch too: {new}"
    assert play.session.node_id == "middle"


def test_a_loader_that_raises_on_reload_is_a_problem_on_screen(tmp_path, monkeypatch):
    import game.scenario

    app, play, mine = at_the_second_node(tmp_path)

    def broken(path):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(game.scenario, "load_path", broken)
    frames(app, 2, [key(pygame.K_F5)])
    assert play.state.problems is not None
    assert "mine.yaml" in play.state.problems.errors[0] and "RecursionError" in play.state.problems.errors[0]
    to_choices(app, play)
    frames(app, 2, [number_key(1)])
    assert play.session.turn == 2, "play goes on with the last good version"
